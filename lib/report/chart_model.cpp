// The chart model of policydb/chart.h: ticks, scales and the geometry of one
// indicator's chart. Pure functions of values; rendering lives in svg_writer.cpp.
//
// Time axis convention: Y.0 is the END of year Y, so a yearly figure (period
// "2023", which holds as of 2023-12-31) sits exactly on the tick labelled 2023,
// and 2023-10 sits just before it. Targets name deadline years, so a target for
// 2025 sits on the 2025 tick.
#include <algorithm>
#include <cmath>
#include <limits>

#include "policydb/chart.h"
#include "policydb/error.h"

namespace policydb {
namespace {

void require_finite(double value, const char* what) {
  if (!std::isfinite(value)) {
    throw Error(ErrorCode::invalid_argument, std::string("non-finite ") + what + " in a chart");
  }
}

// The smallest of 1, 2, 5, 10 × 10^k that is ≥ raw.
double nice_step_at_least(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double f : {1.0, 2.0, 5.0, 10.0}) {
    if (f * magnitude >= raw * (1 - 1e-12)) return f * magnitude;
  }
  return 10 * magnitude;
}

// Number of ticks a step gives over [lo, hi].
long tick_count(double lo, double hi, double step) {
  return static_cast<long>(std::ceil(hi / step - 1e-9) - std::floor(lo / step + 1e-9)) + 1;
}

int label_decimals(double step) {
  if (step <= 0) return 0;
  return std::max(0, static_cast<int>(std::ceil(-std::log10(step) - 1e-9)));
}

std::vector<Tick> y_ticks_for(const std::vector<double>& values, const LinearScale& scale,
                              const AxisUnit& unit) {
  const int decimals = label_decimals(tick_step(values) / unit.divisor);
  std::vector<Tick> ticks;
  for (double v : values) ticks.push_back({v, scale(v), format_number(v / unit.divisor, decimals)});
  return ticks;
}

// Whole years covering every point; a lone year gets one on each side.
std::vector<double> year_ticks(double lo, double hi, int max_ticks) {
  double first = std::floor(lo + 1e-9);
  double last = std::ceil(hi - 1e-9);
  if (first == last) {
    first -= 1;
    last += 1;
  }
  std::vector<double> ticks = nice_ticks(first, last, max_ticks);
  if (tick_step(ticks) >= 1) return ticks;
  ticks.clear();
  for (double y = first; y <= last; y += 1) ticks.push_back(y);
  return ticks;
}

std::vector<PlottedPoint> plot(std::vector<ChartPoint> points, const Chart& chart) {
  std::stable_sort(points.begin(), points.end(),
                   [](const ChartPoint& a, const ChartPoint& b) { return a.year < b.year; });
  std::vector<PlottedPoint> out;
  for (auto& p : points) out.push_back({p, chart.x(p.year), chart.y(p.value)});
  return out;
}

// From the latest actual to one target at constant compound growth, sampled so
// the curve looks smooth; a straight line when growth is not defined.
std::vector<PixelPoint> needed_path(const ChartPoint& from, const ChartPoint& to,
                                    const Chart& chart) {
  constexpr int kSamples = 16;
  const bool geometric = from.value > 0 && to.value > 0;
  std::vector<PixelPoint> path;
  for (int i = 0; i <= kSamples; ++i) {
    const double f = static_cast<double>(i) / kSamples;
    const double year = from.year + (to.year - from.year) * f;
    const double value = geometric ? from.value * std::pow(to.value / from.value, f)
                                   : from.value + (to.value - from.value) * f;
    path.push_back({chart.x(year), chart.y(value)});
  }
  return path;
}

void add_needed_paths(Chart& chart) {
  for (const PlottedPoint& target : chart.targets) {
    if (chart.actuals.empty() || target.point.year <= chart.actuals.back().point.year) {
      chart.needed_paths.emplace_back();
      chart.needed_growth.emplace_back();
      continue;
    }
    const ChartPoint& latest = chart.actuals.back().point;
    chart.needed_paths.push_back(needed_path(latest, target.point, chart));
    chart.needed_growth.push_back(
        compound_growth(latest.value, target.point.value, target.point.year - latest.year));
  }
}

void validate(const ChartInput& input, const ChartLayout& layout) {
  for (const auto* list : {&input.actuals, &input.targets}) {
    for (const ChartPoint& p : *list) {
      require_finite(p.year, "year");
      require_finite(p.value, "value");
    }
  }
  if (layout.width - layout.margin_left - layout.margin_right < 10 ||
      layout.height - layout.margin_top - layout.margin_bottom < 10) {
    throw Error(ErrorCode::invalid_argument, "chart layout leaves no room to draw");
  }
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi, int max_ticks) {
  require_finite(lo, "tick bound");
  require_finite(hi, "tick bound");
  if (max_ticks < 2) throw Error(ErrorCode::invalid_argument, "nice_ticks needs max_ticks >= 2");
  if (lo > hi) std::swap(lo, hi);
  if (lo == hi) {
    const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  double step = nice_step_at_least((hi - lo) / (max_ticks - 1));
  while (tick_count(lo, hi, step) > max_ticks) step = nice_step_at_least(step * 1.5);
  const double first = std::floor(lo / step + 1e-9);
  const double last = std::ceil(hi / step - 1e-9);
  std::vector<double> ticks;
  for (double i = first; i <= last; i += 1) {
    const double v = i * step;
    ticks.push_back(std::fabs(v) < step * 1e-9 ? 0.0 : v);
  }
  return ticks;
}

double tick_step(const std::vector<double>& ticks) {
  return ticks.size() < 2 ? 0 : ticks[1] - ticks[0];
}

double LinearScale::operator()(double value) const {
  if (d1 == d0) return (r0 + r1) / 2;
  return r0 + (value - d0) / (d1 - d0) * (r1 - r0);
}

double decimal_year(const Date& date) {
  int day_of_year = date.day;
  for (int m = 1; m < date.month; ++m) day_of_year += Date::days_in_month(date.year, m);
  const int days = Date::days_in_month(date.year, 2) == 29 ? 366 : 365;
  return date.year - 1 + static_cast<double>(day_of_year) / days;
}

std::optional<double> compound_growth(double from, double to, double years) {
  if (from <= 0 || to <= 0 || years <= 0) return std::nullopt;
  return std::pow(to / from, 1 / years) - 1;
}

Chart build_chart(const ChartInput& input, const ChartLayout& layout) {
  validate(input, layout);
  Chart chart;
  chart.layout = layout;
  chart.title = input.title;
  chart.unit = input.unit;
  double v_lo = 0, v_hi = 0;
  double t_lo = std::numeric_limits<double>::max(), t_hi = std::numeric_limits<double>::lowest();
  for (const auto* list : {&input.actuals, &input.targets}) {
    for (const ChartPoint& p : *list) {
      v_lo = std::min(v_lo, p.value);
      v_hi = std::max(v_hi, p.value);
      t_lo = std::min(t_lo, p.year);
      t_hi = std::max(t_hi, p.year);
    }
  }
  if (t_lo > t_hi) t_lo = t_hi = 0;  // nothing to plot: an empty frame
  const std::vector<double> yv = nice_ticks(v_lo, v_hi, layout.max_y_ticks);
  const std::vector<double> xv = year_ticks(t_lo, t_hi, layout.max_x_ticks);
  chart.x = {xv.front(), xv.back(), layout.margin_left, layout.width - layout.margin_right};
  chart.y = {yv.front(), yv.back(), layout.height - layout.margin_bottom, layout.margin_top};
  chart.y_unit = choose_axis_unit(std::max(std::fabs(yv.front()), std::fabs(yv.back())), input.unit);
  chart.y_ticks = y_ticks_for(yv, chart.y, chart.y_unit);
  for (double v : xv) chart.x_ticks.push_back({v, chart.x(v), format_number(v, 0)});
  chart.actuals = plot(input.actuals, chart);
  chart.targets = plot(input.targets, chart);
  add_needed_paths(chart);
  return chart;
}

}  // namespace policydb
