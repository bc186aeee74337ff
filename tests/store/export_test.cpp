#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "policydb/database.h"
#include "test_support.h"

using policydb::Database;
using policydb::ExportFormat;
using nlohmann::json;

namespace {

std::filesystem::path seeds() { return policydb::testing::shared_dir() / "gold" / "seeds.jsonl"; }

// A comparable form of one fact line: keys sorted, numbers as doubles.
std::string canonical(json j) {
  j.erase("optional");
  j.erase("indicator");
  j.erase("metric_code");
  j["value"] = j["value"].get<double>();
  return j.dump();
}

std::vector<std::string> canonical_lines(std::istream& in) {
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(canonical(json::parse(line)));
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("The gold seeds round-trip through load and export", "[store][export][seeds]") {
  auto db = Database::open(":memory:");
  std::ifstream in(seeds());
  REQUIRE(db.load_jsonl(in).ok());
  std::stringstream exported;
  const std::size_t n = db.export_jsonl(exported);
  std::ifstream gold(seeds());
  const auto expected = canonical_lines(gold);
  CHECK(n == expected.size());
  CHECK(canonical_lines(exported) == expected);
}

TEST_CASE("Exported lines reload as the same documents", "[store][export][seeds]") {
  auto db = Database::open(":memory:");
  std::ifstream in(seeds());
  REQUIRE(db.load_jsonl(in).ok());
  std::stringstream exported;
  (void)db.export_jsonl(exported);
  auto copy = Database::open(":memory:");
  const auto report = copy.load_jsonl(exported);
  REQUIRE(report.ok());
  std::stringstream again;
  (void)copy.export_jsonl(again);
  // The export of the reloaded copy is byte-identical, metric codes included.
  std::stringstream first;
  (void)db.export_jsonl(first);
  CHECK(again.str() == first.str());
}

TEST_CASE("Exports write integers without .0 and curated codes", "[store][export]") {
  auto db = Database::open(":memory:");
  std::istringstream in(
      R"({"doc": "e.txt", "region": "河南", "metric": "5G基站总数", "kind": "actual", "measure": "level", "value": 187000.0, "unit": "个", "period": "2023-10", "comparator": "eq", "published": "2023-11-20", "quote": "示例,带\"引号\""})"
      "\n"
      R"({"doc": "e.txt", "region": "河南", "subregion": "郑州", "metric": "某某新指标", "kind": "actual", "measure": "ratio", "value": 31.5, "unit": "%", "period": "2023", "quote": "示例"})"
      "\n");
  REQUIRE(db.load_jsonl(in).ok());
  std::stringstream out;
  REQUIRE(db.export_jsonl(out) == 2);
  std::string first, second;
  std::getline(out, first);
  std::getline(out, second);
  CHECK(first.find("\"value\":187000,") != std::string::npos);
  CHECK(first.find("\"metric_code\":\"5g_base_stations\"") != std::string::npos);
  CHECK(first.find("\"published\":\"2023-11-20\"") != std::string::npos);
  CHECK(second.find("\"value\":31.5,") != std::string::npos);
  CHECK(second.find("metric_code") == std::string::npos);  // uncurated
  CHECK(second.find("\"subregion\":\"郑州\"") != std::string::npos);

  std::stringstream csv;
  REQUIRE(db.export_facts(csv, ExportFormat::csv) == 2);
  std::string header, row;
  std::getline(csv, header);
  std::getline(csv, row);
  CHECK(header.rfind("doc,region,subregion,metric,metric_code,kind", 0) == 0);
  CHECK(row.find("\"示例,带\"\"引号\"\"\"") != std::string::npos);

  std::stringstream array;
  REQUIRE(db.export_facts(array, ExportFormat::json) == 2);
  const json parsed = json::parse(array.str());
  REQUIRE(parsed.is_array());
  CHECK(parsed.size() == 2);
  CHECK(parsed[1]["value"] == 31.5);

  policydb::FactFilter only_ratio;
  only_ratio.measure = policydb::Measure::ratio;
  std::stringstream filtered;
  CHECK(db.export_jsonl(filtered, only_ratio) == 1);
}
