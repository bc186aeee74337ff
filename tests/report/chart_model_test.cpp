// The chart model of policydb/chart.h: numbers, ticks, scales, chart geometry.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <tuple>

#include "policydb/chart.h"
#include "policydb/error.h"

using namespace policydb;

TEST_CASE("quantities are written with 万/亿/万亿 and the unit after the number", "[report]") {
  auto [value, unit, expected] = GENERATE(table<double, std::string, std::string>({
      {187000, "个", "18.7万个"},
      {220000, "个", "22万个"},
      {1.9e12, "CNY", "1.9万亿元"},
      {1e12, "CNY", "1万亿元"},
      {14630000000, "CNY", "146.3亿元"},
      {636000000, "CNY", "6.36亿元"},
      {5749, "个", "5749个"},
      {46000, "架", "4.6万架"},
      {-25000, "CNY", "-2.5万元"},
      {0, "个", "0个"},
      {99995000, "个", "1亿个"},   // 9999.5万 rounds up: one 亿, not 10000万
      {9999.6, "个", "1万个"},
      {30, "%", "30%"},
      {31.25, "%", "31.25%"},
      {0.0123, "%", "0.0123%"},
      {1.8, "pp", "1.8个百分点"},
      {61.2, "Tbps", "61.2 Tbps"},
      {1620, "Gbps", "1620 Gbps"},
      {100000, "PB", "100000 PB"},  // Latin units are never scaled by 万
      {12.5, "km2", "12.5平方公里"},
      {5, "rank", "第5位"},
  }));
  CAPTURE(value, unit);
  CHECK(format_quantity(value, unit) == expected);
}

TEST_CASE("plain numbers drop trailing zeros and negative zero", "[report]") {
  CHECK(format_number(1.50) == "1.5");
  CHECK(format_number(220000) == "220000");
  CHECK(format_number(-0.0001, 2) == "0");
  CHECK(format_number(2.345, 0) == "2");
  CHECK_THROWS_AS(format_number(std::nan("")), Error);
  CHECK_THROWS_AS(format_quantity(std::numeric_limits<double>::infinity(), "个"), Error);
}

TEST_CASE("an axis shares one multiplier and puts it in the unit title", "[report]") {
  auto [max_abs, unit, divisor, title] = GENERATE(table<double, std::string, double, std::string>({
      {250000, "个", 1e4, "万个"},
      {2e12, "CNY", 1e12, "万亿元"},
      {5e9, "CNY", 1e8, "亿元"},
      {800, "CNY", 1, "元"},
      {100, "%", 1, "%"},
      {3000, "Gbps", 1, "Gbps"},
      {-50000, "个", 1e4, "万个"},
  }));
  const AxisUnit axis = choose_axis_unit(max_abs, unit);
  CHECK(axis.divisor == divisor);
  CHECK(axis.title == title);
}

namespace {

// A step of 1, 2 or 5 times a power of ten.
bool is_nice(double step) {
  const double mantissa = step / std::pow(10.0, std::floor(std::log10(step)));
  return std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 ||
         std::fabs(mantissa - 5) < 1e-9;
}

}  // namespace

TEST_CASE("nice ticks cover the range with round steps", "[report]") {
  auto [lo, hi, max_ticks] = GENERATE(table<double, double, int>({
      {0, 220000, 6}, {0, 1, 5}, {0, 0.37, 5}, {-12.5, 7.2, 6}, {100, 1e12, 5},
      {187000, 187000, 5}, {0, 0, 5}, {-3, -3, 4}, {2021, 2025, 7}, {1e2, 1e12, 2},
      {99.5, 100.5, 5}, {-1e9, 1e12, 6},
  }));
  CAPTURE(lo, hi, max_ticks);
  const std::vector<double> ticks = nice_ticks(lo, hi, max_ticks);
  REQUIRE(ticks.size() >= 2);
  CHECK(static_cast<int>(ticks.size()) <= max_ticks);
  CHECK(ticks.front() <= lo);
  CHECK(ticks.back() >= hi);
  const double step = tick_step(ticks);
  CHECK(is_nice(step));
  for (std::size_t i = 1; i < ticks.size(); ++i) CHECK(ticks[i] - ticks[i - 1] == Approx(step));
}

TEST_CASE("nice ticks pick the expected round values", "[report]") {
  CHECK(nice_ticks(0, 220000, 6) == std::vector<double>{0, 50000, 100000, 150000, 200000, 250000});
  CHECK(nice_ticks(0, 30, 5) == std::vector<double>{0, 10, 20, 30});
  CHECK(nice_ticks(10, 0, 3) == std::vector<double>{0, 5, 10});  // bounds swapped
  // All-equal values are widened by a tenth on each side.
  const auto flat = nice_ticks(50, 50, 5);
  CHECK(flat.front() <= 45);
  CHECK(flat.back() >= 55);
  CHECK(flat.back() - flat.front() <= 20);
  CHECK_THROWS_AS(nice_ticks(0, std::nan(""), 5), Error);
  CHECK_THROWS_AS(nice_ticks(0, 1, 1), Error);
}

TEST_CASE("a linear scale maps its domain onto pixels, also upside down", "[report]") {
  const LinearScale y{0, 100, 200, 0};
  CHECK(y(0) == 200);
  CHECK(y(100) == 0);
  CHECK(y(25) == 150);
  const LinearScale flat{5, 5, 0, 10};
  CHECK(flat(5) == 5);
}

TEST_CASE("the end of year Y sits at Y.0 on the time axis", "[report]") {
  CHECK(decimal_year({2025, 12, 31}) == Approx(2025.0));
  CHECK(decimal_year({2023, 10, 31}) == Approx(2022 + 304.0 / 365));
  CHECK(decimal_year({2024, 6, 30}) == Approx(2023 + 182.0 / 366));
}

TEST_CASE("compound growth is defined only for positive values and time", "[report]") {
  CHECK(*compound_growth(100, 121, 2) == Approx(0.1));
  CHECK(*compound_growth(200, 100, 1) == Approx(-0.5));
  CHECK_FALSE(compound_growth(0, 10, 2));
  CHECK_FALSE(compound_growth(10, -1, 2));
  CHECK_FALSE(compound_growth(10, 20, 0));
}

namespace {

ChartPoint at(double year, double value) { return {year, value, "", "", "", 0}; }

}  // namespace

TEST_CASE("a chart plots actuals, the target and the path at the growth needed", "[report]") {
  const ChartInput input{"5G基站", "个", {at(2022, 150000), at(2022.83, 187000)}, {at(2025, 220000)}};
  const Chart chart = build_chart(input);
  REQUIRE(chart.actuals.size() == 2);
  REQUIRE(chart.targets.size() == 1);
  CHECK(chart.y_unit.title == "万个");
  std::vector<std::string> labels;
  for (const Tick& t : chart.y_ticks) labels.push_back(t.label);
  CHECK(labels == std::vector<std::string>{"0", "10", "20", "30"});  // 万个
  // Higher values are higher up on the page.
  CHECK(chart.targets[0].y < chart.actuals[1].y);
  CHECK(chart.targets[0].x > chart.actuals[1].x);
  REQUIRE(chart.needed_paths.size() == 1);
  const auto& path = chart.needed_paths[0];
  CHECK(path.front().x == Approx(chart.actuals[1].x));
  CHECK(path.front().y == Approx(chart.actuals[1].y));
  CHECK(path.back().x == Approx(chart.targets[0].x));
  CHECK(path.back().y == Approx(chart.targets[0].y));
  CHECK(*chart.needed_growth[0] == Approx(std::pow(220000.0 / 187000, 1 / 2.17) - 1));
  // The yearly target sits on its year's tick.
  bool on_tick = false;
  for (const Tick& t : chart.x_ticks) on_tick |= t.label == "2025" && t.position == Approx(chart.targets[0].x);
  CHECK(on_tick);
}

TEST_CASE("a lone point gets a year on either side and a widened value axis", "[report]") {
  const Chart chart = build_chart({"x", "个", {at(2023, 5)}, {}});
  CHECK(chart.x.d0 <= 2022);
  CHECK(chart.x.d1 >= 2024);
  CHECK(chart.y.d0 == 0);  // counts start at zero
  CHECK(chart.y.d1 >= 5);
  CHECK(chart.needed_paths.empty());
  CHECK(chart.actuals[0].x > chart.layout.margin_left);
  CHECK(chart.actuals[0].x < chart.layout.width - chart.layout.margin_right);
}

TEST_CASE("all-equal values keep a usable axis", "[report]") {
  const Chart chart = build_chart({"x", "%", {at(2021, 40), at(2022, 40)}, {at(2025, 40)}});
  CHECK(chart.y.d1 > chart.y.d0);
  CHECK(chart.actuals[0].y == Approx(chart.actuals[1].y));
  CHECK(*chart.needed_growth[0] == Approx(0).margin(1e-12));
}

TEST_CASE("a target below the actual gives a falling path with negative growth", "[report]") {
  const Chart chart = build_chart({"能耗", "%", {at(2023, 12)}, {at(2025, 9)}});
  REQUIRE(chart.needed_growth[0]);
  CHECK(*chart.needed_growth[0] < 0);
  const auto& path = chart.needed_paths[0];
  for (std::size_t i = 1; i < path.size(); ++i) CHECK(path[i].y >= path[i - 1].y);
}

TEST_CASE("negative values extend the axis below zero", "[report]") {
  const Chart chart = build_chart({"增速", "%", {at(2021, 2), at(2022, -3.5)}, {at(2025, 6)}});
  CHECK(chart.y.d0 <= -3.5);
  CHECK(chart.y.d1 >= 6);
  CHECK_FALSE(chart.needed_growth[0]);  // growth from a negative latest value is undefined…
  CHECK(chart.needed_paths[0].size() > 1);  // …so the path is a straight line
}

TEST_CASE("values spanning 1e2 to 1e12 are scaled to 万亿 on the axis", "[report]") {
  const Chart chart = build_chart({"规模", "CNY", {at(2020, 1e2), at(2022, 5e11)}, {at(2025, 1e12)}});
  CHECK(chart.y_unit.title == "万亿元");
  CHECK(chart.y_ticks.front().label == "0");
  CHECK(chart.y_ticks.back().label == "1");
  for (const Tick& t : chart.y_ticks) CHECK(t.label.size() <= 4);
}

TEST_CASE("a metric with no actual shows its target without a path", "[report]") {
  const Chart chart = build_chart({"平台", "个", {}, {at(2025, 100)}});
  CHECK_FALSE(chart.empty());
  CHECK(chart.actuals.empty());
  REQUIRE(chart.needed_paths.size() == 1);
  CHECK(chart.needed_paths[0].empty());
  CHECK_FALSE(chart.needed_growth[0]);
}

TEST_CASE("a target whose deadline passed gets no path", "[report]") {
  const Chart chart = build_chart({"x", "个", {at(2024, 10)}, {at(2023, 8)}});
  CHECK(chart.needed_paths[0].empty());
}

TEST_CASE("an empty chart still has axes, and bad input is refused", "[report]") {
  const Chart chart = build_chart({"x", "个", {}, {}});
  CHECK(chart.empty());
  CHECK(chart.x_ticks.size() >= 2);
  CHECK_THROWS_AS(build_chart({"x", "个", {at(2023, std::nan(""))}, {}}), Error);
  ChartLayout tiny;
  tiny.width = 40;
  CHECK_THROWS_AS(build_chart({"x", "个", {at(2023, 1)}, {}}, tiny), Error);
}
