// Vega-Lite output of one chart (policydb/report.h), for analysts who restyle
// charts in Jupyter, Observable or the Vega editor. The data is inline; the x
// field uses the same year-end convention as the SVG (2025 = end of 2025).
#include <algorithm>
#include <cmath>
#include <ostream>

#include <nlohmann/json.hpp>

#include "policydb/report.h"

namespace policydb {
namespace {

using nlohmann::json;

json row(const ChartPoint& p, const std::string& unit, const char* series) {
  return {{"series", series}, {"year", p.year}, {"value", p.value}, {"period", p.period},
          {"label", format_quantity(p.value, unit)}, {"quote", p.quote}, {"source", p.source}};
}

json data_values(const ChartInput& input) {
  json values = json::array();
  for (const auto& p : input.actuals) values.push_back(row(p, input.unit, "actual"));
  for (const auto& p : input.targets) values.push_back(row(p, input.unit, "target"));
  // The needed-growth path, sampled like the SVG's, from the latest actual.
  const Chart chart = build_chart(input);
  for (std::size_t i = 0; i < chart.needed_paths.size(); ++i) {
    const auto& path = chart.needed_paths[i];
    for (const PixelPoint& px : path) {
      const double year = chart.x.d0 + (px.x - chart.x.r0) / (chart.x.r1 - chart.x.r0) *
                                           (chart.x.d1 - chart.x.d0);
      const double value = chart.y.d0 + (px.y - chart.y.r0) / (chart.y.r1 - chart.y.r0) *
                                            (chart.y.d1 - chart.y.d0);
      values.push_back({{"series", "needed"}, {"path", i}, {"year", year}, {"value", value}});
    }
  }
  return values;
}

json layer(const char* series, json mark) {
  return {{"transform", json::array({{{"filter", std::string("datum.series === '") + series + "'"}}})},
          {"mark", std::move(mark)}};
}

// The y axis in the same 万/亿 multiple as the SVG: ticks 0, 5, 10 under "万个".
json encoding(const ChartInput& input) {
  double max_abs = 0;
  for (const auto* list : {&input.actuals, &input.targets}) {
    for (const auto& p : *list) max_abs = std::max(max_abs, std::fabs(p.value));
  }
  const AxisUnit unit = choose_axis_unit(max_abs, input.unit);
  const std::string label = "format(datum.value / " + format_number(unit.divisor, 0) + ", '~g')";
  return {{"x", {{"field", "year"}, {"type", "quantitative"}, {"title", "年末 end of year"},
                 {"axis", {{"format", "d"}, {"tickMinStep", 1}}},
                 {"scale", {{"zero", false}}}}},
          {"y", {{"field", "value"}, {"type", "quantitative"}, {"title", unit.title},
                 {"axis", {{"labelExpr", label}}}}},
          {"tooltip", json::array({{{"field", "period"}}, {{"field", "label"}},
                                   {{"field", "quote"}}, {{"field", "source"}}})}};
}

}  // namespace

void write_chart_vega_lite(const ChartInput& input, std::ostream& out) {
  json actual_line = layer("actual", {{"type", "line"}, {"point", true}, {"color", "#1f5fa8"}});
  json target = layer("target", {{"type", "point"}, {"shape", "diamond"}, {"size", 90},
                                 {"filled", false}, {"color", "#c0392b"}, {"strokeWidth", 2}});
  json needed = layer("needed", {{"type", "line"}, {"strokeDash", {4, 3}}, {"color", "#c0392b"}});
  needed["encoding"] = {{"detail", {{"field", "path"}}}, {"tooltip", nullptr}};
  const json spec = {
      {"$schema", "https://vega.github.io/schema/vega-lite/v5.json"},
      {"title", input.title},
      {"width", 480},
      {"height", 260},
      {"data", {{"values", data_values(input)}}},
      {"encoding", encoding(input)},
      {"layer", json::array({needed, actual_line, target})}};
  out << spec.dump(2) << '\n';
}

}  // namespace policydb
