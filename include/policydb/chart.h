// policydb/chart.h: the chart model behind `policydb report` and `policydb chart`
// — value formatting as a Chinese reader expects (18.7万个, 1.9万亿元), nice
// axis ticks, linear scales, and the geometry of one indicator's chart (actual
// series, target markers, the path at the growth still needed). It takes plain
// values, not a Database, and draws nothing: policydb/report.h renders it.
//
//   policydb::format_quantity(187000, "个");        // "18.7万个"
//   policydb::nice_ticks(0, 220000);                // 0, 50000, ..., 250000
//   policydb::ChartInput in{"5G基站数", "个", {{2023.8, 187000}}, {{2025.0, 220000}}};
//   policydb::Chart chart = policydb::build_chart(in);
//   chart.needed_path;                              // pixel points, latest → target
//
// All functions are pure and thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policydb/export.h"
#include "policydb/period.h"

namespace policydb {

// ---- Numbers and units ------------------------------------------------------

// How a unit is written after a number: CNY → 元, pp → 个百分点, km2 → 平方公里,
// rank → 位; other codes (个, %, PB) as they are.
POLICYDB_EXPORT std::string unit_label(std::string_view unit_code);

// Whether numbers in this unit are scaled by 万/亿/万亿 (元 and Chinese measure
// words such as 个, 家, 架); not %, pp, rank or Latin symbols (PB, Tbps).
POLICYDB_EXPORT bool uses_chinese_multipliers(std::string_view unit_code);

// A plain decimal: at most `max_decimals` decimals, trailing zeros removed, no
// grouping, "-0" printed as "0" (1.50 → "1.5", 220000 → "220000").
// Throws Error(invalid_argument) for a non-finite value.
POLICYDB_EXPORT std::string format_number(double value, int max_decimals = 2);

// A value with its unit as a Chinese reader writes it: scaled by 万 (1e4),
// 亿 (1e8) or 万亿 (1e12) in units that take them, about four significant
// digits, the unit placed after the number:
//   (187000, "个") → "18.7万个"     (1.9e12, "CNY") → "1.9万亿元"
//   (30, "%") → "30%"               (1.8, "pp") → "1.8个百分点"
//   (61.2, "Tbps") → "61.2 Tbps"    (5, "rank") → "第5位"
// Throws Error(invalid_argument) for a non-finite value.
POLICYDB_EXPORT std::string format_quantity(double value, std::string_view unit_code);

// One multiplier shared by every tick of an axis, so ticks read 0, 5, 10, 15
// under an axis title "万个" instead of 0, 50000, 100000.
struct AxisUnit {
  double divisor = 1;  // tick value / divisor is printed
  std::string title;   // "万个", "亿元", "%", "Tbps"
};

// The axis unit for ticks whose largest magnitude is `max_abs`.
POLICYDB_EXPORT AxisUnit choose_axis_unit(double max_abs, std::string_view unit_code);

// ---- Ticks and scales --------------------------------------------------------

// Round tick values covering [lo, hi] (swapped when lo > hi): steps of 1, 2 or 5
// times a power of ten, the first tick ≤ lo and the last ≥ hi, at most about
// `max_ticks` of them (at least 2). A degenerate range (lo == hi) is widened to
// a tenth of its value on each side (±1 around 0). Throws
// Error(invalid_argument) for non-finite bounds or max_ticks < 2.
POLICYDB_EXPORT std::vector<double> nice_ticks(double lo, double hi, int max_ticks = 6);

// The step between the ticks of nice_ticks (0 for fewer than two ticks).
POLICYDB_EXPORT double tick_step(const std::vector<double>& ticks);

// Maps a domain [d0, d1] linearly onto a pixel range [r0, r1] (r0 may exceed r1,
// as for a y axis growing upwards). A zero-width domain maps to the middle.
struct POLICYDB_EXPORT LinearScale {
  double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
  double operator()(double value) const;
};

// A date as a fractional year, for time axes: 2023-10-31 → about 2023.83.
POLICYDB_EXPORT double decimal_year(const Date& date);

// ---- The chart of one indicator ---------------------------------------------

// One value to plot, with what a reader needs to trace it to its source.
struct ChartPoint {
  double year = 0;     // position on the time axis (decimal_year of the period end)
  double value = 0;    // in the chart's unit
  std::string period;  // "2023-10"
  std::string quote;   // verbatim source span
  std::string source;  // document file name
  int source_id = 0;   // number of the row in the report's sources table; 0: none
};

struct ChartInput {
  std::string title;               // "5G基站数"
  std::string unit;                // unit code of every value ("个", "CNY", "%")
  std::vector<ChartPoint> actuals; // any order; drawn sorted by year
  std::vector<ChartPoint> targets; // markers at their deadlines
};

struct ChartLayout {
  double width = 340;
  double height = 190;
  double margin_left = 52;
  double margin_right = 16;
  double margin_top = 24;
  double margin_bottom = 28;
  int max_y_ticks = 5;
  int max_x_ticks = 7;
};

struct Tick {
  double value = 0;    // domain value
  double position = 0; // pixel coordinate along its axis
  std::string label;   // "15" (y, in AxisUnit) or "2024" (x)
};

struct PlottedPoint {
  ChartPoint point;
  double x = 0, y = 0;  // pixels
};

struct PixelPoint {
  double x = 0, y = 0;
};

struct Chart {
  ChartLayout layout;
  std::string title;
  std::string unit;
  AxisUnit y_unit;
  LinearScale x, y;
  std::vector<Tick> x_ticks, y_ticks;
  std::vector<PlottedPoint> actuals;  // sorted by year
  std::vector<PlottedPoint> targets;  // sorted by year
  // From the latest actual to each later target, at the compound growth that
  // reaches it (a straight line when a value is not positive); empty without an
  // actual. One polyline per target, in the order of `targets`.
  std::vector<std::vector<PixelPoint>> needed_paths;
  // Compound annual growth each path needs (nullopt: not computable), per path.
  std::vector<std::optional<double>> needed_growth;

  bool empty() const { return actuals.empty() && targets.empty(); }
};

// Lays out the chart: the y domain runs from min(0, smallest value) to the
// largest value, rounded out to nice ticks; the x domain covers whole years of
// every point (a lone point gets a year on each side). Never throws for finite
// values; throws Error(invalid_argument) for a non-finite value or a layout
// without room to draw.
POLICYDB_EXPORT Chart build_chart(const ChartInput& input, const ChartLayout& layout = {});

// The compound annual growth from `from` to `to` over `years`; nullopt when a
// value is not positive or years ≤ 0.
POLICYDB_EXPORT std::optional<double> compound_growth(double from, double to, double years);

}  // namespace policydb
