// The adapter between the typed query API and the report's plain data
// (policydb/report.h) — everything of the report that reads a Database: which regions and targets a report shows, the actual
// series drawn beside each target, and the cross-province comparisons.
#include <algorithm>
#include <map>
#include <set>

#include "policydb/database.h"
#include "policydb/error.h"
#include "policydb/report.h"

namespace policydb {
namespace {

// Later period end wins; on a tie, the later published source.
bool newer(const Fact& a, const Fact& b) {
  if (a.period.end() != b.period.end()) return a.period.end() > b.period.end();
  return a.document.published.value_or(Date{}) > b.document.published.value_or(Date{});
}

// The actual series of a target's region, metric and measure. A metric the
// series API cannot resolve (an uncurated label) simply has no series.
std::vector<Fact> actual_series(const Database& db, const Fact& target) {
  SeriesOptions options;
  options.kind = Kind::actual;
  options.measure = target.measure;
  if (!target.subregion.empty()) options.subregion = target.subregion;
  std::vector<Fact> facts;
  try {
    for (const SeriesPoint& p : db.series(target.region->name, target.metric->code, options).points) {
      facts.push_back(p.fact);
    }
  } catch (const Error& e) {
    if (e.code() != ErrorCode::not_found) throw;
  }
  return facts;
}

std::vector<Region> report_regions(const Database& db, const ReportOptions& options) {
  const auto catalog = db.catalog();
  std::vector<Region> regions;
  if (!options.regions.empty() && !options.all_regions) {
    for (const auto& name : options.regions) regions.push_back(catalog->region(name));
    return regions;
  }
  std::set<std::string> codes;
  db.facts().kind(Kind::target).each([&](const Fact& f) {
    codes.insert(f.region->code);
    return true;
  });
  for (const auto& code : codes) {
    if (const Region* r = catalog->region_by_code(code)) regions.push_back(*r);
  }
  return regions;
}

std::vector<TargetRow> target_rows(const Database& db, const Region& region,
                                   const std::vector<std::string>& metrics) {
  std::vector<FactFilter> filters;
  for (const auto& m : metrics) {
    FactFilter& f = filters.emplace_back();
    f.region = region.name;
    f.metric = m;
  }
  if (metrics.empty()) filters.emplace_back().region = region.name;
  std::vector<TargetRow> rows;
  std::set<std::int64_t> seen;  // a target matched by two --metric names shows once
  for (const FactFilter& filter : filters) {
    for (TargetProgress& p : db.target_progress(filter)) {
      if (!seen.insert(p.target.id).second) continue;
      std::vector<Fact> actuals = actual_series(db, p.target);
      rows.push_back({std::move(p), std::move(actuals)});
    }
  }
  std::stable_sort(rows.begin(), rows.end(), [](const TargetRow& a, const TargetRow& b) {
    const Fact &x = a.progress.target, &y = b.progress.target;
    if (x.period.end() != y.period.end()) return x.period.end() < y.period.end();
    return x.metric->name_zh < y.metric->name_zh;
  });
  return rows;
}

// The unit bars are drawn in: the metric's default unit when facts can be
// converted to it, else the unit of the first fact.
std::string comparison_unit(const Catalog& catalog, const Metric& metric,
                            const std::vector<Fact>& facts) {
  const Unit* unit = catalog.find_unit(metric.default_unit);
  if (unit != nullptr && !facts.empty() && facts.front().value_in(*unit)) return unit->code;
  return facts.empty() ? metric.default_unit : facts.front().unit->code;
}

void add_coverage(MetricComparison& m, const std::vector<Fact>& facts) {
  std::set<int> years;
  std::map<std::string, std::map<int, int>> counts;  // region code → year → facts
  std::map<std::string, std::string> names;
  for (const Fact& f : facts) {
    years.insert(f.period.end_year());
    ++counts[f.region->code][f.period.end_year()];
    names[f.region->code] = f.region->short_name;
  }
  m.years.assign(years.begin(), years.end());
  for (const auto& [code, per_year] : counts) {
    std::vector<int> row;
    for (int y : m.years) row.push_back(per_year.count(y) ? per_year.at(y) : 0);
    m.coverage.emplace_back(names[code], std::move(row));
  }
}

MetricComparison compare(const Database& db, const Metric& metric, Measure measure) {
  MetricComparison m{metric, measure, {}, {}, {}, {}, {}};
  const std::vector<Fact> facts = db.facts().metric(metric.code).measure(measure).list();
  std::map<std::string, Fact> latest;  // region code → latest actual
  for (const Fact& f : facts) {
    if (f.kind != Kind::actual) continue;
    auto it = latest.find(f.region->code);
    if (it == latest.end() || newer(f, it->second)) latest.insert_or_assign(f.region->code, f);
  }
  std::vector<Fact> actuals;
  for (auto& [code, f] : latest) actuals.push_back(f);
  const auto catalog = db.catalog();
  m.unit = comparison_unit(*catalog, metric, actuals);
  const Unit* unit = catalog->find_unit(m.unit);
  for (const Fact& f : actuals) {
    const std::optional<double> v = unit ? f.value_in(*unit) : std::optional<double>(f.value);
    if (!v) continue;
    ComparisonBar bar{*f.region, f, *v};
    if (f.region->level == RegionLevel::country) m.national = bar;
    else m.bars.push_back(std::move(bar));
  }
  std::stable_sort(m.bars.begin(), m.bars.end(),
                   [](const ComparisonBar& a, const ComparisonBar& b) { return a.value > b.value; });
  add_coverage(m, facts);
  return m;
}

std::vector<MetricComparison> comparisons(const Database& db, const ReportData& data,
                                          const ReportOptions& options) {
  std::vector<std::pair<Metric, Measure>> wanted;
  std::set<std::string> seen;
  const bool chosen = !options.metrics.empty();
  if (chosen) {
    for (const auto& name : options.metrics) {
      const Metric& metric = db.catalog()->metric(name);  // throws not_found
      if (seen.insert(metric.code).second) wanted.emplace_back(metric, metric.measure);
    }
  }
  for (const RegionReport& r : data.regions) {
    for (const TargetRow& row : r.targets) {
      const Fact& t = row.progress.target;
      if (chosen || !t.metric->curated) continue;
      if (t.measure != Measure::level && t.measure != Measure::ratio) continue;
      if (seen.insert(t.metric->code).second) wanted.emplace_back(*t.metric, t.measure);
    }
  }
  std::vector<MetricComparison> out;
  for (const auto& [metric, measure] : wanted) {
    MetricComparison m = compare(db, metric, measure);
    // A comparison needs two regions, unless the analyst asked for the metric.
    if (chosen || m.bars.size() + (m.national ? 1 : 0) >= 2) out.push_back(std::move(m));
  }
  return out;
}

ChartPoint to_point(const Fact& f, double value) {
  return {decimal_year(f.period.end()), value, f.period.to_string(), f.quote, f.document.source, 0};
}

}  // namespace

ReportData build_report(const Database& db, const ReportOptions& options) {
  ReportData data{options.title, options.generated_note, {}, {}};
  for (const Region& region : report_regions(db, options)) {
    data.regions.push_back({region, target_rows(db, region, options.metrics)});
  }
  data.comparisons = comparisons(db, data, options);
  return data;
}

ChartInput chart_input(const Database& db, const ChartRequest& request) {
  const auto catalog = db.catalog();
  const Region& region = catalog->region(request.region);
  const Metric& metric = catalog->metric(request.metric);
  FactFilter filter;
  filter.region = region.name;
  filter.metric = metric.code;
  filter.measure = metric.measure;
  const std::vector<TargetProgress> progress = db.target_progress(filter);
  SeriesOptions options;
  options.measure = metric.measure;
  const Series series = db.series(region.name, metric.code, options);
  std::string unit_code = metric.default_unit;
  if (!progress.empty()) unit_code = progress.front().target.unit->code;
  else if (!series.points.empty()) unit_code = series.points.back().fact.unit->code;
  const Unit* unit = catalog->find_unit(unit_code);
  ChartInput input{region.short_name + " " + metric.name_zh, unit_code, {}, {}};
  auto convert = [&](const Fact& f) { return unit ? f.value_in(*unit) : std::optional(f.value); };
  for (const SeriesPoint& p : series.points) {
    if (auto v = convert(p.fact)) input.actuals.push_back(to_point(p.fact, *v));
  }
  for (const TargetProgress& p : progress) {
    if (auto v = convert(p.target)) input.targets.push_back(to_point(p.target, *v));
  }
  return input;
}

void write_report(const Database& db, const ReportOptions& options, std::ostream& out) {
  write_report_html(build_report(db, options), out);
}

void write_chart_svg(const Database& db, const ChartRequest& request, std::ostream& out) {
  ChartLayout layout;
  layout.width = 560;
  layout.height = 320;
  layout.margin_top = 40;
  write_chart_svg(build_chart(chart_input(db, request), layout), out, true);
}

void write_chart_vega_lite(const Database& db, const ChartRequest& request, std::ostream& out) {
  write_chart_vega_lite(chart_input(db, request), out);
}

}  // namespace policydb
