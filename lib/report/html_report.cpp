// The HTML report of policydb/report.h: one self-contained page (inline CSS and
// SVG, no script, no external resources) that reads and prints without a
// network. Layout: header and contents, one section per region with its
// targets grouped by deadline year, the cross-province comparisons, and the
// sources table every plotted point and stated figure links to.
#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "policydb/report.h"
#include "report/html_style.h"
#include "report/svg_writer.h"

namespace policydb::report {
namespace {

std::string e(std::string_view text) { return escape_html(text); }

ChartPoint to_point(const Fact& f, double value) {
  return {decimal_year(f.period.end()), value, f.period.to_string(), f.quote, f.document.source, 0};
}

// Numbers every quoted figure once, so charts and tables can point at a row of
// the sources table.
class Sources {
 public:
  struct Entry {
    int id = 0;
    Fact fact;
  };

  int add(const Fact& f) {
    const auto [it, inserted] = index_.try_emplace(key(f.document.source, f.period.to_string(),
                                                       f.quote), static_cast<int>(entries_.size()) + 1);
    if (inserted) entries_.push_back({it->second, f});
    return it->second;
  }
  int find(const ChartPoint& p) const {
    auto it = index_.find(key(p.source, p.period, p.quote));
    return it == index_.end() ? 0 : it->second;
  }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  static std::string key(std::string_view doc, std::string_view period, std::string_view quote) {
    return fmt::format("{}\x1f{}\x1f{}", doc, period, quote);
  }
  std::map<std::string, int> index_;
  std::vector<Entry> entries_;
};

std::string source_link(int id) {
  return fmt::format("<sup><a href=\"#src-{0}\">[{0}]</a></sup>", id);
}

// The target as a Chinese report writes it: 超过22万个, 30%以上, 5个左右.
std::string target_text(const Fact& t) {
  const std::string q = format_quantity(t.value, t.unit->code);
  switch (t.comparator) {
    case Comparator::ge:
    case Comparator::approx: return q + comparator_label(t.comparator);
    default: return comparator_label(t.comparator) + " " + q;
  }
}

std::string type_text(const std::optional<std::string>& type) {
  if (type == "binding") return "约束性<span class=\"en\">binding</span>";
  if (type == "anticipatory") return "预期性<span class=\"en\">anticipatory</span>";
  return type ? e(*type) : "<span class=\"muted\">—</span>";
}

std::string percent(std::optional<double> fraction) {
  return fraction ? format_number(*fraction * 100, 1) + "%" : "—";
}

std::string ratio_cell(const TargetProgress& p) {
  if (!p.ratio_achieved) return "—";
  const double width = std::clamp(*p.ratio_achieved, 0.0, 1.0) * 100;
  return fmt::format("{}<div class=\"bar\"><span style=\"width:{}%\"></span></div>",
                     percent(p.ratio_achieved), format_number(width, 0));
}

std::string metric_cell(const Fact& t) {
  std::string html = e(t.metric->name_zh.empty() ? t.label : t.metric->name_zh);
  if (!t.metric->name_en.empty()) html += "<span class=\"en\">" + e(t.metric->name_en) + "</span>";
  if (!t.subregion.empty()) html += "<span class=\"en\">" + e(t.subregion) + "</span>";
  return html;
}

std::string actual_cell(const TargetProgress& p, Sources& sources) {
  if (!p.latest_actual || !p.actual_value) return "<span class=\"muted\">—</span>";
  return fmt::format("{}{}<span class=\"en\">{}</span>",
                     e(format_quantity(*p.actual_value, p.target.unit->code)),
                     source_link(sources.add(*p.latest_actual)),
                     e(p.latest_actual->period.to_string()));
}

std::string chart_cell(const TargetRow& row, Sources& sources) {
  for (const Fact& f : row.actuals) sources.add(f);
  ChartInput input = chart_input(row);
  for (auto& p : input.actuals) p.source_id = sources.find(p);
  for (auto& p : input.targets) p.source_id = sources.find(p);
  ChartLayout layout;
  layout.width = 300;
  // A target without actuals is one marker: a low chart keeps the table short.
  layout.height = input.actuals.empty() ? 96 : 150;
  layout.max_y_ticks = input.actuals.empty() ? 3 : 5;
  std::ostringstream svg;
  write_chart_svg(build_chart(input, layout), svg, false);
  return svg.str();
}

void write_target_row(const TargetRow& row, Sources& sources, std::ostream& out) {
  const TargetProgress& p = row.progress;
  const std::string status(to_string(p.status));
  const int target_source = sources.add(p.target);
  out << fmt::format("<tr class=\"target-row\" id=\"target-{}\" data-metric=\"{}\" "
                     "data-status=\"{}\">\n", p.target.id, e(p.target.metric->code), status);
  out << "<td>" << metric_cell(p.target) << "</td>\n";
  out << "<td class=\"num\">" << e(target_text(p.target)) << source_link(target_source)
      << "<span class=\"en\">" << e(p.target.period.to_string()) << "</span></td>\n";
  out << "<td>" << type_text(p.target_type ? p.target_type : p.target.target_type) << "</td>\n";
  out << "<td class=\"num\">" << actual_cell(p, sources) << "</td>\n";
  out << "<td class=\"num\">" << ratio_cell(p) << "</td>\n";
  out << fmt::format("<td class=\"num\">需 {}<span class=\"en\">实 {}</span></td>\n",
                     percent(p.needed_cagr), percent(p.observed_cagr));
  out << fmt::format("<td><span class=\"chip {}\">{}</span></td>\n", status,
                     e(status_label(p.status)));
  out << "<td>" << chart_cell(row, sources) << "</td>\n</tr>\n";
}

constexpr const char* kTargetHeader =
    "<thead><tr><th>指标<span class=\"en\">metric</span></th><th>目标<span class=\"en\">target"
    "</span></th><th>类型<span class=\"en\">type</span></th><th>最新实际<span class=\"en\">latest "
    "actual</span></th><th>完成度<span class=\"en\">achieved</span></th><th>年均增速<span "
    "class=\"en\">needed / observed</span></th><th>状态<span class=\"en\">status</span></th>"
    "<th>走势<span class=\"en\">chart</span></th></tr></thead>\n";

void write_summary(const RegionReport& r, std::ostream& out) {
  std::map<ProgressStatus, int> counts;
  for (const auto& row : r.targets) ++counts[row.progress.status];
  out << "<p class=\"summary\">" << r.targets.size() << " 项目标 targets: ";
  for (auto s : {ProgressStatus::achieved, ProgressStatus::on_track, ProgressStatus::behind,
                 ProgressStatus::no_data}) {
    out << fmt::format("<span><span class=\"chip {}\">{}</span> {}</span>", to_string(s),
                       e(status_label(s)), counts[s]);
  }
  out << "</p>\n";
}

void write_region(const RegionReport& r, Sources& sources, std::ostream& out) {
  out << fmt::format("<section class=\"region\" id=\"region-{}\">\n<h2>{} <span class=\"muted\">"
                     "{}</span></h2>\n", e(r.region.code), e(r.region.name), e(r.region.name_en));
  if (r.targets.empty()) {
    out << "<p class=\"muted\">没有目标 No targets stored for this region.</p>\n</section>\n";
    return;
  }
  write_summary(r, out);
  int year = 0;
  for (const TargetRow& row : r.targets) {
    const int deadline = row.progress.target.period.end_year();
    if (deadline != year) {
      if (year != 0) out << "</tbody></table>\n";
      year = deadline;
      out << fmt::format("<h3>{0}年到期 <span class=\"muted\">due {0}</span></h3>\n"
                         "<table class=\"targets\">\n{1}<tbody>\n", deadline, kTargetHeader);
    }
    write_target_row(row, sources, out);
  }
  out << "</tbody></table>\n</section>\n";
}

void write_coverage(const MetricComparison& m, std::ostream& out) {
  out << "<table class=\"coverage\"><thead><tr><th>地区 region</th>";
  for (int y : m.years) out << "<th>" << y << "</th>";
  out << "</tr></thead><tbody>\n";
  for (const auto& [name, counts] : m.coverage) {
    out << "<tr><th>" << e(name) << "</th>";
    for (int n : counts) out << (n == 0 ? "<td class=\"zero\">0</td>" : fmt::format("<td>{}</td>", n));
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";
}

void write_comparison(const MetricComparison& m, Sources& sources, std::ostream& out) {
  out << fmt::format("<div class=\"comparison\" id=\"metric-{}\">\n<h3>{} <span class=\"muted\">"
                     "{}</span></h3>\n", e(m.metric.code), e(m.metric.name_zh), e(m.metric.name_en));
  MetricComparison linked = m;
  for (auto& b : linked.bars) b.fact.document.source += fmt::format(" [{}]", sources.add(b.fact));
  if (linked.national) {
    linked.national->fact.document.source += fmt::format(" [{}]", sources.add(m.national->fact));
  }
  if (m.bars.empty() && !m.national) out << "<p class=\"muted\">无实际值 No actual values.</p>\n";
  else write_bar_chart(linked, out);
  out << "<p class=\"note\">事实数量 Facts per region and year (targets and actuals):</p>\n";
  write_coverage(m, out);
  out << "</div>\n";
}

void write_sources(const Sources& sources, std::ostream& out) {
  out << "<section class=\"sources\" id=\"sources\">\n<h2>来源 Sources</h2>\n<table class=\""
         "sources\"><thead><tr><th>#</th><th>地区</th><th>指标</th><th>时期</th><th>数值</th>"
         "<th>原文 quote</th><th>文件 document</th></tr></thead><tbody>\n";
  for (const auto& [id, f] : sources.entries()) {
    out << fmt::format("<tr id=\"src-{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td>"
                       "<td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n", id, id,
                       e(f.region->short_name + (f.subregion.empty() ? "" : " " + f.subregion)),
                       e(f.label), e(f.period.to_string()), e(format_quantity(f.value, f.unit->code)),
                       e(f.quote), e(f.document.source));
  }
  out << "</tbody></table>\n</section>\n";
}

void write_head(const ReportData& data, std::ostream& out) {
  out << "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << e(data.title) << "</title>\n<style>" << kReportCss << "</style>\n"
      << "</head>\n<body>\n<header><h1>" << e(data.title) << "</h1>\n";
  if (!data.generated_note.empty()) out << "<p class=\"note\">" << e(data.generated_note) << "</p>\n";
  out << "<p class=\"note\">状态规则 Status rule: observed compound annual growth vs the growth "
         "needed to reach the target by its deadline (on track at ≥90% of it). ◇ target, "
         "● actual, dashed: path at the growth needed. Hover a point for its quote.</p>\n";
  out << "<nav>";
  for (const auto& r : data.regions) {
    out << fmt::format("<a href=\"#region-{}\">{}</a>", e(r.region.code), e(r.region.short_name));
  }
  out << "<a href=\"#comparisons\">地区比较 comparisons</a><a href=\"#sources\">来源 sources</a>"
         "</nav>\n</header>\n";
}

}  // namespace
}  // namespace policydb::report

namespace policydb {

ChartInput chart_input(const TargetRow& row) {
  const Fact& target = row.progress.target;
  ChartInput input{target.metric->name_zh.empty() ? target.label : target.metric->name_zh,
                   target.unit->code, {}, {report::to_point(target, target.value)}};
  for (const Fact& f : row.actuals) {
    if (auto v = f.value_in(*target.unit)) input.actuals.push_back(report::to_point(f, *v));
  }
  return input;
}

void write_report_html(const ReportData& data, std::ostream& out) {
  report::Sources sources;
  report::write_head(data, out);
  for (const RegionReport& r : data.regions) report::write_region(r, sources, out);
  out << "<section class=\"comparisons\" id=\"comparisons\">\n<h2>地区比较 Across regions</h2>\n";
  if (data.comparisons.empty()) {
    out << "<p class=\"muted\">No metric of these targets is reported by two regions.</p>\n";
  }
  for (const MetricComparison& m : data.comparisons) report::write_comparison(m, sources, out);
  out << "</section>\n";
  report::write_sources(sources, out);
  out << "</body>\n</html>\n";
}

}  // namespace policydb
