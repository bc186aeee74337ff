// End-to-end tests of the fact subcommands: load, export, facts, series,
// progress, sql, metrics --uncurated — on the example data of examples/data.
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

using policydb::testing::lines_of;
using policydb::testing::run_cli;
using policydb::testing::source_dir;
using policydb::testing::TempDir;

namespace {

std::string sample_facts() {
  return "'" + (source_dir() / "examples/data/sample_facts.jsonl").string() + "'";
}

// A temp dir holding s.db loaded with the sample facts.
struct LoadedDb {
  TempDir dir;
  LoadedDb() { REQUIRE(run_cli(dir, "load --db s.db " + sample_facts()).status == 0); }
  policydb::testing::CliResult run(const std::string& args) const {
    return run_cli(dir, args + " --db s.db");
  }
};

nlohmann::json json_of(const policydb::testing::CliResult& r) {
  INFO(r.err);
  REQUIRE(r.status == 0);
  return nlohmann::json::parse(r.out);
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const char* kGoodLine =
    R"({"doc":"mine.md","region":"江西","metric":"萤火虫观测站数量","kind":"actual","measure":"level",)"
    R"("value":12,"unit":"个","period":"2023","comparator":"eq","quote":"建成萤火虫观测站12个"})";
const char* kBadLine =
    R"({"doc":"mine.md","region":"亚特兰蒂斯","metric":"5G基站","kind":"actual","measure":"level",)"
    R"("value":5,"unit":"个","period":"2023","comparator":"eq","quote":"5个"})";

}  // namespace

TEST_CASE("every fact subcommand prints its usage with --help", "[cli]") {
  TempDir dir;
  const std::string command = GENERATE("load", "export", "facts", "series", "progress", "sql");
  const auto r = run_cli(dir, command + " --help");
  CHECK(r.status == 0);
  CHECK(r.out.find("Usage: policydb " + command) == 0);
  CHECK(run_cli(dir, "--help").out.find("  " + command + " ") != std::string::npos);
}

TEST_CASE("load summarizes documents and skips a file loaded before", "[cli]") {
  TempDir dir;
  const auto first = run_cli(dir, "load --db s.db " + sample_facts());
  CHECK(first.status == 0);
  CHECK(first.out.find("19 fact(s) written") != std::string::npos);
  CHECK(first.out.find("documents 3 new, 0 skipped") != std::string::npos);
  const auto again = run_cli(dir, "load --db s.db " + sample_facts());
  CHECK(again.status == 0);
  CHECK(again.out.find("documents 0 new, 3 skipped") != std::string::npos);
  CHECK(again.out.find("0 fact(s) written") != std::string::npos);
}

TEST_CASE("load reports bad lines by number and exits 1", "[cli]") {
  TempDir dir;
  write(dir / "mixed.jsonl", std::string(kGoodLine) + "\n" + kBadLine + "\n");
  SECTION("skip loads the good lines") {
    const auto r = run_cli(dir, "load --db s.db mixed.jsonl");
    CHECK(r.status == 1);
    CHECK(r.err.find("mixed.jsonl:2: region") != std::string::npos);
    CHECK(r.out.find("1 fact(s) written") != std::string::npos);
    CHECK(lines_of(run_cli(dir, "facts --db s.db --format jsonl").out).size() == 1);
  }
  SECTION("reject writes nothing") {
    const auto r = run_cli(dir, "load --db s.db --on-error reject mixed.jsonl");
    CHECK(r.status == 1);
    CHECK(r.out.find("nothing written") != std::string::npos);
    CHECK(run_cli(dir, "facts --db s.db --format jsonl").out.empty());
  }
  SECTION("a missing file is an I/O error") {
    const auto r = run_cli(dir, "load --db s.db nowhere.jsonl");
    CHECK(r.status == 1);
    CHECK(r.err.find("policydb: io: cannot read nowhere.jsonl") == 0);
  }
  SECTION("standard input is read for -") {
    const auto r = run_cli(dir, "load --db s.db - < mixed.jsonl");
    CHECK(r.out.find("<stdin>: 2 line(s), 1 fact(s) written") != std::string::npos);
  }
}

TEST_CASE("facts filters by region, kind and deadline", "[cli]") {
  LoadedDb db;
  const auto rows = json_of(db.run("facts --region 湘 --kind target --format json"));
  REQUIRE(rows.size() == 4);
  for (const auto& row : rows) {
    CHECK(row["region"] == "湖南");
    CHECK(row["kind"] == "target");
  }
  CHECK(json_of(db.run("facts --region Hunan --kind target --until 2025 --format json")).size() ==
        2);
  CHECK(json_of(db.run("facts --metric 5g_base_stations --since 2027 --format json")).size() == 2);
  CHECK(json_of(db.run("facts --limit 3 --format json")).size() == 3);
}

TEST_CASE("export writes lines that load back to the same facts", "[cli]") {
  LoadedDb db;
  const auto exported = db.run("export");
  REQUIRE(exported.status == 0);
  const auto lines = lines_of(exported.out);
  REQUIRE(lines.size() == 19);
  for (const auto& line : lines) CHECK(nlohmann::json::parse(line).contains("metric_code"));
  REQUIRE(db.run("export --out copy.jsonl").status == 0);
  CHECK(policydb::testing::read_file(db.dir / "copy.jsonl") == exported.out);
  REQUIRE(run_cli(db.dir, "load --db other.db copy.jsonl").status == 0);
  const auto again = run_cli(db.dir, "export --db other.db");
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  CHECK(sorted(lines_of(again.out)) == sorted(lines));
  CHECK(lines_of(db.run("export --format csv --region 江西").out).size() == 8);  // header + 7
}

TEST_CASE("series orders periods and flags disagreeing sources", "[cli]") {
  LoadedDb db;
  const auto points = json_of(db.run("series --region 湖南 --metric 5G基站 --format json"));
  REQUIRE(points.size() == 3);
  CHECK(points[0]["period"] == "2021");
  CHECK(points[1]["period"] == "2022");
  CHECK(points[1]["value"] == 80000);  // the later report wins
  CHECK(points[1]["alternatives"] == 1);
  CHECK(points[1]["disagreement"] == true);
  CHECK(points[2]["value"] == 112000);
  CHECK(db.run("series --region 湖南").status == 2);
}

TEST_CASE("progress compares each target with the latest actual", "[cli]") {
  LoadedDb db;
  const auto rows = json_of(db.run("progress --region 湖南 --year 2025 --format json"));
  REQUIRE(rows.size() == 2);
  const auto& base_stations = rows[0]["metric_code"] == "5g_base_stations" ? rows[0] : rows[1];
  CHECK(base_stations["actual"] == 112000);
  CHECK(base_stations["achieved_pct"] == Approx(74.7));
  CHECK(base_stations["gap"] == 38000);
  CHECK(base_stations["status"] == "on_track");
  CHECK(db.run("progress --year 20x5").status == 2);
}

TEST_CASE("sql runs reads and refuses writes", "[cli]") {
  LoadedDb db;
  const auto r =
      db.run("sql \"SELECT region, count(*) AS n FROM targets GROUP BY region ORDER BY region\"");
  REQUIRE(r.status == 0);
  CHECK(lines_of(r.out) == std::vector<std::string>{"region,n", "江西,3", "湖南,4"});
  const auto denied = db.run("sql \"DELETE FROM fact\"");
  CHECK(denied.status == 1);
  CHECK(denied.err.find("policydb: sql_denied") == 0);
  CHECK(denied.err.find("hint: ") != std::string::npos);
  CHECK(json_of(db.run("facts --format json")).size() == 19);
}

TEST_CASE("metrics --uncurated lists unknown labels with their fact counts", "[cli]") {
  LoadedDb db;
  write(db.dir / "mine.jsonl", std::string(kGoodLine) + "\n");
  REQUIRE(db.run("load mine.jsonl").status == 0);
  const auto rows = json_of(db.run("metrics --uncurated --format json"));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["label"] == "萤火虫观测站数量");
  CHECK(rows[0]["facts"] == 1);
}

TEST_CASE("read commands never create a missing database", "[cli]") {
  TempDir dir;
  const std::string command = GENERATE("facts", "export", "progress", "sql \"SELECT 1\"");
  const auto r = run_cli(dir, command + " --db none.db");
  CHECK(r.status == 1);
  CHECK(r.err.find("policydb: not_found: no database at none.db") == 0);
  CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
}
