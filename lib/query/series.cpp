// Database::series: one indicator of one region over time. Facts of the same
// period from several documents collapse into one point; the most recently
// published source wins (then the most recently loaded), the rest stay as
// alternatives, and a difference above kDisagreement flags the point.
#include <algorithm>
#include <cmath>
#include <map>

#include "policydb/database.h"
#include "policydb/error.h"
#include "store/fact_reader.h"

namespace policydb {
namespace {

constexpr double kDisagreement = 0.005;  // 0.5 % relative, as the gold scorer's tolerance

// True when `a` should win over `b` for the same period.
bool newer_source(const Fact& a, const Fact& b) {
  if (a.document.published != b.document.published) {
    if (!b.document.published) return true;
    if (!a.document.published) return false;
    return *a.document.published > *b.document.published;
  }
  return a.document.id > b.document.id;
}

bool disagrees(const Fact& winner, const Fact& other) {
  const auto v = other.value_in(winner.unit);
  if (!v) return true;
  const double scale = std::max(std::abs(winner.value), std::abs(*v));
  return scale > 0 && std::abs(winner.value - *v) > kDisagreement * scale;
}

SeriesPoint make_point(std::vector<Fact> facts) {
  std::sort(facts.begin(), facts.end(), newer_source);
  SeriesPoint p;
  p.period = facts.front().period;
  p.fact = std::move(facts.front());
  for (std::size_t i = 1; i < facts.size(); ++i) {
    p.disagreement = p.disagreement || disagrees(p.fact, facts[i]);
    p.alternatives.push_back(std::move(facts[i]));
  }
  return p;
}

}  // namespace

Series Database::series(std::string_view region, std::string_view metric,
                        const SeriesOptions& options) const {
  const auto snapshot = catalog();
  Series s;
  s.region = snapshot->region(region);  // throws not_found
  s.metric = snapshot->metric(metric);  // throws not_found
  s.kind = options.kind;
  s.measure = options.measure.value_or(s.metric.measure);
  detail::ReadSpec spec;
  spec.region_code = s.region.code;
  spec.metric_code = s.metric.code;
  spec.exact_subregion = true;
  spec.filter.subregion = options.subregion;
  if (s.region.level == RegionLevel::prefecture) {  // cities are stored as subregions
    spec.region_code = s.region.parent_code;
    if (!spec.filter.subregion) spec.filter.subregion = s.region.short_name;
  }
  spec.filter.kind = s.kind;
  spec.filter.measure = s.measure;
  // Key: (period end, period start, text) so 2023-10 and 2023 stay distinct points.
  std::map<std::tuple<Date, Date, std::string>, std::vector<Fact>> by_period;
  detail::read_facts(*this, spec, [&](Fact& f) {
    auto key = std::make_tuple(f.period.end(), f.period.start(), f.period.to_string());
    by_period[std::move(key)].push_back(std::move(f));
    return true;
  });
  for (auto& [key, facts] : by_period) s.points.push_back(make_point(std::move(facts)));
  return s;
}

}  // namespace policydb
