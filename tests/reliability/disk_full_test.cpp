// Disk full during a load or an ingest. Two ways to run out of room:
//  - SQLite's own size limit (PRAGMA max_page_count on the writer connection);
//  - a real I/O failure: a child process with RLIMIT_FSIZE, so write() fails with
//    EFBIG exactly as it would on a full disk, for the WAL and the database file.
// Either way: a policydb::Error that says so, the file consistent, every earlier
// document intact, and the database usable once there is room again.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <fstream>
#include <sstream>
#include <string>

#include "policydb/database.h"
#include "policydb/error.h"
#include "reliability_support.h"
#include "store/database_impl.h"

using policydb::Database;
using policydb::Error;
using policydb::ErrorCode;
namespace t = policydb::testing;

namespace {

// A document too large for the room left: long quotes.
std::string big_document(const std::string& doc, int facts) {
  std::string text;
  for (int i = 0; i < facts; ++i) {
    std::string line = t::fact_line(doc, i);
    line.insert(line.rfind("项\"}"), std::string(600, 'z'));
    text += line;
  }
  return text;
}

std::map<std::string, long long> load_small_documents(Database& db, int count) {
  std::map<std::string, long long> expected;
  for (int n = 0; n < count; ++n) {
    std::istringstream in(t::document_jsonl(t::document_name(n), t::facts_in_document(n)));
    REQUIRE(db.load_jsonl(in).ok());
    expected[t::document_name(n)] = t::facts_in_document(n);
  }
  return expected;
}

}  // namespace

TEST_CASE("Running into the size limit fails the load cleanly and keeps earlier documents",
          "[reliability][disk_full]") {
  t::TempDir dir;
  const auto path = dir / "full.db";
  auto db = Database::open(path);
  const auto expected = load_small_documents(db, 8);
  SQLite::Database& writer = *db.impl_for_internal_use().connection;
  const int pages = writer.execAndGet("PRAGMA page_count").getInt();
  writer.exec("PRAGMA max_page_count = " + std::to_string(pages + 4));

  SECTION("a JSON Lines load") {
    std::istringstream in(big_document("big.txt", 400));
    try {
      (void)db.load_jsonl(in);
      FAIL("the load did not run out of room");
    } catch (const Error& e) {
      INFO(e.what());
      CHECK(e.code() == ErrorCode::io);
      CHECK(std::string(e.what()).find("full") != std::string::npos);
    }
  }
  SECTION("an ingest") {
    std::string report = "河南省\n2024年1月5日\n";
    for (int i = 0; i < 3000; ++i) report += "全省建成5G基站" + std::to_string(1000 + i) + "个。\n";
    policydb::ExtractOptions options;
    options.source_name = "huge_report.txt";
    try {
      (void)db.ingest_bytes(report, options);
      FAIL("the ingest did not run out of room");
    } catch (const Error& e) {
      INFO(e.what());
      CHECK(e.code() == ErrorCode::io);
    }
  }
  CHECK(t::integrity_check(path) == "ok");
  CHECK(t::facts_per_document(path) == expected);
  CHECK(db.facts().count() > 0);
  // Room again: the same connection carries on.
  writer.exec("PRAGMA max_page_count = 1073741823");
  std::istringstream again(big_document("big.txt", 400));
  CHECK(db.load_jsonl(again).facts_written == 400);
  CHECK(db.check().ok);
}

TEST_CASE("A real write failure (file size limit) mid-batch keeps every committed document",
          "[reliability][disk_full]") {
  t::TempDir dir;
  const auto path = dir / "efbig.db";
  std::map<std::string, long long> expected;
  {
    auto db = Database::open(path);
    expected = load_small_documents(db, 5);
  }
  const auto log = dir / "child.log";
  const auto exit = t::wait_child(t::fork_child([&] {
    signal(SIGXFSZ, SIG_IGN);  // write() then fails with EFBIG instead of killing us
    const auto size = std::filesystem::file_size(path);
    rlimit limit{size + 96 * 1024, size + 96 * 1024};
    setrlimit(RLIMIT_FSIZE, &limit);
    std::ofstream out(log);
    auto db = Database::open(path);
    for (int n = 100; n < 400; ++n) {
      std::istringstream in(big_document(t::document_name(n), 20));
      try {
        (void)db.load_jsonl(in);
        out << "loaded " << t::document_name(n) << '\n' << std::flush;
      } catch (const Error& e) {
        out << "error " << to_string(e.code()) << ' ' << e.what() << std::endl;
        _exit(e.code() == ErrorCode::io ? 0 : 5);
      }
    }
    _exit(6);  // never ran out of room
  }));
  const std::string written = t::read_file(log);
  INFO(written);
  REQUIRE(exit.code == 0);
  CHECK(written.find("error io") != std::string::npos);

  CHECK(t::integrity_check(path) == "ok");
  auto stored = t::facts_per_document(path);
  // Every document the child saw committed is there, whole; the failed one is absent.
  std::istringstream lines(written);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("loaded ", 0) == 0) expected[line.substr(7)] = 20;
  }
  CHECK(stored == expected);
  // With room again, the database opens and takes more.
  auto db = Database::open(path);
  CHECK(db.check().ok);
  std::istringstream in(big_document("after.txt", 20));
  CHECK(db.load_jsonl(in).facts_written == 20);
}
