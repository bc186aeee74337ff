// Batch loads and ingests killed with SIGKILL at random moments, many times in a
// row on the same file. After every kill: the file passes integrity_check, every
// document is either absent or present with all its facts, and no document is
// stored twice. Re-running the batch after the kills completes it exactly.
//
// Counts: POLICYDB_RELIABILITY_KILLS (default 12 in CI; scripts/reliability.sh
// runs 60).
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "policydb/database.h"
#include "policydb/extract.h"
#include "reliability_support.h"

using policydb::Database;
namespace t = policydb::testing;

namespace {

constexpr int kBatchDocuments = 60;
// policydb ingest commits 256 documents at a time: enough reports for several commits.
constexpr int kIngestDocuments = 600;

// A report of our own, different for every n, with a few extractable figures.
std::string report_text(int n) {
  std::ostringstream out;
  out << "河南省工业和信息化厅\n发布时间：2024-01-" << (10 + n % 18) << "\n"
      << "截至2023年底，全省累计建成5G基站" << (100000 + n) << "个，数据中心标准机架"
      << (20000 + n * 3) << "架。\n"
      << "全年数字经济规模达到" << (1000 + n) << "亿元，同比增长" << (5 + n % 4) << ".5%。\n"
      << "到2025年，力争5G基站总数达到" << (200000 + n) << "个，建成智能工厂" << (30 + n)
      << "家。\n";
  return out.str();
}
std::string report_name(int n) { return "report_" + std::to_string(n) + ".txt"; }

// What a complete batch stores: facts per document source.
std::map<std::string, long long> expected_batch() {
  std::map<std::string, long long> expected;
  for (int n = 0; n < kBatchDocuments; ++n) {
    expected[t::document_name(n)] = t::facts_in_document(n);
  }
  auto db = Database::open(":memory:");
  const policydb::Extractor extractor(db.catalog());
  for (int n = 0; n < kBatchDocuments; ++n) {
    policydb::ExtractOptions options;
    options.source_name = report_name(n);
    expected[report_name(n)] = static_cast<long long>(
        extractor.extract(report_text(n), options).facts.size());
  }
  return expected;
}

// The batch: documents alternately loaded (one load_jsonl per document, as
// `policydb load a b c` does per file) and ingested.
void run_batch(const std::filesystem::path& path) {
  auto db = Database::open(path);
  for (int n = 0; n < kBatchDocuments; ++n) {
    std::istringstream in(t::document_jsonl(t::document_name(n), t::facts_in_document(n)));
    (void)db.load_jsonl(in);
    policydb::ExtractOptions options;
    options.source_name = report_name(n);
    (void)db.ingest_bytes(report_text(n), options);
  }
}

// After a kill: every stored document complete, none twice. Returns how many are stored.
std::size_t require_whole_documents(const std::filesystem::path& path,
                                    const std::map<std::string, long long>& expected) {
  REQUIRE(t::integrity_check(path) == "ok");
  t::RawDb raw(path);
  // Killed before migration 1 committed: an empty file, which open() treats as new.
  if (raw.integer("PRAGMA user_version") == 0) {
    CHECK(raw.integer("SELECT count(*) FROM sqlite_schema") == 0);
    return 0;
  }
  CHECK(raw.rows("SELECT source FROM document GROUP BY source HAVING count(*) > 1").empty());
  CHECK(raw.integer("SELECT count(*) FROM fact WHERE document_id NOT IN (SELECT id FROM document)") == 0);
  const auto stored = t::facts_per_document(path);
  for (const auto& [source, facts] : stored) {
    INFO(source);
    REQUIRE(expected.count(source) == 1);
    CHECK(facts == expected.at(source));
  }
  return stored.size();
}

// Starts `policydb ARGS…` with its output discarded; returns the child's pid.
pid_t spawn_cli(std::vector<std::string> args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>("policydb"));
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    if (freopen("/dev/null", "w", stdout) == nullptr || freopen("/dev/null", "w", stderr) == nullptr) {
      _exit(126);
    }
    execv(POLICYDB_CLI_PATH, argv.data());
    _exit(127);
  }
  return pid;
}

// Kills `run` at random moments `kills` times on a fresh file each time; after
// every kill the stored documents are whole, and a re-run completes the batch.
void kill_and_resume(const std::filesystem::path& path, const std::map<std::string, long long>& expected,
                     int kills, const std::function<pid_t()>& run) {
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(t::wait_child(run()).code == 0);
  const long full_us = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::steady_clock::now() - start).count();
  REQUIRE(require_whole_documents(path, expected) == expected.size());

  std::mt19937 rng(11);
  for (int i = 0; i < kills; ++i) {
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
    const long delay = std::uniform_int_distribution<long>(full_us / 10, full_us)(rng);
    const auto exit = t::kill_after(run(), std::chrono::microseconds(delay));
    REQUIRE((exit.signal == SIGKILL || exit.code == 0));
    if (!std::filesystem::exists(path)) continue;
    require_whole_documents(path, expected);
    REQUIRE(t::wait_child(run()).code == 0);  // the re-run skips what is there
    CHECK(require_whole_documents(path, expected) == expected.size());
  }
}

}  // namespace

TEST_CASE("Batch loads and ingests survive SIGKILL at random moments, document by document",
          "[reliability][kill]") {
  const int kills = t::env_count("POLICYDB_RELIABILITY_KILLS", 12);
  const auto expected = expected_batch();
  for (const auto& [source, facts] : expected) {
    INFO(source);
    REQUIRE(facts > 0);  // otherwise "absent" and "present" could not be told apart
  }
  t::TempDir dir;
  const auto path = dir / "batch.db";

  // Calibrate on a scratch file: how long the whole batch takes in a child.
  const auto scratch = dir / "scratch.db";
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(t::wait_child(t::fork_child([&] { run_batch(scratch); })).code == 0);
  const long full_us = std::chrono::duration_cast<std::chrono::microseconds>(
                           std::chrono::steady_clock::now() - start).count();
  REQUIRE(require_whole_documents(scratch, expected) == expected.size());

  std::mt19937 rng(7);
  int mid_batch = 0, rounds = 0;
  for (int i = 0; i < kills; ++i) {
    // Each child resumes the batch where the killed ones left it; a finished
    // batch starts over on a new file, so every kill can land mid-batch.
    const std::size_t before = std::filesystem::exists(path) ? require_whole_documents(path, expected) : 0;
    if (before == expected.size()) {
      std::filesystem::remove(path);
      ++rounds;
    }
    const long delay = std::uniform_int_distribution<long>(0, full_us / 2)(rng);
    const auto exit = t::kill_after(t::fork_child([&] { run_batch(path); }),
                                    std::chrono::microseconds(delay));
    REQUIRE((exit.signal == SIGKILL || exit.code == 0));
    if (exit.signal == SIGKILL) ++mid_batch;
    require_whole_documents(path, expected);
  }
  INFO("whole batch " << full_us << " µs, " << rounds << " batches completed, " << mid_batch
                      << " of " << kills << " kills mid-batch");
  CHECK(mid_batch * 2 >= kills);  // most kills landed mid-batch

  // The re-run completes the batch: everything present once, with all facts.
  run_batch(path);
  CHECK(require_whole_documents(path, expected) == expected.size());
  CHECK(Database::open(path).check().ok);
}

TEST_CASE("policydb load killed at random moments leaves whole files, and a re-run completes",
          "[reliability][kill][cli]") {
  const int kills = std::max(3, t::env_count("POLICYDB_RELIABILITY_KILLS", 12) / 3);
  t::TempDir dir;
  std::vector<std::string> files;
  std::map<std::string, long long> expected;
  for (int n = 0; n < 40; ++n) {
    const auto file = dir / ("part" + std::to_string(n) + ".jsonl");
    std::ofstream(file) << t::document_jsonl(t::document_name(n), t::facts_in_document(n));
    files.push_back(file.string());
    expected[t::document_name(n)] = t::facts_in_document(n);
  }
  const auto path = dir / "cli.db";
  kill_and_resume(path, expected, kills, [&] {
    std::vector<std::string> args = {"load", "--db=" + path.string()};
    args.insert(args.end(), files.begin(), files.end());
    return spawn_cli(std::move(args));
  });
}

TEST_CASE("policydb ingest killed at random moments leaves whole documents, and a re-run completes",
          "[reliability][kill][cli]") {
  // The tool commits 256 documents per transaction (the last batch fewer),
  // written whole and again with a savepoint per document only when one is
  // refused; the writer also extracts while it waits for a batch.
  const int kills = std::max(3, t::env_count("POLICYDB_RELIABILITY_KILLS", 12) / 3);
  t::TempDir dir;
  std::filesystem::create_directories(dir / "reports");
  std::map<std::string, long long> expected;
  auto db = Database::open(":memory:");
  const policydb::Extractor extractor(db.catalog());
  for (int n = 0; n < kIngestDocuments; ++n) {
    std::ofstream(dir / "reports" / report_name(n)) << report_text(n);
    policydb::ExtractOptions options;
    options.source_name = report_name(n);
    expected[report_name(n)] = static_cast<long long>(extractor.extract(report_text(n), options).facts.size());
  }
  const auto path = dir / "ingest.db";
  kill_and_resume(path, expected, kills, [&] {
    return spawn_cli({"ingest", "--db=" + path.string(), "--jobs", "2", (dir / "reports").string()});
  });
}
