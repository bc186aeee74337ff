// Ingestion through the command-line tool (issue 7, figures 5 and 6).
//
//  5. `policydb ingest --jobs 1` and `--jobs 2` over a folder of 2 000 report
//     files: documents/s and the ratio (target >= 1.7x).
//  6. Peak RSS of `policydb ingest --jobs 2` over >= 1 GB of report files and
//     over 100 MB: memory must not grow with the input (target <= 200 MB, and
//     within 1.5x of the 100 MB ingest).
//
// The documents are the corpus files, each made unique by a last line with a
// letters-only reference (`bench-ref-xyz`, no digit to extract), so that every
// file is a new document (the store skips bytes it has seen). They are written
// once into the scratch folder and reused by later runs. Every run ingests into
// a fresh database; the child's wall time and its own peak RSS (wait4) are
// measured, the child's output goes to /dev/null.
//
//   build-bench/bench/ingest_bench [SCRATCH [--prepare]]  (small scale: 200 docs, 10/40 MB)
//   --prepare only writes the documents (1 GB of files takes a while);
//   --scaling runs figure 5 only, --memory figure 6 only.
//   POLICYDB_CLI=path/to/policydb overrides the tool built beside this benchmark.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "bench_support.h"

namespace fs = std::filesystem;
namespace bench = policydb::bench;

namespace {

std::string cli_path() {
  if (const char* env = std::getenv("POLICYDB_CLI")) return env;
#ifdef POLICYDB_CLI
  return POLICYDB_CLI;
#else
  return "policydb";
#endif
}

std::string letters(std::size_t i) {
  std::string out;
  do {
    out += char('a' + i % 26);
    i /= 26;
  } while (i);
  return out;
}

// Writes `count` unique documents (corpus files in turn) into `dir`, unless the
// folder already holds exactly that set; returns their total bytes.
double write_documents(const fs::path& dir, std::size_t count, const std::vector<std::string>& corpus) {
  const fs::path stamp = dir / ".complete";
  double bytes = 0;
  for (std::size_t i = 0; i < count; ++i) bytes += double(corpus[i % corpus.size()].size() + 11 + letters(i).size());
  if (fs::exists(stamp) && bench::slurp(stamp) == std::to_string(count)) return bytes;
  fs::remove_all(dir);
  fs::create_directories(dir);
  char name[32];
  for (std::size_t i = 0; i < count; ++i) {
    std::snprintf(name, sizeof name, "r%07zu.txt", i);
    std::ofstream out(dir / name, std::ios::binary);
    out << corpus[i % corpus.size()] << "\nbench-ref-" << letters(i);
  }
  std::ofstream(stamp) << count;
  return bytes;
}

struct ChildRun {
  double seconds = 0;
  double peak_rss_mb = 0;
  int status = 0;
};

// Runs `policydb ingest --db DB --jobs N DIR` on a fresh database.
ChildRun ingest(const fs::path& dir, const fs::path& db, unsigned jobs) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
  const std::string cli = cli_path(), db_arg = db.string(), jobs_arg = std::to_string(jobs), dir_arg = dir.string();
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);
    dup2(null, 2);
    execl(cli.c_str(), cli.c_str(), "ingest", "--db", db_arg.c_str(), "--jobs", jobs_arg.c_str(), dir_arg.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  ChildRun run;
  struct rusage usage {};
  wait4(pid, &run.status, 0, &usage);
  run.seconds = bench::seconds_since(start);
  run.peak_rss_mb = double(usage.ru_maxrss) / 1024.0;  // KiB on Linux
  if (!WIFEXITED(run.status) || WEXITSTATUS(run.status) != 0) {
    std::fprintf(stderr, "%s ingest %s failed (status %d)\n", cli.c_str(), dir_arg.c_str(), run.status);
    std::exit(1);
  }
  return run;
}

struct Figure {
  bench::Stats seconds, rss_mb;
};

Figure repeat_ingest(int runs, const fs::path& dir, const fs::path& db, unsigned jobs, bool warm_up = true) {
  std::vector<double> seconds, rss;
  if (warm_up) ingest(dir, db, jobs);
  for (int i = 0; i < runs; ++i) {
    const ChildRun run = ingest(dir, db, jobs);
    seconds.push_back(run.seconds);
    rss.push_back(run.peak_rss_mb);
  }
  return {bench::stats_of(seconds), bench::stats_of(rss)};
}

void scaling_figure(const fs::path& scratch, const std::vector<std::string>& corpus, int runs) {
  const std::size_t docs = bench::small_scale() ? 200 : 2000;
  const fs::path dir = scratch / ("docs-" + std::to_string(docs));
  const double mb = write_documents(dir, docs, corpus) / 1e6;
  std::printf("ingest_bench: %zu documents, %.1f MB, %s\n", docs, mb, cli_path().c_str());
  const fs::path db = scratch / "scaling.db";
  // Three times the usual runs: each takes 1-3 s, and on this shared 2-core
  // machine one setting's runs vary by up to 50 % within a minute, which two
  // medians of five turned into ratios from 1.56 to 2.10 in one afternoon.
  const int pairs = 3 * runs;
  std::printf("ingest_bench: %d alternating runs of each\n", pairs);
  const auto [one, two] = bench::alternate(
      pairs, [&] { return ingest(dir, db, 1).seconds; }, [&] { return ingest(dir, db, 2).seconds; });
  bench::print_rate("5. ingest --jobs 1", double(docs), one, "docs/s");
  bench::print_rate("5. ingest --jobs 2", double(docs), two, "docs/s");
  const double ratio = one.median / two.median;
  bench::print_note("5. --jobs 2 / --jobs 1", ratio, "x", ratio >= 1.7 ? "(target >= 1.7x: met)"
                                                                      : "(target >= 1.7x: MISSED)");
  bench::print_rate("5. ingest --jobs 2, input rate", mb, two, "MB/s");
}

std::size_t documents_for(const std::vector<std::string>& corpus, double target_mb) {
  double per_doc = 0;
  for (const auto& t : corpus) per_doc += double(t.size());
  per_doc /= double(corpus.size());
  return std::size_t(target_mb * 1e6 / per_doc) + 1;
}

// The large ingest runs right after the small one, which serves as its warm-up.
bench::Stats memory_figure(const fs::path& scratch, const std::vector<std::string>& corpus, double target_mb,
                           int runs, const char* label, bool warm_up) {
  const std::size_t docs = documents_for(corpus, target_mb);
  const fs::path dir = scratch / ("docs-" + std::to_string(docs));
  const double mb = write_documents(dir, docs, corpus) / 1e6;
  const Figure f = repeat_ingest(runs, dir, scratch / "memory.db", 2, warm_up);
  char name[96];
  std::snprintf(name, sizeof name, "6. peak RSS, ingest --jobs 2 of %s (%zu docs)", label, docs);
  bench::print_value(name, f.rss_mb.median, f.rss_mb.min, f.rss_mb.max, "MB");
  std::snprintf(name, sizeof name, "6. ingest --jobs 2 of %s, input rate", label);
  bench::print_rate(name, mb, f.seconds, "MB/s");
  return f.rss_mb;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path scratch = argc > 1 ? fs::path(argv[1]) : fs::temp_directory_path() / "policydb-ingest-bench";
  fs::create_directories(scratch);
  const int runs = bench::runs_from_env(5);
  const auto corpus = bench::corpus_texts();
  const bool small = bench::small_scale();
  const std::string only = argc > 2 ? argv[2] : "";
  if (only == "--prepare") {  // write the documents only
    for (double mb : {small ? 10.0 : 100.0, small ? 40.0 : 1000.0}) {
      const std::size_t docs = documents_for(corpus, mb);
      write_documents(scratch / ("docs-" + std::to_string(docs)), docs, corpus);
    }
    return 0;
  }
  if (only != "--memory") scaling_figure(scratch, corpus, runs);
  if (only == "--scaling") return 0;
  // The 1 GB ingest takes 5–15 minutes a run, and its peak RSS varies by < 1 %
  // between runs: one run by default (POLICYDB_BENCH_RSS_RUNS=5 for the median of five).
  const char* rss_env = std::getenv("POLICYDB_BENCH_RSS_RUNS");
  const int rss_runs = rss_env ? std::atoi(rss_env) : (small ? runs : 1);
  const bench::Stats hundred =
      memory_figure(scratch, corpus, small ? 10 : 100, runs, small ? "10 MB" : "100 MB", true);
  const bench::Stats big = memory_figure(scratch, corpus, small ? 40 : 1000, std::max(1, rss_runs),
                                         small ? "40 MB" : "1 GB", false);
  const double growth = big.median / hundred.median;
  bench::print_note("6. peak RSS large / small ingest", growth, "x",
                    std::string(growth <= 1.5 ? "(target <= 1.5x: met" : "(target <= 1.5x: MISSED") +
                        (big.median <= 200 ? "; <= 200 MB: met)" : "; <= 200 MB: MISSED)"));
  for (const char* db : {"scaling.db", "memory.db"}) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(scratch / (std::string(db) + suffix));
  }
  return 0;
}
