// Hostile ad-hoc SQL through Database::query_readonly and `policydb sql`: every
// write, state change, escape or runaway is refused or stopped with a clear
// error, and a logical dump of the whole file is the same before and after.
#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>
#include <string>

#include "policydb/database.h"
#include "policydb/error.h"
#include "reliability_support.h"

using policydb::Database;
using policydb::Error;
using policydb::ErrorCode;
using policydb::SandboxOptions;
namespace t = policydb::testing;

namespace {

std::filesystem::path make_db(const t::TempDir& dir) {
  const auto path = dir / "sql.db";
  auto db = Database::open(path);
  for (int n = 0; n < 6; ++n) {
    std::istringstream in(t::document_jsonl(t::document_name(n), t::facts_in_document(n)));
    REQUIRE(db.load_jsonl(in).ok());
  }
  return path;
}

// Statements that would write, change connection or file state, or reach
// outside the database.
const std::vector<std::string>& hostile_statements() {
  static const std::vector<std::string> statements = {
      "INSERT INTO fact SELECT * FROM fact",
      "INSERT INTO document (sha256, source, origin) VALUES (printf('%064d', 9), 'x', 'jsonl') RETURNING id",
      "REPLACE INTO unit SELECT * FROM unit",
      "UPDATE fact SET value = value * 2",
      "DELETE FROM document",
      "DROP TABLE fact",
      "DROP VIEW target_progress",
      "DROP INDEX fact_document",
      "CREATE VIEW v AS SELECT 1",
      "CREATE TRIGGER t AFTER INSERT ON fact BEGIN DELETE FROM fact; END",
      "ALTER TABLE document RENAME TO d",
      "ATTACH DATABASE 'other.db' AS o",
      "ATTACH DATABASE ':memory:' AS o",
      "SELECT * FROM fact; ATTACH DATABASE ':memory:' AS o",
      "PRAGMA query_only = 0",
      "PRAGMA writable_schema = ON",
      "PRAGMA trusted_schema = 1",
      "PRAGMA journal_mode = OFF",
      "PRAGMA synchronous = OFF",
      "PRAGMA wal_checkpoint(TRUNCATE)",
      "PRAGMA wal_checkpoint",
      "PRAGMA case_sensitive_like = 1",
      "PRAGMA recursive_triggers = 1",
      "PRAGMA cache_size = 1",
      "PRAGMA mmap_size = 1000000000",
      "PRAGMA hard_heap_limit = 1",
      "PRAGMA application_id = 1",
      "PRAGMA schema_version = 1",
      "PRAGMA incremental_vacuum",
      "PRAGMA optimize",
      "PRAGMA shrink_memory",
      "SELECT * FROM pragma_journal_mode('DELETE')",
      "SELECT load_extension('libsqlite3_mod_evil.so')",
      "SELECT load_extension('/lib/x86_64-linux-gnu/libc.so.6', 'system')",
      "SELECT fts3_tokenizer('simple', x'0000000000000000')",
      "VACUUM",
      "VACUUM INTO 'copy.db'",
      "ANALYZE",
      "REINDEX",
      "BEGIN IMMEDIATE",
      "SAVEPOINT s",
      "COMMIT",
  };
  return statements;
}

// Queries that must be stopped by the step/time budget or the length limit.
const std::vector<std::string>& runaway_statements() {
  static const std::vector<std::string> statements = {
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x FROM c) SELECT max(x) FROM c",
      "WITH RECURSIVE c(s) AS (SELECT 'x' UNION ALL SELECT s || s FROM c) SELECT length(s) FROM c",
      "SELECT length(randomblob(2000000000))",
      "SELECT zeroblob(1000000000)",
      "SELECT length(printf('%.*c', 2000000000, 'x'))",
      "SELECT replace(hex(zeroblob(50000000)), '0', 'aaaaaaaaaa')",
      "SELECT count(*) FROM region a, region b, region c, region d",
      "SELECT a.code FROM region a, region b, region c ORDER BY random()",
  };
  return statements;
}

}  // namespace

TEST_CASE("Hostile statements are denied and the file is unchanged", "[reliability][sql]") {
  t::TempDir dir;
  const auto path = make_db(dir);
  const std::string before = t::logical_dump(path);
  {
    auto db = Database::open(path);
    for (const auto& sql : hostile_statements()) {
      INFO(sql);
      try {
        const auto result = db.query_readonly(sql);
        FAIL_CHECK("allowed, " << result.rows.size() << " row(s)");
      } catch (const Error& e) {
        CHECK((e.code() == ErrorCode::sql_denied || e.code() == ErrorCode::parse));
        CHECK(std::string(e.what()).size() > 20);
      }
    }
    // The pooled connections are still read-only and still fenced.
    CHECK_THROWS_AS(db.query_readonly("DELETE FROM fact"), Error);
    CHECK(std::stoll(*db.query_readonly("SELECT count(*) FROM fact").rows.at(0).at(0)) > 0);
    // LIKE is still case-insensitive: no connection setting leaked.
    CHECK(*db.query_readonly("SELECT 'ABC' LIKE 'abc'").rows.at(0).at(0) == "1");
  }
  CHECK_FALSE(std::filesystem::exists(dir / "other.db"));
  CHECK_FALSE(std::filesystem::exists(dir / "copy.db"));
  CHECK(t::logical_dump(path) == before);
  CHECK(t::integrity_check(path) == "ok");
}

TEST_CASE("Runaway and huge queries are stopped within the budget", "[reliability][sql]") {
  t::TempDir dir;
  const auto path = make_db(dir);
  const std::string before = t::logical_dump(path);
  {
    auto db = Database::open(path);
    SandboxOptions budget;
    budget.max_time = std::chrono::milliseconds(1500);
    budget.max_value_bytes = 8 << 20;
    for (const auto& sql : runaway_statements()) {
      INFO(sql);
      const auto start = std::chrono::steady_clock::now();
      try {
        (void)db.query_readonly(sql, budget);
        FAIL_CHECK("ran to completion");
      } catch (const Error& e) {
        // Stopped by the budget, or refused up front (printf/format are denied:
        // one call can outrun the progress handler).
        CHECK((e.code() == ErrorCode::sql_interrupted || e.code() == ErrorCode::sql_denied));
      }
      CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(4) * POLICYDB_TEST_TIME_SCALE);
    }
    // The budget does not stick to the pooled connection.
    const auto big = db.query_readonly("SELECT length(zeroblob(12000000))");
    CHECK(*big.rows.at(0).at(0) == "12000000");
  }
  CHECK(t::logical_dump(path) == before);
}

TEST_CASE("policydb sql refuses hostile statements with exit status 1 and leaves the file",
          "[reliability][sql][cli]") {
  t::TempDir dir;
  const auto path = make_db(dir);
  const std::string before = t::logical_dump(path);
  const std::vector<std::string> statements = {
      "DELETE FROM fact", "DROP TABLE document", "ATTACH DATABASE 'x.db' AS x",
      "PRAGMA journal_mode = DELETE", "SELECT load_extension('evil')",
      "SELECT 1; DELETE FROM fact",
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
      "SELECT length(randomblob(2000000000))"};
  for (const auto& sql : statements) {
    INFO(sql);
    const std::string command = "cd '" + dir.path().string() + "' && '" POLICYDB_CLI_PATH
                                "' sql --db sql.db \"" + sql + "\" >out.txt 2>err.txt";
    const int raw = std::system(command.c_str());
    REQUIRE(WIFEXITED(raw));
    CHECK(WEXITSTATUS(raw) == 1);
    const std::string err = t::read_file(dir / "err.txt");
    INFO(err);
    CHECK((err.find("sql_denied") != std::string::npos ||
           err.find("sql_interrupted") != std::string::npos ||
           err.find("parse") != std::string::npos));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "x.db"));
  CHECK(t::logical_dump(path) == before);
}
