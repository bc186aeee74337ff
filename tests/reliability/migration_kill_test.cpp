// A schema upgrade killed with SIGKILL at random moments: each migration is one
// transaction, so the file must always be at exactly one version with exactly
// that version's schema (never half a migration), pass integrity_check, keep
// its data, and finish the upgrade on the next open.
#include <catch2/catch.hpp>

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>

#include "policydb/database.h"
#include "reliability_support.h"
#include "store/migrate.h"

using policydb::Database;
namespace t = policydb::testing;
namespace detail = policydb::detail;

namespace {

constexpr int kOldVersion = 1;
constexpr int kOldFacts = 3000;

// A file left by an older policydb at version 1, holding kOldFacts facts on
// reference rows of its own (version 1 has no reference data yet).
void make_old_file(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec("PRAGMA foreign_keys = ON");
  detail::apply_migrations(db, detail::builtin_migrations(), kOldVersion);
  db.exec("BEGIN");
  db.exec("INSERT INTO region (code, name, short_name, level) VALUES ('410000', '河南省', '河南', 'province')");
  db.exec("INSERT INTO unit (code, dimension, label_zh, to_base) VALUES ('个', 'count', '个', 1)");
  db.exec("INSERT INTO metric (code, name_zh, measure) VALUES ('legacy_metric', '旧指标', 'level')");
  db.exec("INSERT INTO document (sha256, source, origin) VALUES (printf('%064d', 1), 'old.txt', 'jsonl')");
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " +
      std::to_string(kOldFacts) +
      ") INSERT INTO fact (document_id, region_id, metric_id, label, kind, measure, value, unit_id,"
      " period, period_start, period_end, period_grain, quote)"
      " SELECT 1, 1, 1, '旧指标', 'actual', 'level', i, 1, '2020', 20200101, 20201231, 'year',"
      " '旧句子' || i FROM n");
  db.exec("COMMIT");
}

// The file's state must be exactly version v: migrations 1..v recorded, the
// objects of later migrations absent, and the data of version 1 intact.
void require_consistent_version(const std::filesystem::path& path, int latest) {
  REQUIRE(t::integrity_check(path) == "ok");
  t::RawDb raw(path);
  const long long version = raw.integer("PRAGMA user_version");
  INFO("user_version " << version);
  REQUIRE(version >= kOldVersion);
  REQUIRE(version <= latest);
  CHECK(raw.integer("SELECT count(*) FROM schema_migration") == version);
  CHECK(raw.integer("SELECT max(version) FROM schema_migration") == version);
  const bool has_views = raw.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'facts'") == 1;
  CHECK(has_views == (version >= 3));
  const bool has_reference = raw.integer("SELECT count(*) FROM region") > 1;
  CHECK(has_reference == (version >= 2));
  CHECK(raw.integer("SELECT count(*) FROM fact") == kOldFacts);
  CHECK(raw.integer("SELECT sum(value) FROM fact") == kOldFacts * (kOldFacts + 1) / 2);
}

void upgrade(const std::filesystem::path& path) { (void)Database::open(path); }

}  // namespace

TEST_CASE("An upgrade killed at random moments leaves one whole version, then completes",
          "[reliability][migration][kill]") {
  const int kills = t::env_count("POLICYDB_RELIABILITY_MIGRATION_KILLS", 20);
  const int latest = detail::builtin_migrations().back().version;
  t::TempDir dir;
  const auto golden = dir / "golden.db";
  make_old_file(golden);
  const std::string old_bytes = t::read_file(golden);

  // Calibrate: how long a whole upgrade takes in a child.
  const auto calibrate = dir / "calibrate.db";
  std::filesystem::copy_file(golden, calibrate);
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(t::wait_child(t::fork_child([&] { upgrade(calibrate); })).code == 0);
  const auto full = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  INFO("a whole upgrade takes " << full.count() << " µs");

  std::mt19937 rng(20240611);
  int interrupted = 0;
  for (int i = 0; i < kills; ++i) {
    const auto path = dir / ("kill" + std::to_string(i) + ".db");
    std::filesystem::copy_file(golden, path);
    std::uniform_int_distribution<long> delay(0, full.count());
    const auto exit = t::kill_after(t::fork_child([&] { upgrade(path); }),
                                    std::chrono::microseconds(delay(rng)));
    REQUIRE((exit.signal == SIGKILL || exit.code == 0));
    require_consistent_version(path, latest);
    if (t::RawDb(path).integer("PRAGMA user_version") < latest) ++interrupted;
    upgrade(path);  // the next open finishes the job
    require_consistent_version(path, latest);
    CHECK(Database::open(path).check().ok);
    std::filesystem::remove(path);
    std::filesystem::remove(path.string() + "-wal");
    std::filesystem::remove(path.string() + "-shm");
  }
  // The kills must have hit upgrades in progress, or the test proved nothing.
  CHECK(interrupted >= (kills + 3) / 4);
  CHECK(t::read_file(golden) == old_bytes);
}
