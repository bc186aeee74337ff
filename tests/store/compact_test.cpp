// Database::compact: the file shrinks after deletions, and nothing kept changes.
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "policydb/database.h"
#include "policydb/error.h"

#include "store/store_test_support.h"
#include "test_support.h"

using policydb::Database;
using policydb::ErrorCode;
using policydb::testing::load;
using policydb::testing::scalar;
using policydb::testing::TempDir;

namespace {

// `facts` FORMAT.md lines of document `doc`, each with its own quote so that the
// rows take real space; labels cycle through `labels` uncurated ones.
std::string document_lines(const std::string& doc, int facts, int labels) {
  std::string out;
  for (int i = 0; i < facts; ++i) {
    const nlohmann::json j = {{"doc", doc},
                              {"region", "江西"},
                              {"metric", "测试指标" + std::to_string(i % labels) + "数量"},
                              {"kind", "actual"},
                              {"measure", "level"},
                              {"value", 100 + i},
                              {"unit", "个"},
                              {"period", std::to_string(2000 + i % 25)},
                              {"comparator", "eq"},
                              {"quote", "全省测试指标" + std::to_string(i) + "达到" +
                                            std::to_string(100 + i) + "个，较上年有所增长。"}};
    out += j.dump() + "\n";
  }
  return out;
}

std::string exported(const Database& db) {
  std::ostringstream out;
  db.export_facts(out);
  return out.str();
}

}  // namespace

TEST_CASE("compact shrinks the file after a removal and keeps every remaining fact",
          "[store][compact]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  load(db, document_lines("big.txt", 4000, 40));  // its own labels 0..39
  load(db, document_lines("kept.txt", 50, 5));    // labels 0..4 too
  REQUIRE(db.remove_documents({"big.txt"}).size() == 1);
  // remove_documents already took the labels 5..39 along: plant one unused
  // uncurated metric the way an older policydb left them behind.
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec("INSERT INTO metric (code, name_zh, measure, dimension, curated)"
             " VALUES ('uncurated:遗留指标', '遗留指标', 'level', 'count', 0)");
  }
  const std::string before = exported(db);
  const auto metrics_before = scalar(path, "SELECT count(*) FROM metric");

  const auto report = db.compact();
  CHECK(report.uncurated_metrics_removed == 1);
  CHECK(report.bytes_before > 0);
  CHECK(report.bytes_after < report.bytes_before / 2);
  CHECK(std::filesystem::file_size(path) == report.bytes_after);  // the log is empty
  CHECK(exported(db) == before);
  CHECK(db.facts().count() == 50);
  CHECK(scalar(path, "SELECT count(*) FROM metric") == metrics_before - 1);
  CHECK(scalar(path, "SELECT count(*) FROM metric WHERE code = 'uncurated:遗留指标'") == 0);
  CHECK(db.check().ok);

  // Nothing left to remove: a second run keeps the size and every row.
  const auto again = db.compact();
  CHECK(again.uncurated_metrics_removed == 0);
  CHECK(again.bytes_after <= report.bytes_after);
  CHECK(exported(db) == before);
  // The database stays writable: the ingest writer was dropped, not broken.
  load(db, document_lines("more.txt", 10, 2));
  CHECK(db.facts().count() == 60);
}

TEST_CASE("compact keeps readers working and refuses a read-only database", "[store][compact]") {
  TempDir dir;
  const auto path = dir / "c.db";
  {
    auto db = Database::open(path);
    load(db, document_lines("a.txt", 200, 4));
    const auto series_before = db.series("江西", "测试指标1数量").points.size();
    REQUIRE(series_before > 0);
    (void)db.compact();
    CHECK(db.series("江西", "测试指标1数量").points.size() == series_before);
  }
  policydb::Options options;
  options.read_only = true;
  auto reader = Database::open(path, options);
  try {
    (void)reader.compact();
    FAIL("no error");
  } catch (const policydb::Error& e) {
    CHECK(e.code() == ErrorCode::read_only);
  }
  CHECK(reader.facts().count() == 200);
}

TEST_CASE("compact works on an in-memory database", "[store][compact]") {
  auto db = Database::open(":memory:");
  load(db, document_lines("a.txt", 100, 3));
  const auto report = db.compact();
  CHECK(report.bytes_before == 0);
  CHECK(report.bytes_after == 0);
  CHECK(db.facts().count() == 100);
}
