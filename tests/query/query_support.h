// Shared fixtures of the query tests: databases loaded from the gold seeds or
// from lines written by the test itself.
#pragma once

#include <fstream>
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

}  // namespace policydb::testing
