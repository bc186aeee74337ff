#!/usr/bin/env node
// Figure 4 of the benchmark suite (issue 7): Microsoft Recognizers-Text, the
// peer, over the same report text that extract_bench measures policydb on.
//
// Models are built once (Chinese culture) and fed the text line by line, as
// an application would feed paragraphs. Two model sets:
//   all     number, percentage, ordinal, currency, dimension, datetime: the
//           peer doing what policydb's extractor does (numbers, units, periods)
//   number  number, percentage, ordinal only: the peer's cheapest useful set
//
// usage: node recognizers_bench.js all|number RUNS FILE...
// Prints one line per model set that scripts/bench.sh parses:
//   peer <set> <MB/s median> <MB/s min> <MB/s max> <bytes per run> <runs>
// The package is installed by scripts/bench.sh into a scratch folder whose
// node_modules is on NODE_PATH; nothing of the peer is vendored.
'use strict';
const fs = require('fs');
const { Culture } = require('@microsoft/recognizers-text-suite');
const { NumberRecognizer } = require('@microsoft/recognizers-text-number');
const { NumberWithUnitRecognizer } = require('@microsoft/recognizers-text-number-with-unit');
const { DateTimeRecognizer } = require('@microsoft/recognizers-text-date-time');

function buildModels(set) {
  const numbers = new NumberRecognizer(Culture.Chinese);
  const models = [numbers.getNumberModel(), numbers.getPercentageModel(), numbers.getOrdinalModel()];
  if (set === 'all') {
    const units = new NumberWithUnitRecognizer(Culture.Chinese);
    models.push(units.getCurrencyModel(), units.getDimensionModel());
    models.push(new DateTimeRecognizer(Culture.Chinese).getDateTimeModel());
  }
  return models;
}

// One pass over every line; returns the number of entities found (so the work
// cannot be optimized away and a broken install shows up as 0).
function pass(models, lines, reference) {
  let found = 0;
  for (const line of lines) {
    for (const model of models) found += model.parse(line, reference).length;
  }
  return found;
}

function main() {
  const [set, runsText, ...files] = process.argv.slice(2);
  if (!['all', 'number'].includes(set) || files.length === 0) {
    console.error('usage: recognizers_bench.js all|number RUNS FILE...');
    process.exit(2);
  }
  const runs = Math.max(1, parseInt(runsText, 10) || 5);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
  const lines = texts.flatMap((t) => t.split('\n')).filter((l) => l.trim().length > 0);
  const models = buildModels(set);
  const reference = new Date(2024, 0, 1);
  const found = pass(models, lines, reference);  // warm-up (JIT, lazy regexes)
  const seconds = [];
  for (let i = 0; i < runs; ++i) {
    const start = process.hrtime.bigint();
    pass(models, lines, reference);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  seconds.sort((a, b) => a - b);
  const mbps = (s) => bytes / 1e6 / s;
  const median = seconds[Math.floor(seconds.length / 2)];
  console.log(`peer ${set} ${mbps(median).toFixed(4)} ${mbps(seconds[seconds.length - 1]).toFixed(4)} ` +
              `${mbps(seconds[0]).toFixed(4)} ${bytes} ${runs} ${found}`);
}

main();
