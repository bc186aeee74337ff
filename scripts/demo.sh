#!/usr/bin/env bash
# The main job on the bundled example: builds policydb, ingests the example
# report examples/data/sample_report.md into out/demo.db, prints the targets and
# how far each has come, and writes the HTML progress report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

launcher=()
# ccache, when present, with paths relative to the checkout so clones share hits.
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$PWD"
fi
# Same configuration as scripts/test.sh, so the two commands share one build.
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPOLICYDB_WERROR=ON -DPOLICYDB_BUILD_FUZZERS=ON \
  "${launcher[@]}" >/dev/null
cmake --build build -j "$(nproc)" --target policydb_cli >/dev/null

policydb=build/tools/cli/policydb
mkdir -p out
rm -f out/demo.db out/demo.db-wal out/demo.db-shm
"$policydb" ingest --db out/demo.db examples/data/sample_report.md
echo
"$policydb" progress --db out/demo.db
"$policydb" report --db out/demo.db --all --out out/report.html
echo
echo "HTML report: out/report.html"
