// End-to-end tests of the policydb command-line tool: exit statuses, help,
// errors on stderr, and the database and catalog subcommands.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "../../tools/cli/table.h"
#include "cli_runner.h"

using policydb::testing::lines_of;
using policydb::testing::run_cli;
using policydb::testing::TempDir;

TEST_CASE("every subcommand prints its usage with --help", "[cli]") {
  TempDir dir;
  const std::string command = GENERATE("migrate", "check", "compact", "regions", "metrics", "version");
  const auto r = run_cli(dir, command + " --help");
  CHECK(r.status == 0);
  CHECK(r.out.find("Usage: policydb " + command) == 0);
  CHECK(r.out.find("--db PATH") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("the overview lists the commands", "[cli]") {
  TempDir dir;
  const auto r = run_cli(dir, "--help");
  CHECK(r.status == 0);
  for (const char* c : {"migrate", "check", "regions", "metrics", "version", "POLICYDB_DB"}) {
    CHECK(r.out.find(c) != std::string::npos);
  }
  CHECK(run_cli(dir, "").status == 2);
}

TEST_CASE("usage errors exit 2 with the message on stderr", "[cli]") {
  TempDir dir;
  const std::string args =
      GENERATE("frobnicate", "regions --nope", "regions --level", "regions --level planet",
               "regions --format xml", "check extra-argument");
  const auto r = run_cli(dir, args);
  CAPTURE(args, r.err);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("policydb: ", 0) == 0);
  CHECK(r.err.find("--help") != std::string::npos);
}

TEST_CASE("migrate creates the database and a second run has nothing to do", "[cli]") {
  TempDir dir;
  const auto dry = run_cli(dir, "migrate --dry-run --db new.db");
  CHECK(dry.status == 0);
  CHECK(dry.out.find("would apply") != std::string::npos);
  CHECK(dry.out.find("0001_core") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "new.db"));

  const auto first = run_cli(dir, "migrate --db new.db");
  CHECK(first.status == 0);
  CHECK(first.out.find("applied") != std::string::npos);
  CHECK(std::filesystem::exists(dir / "new.db"));
  const auto second = run_cli(dir, "migrate --db=new.db");
  CHECK(second.status == 0);
  CHECK(second.out.find("up to date") != std::string::npos);
  CHECK(run_cli(dir, "migrate --dry-run --db new.db").out.find("nothing to apply") !=
        std::string::npos);
}

TEST_CASE("the database defaults to $POLICYDB_DB, then ./policydb.db", "[cli]") {
  TempDir dir;
  REQUIRE(run_cli(dir, "migrate", "POLICYDB_DB=from-env.db").status == 0);
  CHECK(std::filesystem::exists(dir / "from-env.db"));
  CHECK_FALSE(std::filesystem::exists(dir / "policydb.db"));
  REQUIRE(run_cli(dir, "migrate").status == 0);
  CHECK(std::filesystem::exists(dir / "policydb.db"));
}

TEST_CASE("check passes on a fresh database and prints JSON on request", "[cli]") {
  TempDir dir;
  REQUIRE(run_cli(dir, "migrate --db a.db").status == 0);
  const auto text = run_cli(dir, "check --db a.db");
  CHECK(text.status == 0);
  CHECK(text.out.find("status          ok") != std::string::npos);
  const auto json = run_cli(dir, "check --db a.db --format json");
  REQUIRE(json.status == 0);
  const auto report = nlohmann::json::parse(json.out);
  CHECK(report["ok"] == true);
  CHECK(report["schema_version"] == report["library_version"]);
  CHECK_FALSE(report["migrations"].empty());
}

TEST_CASE("errors go to stderr with a hint and exit 1", "[cli]") {
  TempDir dir;
  SECTION("a missing database") {
    const auto r = run_cli(dir, "check --db missing.db");
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("policydb: not_found: no database at missing.db") == 0);
    CHECK(r.err.find("policydb migrate") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "missing.db"));
  }
  SECTION("a file that is not a database") {
    {
      std::ofstream junk(dir / "junk.db");
      junk << "this is not an SQLite file, just some text padding it out" << std::string(600, 'x');
    }
    const auto r = run_cli(dir, "check --db junk.db");
    CHECK(r.status == 1);
    CHECK(r.err.rfind("policydb: ", 0) == 0);
    CHECK(r.err.find("hint: ") != std::string::npos);
  }
  SECTION("an unknown region") {
    const auto r = run_cli(dir, "regions --parent Atlantis");
    CHECK(r.status == 1);
    CHECK(r.err.find("policydb: not_found") == 0);
  }
}

TEST_CASE("regions lists a province's prefectures as CSV when piped", "[cli]") {
  TempDir dir;
  const auto r = run_cli(dir, "regions --parent 豫");
  REQUIRE(r.status == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() > 10);
  CHECK(lines[0] == "code,name,short_name,name_hant,pinyin,name_en,level,parent");
  bool zhengzhou = false;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    CHECK(lines[i].find(",prefecture,410000") != std::string::npos);
    zhengzhou = zhengzhou || lines[i].find(",郑州市,") != std::string::npos;
  }
  CHECK(zhengzhou);
  CHECK(r.out.find("\r\n") != std::string::npos);
}

TEST_CASE("regions filters by level and prints valid JSON", "[cli]") {
  TempDir dir;
  const auto r = run_cli(dir, "regions --level province --format json");
  REQUIRE(r.status == 0);
  const auto rows = nlohmann::json::parse(r.out);
  CHECK(rows.size() == 34);  // GB/T 2260 provincial-level divisions incl. HK, Macao, Taiwan
  bool henan = false;
  for (const auto& row : rows) {
    CHECK(row["level"] == "province");
    if (row["code"] == "410000") henan = row["short_name"] == "河南" && row["pinyin"] == "Henan";
  }
  CHECK(henan);
}

TEST_CASE("the table format aligns Chinese names by display width", "[cli]") {
  TempDir dir;
  const auto r = run_cli(dir, "regions --level province --format table");
  REQUIRE(r.status == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 36);  // header, rule, 34 rows
  // Column 3 (short_name) starts where the rule's third run of dashes does (the
  // rule is ASCII, so its byte offsets are display columns).
  const std::string& rule = lines[1];
  const std::size_t second_end = rule.find(' ', rule.find('-', rule.find(' ')));
  const int start = static_cast<int>(rule.find('-', second_end));
  for (std::size_t i = 2; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    // Walk the first two cells (code, name: no spaces inside) and their padding.
    std::size_t pos = line.find(' ');
    pos = line.find_first_not_of(' ', pos);
    pos = line.find(' ', pos);
    pos = line.find_first_not_of(' ', pos);
    CAPTURE(line);
    CHECK(policydb::cli::display_width(line.substr(0, pos)) == start);
  }
}

TEST_CASE("metrics lists the curated catalog", "[cli]") {
  TempDir dir;
  const auto r = run_cli(dir, "metrics --format jsonl");
  REQUIRE(r.status == 0);
  bool base_stations = false;
  for (const auto& line : lines_of(r.out)) {
    const auto row = nlohmann::json::parse(line);
    for (const char* key : {"code", "name_zh", "name_en", "measure", "unit", "direction"}) {
      CHECK(row.contains(key));
    }
    base_stations = base_stations || row["code"] == "5g_base_stations";
  }
  CHECK(base_stations);
}

TEST_CASE("version prints the release and schema version", "[cli]") {
  TempDir dir;
  const auto r = run_cli(dir, "version --format json");
  REQUIRE(r.status == 0);
  const auto v = nlohmann::json::parse(r.out);
  CHECK(v["version"].get<std::string>().find('.') != std::string::npos);
  CHECK(v["schema_version"].get<int>() >= 1);
  CHECK(run_cli(dir, "--version").out.rfind("policydb ", 0) == 0);
}
