// Database::series: one indicator of one region over time. Facts of the same
// period from several documents collapse into one point; the most recently
// published source wins (then the most recently loaded), the rest stay as
// alternatives, and a difference above kDisagreement flags the point.
#include <algorithm>
#include <cmath>
#include <vector>

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
  const auto v = other.value_in(*winner.unit);
  if (!v) return true;
  const double scale = std::max(std::abs(winner.value), std::abs(*v));
  return scale > 0 && std::abs(winner.value - *v) > kDisagreement * scale;
}

// Points in time order: by end, then start; two periods of the same days but
// another grain (2023-Q3 and the span 2023-07/2023-09) in the order of their
// text form.
bool earlier_period(const Period& a, const Period& b) {
  if (a.end() != b.end()) return a.end() < b.end();
  if (a.start() != b.start()) return a.start() < b.start();
  return a.grain() != b.grain() && a.to_string() < b.to_string();
}

// Appends the points of `facts`, which share one period end, to `points`.
// Facts are large (a dozen strings), so their positions are sorted, and each
// fact is moved once, into its point.
void append_points(std::vector<Fact>& facts, std::vector<std::size_t>& order, std::vector<SeriesPoint>& points) {
  order.resize(facts.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) {
    const Fact &a = facts[i], &b = facts[j];
    if (earlier_period(a.period, b.period)) return true;
    if (earlier_period(b.period, a.period)) return false;
    if (newer_source(a, b)) return true;
    if (newer_source(b, a)) return false;
    return i < j;  // the same document twice: the order it was read in
  });
  for (std::size_t k = 0; k < order.size();) {
    std::size_t end = k + 1;
    while (end < order.size() && facts[order[end]].period == facts[order[k]].period) ++end;
    SeriesPoint& p = points.emplace_back();
    p.fact = std::move(facts[order[k]]);
    p.period = p.fact.period;
    p.alternatives.reserve(end - k - 1);
    for (std::size_t i = k + 1; i < end; ++i) {
      Fact& other = facts[order[i]];
      p.disagreement = p.disagreement || disagrees(p.fact, other);
      p.alternatives.push_back(std::move(other));
    }
    k = end;
  }
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
  // Facts come in order of period end (ReadSpec's default order), so each
  // period end's facts are grouped as soon as the next end begins: only those
  // few are held, not every fact of the series a second time (a series of
  // 1,000 facts spent a fifth of its time faulting in fresh memory for them).
  std::vector<Fact> same_end;
  std::vector<std::size_t> order;
  detail::read_facts(*this, spec, [&](Fact& f) {
    if (!same_end.empty() && f.period.end() != same_end.front().period.end()) {
      append_points(same_end, order, s.points);
      same_end.clear();
    }
    same_end.push_back(std::move(f));
    return true;
  });
  append_points(same_end, order, s.points);
  return s;
}

}  // namespace policydb
