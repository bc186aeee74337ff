// Example 02: one indicator across provinces, as CSV for a spreadsheet.
//
//   02_series_to_csv FACTS.jsonl [METRIC] [DATABASE]
//
// Loads parsed reports, finds every region that reports METRIC (default
// 5g_base_stations; any alias such as 5G基站总数 works too) and writes its time
// series: one row per region and period, the winning source and whether other
// sources disagree.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "policydb/database.h"
#include "policydb/error.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " FACTS.jsonl [METRIC] [DATABASE]\n";
    return 2;
  }
  const std::string metric = argc > 2 && *argv[2] ? argv[2] : "5g_base_stations";
  const std::filesystem::path db_path =
      argc > 3 ? std::filesystem::path(argv[3])
               : std::filesystem::temp_directory_path() / "policydb_example_02.db";
  try {
    std::filesystem::remove(db_path);
    auto db = policydb::Database::open(db_path);
    std::ifstream in(argv[1]);
    (void)db.load_jsonl(in);

    // The regions that report this indicator as an actual value.
    std::set<std::string> regions;
    db.facts().metric(metric).kind(policydb::Kind::actual).each([&](const policydb::Fact& f) {
      regions.insert(f.region->short_name);
      return true;
    });

    std::cout << "region,metric,period,value,unit,source,published,disagreement\n";
    for (const auto& region : regions) {
      const policydb::Series series = db.series(region, metric);
      for (const auto& point : series.points) {
        const auto& published = point.fact.document.published;
        std::cout << region << ',' << series.metric.code << ',' << point.period.to_string() << ','
                  << point.fact.value << ',' << point.fact.unit->code << ','
                  << point.fact.document.source << ',' << (published ? published->to_string() : "")
                  << ',' << (point.disagreement ? "yes" : "no") << '\n';
      }
    }
  } catch (const policydb::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return 0;
}
