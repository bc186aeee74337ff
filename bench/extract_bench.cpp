// Extraction throughput (issue 7, figure 3): MB/s of Extractor::extract over
// the report corpus repeated to >= 50 MB, end to end and per stage, next to a
// plain ICU NFKC pass over the same bytes measured in the same run.
//
// Stages are the public functions the extractor chains (lib/extract/
// extractor.cpp): normalize_document (decode, markup, NFKC, T→S, offset maps),
// split_sentences + split_clauses (segment), QuantityScanner::scan (numbers),
// find_periods (periods). "facts" is what extract() spends beyond those four
// (regions, labels, kinds, lists, dedupe, quotes): end to end minus the stages.
// Every rate is input bytes per second, so the stage times add up.
//
//   build-bench/bench/extract_bench [MB]   (default 50; POLICYDB_BENCH_SCALE=small: 4)
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "bench_support.h"
#include "policydb/catalog.h"
#include "policydb/extract.h"
#include "policydb/periods.h"
#include "policydb/quantity.h"
#include "policydb/text.h"

namespace bench = policydb::bench;

namespace {

// A counter the optimizer cannot drop work into.
std::atomic<std::size_t> g_sink{0};

// The corpus documents repeated until `target_bytes`, each a separate copy so
// the runs stream through memory as a large ingest would.
std::vector<std::string> repeat_corpus(std::size_t target_bytes) {
  const std::vector<std::string> corpus = bench::corpus_texts();
  std::vector<std::string> docs;
  std::size_t total = 0;
  while (total < target_bytes) {
    for (const auto& text : corpus) {
      docs.push_back(text);
      total += text.size();
    }
  }
  return docs;
}

void nfkc_all(const std::vector<std::string>& docs) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::size_t out_bytes = 0;
  for (const auto& d : docs) {
    std::string out;
    out.reserve(d.size());
    icu::StringByteSink<std::string> sink(&out);
    status = U_ZERO_ERROR;
    nfkc->normalizeUTF8(0, icu::StringPiece(d.data(), static_cast<int32_t>(d.size())), sink, nullptr, status);
    out_bytes += out.size();
  }
  g_sink += out_bytes;
}

void segment_all(const std::vector<std::string>& texts) {
  std::size_t clauses = 0;
  for (const auto& t : texts) {
    for (const policydb::Segment& s : policydb::split_sentences(t)) clauses += policydb::split_clauses(t, s).size();
  }
  g_sink += clauses;
}

// Extracts docs[i] for every i ≡ first (mod stride); returns the facts found.
std::size_t extract_some(const policydb::Extractor& extractor, const std::vector<std::string>& docs,
                         std::size_t first, std::size_t stride) {
  policydb::ExtractOptions options;
  options.source_name = "bench.txt";
  std::size_t facts = 0;
  for (std::size_t i = first; i < docs.size(); i += stride) facts += extractor.extract(docs[i], options).facts.size();
  return facts;
}

// Both cores extracting halves of the input at once: the per-core rate when
// the machine is full, as `policydb ingest --jobs 2` runs it.
void extract_parallel(const policydb::Extractor& extractor, const std::vector<std::string>& docs, unsigned jobs) {
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) {
    threads.emplace_back([&, t] { g_sink += extract_some(extractor, docs, t, jobs); });
  }
  for (auto& th : threads) th.join();
}

}  // namespace

int main(int argc, char** argv) {
  const double mb = argc > 1 ? std::atof(argv[1]) : (bench::small_scale() ? 4 : 50);
  const int runs = bench::runs_from_env(5);
  const auto docs = repeat_corpus(static_cast<std::size_t>(mb * 1e6));
  double bytes = 0;
  for (const auto& d : docs) bytes += double(d.size());
  const double in_mb = bytes / 1e6;
  std::printf("extract_bench: %.1f MB in %zu documents (the corpus repeated), %d runs after a warm-up, 1 thread\n",
              in_mb, docs.size(), runs);

  const auto catalog = policydb::Catalog::builtin();
  const policydb::Extractor extractor(catalog);
  const policydb::QuantityScanner scanner(*catalog);
  std::vector<std::string> texts;
  for (const auto& d : docs) texts.push_back(policydb::normalize_document(d).text());
  const policydb::Date reference{2024, 6, 30};

  const bench::Stats nfkc = bench::measure(runs, [&] { nfkc_all(docs); });
  const bench::Stats norm = bench::measure(runs, [&] {
    for (const auto& d : docs) g_sink += policydb::normalize_document(d).text().size();
  });
  const bench::Stats seg = bench::measure(runs, [&] { segment_all(texts); });
  const bench::Stats num = bench::measure(runs, [&] {
    for (const auto& t : texts) g_sink += scanner.scan(t).size();
  });
  const bench::Stats per = bench::measure(runs, [&] {
    for (const auto& t : texts) g_sink += policydb::find_periods(t, reference).size();
  });
  std::size_t facts = 0;
  const bench::Stats e2e = bench::measure(runs, [&] { facts = extract_some(extractor, docs, 0, 1); });
  const bench::Stats two = bench::measure(runs, [&] { extract_parallel(extractor, docs, 2); });

  bench::print_rate("3. ICU NFKC (normalizeUTF8), same bytes [ceiling]", in_mb, nfkc, "MB/s");
  bench::print_rate("3. stage decode+normalize (normalize_document)", in_mb, norm, "MB/s");
  bench::print_rate("3. stage segment (split_sentences+split_clauses)", in_mb, seg, "MB/s");
  bench::print_rate("3. stage numbers (QuantityScanner::scan)", in_mb, num, "MB/s");
  bench::print_rate("3. stage periods (find_periods)", in_mb, per, "MB/s");
  const double rest = e2e.median - norm.median - seg.median - num.median - per.median;
  bench::print_note("3. stage facts (extract minus the stages above)", rest > 0 ? in_mb / rest : 0, "MB/s",
                    "(derived from medians; " + std::to_string(int(100 * rest / e2e.median)) + " % of end to end)");
  bench::print_rate("3. extract end to end, 1 thread (MB/s per core)", in_mb, e2e, "MB/s");
  bench::print_rate("3. extract end to end, 2 threads, per core", in_mb / 2, two, "MB/s");
  bench::print_note("3. ICU NFKC is this many times faster than extract", e2e.median / nfkc.median, "x");
  std::printf("   (%zu facts per pass; %.1f facts per MB)\n", facts, double(facts) / in_mb);
  std::printf("extract_mbps %.4f\n", in_mb / e2e.median);  // for scripts/bench.sh (figure 4 ratio)
  return g_sink.load() == 0 ? 1 : 0;
}
