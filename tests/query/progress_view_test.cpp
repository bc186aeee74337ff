// The target_progress SQL view (schema/0010) and Database::target_progress judge
// every target alike, on a file where sources tie, dates are missing, units
// convert or do not, and deadlines fall before some actuals.
#include <map>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "policydb/database.h"
#include "policydb/progress.h"
#include "query_support.h"

using policydb::Database;
using policydb::testing::fact_line;
using policydb::testing::load_text;

namespace {

struct Document {
  std::string name;
  std::string published;  // empty: undated
};

// Lines of a few documents about two provinces (one with a city), three metrics
// and several units, drawn from a fixed seed.
std::string varied_lines() {
  std::mt19937 rng(20261128);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const std::vector<Document> documents = {{"a.txt", "2024-03-01"}, {"b.txt", "2024-03-01"},
                                           {"c.txt", ""},           {"d.txt", "2023-02-10"},
                                           {"e.txt", "2025-01-05"}, {"f.txt", ""}};
  const std::vector<std::pair<std::string, std::string>> places = {{"河南", ""}, {"河南", "郑州"}, {"江西", ""}};
  const std::vector<std::string> metrics = {"示范企业数量", "示范投资规模", "示范覆盖率"};
  const std::vector<std::string> comparators = {"eq", "ge", "gt", "le", "lt", "approx"};
  std::string out;
  for (const Document& doc : documents) {
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

}  // namespace

TEST_CASE("The target_progress view agrees with Database::target_progress on every target", "[query][progress]") {
  auto db = Database::open(":memory:");
  load_text(db, varied_lines());
  const auto progress = db.target_progress();
  REQUIRE(progress.size() > 20);

  struct Row {
    std::optional<std::string> actual_id, actual_value, status, trend_since;
  };
  std::map<std::string, Row> view;
  for (const auto& row : db.query_readonly(
           "SELECT target_fact_id, actual_fact_id, actual_value, status, trend_since FROM target_progress")
           .rows) {
    view[*row[0]] = Row{row[1], row[2], row[3], row[4]};
  }
  REQUIRE(view.size() == progress.size());

  std::map<std::string, int> statuses;
  for (const auto& p : progress) {
    const std::string id = std::to_string(p.target.id);
    INFO("target " << id << ": " << p.target.quote << " " << p.target.period.to_string());
    REQUIRE(view.count(id) == 1);
    const Row& row = view.at(id);
    CHECK(row.status == std::string(policydb::to_string(p.status)));
    ++statuses[*row.status];
    if (!p.latest_actual) {
      CHECK_FALSE(row.actual_id);
      continue;
    }
    REQUIRE(row.actual_id);
    CHECK(*row.actual_id == std::to_string(p.latest_actual->id));
    CHECK(std::stod(*row.actual_value) == Approx(*p.actual_value));
    // A trend is judged only for targets not yet met (the values here are positive).
    if (p.status != policydb::ProgressStatus::achieved) {
      CHECK(static_cast<bool>(row.trend_since) == p.earliest_actual.has_value());
      if (p.earliest_actual && row.trend_since) CHECK(*row.trend_since == p.earliest_actual->period.to_string());
    }
  }
  // The file exercises more than one outcome.
  CHECK(statuses.size() >= 3);
}
