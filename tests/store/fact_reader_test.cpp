// The reads of lib/store/fact_reader.cpp search the clustered fact table
// (schema/0009) by its key or fact_target instead of scanning it.
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <catch2/catch.hpp>

#include "policydb/catalog.h"
#include "policydb/database.h"
#include "store/fact_reader.h"
#include "store/store_test_support.h"
#include "test_support.h"

using policydb::Catalog;
using policydb::Database;
using policydb::Kind;
using policydb::Subregions;
using policydb::testing::load;
using policydb::testing::TempDir;
namespace detail = policydb::detail;

namespace {

// The plan SQLite chooses for the read of `spec` on a new file, one step a line.
std::string plan_of(const detail::ReadSpec& spec) {
  TempDir dir;
  { (void)Database::open(dir / "plan.db"); }
  SQLite::Database raw((dir / "plan.db").string(), SQLite::OPEN_READONLY);
  SQLite::Statement explain(raw, "EXPLAIN QUERY PLAN " + detail::read_sql(*Catalog::builtin(), spec));
  std::string details;
  while (explain.executeStep()) details += explain.getColumn(3).getString() + "\n";
  return details;
}

detail::ReadSpec targets_of(const std::string& region, Subregions subregions) {
  detail::ReadSpec spec;
  spec.filter.region = region;
  spec.filter.subregions = subregions;
  spec.filter.kind = Kind::target;
  return spec;
}

}  // namespace

TEST_CASE("A series reads its key range in order, without a sort", "[store][fact_reader]") {
  detail::ReadSpec spec;  // as Database::series builds it
  spec.region_code = "410000";
  spec.metric_code = "5g_base_stations";
  spec.exact_subregion = true;
  spec.filter.kind = Kind::actual;
  spec.filter.measure = policydb::Measure::level;
  const std::string plan = plan_of(spec);
  CAPTURE(plan);
  CHECK(plan.find("SEARCH f USING PRIMARY KEY (region_id=? AND metric_id=?)") != std::string::npos);
  CHECK(plan.find("TEMP B-TREE") == std::string::npos);
}

TEST_CASE("A point lookup searches the key to the period", "[store][fact_reader]") {
  detail::ReadSpec spec;
  spec.filter.region = "河南";
  spec.filter.metric = "5g_base_stations";
  spec.filter.period = policydb::Period::month(2023, 10);
  const std::string plan = plan_of(spec);
  CAPTURE(plan);
  CHECK(plan.find("SEARCH f USING PRIMARY KEY (region_id=? AND metric_id=? AND period_end=?)") != std::string::npos);
}

TEST_CASE("A region's targets come from fact_target, for every form of region", "[store][fact_reader]") {
  // Without statistics SQLite would walk every fact of the region by the key.
  for (const auto& [region, subregions] : std::vector<std::pair<std::string, Subregions>>{
           {"河南", Subregions::exclude},
           {"河南", Subregions::include},
           {"郑州", Subregions::exclude},
           {"郑州", Subregions::include},
           {"长三角", Subregions::include}}) {
    const std::string plan = plan_of(targets_of(region, subregions));
    INFO(region << (subregions == Subregions::include ? " with subregions" : ""));
    CAPTURE(plan);
    CHECK(plan.find("SEARCH f USING INDEX fact_target (region_id=?)") != std::string::npos);
    CHECK(plan.find("SCAN f") == std::string::npos);
  }
}

TEST_CASE("Reads of targets by region give the same facts as before the index hint", "[store][fact_reader]") {
  TempDir dir;
  auto db = Database::open(dir / "t.db");
  std::string lines;
  auto line = [&](const std::string& region, const std::string& subregion, const std::string& kind, int value,
                  const std::string& period) {
    lines += R"({"doc":"a.txt","region":")" + region + R"(",)" +
             (subregion.empty() ? std::string() : R"("subregion":")" + subregion + R"(",)") +
             R"("metric":"5G基站","kind":")" + kind + R"(","measure":"level","value":)" + std::to_string(value) +
             R"(,"unit":"个","period":")" + period + R"(","comparator":"eq","quote":"5G基站)" +
             std::to_string(value) + "个\"}\n";
  };
  line("河南", "", "target", 1, "2025");
  line("河南", "郑州", "target", 2, "2025");
  line("河南", "", "actual", 3, "2023");
  line("河南", "洛阳", "target", 4, "2026");
  line("江苏", "", "target", 5, "2025");
  line("江西", "", "target", 6, "2025");
  load(db, lines);
  auto values = [&](const std::string& region, Subregions subregions) {
    std::vector<double> out;
    for (const auto& f : db.facts().region(region, subregions).kind(Kind::target).list()) out.push_back(f.value);
    return out;
  };
  CHECK(values("河南", Subregions::exclude) == std::vector<double>{1});
  CHECK(values("河南", Subregions::include) == std::vector<double>{1, 2, 4});
  CHECK(values("郑州", Subregions::exclude) == std::vector<double>{2});
  CHECK(values("长三角", Subregions::include) == std::vector<double>{5});
  CHECK(db.facts().region("河南", Subregions::include).kind(Kind::target).count() == 3);
}
