// Example 01: every target of one province, with how far it has come.
//
//   01_targets_of_a_province FACTS.jsonl [PROVINCE] [DATABASE]
//
// Loads parsed reports (FORMAT.md JSON Lines) into a database file, then prints
// each target of PROVINCE (default 湖南) with the latest actual before its
// deadline and the status policydb's progress rule gives it.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "policydb/database.h"
#include "policydb/error.h"

namespace {

std::string percent(const std::optional<double>& rate) {
  if (!rate) return "-";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f%%", *rate * 100);
  return buffer;
}

void print_target(const policydb::TargetProgress& p) {
  const policydb::Fact& t = p.target;
  std::cout << t.period.to_string() << "  " << t.metric->name_zh << " (" << t.label << ")  "
            << policydb::to_string(t.comparator) << ' ' << t.value << ' ' << t.unit->code;
  if (p.latest_actual) {
    std::cout << "  | actual " << *p.actual_value << " in " << p.latest_actual->period.to_string()
              << ", " << percent(p.ratio_achieved) << " achieved";
  }
  if (p.needed_cagr) std::cout << ", needs " << percent(p.needed_cagr) << " a year";
  std::cout << "  -> " << policydb::to_string(p.status) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FACTS.jsonl [PROVINCE] [DATABASE]\n";
    return 2;
  }
  const std::string province = argc > 2 && *argv[2] ? argv[2] : "湖南";
  const std::filesystem::path db_path =
      argc > 3 ? std::filesystem::path(argv[3])
               : std::filesystem::temp_directory_path() / "policydb_example_01.db";
  try {
    std::filesystem::remove(db_path);
    auto db = policydb::Database::open(db_path);
    std::ifstream in(argv[1]);
    const policydb::LoadReport report = db.load_jsonl(in);
    std::cout << "loaded " << report.facts_written << " facts from " << report.documents.size()
              << " documents\n";

    const auto& region = db.catalog()->region(province);  // any name: 湖南, 湘, Hunan
    std::cout << "targets of " << region.name << ":\n";
    for (const auto& p : db.target_progress(db.facts().region(province).filter())) {
      print_target(p);
    }
  } catch (const policydb::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
