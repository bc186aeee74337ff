// Shared fixtures of the query tests: databases loaded from the gold seeds or
// from lines written by the test itself.
#pragma once

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "policydb/database.h"
#include "test_support.h"

namespace policydb::testing {

inline std::filesystem::path seeds_path() { return shared_dir() / "gold" / "seeds.jsonl"; }

inline Database seeded_database() {
  auto db = Database::open(":memory:");
  std::ifstream in(seeds_path());
  const auto report = db.load_jsonl(in);
  if (!report.ok()) throw std::runtime_error("seeds did not load: " + report.diagnostics.at(0).to_string());
  return db;
}

inline std::vector<nlohmann::json> seed_lines() {
  std::vector<nlohmann::json> out;
  std::ifstream in(seeds_path());
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

inline void load_text(Database& db, const std::string& text) {
  std::istringstream in(text);
  const auto report = db.load_jsonl(in);
  if (!report.ok()) throw std::runtime_error(report.diagnostics.at(0).to_string());
}

// One FORMAT.md line of our own.
inline std::string fact_line(const std::string& doc, const std::string& region,
                             const std::string& metric, const std::string& kind, double value,
                             const std::string& unit, const std::string& period,
                             const std::string& extra = "") {
  nlohmann::json j = {{"doc", doc},   {"region", region}, {"metric", metric},
                      {"kind", kind}, {"measure", "level"}, {"value", value},
                      {"unit", unit}, {"period", period}, {"comparator", "eq"},
                      {"quote", metric + "示例"}};
  if (!extra.empty()) j.update(nlohmann::json::parse(extra));
  return j.dump() + "\n";
}

struct VariedDocument {
  std::string name;
  std::string published;  // empty: undated
};

// FORMAT.md lines of a few documents about two provinces (one with a city),
// three metrics and several units, drawn from a fixed seed: sources tie on
// their date or have none, units convert or do not, deadlines fall before
// some actuals.
inline std::string varied_fact_lines() {
  std::mt19937 rng(20261128);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const std::vector<VariedDocument> documents = {{"a.txt", "2024-03-01"}, {"b.txt", "2024-03-01"},
                                                 {"c.txt", ""},           {"d.txt", "2023-02-10"},
                                                 {"e.txt", "2025-01-05"}, {"f.txt", ""}};
  const std::vector<std::pair<std::string, std::string>> places = {{"河南", ""}, {"河南", "郑州"}, {"江西", ""}};
  const std::vector<std::string> metrics = {"示范企业数量", "示范投资规模", "示范覆盖率"};
  const std::vector<std::string> comparators = {"eq", "ge", "gt", "le", "lt", "approx"};
  std::string out;
  for (const VariedDocument& doc : documents) {
    const std::string dated = doc.published.empty() ? "" : R"("published": ")" + doc.published + R"(")";
    for (int i = 0; i < 24; ++i) {
      const auto& [region, subregion] = places[pick(3)];
      const int m = pick(3);
      const bool target = pick(4) == 0;
      // Money in 亿元 or 万元 (both CNY after conversion), shares in %, counts in 个;
      // now and then a count reported as a share, which cannot be compared.
      std::string unit = m == 1 ? "CNY" : m == 2 ? "%" : "个";
      if (pick(10) == 0) unit = unit == "%" ? "个" : "%";
      const double value = m == 1 ? (1 + pick(50)) * (pick(2) ? 1e8 : 1e4) : 10 + pick(90);
      const int year = target ? 2023 + pick(8) : 2018 + pick(7);
      const std::string period = target || pick(2) ? std::to_string(year)
                                                   : std::to_string(year) + "-" + (pick(2) ? "06" : "12");
      std::string extra = "{";
      if (!subregion.empty()) extra += R"("subregion": ")" + subregion + R"(", )";
      extra += R"("comparator": ")" + (target ? comparators[pick(6)] : std::string("eq")) + R"(")";
      if (!dated.empty()) extra += ", " + dated;
      extra += "}";
      out += fact_line(doc.name, region, metrics[m], target ? "target" : "actual", value, unit, period, extra);
    }
  }
  return out;
}

}  // namespace policydb::testing
