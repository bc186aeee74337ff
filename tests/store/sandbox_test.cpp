#include <catch2/catch.hpp>

#include <sstream>

#include "policydb/database.h"
#include "policydb/error.h"
#include "test_support.h"

using policydb::Database;
using policydb::Error;
using policydb::ErrorCode;
using policydb::SandboxOptions;

namespace {

void load_sample(Database& db) {
  std::istringstream in(
      R"({"doc": "s.txt", "region": "河南", "metric": "示范工厂", "kind": "target", "measure": "level", "value": 150, "unit": "个", "period": "2025", "quote": "示范工厂150个"})"
      "\n");
  REQUIRE(db.load_jsonl(in).ok());
}

std::string snapshot(const Database& db) {
  const auto r = db.query_readonly(
      "SELECT (SELECT count(*) FROM fact) || '/' || (SELECT count(*) FROM document) || '/' ||"
      " (SELECT group_concat(name) FROM sqlite_schema) || '/' || (SELECT sum(value) FROM fact)");
  return *r.rows.at(0).at(0);
}

ErrorCode code_of(const Database& db, const std::string& sql, const SandboxOptions& o = {}) {
  try {
    (void)db.query_readonly(sql, o);
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no error for: " << sql);
  return ErrorCode::invalid_argument;
}

}  // namespace

TEST_CASE("The sandbox answers reads with columns and rows", "[store][sandbox]") {
  auto db = Database::open(":memory:");
  load_sample(db);
  const auto r = db.query_readonly("SELECT region, value, NULL AS missing FROM targets");
  REQUIRE(r.columns == std::vector<std::string>{"region", "value", "missing"});
  REQUIRE(r.rows.size() == 1);
  CHECK(*r.rows[0][0] == "河南");
  CHECK(*r.rows[0][1] == "150.0");
  CHECK_FALSE(r.rows[0][2]);
  CHECK(db.query_readonly("PRAGMA table_info(fact)").rows.size() > 10);
  CHECK(db.query_readonly("PRAGMA user_version").rows.size() == 1);
}

TEST_CASE("The sandbox denies writes and state changes; nothing changes", "[store][sandbox]") {
  const std::string sql = GENERATE(
      "INSERT INTO document (sha256, source, origin) VALUES (printf('%064d', 1), 'x', 'jsonl')",
      "UPDATE fact SET value = 0", "DELETE FROM fact", "DROP TABLE fact", "DROP VIEW facts",
      "CREATE TABLE t (x)", "CREATE TEMP TABLE t (x)", "ALTER TABLE fact ADD COLUMN x",
      "ATTACH DATABASE ':memory:' AS other", "DETACH DATABASE main", "PRAGMA writable_schema = 1",
      "PRAGMA journal_mode = DELETE", "PRAGMA user_version = 99", "PRAGMA foreign_keys = OFF",
      "SELECT load_extension('/tmp/evil.so')", "BEGIN", "VACUUM", "REINDEX",
      "WITH x AS (SELECT 1) DELETE FROM fact", "SELECT 1; DELETE FROM fact");
  for (const bool file : {false, true}) {
    policydb::testing::TempDir dir;
    auto db = Database::open(file ? dir / "s.db" : std::filesystem::path(":memory:"));
    load_sample(db);
    const auto before = snapshot(db);
    CAPTURE(sql, file);
    const auto code = code_of(db, sql);
    CHECK((code == ErrorCode::sql_denied || code == ErrorCode::parse));
    CHECK(snapshot(db) == before);
    CHECK(db.schema_version() == db.check().library_version);
  }
}

TEST_CASE("A runaway query is stopped by the budget", "[store][sandbox]") {
  policydb::testing::TempDir dir;
  auto db = Database::open(dir / "r.db");
  SandboxOptions o;
  o.max_steps = 2'000'000;
  const auto code = code_of(
      db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", o);
  CHECK(code == ErrorCode::sql_interrupted);
  SandboxOptions timed;
  timed.max_time = std::chrono::milliseconds(50);
  CHECK(code_of(db, "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                    "SELECT count(*) FROM c", timed) == ErrorCode::sql_interrupted);
  // The connection is usable afterwards, without the budget.
  CHECK(db.query_readonly("SELECT count(*) FROM region").rows.size() == 1);
}

TEST_CASE("Huge values and too many rows are refused", "[store][sandbox]") {
  auto db = Database::open(":memory:");
  SandboxOptions o;
  o.max_value_bytes = 1 << 20;
  CHECK(code_of(db, "SELECT length(randomblob(100000000))", o) == ErrorCode::sql_interrupted);
  CHECK(code_of(db, "SELECT zeroblob(2000000)", o) == ErrorCode::sql_interrupted);
  SandboxOptions few;
  few.max_rows = 10;
  CHECK(code_of(db, "SELECT * FROM region", few) == ErrorCode::sql_interrupted);
  CHECK(db.query_readonly("SELECT * FROM region LIMIT 10", few).rows.size() == 10);
  CHECK(code_of(db, "SELEKT 1") == ErrorCode::parse);
}
