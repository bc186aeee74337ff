// Not tests: the loader the catalog tests share (a *_test.cpp so the test glob
// compiles it into policydb_catalog_tests).
#include "catalog/catalog_fixture.h"

#include <sstream>
#include <stdexcept>

#include "policydb/vocabulary.h"

#include "test_support.h"

namespace policydb::testing {
namespace {

std::vector<std::string> split_csv_line(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cur += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cur += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(std::move(cur));
  return out;
}

CatalogData load() {
  CatalogData data;
  for (auto& row : read_schema_csv("regions.csv")) {
    Region r{row["code"],         row["name"],
             row["short_name"],   row["name_hant"],
             row["pinyin"],       row["name_en"],
             row["abbreviation"], parse_region_level(row["level"]).value(),
             row["parent_code"],  {}};
    data.regions.push_back(std::move(r));
  }
  for (auto& row : read_schema_csv("region_members.csv")) {
    for (auto& r : data.regions) {
      if (r.code == row["area_code"]) r.member_codes.push_back(row["member_code"]);
    }
  }
  for (auto& row : read_schema_csv("region_aliases.csv")) {
    data.region_names.push_back({row["alias"], row["region_code"], row["in_running_text"] == "1"});
  }
  for (auto& row : read_schema_csv("units.csv")) {
    data.units.push_back(
        {row["code"], row["dimension"], row["label_zh"], std::stod(row["to_base"])});
  }
  for (auto& row : read_schema_csv("metrics.csv")) {
    Metric m{row["code"],
             row["name_zh"],
             row["name_en"],
             parse_measure(row["measure"]).value(),
             row["dimension"],
             row["default_unit"],
             row["direction"] == "lower" ? Direction::lower_is_better : Direction::higher_is_better,
             true};
    data.metrics.push_back(std::move(m));
  }
  for (auto& row : read_schema_csv("metric_aliases.csv")) {
    data.metric_aliases.emplace_back(row["alias"], row["metric_code"]);
  }
  return data;
}

}  // namespace

CsvRows read_schema_csv(const std::string& name) {
  std::istringstream in(read_file(source_dir() / "schema" / name));
  std::string line;
  std::getline(in, line);
  const auto header = split_csv_line(line);
  CsvRows rows;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const auto fields = split_csv_line(line);
    if (fields.size() != header.size()) throw std::runtime_error(name + ": bad row: " + line);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

const CatalogData& schema_catalog_data() {
  static const CatalogData data = load();
  return data;
}

const Catalog& schema_catalog() {
  static const Catalog catalog(schema_catalog_data());
  return catalog;
}

}  // namespace policydb::testing
