// SVG drawing of a Chart (policydb/chart.h) and of the report's bar charts.
//
// Colours and fonts are presentation attributes, not CSS, so the same markup
// renders alike inline in the report and as a standalone .svg file. Every
// string from the database goes through escape_html.
#include "report/svg_writer.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace policydb::report {
namespace {

constexpr const char* kActualColour = "#1f5fa8";
constexpr const char* kTargetColour = "#c0392b";
constexpr const char* kGridColour = "#e2e2e2";
constexpr const char* kTextColour = "#444";
// Bar chart geometry: label column, row height, top margin, width, value column.
constexpr double kBarLabel = 70, kBarRow = 20, kBarTop = 22, kBarWidth = 560, kBarRight = 90;

std::string polyline_points(const std::vector<PixelPoint>& points) {
  std::string text;
  for (const auto& p : points) text += px(p.x) + "," + px(p.y) + " ";
  if (!text.empty()) text.pop_back();
  return text;
}

void write_open(const Chart& c, std::ostream& out, bool standalone) {
  if (standalone) out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"{0}\" height=\"{1}\" "
      "viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\" font-family=\"{3}\" "
      "font-size=\"11\">\n<title>{2}</title>\n",
      px(c.layout.width), px(c.layout.height), escape_html(c.title), escape_html(kFontStack));
  if (standalone) {
    out << fmt::format("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
    out << fmt::format("<text x=\"{}\" y=\"14\" font-size=\"12\" font-weight=\"bold\" fill=\"#222\">"
                       "{}</text>\n", px(c.layout.margin_left), escape_html(c.title));
  }
}

void write_axes(const Chart& c, std::ostream& out) {
  const double left = c.layout.margin_left, right = c.layout.width - c.layout.margin_right;
  const double bottom = c.layout.height - c.layout.margin_bottom;
  out << "<g class=\"axes\" fill=\"" << kTextColour << "\">\n";
  for (const Tick& t : c.y_ticks) {
    out << fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"{3}\"/>"
                       "<text x=\"{4}\" y=\"{5}\" text-anchor=\"end\">{6}</text>\n",
                       px(left), px(right), px(t.position), kGridColour, px(left - 5),
                       px(t.position + 4), escape_html(t.label));
  }
  for (const Tick& t : c.x_ticks) {
    out << fmt::format("<line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#999\"/>"
                       "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\">{4}</text>\n",
                       px(t.position), px(bottom), px(bottom + 4), px(bottom + 16),
                       escape_html(t.label));
  }
  out << fmt::format("<line x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#999\"/>\n",
                     px(left), px(right), px(bottom));
  out << fmt::format("<text class=\"y-unit\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
                     px(left - 5), px(c.layout.margin_top - 12), escape_html(c.y_unit.title));
  out << "</g>\n";
}

void write_needed(const Chart& c, std::ostream& out) {
  for (std::size_t i = 0; i < c.needed_paths.size(); ++i) {
    if (c.needed_paths[i].empty()) continue;
    std::string note = "按所需增速到达目标 path at the growth needed";
    if (c.needed_growth[i]) {
      note += fmt::format(": {}%/年", format_number(*c.needed_growth[i] * 100, 1));
    }
    out << fmt::format("<polyline class=\"needed\" points=\"{}\" fill=\"none\" stroke=\"{}\" "
                       "stroke-width=\"1.4\" stroke-dasharray=\"4 3\"><title>{}</title></polyline>\n",
                       polyline_points(c.needed_paths[i]), kTargetColour, escape_html(note));
  }
}

void write_points(const Chart& c, std::ostream& out) {
  std::vector<PixelPoint> line;
  for (const auto& p : c.actuals) line.push_back({p.x, p.y});
  if (line.size() > 1) {
    out << fmt::format("<polyline class=\"actual\" points=\"{}\" fill=\"none\" stroke=\"{}\" "
                       "stroke-width=\"1.8\"/>\n", polyline_points(line), kActualColour);
  }
  for (const auto& p : c.actuals) {
    out << fmt::format("<circle class=\"actual-point\" cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\">"
                       "<title>{}</title></circle>\n", px(p.x), px(p.y), kActualColour,
                       escape_html(point_tooltip(p.point, c.unit, false)));
  }
  for (const auto& p : c.targets) {
    out << fmt::format("<path class=\"target-marker\" d=\"M{0},{1}L{2},{3}L{0},{4}L{5},{3}Z\" "
                       "fill=\"#fff\" stroke=\"{6}\" stroke-width=\"2\"><title>{7}</title></path>\n",
                       px(p.x), px(p.y - 6), px(p.x + 6), px(p.y), px(p.y + 6), px(p.x - 6),
                       kTargetColour, escape_html(point_tooltip(p.point, c.unit, true)));
  }
}

// One labelled bar with its value and, as tooltip, its quote and source.
void write_bar(const ComparisonBar& b, std::string_view unit, const LinearScale& x, double y,
               std::ostream& out) {
  const double x0 = x(std::min(0.0, b.value)), x1 = x(std::max(0.0, b.value));
  const ChartPoint tip{0, b.value, b.fact.period.to_string(), b.fact.quote, b.fact.document.source, 0};
  out << fmt::format("<g class=\"bar\"><title>{0}</title><text x=\"{1}\" y=\"{2}\" "
                     "text-anchor=\"end\" fill=\"#333\">{3}</text><rect x=\"{4}\" y=\"{5}\" "
                     "width=\"{6}\" height=\"{7}\" fill=\"{8}\"/><text x=\"{9}\" y=\"{2}\" "
                     "fill=\"#333\">{10}</text></g>\n",
                     escape_html(b.region.short_name + " " + point_tooltip(tip, unit, false)),
                     px(kBarLabel - 6), px(y + 13), escape_html(b.region.short_name), px(x0),
                     px(y + 3), px(std::max(1.0, x1 - x0)), px(kBarRow - 6), kActualColour,
                     px(x1 + 4), escape_html(format_quantity(b.value, unit)));
}

}  // namespace

std::string px(double value) { return format_number(value, 1); }

std::string point_tooltip(const ChartPoint& point, std::string_view unit, bool target) {
  std::string text = fmt::format("{}{}: {}", target ? "目标 target " : "", point.period,
                                 format_quantity(point.value, unit));
  if (!point.quote.empty()) text += fmt::format("\n“{}”", point.quote);
  if (!point.source.empty()) text += "\n" + point.source;
  if (point.source_id > 0) text += fmt::format(" [{}]", point.source_id);
  return text;
}

void write_bar_chart(const MetricComparison& m, std::ostream& out) {
  const double height = kBarTop + kBarRow * static_cast<double>(m.bars.size()) + 24;
  double lo = 0, hi = 0;
  for (const auto& b : m.bars) lo = std::min(lo, b.value), hi = std::max(hi, b.value);
  if (m.national) lo = std::min(lo, m.national->value), hi = std::max(hi, m.national->value);
  const std::vector<double> ticks = nice_ticks(lo, hi, 5);
  const LinearScale x{ticks.front(), ticks.back(), kBarLabel, kBarWidth - kBarRight};
  out << fmt::format("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bars\" width=\"{0}\" "
                     "height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" aria-label=\"{2}\" "
                     "font-family=\"{3}\" font-size=\"11\">\n<title>{2}</title>\n", px(kBarWidth),
                     px(height), escape_html(m.metric.name_zh), escape_html(kFontStack));
  double y = kBarTop;
  for (const auto& b : m.bars) {
    write_bar(b, m.unit, x, y, out);
    y += kBarRow;
  }
  if (m.national) {
    const double nx = x(m.national->value);
    out << fmt::format("<g class=\"national\"><line x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" "
                       "stroke=\"{3}\" stroke-dasharray=\"3 3\"/><text x=\"{0}\" y=\"{4}\" "
                       "text-anchor=\"middle\" fill=\"{3}\">全国 {5}</text></g>\n",
                       px(nx), px(kBarTop - 2), px(y), kTargetColour, px(kBarTop - 8),
                       escape_html(format_quantity(m.national->value, m.unit)));
  }
  out << "</svg>\n";
}

}  // namespace policydb::report

namespace policydb {

void write_chart_svg(const Chart& chart, std::ostream& out, bool standalone) {
  report::write_open(chart, out, standalone);
  report::write_axes(chart, out);
  if (chart.empty()) {
    out << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#888\">"
                       "无数据 no data</text>\n",
                       report::px(chart.layout.width / 2), report::px(chart.layout.height / 2));
  }
  report::write_needed(chart, out);
  report::write_points(chart, out);
  out << "</svg>\n";
}

}  // namespace policydb
