// Regression (issue 9): year-end actuals one calendar year apart (365 days,
// 0.9993 years) are a trend of one year, both in target_progress() and in the
// target_progress SQL view.
#include <catch2/catch.hpp>

#include "policydb/progress.h"

#include "query_support.h"

using policydb::Database;
using policydb::ProgressStatus;
using namespace policydb::testing;

TEST_CASE("Actuals of two consecutive years make a trend of one year", "[query][progress]") {
  // From 100 (2022) to 110 (2023): 10 %/year observed; 2025 needs 121 → 10 %/year.
  const auto [first_year, latest_year, expected] =
      GENERATE(table<std::string, std::string, ProgressStatus>({
          {"2022", "2023", ProgressStatus::on_track},  // 365 days apart
          {"2023", "2024", ProgressStatus::on_track},  // 366 days (leap year)
      }));
  CAPTURE(first_year, latest_year);
  auto db = Database::open(":memory:");
  load_text(db, fact_line("y.txt", "湖南", "示范产量", "actual", 100, "个", first_year) +
                    fact_line("y.txt", "湖南", "示范产量", "actual", 110, "个", latest_year) +
                    fact_line("y.txt", "湖南", "示范产量", "target", 133.1, "个", "2026"));
  const auto progress = db.target_progress();
  REQUIRE(progress.size() == 1);
  REQUIRE(progress[0].observed_cagr);
  CHECK(*progress[0].observed_cagr == Approx(0.10).epsilon(0.01));
  CHECK(progress[0].status == expected);
  const auto view = db.query_readonly("SELECT status, observed_cagr FROM target_progress");
  REQUIRE(view.rows.size() == 1);
  CHECK(*view.rows[0][0] == std::string(policydb::to_string(expected)));
  REQUIRE(view.rows[0][1]);
}

TEST_CASE("A 2022 and a 2023 actual judge a 2025 target instead of no_data", "[query][progress]") {
  auto db = Database::open(":memory:");
  load_text(db, fact_line("z.txt", "江西", "示范规模", "actual", 200, "个", "2022") +
                    fact_line("z.txt", "江西", "示范规模", "actual", 202, "个", "2023") +
                    fact_line("z.txt", "江西", "示范规模", "target", 300, "个", "2025"));
  const auto progress = db.target_progress();
  REQUIRE(progress.size() == 1);
  CHECK(progress[0].status == ProgressStatus::behind);  // 1 %/year observed, ≈ 22 % needed
  CHECK(progress[0].earliest_actual);
  const auto view = db.query_readonly("SELECT status FROM target_progress");
  REQUIRE(view.rows.size() == 1);
  CHECK(*view.rows[0][0] == "behind");
}

TEST_CASE("Actuals less than a year apart still give no trend", "[query][progress]") {
  auto db = Database::open(":memory:");
  load_text(db, fact_line("w.txt", "江西", "示范规模", "actual", 200, "个", "2023-01") +
                    fact_line("w.txt", "江西", "示范规模", "actual", 202, "个", "2023-12") +
                    fact_line("w.txt", "江西", "示范规模", "target", 300, "个", "2025"));
  const auto progress = db.target_progress();
  REQUIRE(progress.size() == 1);
  CHECK(progress[0].status == ProgressStatus::no_data);
}
