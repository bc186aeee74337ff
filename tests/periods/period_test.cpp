#include <catch2/catch.hpp>

#include "policydb/period.h"

using policydb::Date;
using policydb::Grain;
using policydb::Period;

TEST_CASE("Period text forms round-trip through parse and to_string", "[periods]") {
  auto [text, grain, start, end] = GENERATE(table<const char*, Grain, const char*, const char*>({
      {"2022", Grain::year, "2022-01-01", "2022-12-31"},
      {"2023-10", Grain::month, "2023-10-01", "2023-10-31"},
      {"2024-02", Grain::month, "2024-02-01", "2024-02-29"},
      {"2023-Q3", Grain::quarter, "2023-07-01", "2023-09-30"},
      {"2023-01/2023-09", Grain::span, "2023-01-01", "2023-09-30"},
      {"2021/2025", Grain::span, "2021-01-01", "2025-12-31"},
      {"2024-12-31", Grain::day, "2024-12-31", "2024-12-31"},
      {"2024-03-05/2024-04-10", Grain::span, "2024-03-05", "2024-04-10"},
  }));
  auto period = Period::parse(text);
  REQUIRE(period.has_value());
  CHECK(period->grain() == grain);
  CHECK(period->start().to_string() == start);
  CHECK(period->end().to_string() == end);
  CHECK(period->to_string() == text);
}

TEST_CASE("Period::parse rejects malformed text without throwing", "[periods]") {
  auto text = GENERATE("", "20", "2023-13", "2023-Q5", "2023-02-30", "2025/2021", "2023-1",
                       "abcd", "2023-10/", "/2023", "2023-10-01x");
  CHECK_FALSE(Period::parse(text).has_value());
}

TEST_CASE("Date validity follows the Gregorian calendar", "[periods]") {
  CHECK(Date{2024, 2, 29}.valid());
  CHECK_FALSE(Date{2023, 2, 29}.valid());
  CHECK_FALSE(Date{1900, 2, 29}.valid());
  CHECK(Date{2000, 2, 29}.valid());
  CHECK(Date::parse("2025-01-09") == Date{2025, 1, 9});
}

TEST_CASE("Periods overlap and contain dates as closed spans", "[periods]") {
  const auto year = Period::year(2023);
  CHECK(year.contains(Date{2023, 12, 31}));
  CHECK_FALSE(year.contains(Date{2024, 1, 1}));
  CHECK(year.overlaps(Period::quarter(2023, 4)));
  CHECK_FALSE(year.overlaps(Period::month(2024, 1)));
}
