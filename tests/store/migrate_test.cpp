#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "policydb/database.h"
#include "policydb/error.h"
#include "store/migrate.h"
#include "store/store_test_support.h"
#include "test_support.h"

using policydb::Database;
using policydb::Error;
using policydb::ErrorCode;
using policydb::testing::read_file;
using policydb::testing::TempDir;
namespace detail = policydb::detail;

namespace {

int latest_version() { return detail::builtin_migrations().back().version; }

// A file with only the first `version` migrations applied, as an older policydb left it.
void make_file_at_version(const std::filesystem::path& path, int version) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA foreign_keys = ON");
  detail::apply_migrations(db, detail::builtin_migrations(), version);
}

// Brings a file made by make_file_at_version up to `version` only, as the
// library of that version did.
void upgrade_to(const std::filesystem::path& path, int version) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = ON");
  detail::apply_migrations(db, detail::builtin_migrations(), version);
}

// The plan SQLite chooses for `select` on `db`, one step a line.
std::string plan_of(SQLite::Database& db, const std::string& select) {
  SQLite::Statement explain(db, "EXPLAIN QUERY PLAN " + select);
  std::string details;
  while (explain.executeStep()) details += explain.getColumn(3).getString() + "\n";
  return details;
}

// Every row of fact, every column, in id order: what a rebuild must keep.
std::string fact_rows(const std::filesystem::path& path) {
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(raw, "SELECT * FROM fact ORDER BY id");
  std::string out;
  while (q.executeStep()) {
    for (int c = 0; c < q.getColumnCount(); ++c) out += q.getColumn(c).getString() + "|";
    out += "\n";
  }
  return out;
}

// The names of fact's indexes, in order.
std::string fact_index_names(SQLite::Database& db) {
  return db.execAndGet("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema"
                       " WHERE type = 'index' AND tbl_name = 'fact' ORDER BY name)")
      .getString();
}

// Data an analyst would have stored at any version ≥ 1: one document and one fact,
// referring to reference rows that exist at that version (inserted if missing).
void insert_sample_fact(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.exec("INSERT OR IGNORE INTO region (code, name, short_name, level) VALUES ('410000', '河南省', '河南', 'province')");
  db.exec("INSERT OR IGNORE INTO unit (code, dimension, label_zh, to_base) VALUES ('个', 'count', '个', 1)");
  db.exec("INSERT OR IGNORE INTO metric (code, name_zh, measure) VALUES ('5g_base_stations', '5G基站数', 'level')");
  db.exec("INSERT INTO document (sha256, source, origin) VALUES (printf('%064d', 7), 'sample.txt', 'jsonl')");
  db.exec(
      "INSERT INTO fact (id, document_id, region_id, metric_id, label, kind, measure, value, unit_id,"
      " period, period_start, period_end, period_grain, quote)"
      " SELECT 1, d.id, r.id, m.id, '5G基站总数', 'actual', 'level', 187000, u.id, '2023-10',"
      " 20231001, 20231031, 'month', '5G基站总数达到18.7万个'"
      " FROM document d, region r, metric m, unit u WHERE r.code = '410000'"
      " AND m.code = '5g_base_stations' AND u.code = '个'");
}

int user_version(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  return db.execAndGet("PRAGMA user_version").getInt();
}

std::string schema_dump(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement q(db, "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema ORDER BY name)");
  q.executeStep();
  return q.getColumn(0).getString();
}

}  // namespace

TEST_CASE("A new file is brought to the latest schema version", "[store][migrate]") {
  TempDir dir;
  auto db = Database::open(dir / "new.db");
  CHECK(db.schema_version() == latest_version());
  const auto report = db.check();
  CHECK(report.ok);
  CHECK(report.applied.size() == std::size_t(latest_version()));
  SQLite::Database raw((dir / "new.db").string(), SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("PRAGMA application_id").getInt() == detail::kApplicationId);
  CHECK(raw.execAndGet("SELECT count(*) FROM schema_migration").getInt() == latest_version());
}

TEST_CASE("A file at every earlier version is upgraded with its data intact", "[store][migrate]") {
  for (int version = 1; version < latest_version(); ++version) {
    DYNAMIC_SECTION("from version " << version) {
      TempDir dir;
      const auto path = dir / "old.db";
      make_file_at_version(path, version);
      insert_sample_fact(path);
      REQUIRE(user_version(path) == version);

      auto db = Database::open(path);
      CHECK(db.schema_version() == latest_version());
      SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
      CHECK(raw.execAndGet("SELECT count(*) FROM fact WHERE value = 187000 AND quote LIKE '%18.7万%'").getInt() == 1);
      CHECK(raw.execAndGet("SELECT count(*) FROM document WHERE source = 'sample.txt'").getInt() == 1);
      // The views of later migrations see the old data.
      CHECK(raw.execAndGet("SELECT region FROM facts WHERE metric_code = '5g_base_stations'").getString() == "河南");
    }
  }
}

TEST_CASE("Migration 7 rebuilds fact with the same rows, indexes and rules", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "v6.db";
  make_file_at_version(path, 6);
  insert_sample_fact(path);
  const std::string before = fact_rows(path);
  upgrade_to(path, 7);
  CHECK(fact_rows(path) == before);

  SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
  CHECK(fact_index_names(raw) == "fact_document fact_metric_period_region fact_region_metric_period fact_target");
  CHECK(raw.execAndGet("SELECT count(*) FROM facts").getInt() == 1);

  // Every value 0001 allowed is still allowed, and what it refused is refused.
  const std::vector<std::pair<std::string, std::vector<std::string>>> allowed = {
      {"kind", {"actual", "target"}},
      {"measure", {"level", "ratio", "growth", "change", "rank"}},
      {"comparator", {"eq", "gt", "ge", "lt", "le", "approx"}},
      {"period_grain", {"day", "month", "quarter", "year", "span"}},
      {"target_type", {"binding", "anticipatory"}},
      {"versus", {"national", "target", "province_average"}},
  };
  for (const auto& [column, values] : allowed) {
    for (const auto& value : values) {
      INFO(column << " = " << value);
      CHECK_NOTHROW(raw.exec("UPDATE fact SET " + column + " = '" + value + "'"));
    }
    INFO(column);
    CHECK_THROWS_WITH(raw.exec("UPDATE fact SET " + column + " = 'Actual'"), Catch::Contains("CHECK constraint failed"));
    CHECK_THROWS_WITH(raw.exec("UPDATE fact SET " + column + " = ''"), Catch::Contains("CHECK constraint failed"));
  }
  CHECK_NOTHROW(raw.exec("UPDATE fact SET target_type = NULL, versus = NULL"));
  CHECK_THROWS_WITH(raw.exec("UPDATE fact SET kind = NULL"), Catch::Contains("NOT NULL"));
  CHECK_THROWS_WITH(raw.exec("UPDATE fact SET period_end = period_start - 1"), Catch::Contains("CHECK constraint failed"));
  CHECK_THROWS_WITH(raw.exec("UPDATE fact SET confidence = 1.5"), Catch::Contains("CHECK constraint failed"));
}

TEST_CASE("Migration 8 widens the series index and reads stay index-only", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "v7.db";
  make_file_at_version(path, 7);
  insert_sample_fact(path);
  upgrade_to(path, 8);
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement columns(raw, "SELECT group_concat(name, ' ') FROM"
                                 " (SELECT name FROM pragma_index_info('fact_region_metric_period') ORDER BY seqno)");
  REQUIRE(columns.executeStep());
  CHECK(columns.getColumn(0).getString() ==
        "region_id metric_id period_end id kind measure subregion unit_id document_id");
  // target_progress's lookup of the actuals ending on a day (lib/query/progress.cpp)
  // needs no table row.
  const std::string actuals = plan_of(raw,
      "SELECT a.id, a.document_id FROM fact a WHERE a.region_id = 1 AND a.metric_id = 2 AND a.subregion IS NULL"
      " AND a.kind = 'actual' AND a.measure = 'level' AND a.unit_id = 3 AND a.period_end = 20231231");
  CAPTURE(actuals);
  CHECK(actuals.find("COVERING INDEX fact_region_metric_period") != std::string::npos);
  // A series in fact_reader.cpp's order needs no sort of its rows.
  const std::string series = plan_of(raw,
      "SELECT f.id, f.quote FROM fact f WHERE f.region_id = 1 AND f.metric_id = 2 AND f.subregion IS NULL"
      " AND f.kind = 'actual' AND f.measure = 'level' ORDER BY f.period_end, f.region_id, f.metric_id, f.id");
  CAPTURE(series);
  CHECK(series.find("fact_region_metric_period") != std::string::npos);
  CHECK(series.find("TEMP B-TREE") == std::string::npos);
  CHECK(raw.execAndGet("SELECT count(*) FROM fact WHERE value = 187000").getInt() == 1);
}

TEST_CASE("Migration 9 stores facts in (region, metric, period) order with their ids", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "v8.db";
  make_file_at_version(path, 8);
  insert_sample_fact(path);
  const std::string before = fact_rows(path);
  upgrade_to(path, 9);
  CHECK(fact_rows(path) == before);

  SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
  CHECK(raw.execAndGet("SELECT sql FROM sqlite_schema WHERE name = 'fact'").getString().find("WITHOUT ROWID") !=
        std::string::npos);
  CHECK(raw.execAndGet("SELECT group_concat(name, ' ') FROM"
                       " (SELECT name FROM pragma_table_info('fact') WHERE pk > 0 ORDER BY pk)")
            .getString() == "region_id metric_id period_end id");
  CHECK(fact_index_names(raw) == "fact_document fact_id fact_metric_period_region fact_target");
  // Ids stay unique and are required: the writer gives them (lib/store/writer.cpp).
  CHECK_THROWS_WITH(raw.exec("INSERT INTO fact SELECT * FROM fact"), Catch::Contains("UNIQUE constraint failed"));
  CHECK_THROWS_WITH(raw.exec("UPDATE fact SET id = NULL"), Catch::Contains("NOT NULL"));
  // The rules of 0007 came along.
  CHECK_THROWS_WITH(raw.exec("UPDATE fact SET kind = 'Actual'"), Catch::Contains("CHECK constraint failed"));

  // A series needs neither a sort nor a row outside the key's range; point
  // lookups and target_progress's lookups of actuals search the key.
  const std::string series = plan_of(raw,
      "SELECT f.id, f.quote FROM fact f WHERE f.region_id = 1 AND f.metric_id = 2 AND f.subregion IS NULL"
      " AND f.kind = 'actual' AND f.measure = 'level' ORDER BY f.period_end, f.region_id, f.metric_id, f.id");
  CAPTURE(series);
  CHECK(series.find("SEARCH f USING PRIMARY KEY (region_id=? AND metric_id=?)") != std::string::npos);
  CHECK(series.find("TEMP B-TREE") == std::string::npos);
  const std::string actuals = plan_of(raw,
      "SELECT a.id, a.document_id FROM fact a WHERE a.region_id = 1 AND a.metric_id = 2 AND a.subregion IS NULL"
      " AND a.kind = 'actual' AND a.measure = 'level' AND a.unit_id = 3 AND a.period_end = 20231231");
  CAPTURE(actuals);
  CHECK(actuals.find("PRIMARY KEY (region_id=? AND metric_id=? AND period_end=?)") != std::string::npos);
  raw.exec("PRAGMA foreign_keys = ON");
  raw.exec("DELETE FROM document");  // cascades, as before
  CHECK(raw.execAndGet("SELECT count(*) FROM fact").getInt() == 0);
}

TEST_CASE("Facts written after migration 9 take ids after the largest, as rowids did", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "v8.db";
  make_file_at_version(path, 8);
  insert_sample_fact(path);
  const std::int64_t old_id = policydb::testing::scalar(path, "SELECT id FROM fact");
  {
    auto db = Database::open(path);
    std::istringstream lines(
        R"({"doc":"new.txt","region":"河南","metric":"5G基站","kind":"actual","measure":"level","value":190000,)"
        R"("unit":"个","period":"2023-11","comparator":"eq","quote":"5G基站达到19万个"})" "\n"
        R"({"doc":"new.txt","region":"江西","metric":"5G基站","kind":"target","measure":"level","value":90000,)"
        R"("unit":"个","period":"2025","comparator":"eq","quote":"力争5G基站达到9万个"})" "\n");
    REQUIRE(db.load_jsonl(lines).ok());
  }
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("SELECT group_concat(id - " + std::to_string(old_id) +
                       ", ',') FROM (SELECT id FROM fact ORDER BY id)")
            .getString() == "0,1,2");
  CHECK(raw.execAndGet("SELECT group_concat(value, ',') FROM (SELECT value FROM fact ORDER BY id)").getString() ==
        "187000.0,190000.0,90000.0");
}

TEST_CASE("Migration 10: target_progress searches each target's actuals instead of pairing them all",
          "[store][migrate]") {
  TempDir dir;
  auto db = Database::open(dir / "v10.db");
  SQLite::Database raw((dir / "v10.db").string(), SQLite::OPEN_READONLY);
  const std::string plan =
      plan_of(raw, "SELECT * FROM target_progress WHERE region = '河南' AND deadline = 2025");
  CAPTURE(plan);
  // 0005's view built every (target, actual) pair of the file first: MATERIALIZE
  // and a SCAN of fact through an index that no filter narrowed.
  CHECK(plan.find("MATERIALIZE") == std::string::npos);
  CHECK(plan.find("SCAN f USING INDEX fact_metric_period_region") == std::string::npos);
  CHECK(plan.find("SEARCH a USING PRIMARY KEY (region_id=? AND metric_id=? AND period_end<?)") != std::string::npos);
}

TEST_CASE("Migration 11: latest searches each fact's rivals instead of ranking the whole file",
          "[store][migrate]") {
  TempDir dir;
  auto db = Database::open(dir / "v11.db");
  SQLite::Database raw((dir / "v11.db").string(), SQLite::OPEN_READONLY);
  const std::string plan = plan_of(raw,
      "SELECT region, value, unit, period FROM latest WHERE metric_code = '5g_base_stations'"
      " AND kind = 'actual' AND measure = 'level' AND subregion IS NULL");
  CAPTURE(plan);
  // 0004's view ranked every fact with a window function before any WHERE:
  // a co-routine over a SCAN of fact.
  CHECK(plan.find("CO-ROUTINE") == std::string::npos);
  CHECK(plan.find("MATERIALIZE") == std::string::npos);
  CHECK(plan.find("SCAN f") == std::string::npos);
  CHECK(plan.find("SEARCH f USING INDEX fact_metric_period_region (metric_id=?)") != std::string::npos);
  CHECK(plan.find("SEARCH n USING PRIMARY KEY (region_id=? AND metric_id=?)") != std::string::npos);
}

TEST_CASE("A file from a newer library is refused and left byte-for-byte untouched", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "future.db";
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    detail::apply_migrations(raw, detail::builtin_migrations(), latest_version());
    raw.exec("PRAGMA user_version = " + std::to_string(latest_version() + 5));
  }
  const std::string before = read_file(path);
  try {
    (void)Database::open(path);
    FAIL("open accepted a newer file");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::schema_too_new);
    CHECK_THAT(e.what(), Catch::Contains(std::to_string(latest_version() + 5)) &&
                             Catch::Contains(std::to_string(latest_version())));
  }
  CHECK(read_file(path) == before);
  CHECK_FALSE(std::filesystem::exists(path.string() + "-wal"));
}

TEST_CASE("An applied migration whose checksum changed is refused by name", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "tampered.db";
  { (void)Database::open(path); }
  {
    SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
    raw.exec("UPDATE schema_migration SET checksum = 'deadbeef' WHERE version = 2");
  }
  try {
    (void)Database::open(path);
    FAIL("open accepted a mismatched checksum");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::checksum_mismatch);
    CHECK_THAT(e.what(), Catch::Contains("0002_reference_data"));
  }
}

TEST_CASE("A migration that fails half-way leaves the file at the previous version", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "fail.db";
  make_file_at_version(path, latest_version());
  const std::string schema_before = schema_dump(path);

  auto migrations = detail::builtin_migrations();
  migrations.push_back(detail::make_migration(
      "9999_broken.sql",
      "CREATE TABLE half_done (x INTEGER);\n"
      "INSERT INTO half_done VALUES (1);\n"
      "INSERT INTO no_such_table VALUES (2);\n"));
  migrations.back().version = latest_version() + 1;

  SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
  try {
    detail::apply_migrations(raw, migrations, latest_version() + 1);
    FAIL("a broken migration was applied");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::migration_failed);
    CHECK_THAT(e.what(), Catch::Contains("broken") &&
                             Catch::Contains("stays at version " + std::to_string(latest_version())));
  }
  CHECK(raw.execAndGet("PRAGMA user_version").getInt() == latest_version());
  CHECK_FALSE(raw.tableExists("half_done"));
  CHECK(raw.execAndGet("SELECT max(version) FROM schema_migration").getInt() == latest_version());
  CHECK(schema_dump(path) == schema_before);
}

TEST_CASE("A read-only open never migrates and says the file is behind", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "behind.db";
  make_file_at_version(path, 1);
  const std::string before = read_file(path);
  policydb::Options options;
  options.read_only = true;
  try {
    (void)Database::open(path, options);
    FAIL("read-only open of a file that is behind");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::read_only);
    CHECK_THAT(e.what(), Catch::Contains("version 1") && Catch::Contains("migrate"));
  }
  CHECK(user_version(path) == 1);
  CHECK(read_file(path) == before);

  SECTION("a current file opens read-only and refuses writes") {
    { (void)Database::open(path); }
    auto db = Database::open(path, options);
    CHECK(db.read_only());
    CHECK(db.check().ok);
    CHECK_THROWS_AS(db.migrate(), Error);
  }
}

TEST_CASE("plan() lists pending migrations without running them", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "plan.db";
  SECTION("a missing file would get every migration, and is not created") {
    CHECK(Database::plan(path).size() == std::size_t(latest_version()));
    CHECK_FALSE(std::filesystem::exists(path));
  }
  SECTION("a file at version 1 would get the rest") {
    make_file_at_version(path, 1);
    const std::string before = read_file(path);
    const auto plan = Database::plan(path);
    REQUIRE(plan.size() == std::size_t(latest_version() - 1));
    CHECK(plan.front().version == 2);
    CHECK(plan.front().name == "reference_data");
    CHECK_FALSE(plan.front().applied_at.has_value());
    CHECK(read_file(path) == before);
  }
}

TEST_CASE("A backup is written before migrating when asked", "[store][migrate]") {
  TempDir dir;
  const auto path = dir / "data.db";
  const auto backup = dir / "data.backup.db";
  make_file_at_version(path, 2);
  insert_sample_fact(path);
  policydb::Options options;
  options.backup_before_migrate = backup;
  auto db = Database::open(path, options);
  CHECK(db.schema_version() == latest_version());
  REQUIRE(std::filesystem::exists(backup));
  CHECK(user_version(backup) == 2);
  SQLite::Database copy(backup.string(), SQLite::OPEN_READONLY);
  CHECK(copy.execAndGet("SELECT count(*) FROM fact").getInt() == 1);
}

TEST_CASE("Files that are not policydb databases are refused", "[store][migrate]") {
  TempDir dir;
  SECTION("another application's SQLite file") {
    const auto path = dir / "other.db";
    {
      SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      raw.exec("CREATE TABLE customers (id INTEGER)");
    }
    const std::string before = read_file(path);
    CHECK_THROWS_MATCHES(Database::open(path), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == ErrorCode::not_policydb; }));
    CHECK(read_file(path) == before);
  }
  SECTION("a text file") {
    const auto path = dir / "notes.db";
    std::ofstream(path) << "this is not a database, just some words that go on for a while.....";
    CHECK_THROWS_MATCHES(Database::open(path), Error,
                         Catch::Predicate<Error>([](const Error& e) { return e.code() == ErrorCode::corrupt; }));
  }
  SECTION("a missing file opened without create_if_missing") {
    policydb::Options options;
    options.create_if_missing = false;
    CHECK_THROWS_AS(Database::open(dir / "absent.db", options), Error);
    CHECK_FALSE(std::filesystem::exists(dir / "absent.db"));
  }
}

TEST_CASE("The compiled-in migrations are numbered 1..N with checksums", "[store][migrate]") {
  const auto migrations = Database::library_migrations();
  REQUIRE(migrations.size() >= 3);
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    CHECK(migrations[i].version == int(i) + 1);
    CHECK(migrations[i].checksum.size() == 64);
  }
  CHECK(migrations[0].name == "core");
}
