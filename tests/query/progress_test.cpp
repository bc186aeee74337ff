#include <catch2/catch.hpp>

#include <cmath>

#include "policydb/progress.h"
#include "query_support.h"

using policydb::Database;
using policydb::Kind;
using policydb::ProgressStatus;
using namespace policydb::testing;

TEST_CASE("The 5G base-station series of 河南 from the gold seeds", "[query][series][seeds]") {
  const auto db = seeded_database();
  const auto series = db.series("河南", "5G基站");
  CHECK(series.region.short_name == "河南");
  REQUIRE(series.points.size() == 2);  // 2023-10 and 2023 are distinct periods
  CHECK(series.points[0].period.to_string() == "2023-10");
  CHECK(series.points[1].period.to_string() == "2023");
  for (const auto& p : series.points) {
    CHECK(p.fact.value == 187000);
    CHECK(p.fact.kind == Kind::actual);
    CHECK(p.fact.metric->code == series.metric.code);
  }
}

TEST_CASE("Progress of 河南's 5G target against the latest actual", "[query][progress][seeds]") {
  const auto db = seeded_database();
  policydb::FactFilter filter;
  filter.region = "河南";
  filter.metric = "5G基站";
  const auto progress = db.target_progress(filter);
  REQUIRE(progress.size() == 1);
  const auto& p = progress[0];
  CHECK(p.target.value == 220000);
  REQUIRE(p.latest_actual);
  CHECK(p.latest_actual->period.to_string() == "2023");  // ends after 2023-10
  CHECK(*p.actual_value == 187000);
  CHECK(*p.ratio_achieved == Approx(187000.0 / 220000));
  CHECK(*p.gap == 33000);
  CHECK(p.years_left == Approx(2.0).epsilon(0.01));
  CHECK(*p.needed_cagr == Approx(std::sqrt(220000.0 / 187000) - 1).epsilon(0.01));
  // The two actuals are two months apart: no trend of a year to judge by.
  CHECK_FALSE(p.observed_cagr);
  CHECK(p.status == ProgressStatus::no_data);

  // The SQL view agrees.
  const auto row = db.query_readonly(
      "SELECT actual_value, round(ratio_achieved, 4), gap, status FROM target_progress"
      " WHERE region = '河南' AND metric_code = (SELECT metric_code FROM targets"
      " WHERE region = '河南' AND label = '5G基站')");
  REQUIRE(row.rows.size() == 1);
  CHECK(std::stod(*row.rows[0][0]) == 187000);
  CHECK(std::stod(*row.rows[0][1]) == Approx(0.85));
  CHECK(std::stod(*row.rows[0][2]) == 33000);
  CHECK(*row.rows[0][3] == "no_data");
}

namespace {

struct Case {
  std::string target_extra;  // fields of the target line
  double target;
  double first, latest;      // actuals at 2020 and 2023
  ProgressStatus expected;
};

}  // namespace

TEST_CASE("Target status follows the documented rule", "[query][progress]") {
  // Needed growth from 2023 to 2025 for 121 from 100: 10 %/year.
  auto [extra, target, first, latest, expected] = GENERATE(table<std::string, double, double, double, ProgressStatus>({
      {"{}", 121, 73, 100, ProgressStatus::on_track},   // observed ≈ 11 %/year
      {"{}", 121, 95, 100, ProgressStatus::behind},     // observed ≈ 1.7 %/year
      {"{}", 100, 80, 100, ProgressStatus::achieved},   // eq: met at 100
      // 超过: 100 is not > 100, so not achieved — but still growing, so on track.
      {R"({"comparator": "gt"})", 100, 80, 100, ProgressStatus::on_track},
      {R"({"comparator": "le"})", 80, 150, 100, ProgressStatus::on_track},  // falling fast enough
      {R"({"comparator": "le"})", 80, 101, 100, ProgressStatus::behind},    // falling too slowly
      {R"({"comparator": "le"})", 120, 90, 100, ProgressStatus::achieved},  // met from below
  }));
  auto db = Database::open(":memory:");
  load_text(db, fact_line("t.txt", "湖北", "示范指标", "actual", first, "个", "2020") +
                    fact_line("t.txt", "湖北", "示范指标", "actual", latest, "个", "2023") +
                    fact_line("t.txt", "湖北", "示范指标", "target", target, "个", "2025", extra));
  const auto progress = db.target_progress();
  REQUIRE(progress.size() == 1);
  CHECK(progress[0].status == expected);
  CHECK(*progress[0].actual_value == latest);
  const auto view = db.query_readonly("SELECT status FROM target_progress");
  REQUIRE(view.rows.size() == 1);
  CHECK(*view.rows[0][0] == std::string(policydb::to_string(expected)));
}

TEST_CASE("Actuals are converted to the target's unit; no actual is no_data", "[query][progress]") {
  auto db = Database::open(":memory:");
  load_text(db, fact_line("u.txt", "北京", "示范投资", "actual", 5e8, "CNY", "2023") +
                    fact_line("u.txt", "北京", "示范投资", "target", 1e9, "CNY", "2025") +
                    fact_line("u.txt", "北京", "示范空白", "target", 3, "个", "2025",
                              R"({"target_type": "binding"})"));
  const auto progress = db.target_progress();
  REQUIRE(progress.size() == 2);
  CHECK(*progress[0].ratio_achieved == Approx(0.5));
  CHECK(progress[1].status == ProgressStatus::no_data);
  CHECK(progress[1].target_type == "binding");
  CHECK_FALSE(progress[1].latest_actual);
}

TEST_CASE("Several sources for one period: the latest published wins", "[query][series]") {
  auto db = Database::open(":memory:");
  load_text(db, fact_line("old.txt", "浙江", "示范工厂", "actual", 100, "个", "2023",
                          R"({"published": "2024-01-10"})") +
                    fact_line("new.txt", "浙江", "示范工厂", "actual", 110, "个", "2023",
                              R"({"published": "2024-03-01"})") +
                    fact_line("same.txt", "浙江", "示范工厂", "actual", 50, "个", "2022",
                              R"({"published": "2023-03-01"})") +
                    fact_line("same2.txt", "浙江", "示范工厂", "actual", 50.1, "个", "2022",
                              R"({"published": "2022-03-01"})"));
  const auto s = db.series("浙江", "示范工厂");
  REQUIRE(s.points.size() == 2);
  CHECK(s.points[0].fact.value == 50);
  CHECK_FALSE(s.points[0].disagreement);  // 0.2 % apart
  CHECK(s.points[1].fact.value == 110);
  CHECK(s.points[1].fact.document.source == "new.txt");
  REQUIRE(s.points[1].alternatives.size() == 1);
  CHECK(s.points[1].alternatives[0].value == 100);
  CHECK(s.points[1].disagreement);
}

TEST_CASE("Periods that end on the same day stay distinct points, in time order", "[query][series]") {
  const bool in_file = GENERATE(false, true);
  TempDir dir;
  auto db = Database::open(in_file ? dir / "s.db" : std::filesystem::path(":memory:"));
  // Loaded out of order; 2023-Q3 and 2023-07/2023-09 cover the same days.
  load_text(db, fact_line("a.txt", "浙江", "示范工厂", "actual", 12, "个", "2023-12") +
                    fact_line("a.txt", "浙江", "示范工厂", "actual", 30, "个", "2023-Q3") +
                    fact_line("b.txt", "浙江", "示范工厂", "actual", 100, "个", "2023") +
                    fact_line("b.txt", "浙江", "示范工厂", "actual", 31, "个", "2023-07/2023-09") +
                    fact_line("c.txt", "浙江", "示范工厂", "actual", 40, "个", "2023-Q4") +
                    fact_line("c.txt", "浙江", "示范工厂", "actual", 90, "个", "2022"));
  const auto s = db.series("浙江", "示范工厂");
  std::vector<std::string> periods;
  for (const auto& p : s.points) periods.push_back(p.period.to_string());
  CHECK(periods == std::vector<std::string>{"2022", "2023-07/2023-09", "2023-Q3", "2023", "2023-Q4", "2023-12"});
  for (const auto& p : s.points) {
    CHECK(p.alternatives.empty());
    CHECK(p.fact.period == p.period);
    CHECK(p.fact.region->name == "浙江省");
    CHECK(p.fact.unit->code == "个");
    CHECK_FALSE(p.fact.metric->curated);
  }
  CHECK(s.points[1].fact.value == 31);
  CHECK(s.points[1].fact.document.source == "b.txt");
  CHECK(s.points[2].fact.value == 30);
  CHECK(s.points[2].fact.document.source == "a.txt");
}

TEST_CASE("Progress judges by the newest and the oldest comparable actual only", "[query][progress]") {
  // In memory (the writer's connection) and in a file (pooled readers with
  // cached statements) the same facts must give the same answer.
  const bool in_file = GENERATE(false, true);
  TempDir dir;
  auto db = Database::open(in_file ? dir / "p.db" : std::filesystem::path(":memory:"));
  load_text(db,
            fact_line("plan.txt", "湖北", "示范指标", "target", 200, "个", "2025") +
                // Two sources for 2020: an undated one counts as the older.
                fact_line("a.txt", "湖北", "示范指标", "actual", 100, "个", "2020",
                          R"({"published": "2021-02-01"})") +
                fact_line("a0.txt", "湖北", "示范指标", "actual", 90, "个", "2020") +
                // Two sources for 2023: the later publication is the latest actual.
                fact_line("b.txt", "湖北", "示范指标", "actual", 150, "个", "2023",
                          R"({"published": "2024-01-10"})") +
                fact_line("c.txt", "湖北", "示范指标", "actual", 160, "个", "2023",
                          R"({"published": "2024-03-01"})") +
                // Not comparable: another dimension, after the deadline, a city, another measure.
                fact_line("d.txt", "湖北", "示范指标", "actual", 50, "%", "2024") +
                fact_line("e.txt", "湖北", "示范指标", "actual", 300, "个", "2026") +
                fact_line("f.txt", "湖北", "示范指标", "actual", 999, "个", "2024", R"({"subregion": "武汉"})") +
                fact_line("g.txt", "湖北", "示范指标", "actual", 1, "个", "2018", R"({"measure": "change"})"));
  const auto progress = db.target_progress();
  REQUIRE(progress.size() == 1);
  const auto& p = progress[0];
  REQUIRE(p.latest_actual);
  CHECK(p.latest_actual->value == 160);
  CHECK(p.latest_actual->document.source == "c.txt");
  REQUIRE(p.earliest_actual);
  CHECK(p.earliest_actual->value == 90);
  CHECK(p.earliest_actual->document.source == "a0.txt");
  CHECK(*p.observed_cagr == Approx(std::pow(160.0 / 90, 1.0 / 3) - 1).epsilon(1e-3));
  CHECK(*p.ratio_achieved == Approx(0.8));
  // The same read again (a cached statement, reset and rebound) gives the same.
  CHECK(db.target_progress()[0].latest_actual->value == 160);
  // A later load is seen by the next read: no statement keeps an old snapshot.
  load_text(db, fact_line("h.txt", "湖北", "示范指标", "actual", 210, "个", "2024"));
  CHECK(db.target_progress()[0].status == ProgressStatus::achieved);
}
