// Shared by the benchmarks: repeated timing with median/min/max, a
// line-per-figure printer so results can be pasted into the README, the size
// knobs, and the report corpus.
//
// Knobs (environment):
//   POLICYDB_BENCH_RUNS=N        timed runs after the warm-up (default 5)
//   POLICYDB_BENCH_SCALE=small   CI-sized inputs: every figure still runs, in seconds
//   POLICYDB_CORPUS=DIR          report files to repeat (default ../shared/corpus)
#pragma once

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace policydb::bench {

struct Stats {
  double median = 0, min = 0, max = 0;  // seconds (or whatever the samples are)
};

// Median, min and max of `samples` (which it sorts). Empty → zeros.
inline Stats stats_of(std::vector<double>& samples) {
  if (samples.empty()) return {};
  std::sort(samples.begin(), samples.end());
  return {samples[samples.size() / 2], samples.front(), samples.back()};
}

// The nearest-rank percentile `p` (0 < p <= 1) of `sorted` (ascending): the
// smallest sample with at least a share p of all samples at or below it. For 100
// samples p = 0.99 is the 99th, not the largest. Empty → 0.
inline double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const double rank = std::ceil(p * double(sorted.size()) - 1e-9);  // 0.99 × 100 may round up
  return sorted[std::clamp<std::size_t>(static_cast<std::size_t>(rank), 1, sorted.size()) - 1];
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs `body` once as a warm-up, then `runs` times; returns seconds per run.
inline Stats measure(int runs, const std::function<void()>& body) {
  body();
  std::vector<double> seconds;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    body();
    seconds.push_back(seconds_since(start));
  }
  return stats_of(seconds);
}

// For a ratio of two figures: `a` and `b` each run once as a warm-up, then
// `runs` times in turn (a, b, a, b, ...), so that a machine that slows down or
// speeds up during the run weighs on both alike. Each returns its seconds.
inline std::pair<Stats, Stats> alternate(int runs, const std::function<double()>& a,
                                         const std::function<double()>& b) {
  a();
  b();
  std::vector<double> first, second;
  for (int i = 0; i < runs; ++i) {
    first.push_back(a());
    second.push_back(b());
  }
  return {stats_of(first), stats_of(second)};
}

// "<name>: <median> <unit> (min <a>, max <b>)" where the figure is work / seconds.
inline void print_rate(const std::string& name, double work, const Stats& s, const char* unit) {
  std::printf("%-58s %12.2f %-7s (min %.2f, max %.2f)\n", name.c_str(), work / s.median, unit,
              work / s.max, work / s.min);
  std::fflush(stdout);
}

// A figure that is a value itself (latency, bytes, ratio) rather than a rate.
inline void print_value(const std::string& name, double median, double min, double max, const char* unit) {
  std::printf("%-58s %12.2f %-7s (min %.2f, max %.2f)\n", name.c_str(), median, unit, min, max);
  std::fflush(stdout);
}

// A single derived figure (a ratio of two medians, a target check).
inline void print_note(const std::string& name, double value, const char* unit, const std::string& note = "") {
  std::printf("%-58s %12.2f %-7s %s\n", name.c_str(), value, unit, note.c_str());
  std::fflush(stdout);
}

inline int runs_from_env(int fallback) {
  const char* value = std::getenv("POLICYDB_BENCH_RUNS");
  return value ? std::max(1, std::atoi(value)) : fallback;
}

// True when POLICYDB_BENCH_SCALE=small (CI keeps the benchmarks working with it).
inline bool small_scale() {
  const char* value = std::getenv("POLICYDB_BENCH_SCALE");
  return value && std::strcmp(value, "small") == 0;
}

inline std::filesystem::path corpus_dir() {
  const char* value = std::getenv("POLICYDB_CORPUS");
  return value ? std::filesystem::path(value) : std::filesystem::path(POLICYDB_SHARED_DIR) / "corpus";
}

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The report files of the corpus, in name order. Exits when there are none:
// every text figure needs them.
inline std::vector<std::string> corpus_texts() {
  std::vector<std::filesystem::path> paths;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(corpus_dir(), ec)) {
    if (entry.is_regular_file()) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths) texts.push_back(slurp(p));
  if (texts.empty()) {
    std::fprintf(stderr, "no corpus files in %s (set POLICYDB_CORPUS)\n", corpus_dir().c_str());
    std::exit(2);
  }
  return texts;
}

}  // namespace policydb::bench
