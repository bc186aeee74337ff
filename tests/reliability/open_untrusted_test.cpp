// Untrusted database files handed to Database::open(): damaged, truncated,
// foreign, too new, or with a schema changed by hand. Each must be refused with
// a policydb::Error or opened safely; nothing may crash or escape as another
// exception type, and a refused file must be left untouched.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <sstream>
#include <string>

#include "policydb/database.h"
#include "policydb/error.h"
#include "reliability_support.h"
#include "store/migrate.h"

using policydb::Database;
using policydb::Error;
using policydb::ErrorCode;
using policydb::Options;
namespace t = policydb::testing;

namespace {

constexpr int kDocuments = 12;

// A real policydb file with kDocuments loaded documents, WAL checkpointed away.
std::filesystem::path make_policydb_file(const t::TempDir& dir, const std::string& name = "db.sqlite") {
  const auto path = dir / name;
  {
    auto db = Database::open(path);
    for (int n = 0; n < kDocuments; ++n) {
      std::istringstream in(t::document_jsonl(t::document_name(n), t::facts_in_document(n)));
      REQUIRE(db.load_jsonl(in).ok());
    }
  }
  REQUIRE_FALSE(std::filesystem::exists(path.string() + "-wal"));
  return path;
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// What using a hostile file came to. Any exception but policydb::Error fails the
// test by escaping from here.
struct Outcome {
  bool opened = false;
  bool check_ok = false;
  std::optional<ErrorCode> open_error;
  int operations_failed = 0;  // of the operations after a successful open
};

Outcome exercise(const std::filesystem::path& path, const Options& options = {}) {
  Outcome outcome;
  std::optional<Database> db;
  try {
    db.emplace(Database::open(path, options));
  } catch (const Error& e) {
    outcome.open_error = e.code();
    INFO(e.what());
    CHECK(std::string(e.what()).rfind("policydb: ", 0) == 0);
    return outcome;
  }
  outcome.opened = true;
  outcome.check_ok = db->check().ok;
  const std::function<void()> operations[] = {
      [&] { (void)db->facts().count(); },
      [&] { (void)db->facts().kind(policydb::Kind::target).list(); },
      [&] { (void)db->query_readonly("SELECT count(*), sum(value) FROM facts"); },
      [&] { (void)db->query_readonly("SELECT * FROM target_progress LIMIT 50"); },
      [&] { (void)db->target_progress(); },
      [&] {
        if (options.read_only) return;
        std::istringstream in(t::document_jsonl("new_after_open.txt", 4));
        (void)db->load_jsonl(in);
      },
  };
  for (const auto& op : operations) {
    try {
      op();
    } catch (const Error& e) {
      ++outcome.operations_failed;
    }
  }
  return outcome;
}

}  // namespace

TEST_CASE("A file that is not SQLite is refused as corrupt and left untouched", "[reliability][open]") {
  t::TempDir dir;
  auto [name, bytes] = GENERATE(table<std::string, std::string>({
      {"text", "河南省5G基站总数达到18.7万个。\n"},
      {"jsonl", t::document_jsonl("a.txt", 3)},
      {"png-like", std::string("\x89PNG\r\n\x1a\n", 8) + std::string(5000, '\x07')},
      {"almost-header", std::string("SQLite format 3") + std::string(200, '\0')},
      {"zeros", std::string(8192, '\0')},
  }));
  INFO(name);
  const auto path = dir / "hostile.db";
  write_bytes(path, bytes);
  const Outcome outcome = exercise(path);
  REQUIRE_FALSE(outcome.opened);
  CHECK((*outcome.open_error == ErrorCode::corrupt || *outcome.open_error == ErrorCode::not_policydb));
  CHECK(t::read_file(path) == bytes);
}

TEST_CASE("An empty file is an empty database and is created as policydb", "[reliability][open]") {
  t::TempDir dir;
  const auto path = dir / "empty.db";
  write_bytes(path, "");
  const Outcome outcome = exercise(path);
  CHECK(outcome.opened);
  CHECK(outcome.check_ok);
  CHECK(outcome.operations_failed == 0);
}

TEST_CASE("A truncated policydb file is refused or reported damaged, never used silently",
          "[reliability][open]") {
  t::TempDir dir;
  const auto original = t::read_file(make_policydb_file(dir));
  const double fraction = GENERATE(0.01, 0.1, 0.5, 0.9, 0.99);
  const auto path = dir / "truncated.db";
  write_bytes(path, original.substr(0, std::size_t(double(original.size()) * fraction)));
  INFO("kept " << fraction << " of " << original.size() << " bytes");
  const Outcome outcome = exercise(path, [] { Options o; o.read_only = true; return o; }());
  // Either open() refuses, or check() sees the damage. Reading on is allowed to
  // fail, but only with policydb::Error.
  CHECK((!outcome.opened || !outcome.check_ok));
}

TEST_CASE("A damaged page is refused or reported by check(), never a crash", "[reliability][open]") {
  t::TempDir dir;
  const auto path = make_policydb_file(dir);
  const std::string original = t::read_file(path);
  const std::size_t page_size = 4096;
  const std::size_t pages = original.size() / page_size;
  REQUIRE(pages > 8);
  // Every page's b-tree header smashed in turn (page 1 holds the file header).
  const std::size_t page = GENERATE_COPY(range<std::size_t>(0, 40));
  const std::size_t target = page * (pages - 1) / 39;
  std::string damaged = original;
  const std::size_t at = target * page_size + (target == 0 ? 100 : 0);
  for (std::size_t i = 0; i < 12; ++i) damaged[at + i] = static_cast<char>(0xA5 ^ i);
  write_bytes(path, damaged);
  INFO("page " << target + 1 << " of " << pages);
  Options options;
  options.read_only = true;
  const Outcome outcome = exercise(path, options);
  CHECK((!outcome.opened || !outcome.check_ok));
}

TEST_CASE("Random byte flips anywhere in the file give only policydb errors", "[reliability][open]") {
  t::TempDir dir;
  const auto path = make_policydb_file(dir);
  const std::string original = t::read_file(path);
  std::mt19937 rng(GENERATE(1u, 2u, 3u, 4u, 5u, 6u, 7u, 8u, 9u, 10u, 11u, 12u, 13u, 14u, 15u, 16u));
  std::string damaged = original;
  for (int i = 0; i < 24; ++i) damaged[rng() % damaged.size()] ^= static_cast<char>(1 + rng() % 255);
  write_bytes(path, damaged);
  // Read-write too: the load afterwards must fail cleanly or succeed.
  (void)exercise(path);
  SUCCEED("no crash, no foreign exception");
}

TEST_CASE("A file from a newer policydb is refused untouched", "[reliability][open]") {
  t::TempDir dir;
  const auto path = make_policydb_file(dir);
  {
    t::RawDb raw(path, SQLITE_OPEN_READWRITE);
    raw.exec("PRAGMA user_version = " +
             std::to_string(policydb::detail::builtin_migrations().back().version + 1));
  }
  const std::string before = t::read_file(path);
  const Outcome outcome = exercise(path);
  REQUIRE_FALSE(outcome.opened);
  CHECK(*outcome.open_error == ErrorCode::schema_too_new);
  CHECK(t::read_file(path) == before);
}

TEST_CASE("Another application's SQLite file is refused untouched", "[reliability][open]") {
  t::TempDir dir;
  const auto path = dir / "other.db";
  {
    t::RawDb raw(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    raw.exec("CREATE TABLE fact (x); INSERT INTO fact VALUES (1); PRAGMA application_id = 7");
  }
  const std::string before = t::read_file(path);
  const Outcome outcome = exercise(path);
  REQUIRE_FALSE(outcome.opened);
  CHECK(*outcome.open_error == ErrorCode::not_policydb);
  CHECK(t::read_file(path) == before);
}

TEST_CASE("A trigger added by hand cannot destroy data when policydb writes", "[reliability][open]") {
  t::TempDir dir;
  const auto path = make_policydb_file(dir);
  const auto before = t::facts_per_document(path);
  {
    t::RawDb raw(path, SQLITE_OPEN_READWRITE);
    raw.exec(
        "CREATE TRIGGER wipe AFTER INSERT ON document BEGIN "
        "DELETE FROM document WHERE id <> NEW.id; END");
  }
  const Outcome outcome = exercise(path);
  INFO("opened=" << outcome.opened);
  // Refused at open, or the trigger never ran: every earlier document intact.
  auto after = t::facts_per_document(path);
  after.erase("new_after_open.txt");
  CHECK(after == before);
}

TEST_CASE("A trigger calling load_extension fails the write cleanly", "[reliability][open]") {
  t::TempDir dir;
  const auto path = make_policydb_file(dir);
  const auto before = t::facts_per_document(path);
  {
    t::RawDb raw(path, SQLITE_OPEN_READWRITE);
    raw.exec("CREATE TRIGGER ext AFTER INSERT ON fact BEGIN SELECT load_extension('" +
             (dir / "no_such_lib").string() + "'); END");
  }
  const Outcome outcome = exercise(path);
  if (outcome.opened) CHECK(outcome.operations_failed >= 1);  // the load met the trigger
  auto after = t::facts_per_document(path);
  CHECK(after.count("new_after_open.txt") == 0);
  CHECK(after == before);
  CHECK(t::integrity_check(path) == "ok");
}

TEST_CASE("A view replaced by hand with unsafe or runaway SQL is refused or stopped",
          "[reliability][open]") {
  t::TempDir dir;
  const auto path = make_policydb_file(dir);
  auto [name, body] = GENERATE(table<std::string, std::string>({
      {"load_extension", "SELECT load_extension('/nonexistent/lib') AS fact_id"},
      {"huge blob", "SELECT randomblob(2000000000) AS fact_id"},
      {"endless", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                  "SELECT x AS fact_id FROM c"},
  }));
  INFO(name);
  {
    t::RawDb raw(path, SQLITE_OPEN_READWRITE);
    raw.exec("DROP VIEW target_progress; CREATE VIEW target_progress AS " + body);
  }
  std::optional<Database> db;
  try {
    db.emplace(Database::open(path));
  } catch (const Error& e) {
    SUCCEED(std::string("refused: ") + e.what());
    return;
  }
  policydb::SandboxOptions budget;
  budget.max_time = std::chrono::milliseconds(2000);
  const auto start = std::chrono::steady_clock::now();
  CHECK_THROWS_AS(db->query_readonly("SELECT count(*) FROM target_progress", budget), Error);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5) * POLICYDB_TEST_TIME_SCALE);
}
