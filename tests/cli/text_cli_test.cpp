// End-to-end tests of the report-text subcommands: scan, extract, ingest.
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

using policydb::testing::lines_of;
using policydb::testing::run_cli;
using policydb::testing::source_dir;
using policydb::testing::TempDir;

namespace {

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::vector<nlohmann::json> json_lines(const std::string& text) {
  std::vector<nlohmann::json> out;
  for (const auto& line : lines_of(text)) out.push_back(nlohmann::json::parse(line));
  return out;
}

std::string sample_report() {
  return "'" + (source_dir() / "examples/data/sample_report.md").string() + "'";
}

}  // namespace

TEST_CASE("text subcommands print their usage with --help", "[cli]") {
  TempDir dir;
  const std::string command = GENERATE("scan", "extract", "ingest");
  const auto r = run_cli(dir, command + " --help");
  CHECK(r.status == 0);
  CHECK(r.out.find("Usage: policydb " + command) == 0);
}

TEST_CASE("scan prints quantities and periods with byte offsets into the input", "[cli]") {
  TempDir dir;
  const std::string text = "今年前三季度，我市新建充电桩约2.4万台。";
  write(dir / "in.txt", text);
  const auto r = run_cli(dir, "scan --date 2024-11-05 in.txt");
  REQUIRE(r.status == 0);
  const auto items = json_lines(r.out);
  REQUIRE(items.size() == 2);
  CHECK(items[0]["type"] == "period");
  CHECK(items[0]["period"] == "2024-01/2024-09");
  CHECK(items[1]["type"] == "quantity");
  CHECK(items[1]["value"] == 24000);
  CHECK(items[1]["comparator"] == "approx");
  for (const auto& item : items) {
    const auto start = item["start"].get<std::size_t>();
    const auto end = item["end"].get<std::size_t>();
    CHECK(text.substr(start, end - start) == item["text"].get<std::string>());
  }
}

TEST_CASE("scan --each-line numbers every line and offsets within it", "[cli]") {
  TempDir dir;
  write(dir / "cases.txt", "增长三成\r\n没有数字\n到2030年\n");
  const auto r = run_cli(dir, "scan --each-line cases.txt");
  REQUIRE(r.status == 0);
  const auto items = json_lines(r.out);
  REQUIRE(items.size() == 2);
  CHECK(items[0]["line"] == 1);
  CHECK(items[0]["value"] == 30);
  CHECK(items[0]["unit"] == "%");
  CHECK(items[1]["line"] == 3);
  CHECK(items[1]["start"] == 0);
  CHECK(items[1]["period"] == "2030");
  CHECK(run_cli(dir, "scan --date 2024-13-01 cases.txt").status == 2);
}

TEST_CASE("extract writes FORMAT.md lines for the example report", "[cli]") {
  TempDir dir;
  const auto r = run_cli(dir, "extract " + sample_report());
  REQUIRE(r.status == 0);
  const auto facts = json_lines(r.out);
  REQUIRE_FALSE(facts.empty());
  bool target_2025 = false;
  for (const auto& f : facts) {
    CHECK(f["doc"] == "sample_report.md");
    for (const char* key : {"region", "metric", "kind", "measure", "value", "unit", "period",
                            "comparator", "quote"}) {
      CHECK(f.contains(key));
    }
    target_2025 =
        target_2025 || (f["kind"] == "target" && f["period"] == "2025" &&
                        f.value("metric_code", "") == "5g_base_stations" && f["value"] == 150000);
  }
  CHECK(target_2025);
  CHECK_FALSE(std::filesystem::exists(dir / "policydb.db"));
}

TEST_CASE("ingest stores a report once and its targets show progress", "[cli]") {
  TempDir dir;
  const auto first = run_cli(dir, "ingest --db r.db --jobs 2 " + sample_report());
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(first.out.find("documents: 1 new, 0 skipped") != std::string::npos);
  CHECK(first.err.find('\r') == std::string::npos);  // no progress bar off a terminal
  const auto again = run_cli(dir, "ingest --db r.db " + sample_report());
  CHECK(again.out.find("documents: 0 new, 1 skipped") != std::string::npos);

  const auto progress =
      run_cli(dir, "progress --db r.db --metric 5g_base_stations --year 2025 --format json");
  REQUIRE(progress.status == 0);
  const auto rows = nlohmann::json::parse(progress.out);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["region"] == "湖南");
  CHECK(rows[0]["actual"] == 112000);
}

TEST_CASE("ingest reads report files from a directory and reports unreadable files", "[cli]") {
  TempDir dir;
  std::filesystem::create_directories(dir / "reports");
  write(dir / "reports/a.txt", "2023年，全省新建5G基站1.1万个。");
  write(dir / "reports/notes.csv", "not,a,report\n");
  const auto r = run_cli(dir, "ingest --db d.db --province 江西 --date 2024-01-20 reports");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("documents: 1 new") != std::string::npos);
  const auto missing = run_cli(dir, "ingest --db d.db nowhere.txt");
  CHECK(missing.status == 1);
  CHECK(missing.out.find("1 failed") != std::string::npos);
  CHECK(missing.err.find("nowhere.txt: failed") != std::string::npos);
}
