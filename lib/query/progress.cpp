// Database::target_progress: the rule is documented in policydb/progress.h.
#include "policydb/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <unordered_map>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include "policydb/database.h"
#include "store/fact_reader.h"
#include "store/sqlite_error.h"

namespace policydb {

std::string_view to_string(ProgressStatus status) {
  switch (status) {
    case ProgressStatus::achieved: return "achieved";
    case ProgressStatus::on_track: return "on_track";
    case ProgressStatus::behind: return "behind";
    case ProgressStatus::no_data: return "no_data";
  }
  return "no_data";
}

namespace {

constexpr double kDaysPerYear = 365.2425;
constexpr double kApproxTolerance = 0.01;
// Year-end actuals one calendar year apart are 365 days = 0.9993 years apart:
// half a day of slack makes them one year (schema/0005_curation.sql does the same).
constexpr double kTrendSlackYears = 0.5 / kDaysPerYear;

int days_from_civil(const Date& d) {
  // Howard Hinnant's algorithm: days since 1970-01-01.
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

double years_between(const Date& from, const Date& to) {
  return (days_from_civil(to) - days_from_civil(from)) / kDaysPerYear;
}

bool lower_is_better(const Fact& target) {
  return target.comparator == Comparator::le || target.comparator == Comparator::lt ||
         target.metric.direction == Direction::lower_is_better || target.measure == Measure::rank;
}

bool met(const Fact& target, double actual, bool lower) {
  const double v = target.value;
  switch (target.comparator) {
    case Comparator::gt: return actual > v;
    case Comparator::lt: return actual < v;
    case Comparator::approx: {
      const double slack = std::abs(v) * kApproxTolerance;
      return lower ? actual <= v + slack : actual >= v - slack;
    }
    default: return lower ? actual <= v : actual >= v;
  }
}

// The actuals a target is judged by are those of its region, subregion, metric
// and measure, ending on or before its deadline, in a unit of its dimension
// (Fact::value_in). Only the newest and the oldest of them matter; ordered as
// series() orders sources (period end, then publication, then load order), so
// SQLite stops after the first block of equal period ends. The fact_target
// index (schema/0006) finds the targets, fact_region_metric_period the actuals.
constexpr const char* kComparableActual =
    "(SELECT a.id FROM fact a JOIN unit ua ON ua.id = a.unit_id JOIN document da ON da.id = a.document_id"
    " WHERE a.region_id = t.region_id AND a.metric_id = t.metric_id AND a.subregion IS t.subregion"
    " AND a.kind = 'actual' AND a.measure = t.measure AND a.period_end <= t.period_end"
    " AND ua.dimension = tu.dimension";
constexpr const char* kNewestFirst =
    " ORDER BY a.period_end DESC, da.published_on IS NULL, da.published_on DESC, a.id DESC LIMIT 1)";
constexpr const char* kOldestFirst =
    " ORDER BY a.period_end, da.published_on IS NULL DESC, da.published_on, a.id LIMIT 1)";

struct ActualExtent {
  std::optional<Fact> latest, earliest;
};

// What one target_progress call has read: actual facts by id, and per series
// of comparable actuals (region, subregion, metric, measure, dimension) the
// extent found for the latest deadline asked so far. Targets are judged from
// the latest deadline down: when the newest actual before deadline Q ends by
// D ≤ Q, nothing lies between it and D, so a target due D has the same newest
// and oldest actual — a plan's 2025 and 2030 targets of one metric cost one read.
class ActualCache {
 public:
  explicit ActualCache(detail::FactReader& reader) : reader_(reader) {}

  ActualExtent extent(const Fact& target) {
    const Date deadline = target.period.end();
    const std::string key = series_key(target);
    auto it = extents_.find(key);
    if (it == extents_.end() || !it->second.covers(deadline)) {
      it = extents_.insert_or_assign(key, read_extent(target)).first;
    }
    const Known& known = it->second;
    ActualExtent out;
    if (!known.latest_id) return out;
    out.latest = fact(*known.latest_id);
    out.earliest = fact(*known.earliest_id);
    return out;
  }

 private:
  struct Known {
    Date asked;  // the deadline it was read for
    std::optional<std::int64_t> latest_id, earliest_id;
    Date latest_end;
    // True when the answer for `deadline` is this one.
    bool covers(const Date& deadline) const {
      return deadline <= asked && (!latest_id || latest_end <= deadline);
    }
  };

  static std::string series_key(const Fact& t) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", t.region.code, t.metric.code, t.subregion,
                       to_string(t.measure), t.unit.dimension, t.unit.to_base > 0);
  }

  Known read_extent(const Fact& target) {
    static const std::string sql = std::string("SELECT ") + kComparableActual + kNewestFirst + ", " +
                                   kComparableActual + kOldestFirst +
                                   " FROM fact t JOIN unit tu ON tu.id = t.unit_id WHERE t.id = ? AND tu.to_base > 0";
    Known known;
    known.asked = target.period.end();
    try {
      auto q = reader_.lease().prepare(sql);
      q->bind(1, target.id);
      if (q->step() && !q->is_null(0)) {
        known.latest_id = q->int64(0);
        known.earliest_id = q->int64(1);
      }
    } catch (const SQLite::Exception& e) {
      detail::throw_sqlite_error(e, "reading the actuals of a target");
    }
    if (known.latest_id) {
      const auto latest = fact(*known.latest_id);
      if (!latest) {  // cannot happen inside one snapshot; be safe
        known.latest_id.reset();
      } else {
        known.latest_end = latest->period.end();
      }
    }
    return known;
  }

  std::optional<Fact> fact(std::int64_t id) {
    auto it = facts_.find(id);
    if (it == facts_.end()) it = facts_.emplace(id, reader_.by_id(id)).first;
    return it->second;
  }

  detail::FactReader& reader_;
  std::unordered_map<std::string, Known> extents_;
  std::unordered_map<std::int64_t, std::optional<Fact>> facts_;
};

void judge_trend(TargetProgress& p, const Fact& earliest) {
  const Fact& target = p.target;
  const double actual = *p.actual_value;
  const bool growth_measure = target.measure == Measure::level || target.measure == Measure::ratio;
  if (!growth_measure || p.years_left <= 0) {
    p.status = ProgressStatus::behind;
    return;
  }
  if (actual > 0 && target.value > 0) {
    p.needed_cagr = std::pow(target.value / actual, 1.0 / p.years_left) - 1;
  }
  const double span = years_between(earliest.period.end(), p.latest_actual->period.end());
  const auto first = earliest.value_in(target.unit);
  if (span + kTrendSlackYears >= kMinTrendYears && first && *first > 0 && actual > 0) {
    p.earliest_actual = earliest;
    p.observed_cagr = std::pow(actual / *first, 1.0 / span) - 1;
  }
  if (!p.needed_cagr || !p.observed_cagr) {
    p.status = ProgressStatus::no_data;
    return;
  }
  const bool on_track = p.lower_is_better ? *p.observed_cagr <= kOnTrackShare * *p.needed_cagr
                                          : *p.observed_cagr >= kOnTrackShare * *p.needed_cagr;
  p.status = on_track ? ProgressStatus::on_track : ProgressStatus::behind;
}

TargetProgress progress_of(ActualCache& cache, Fact target) {
  TargetProgress p;
  p.target_type = target.target_type;
  p.lower_is_better = lower_is_better(target);
  p.target = std::move(target);
  ActualExtent actuals = cache.extent(p.target);
  if (!actuals.latest || !actuals.earliest) return p;  // no_data
  p.latest_actual = std::move(actuals.latest);
  p.actual_value = p.latest_actual->value_in(p.target.unit);
  if (p.target.value != 0) p.ratio_achieved = *p.actual_value / p.target.value;
  p.gap = p.target.value - *p.actual_value;
  p.years_left = years_between(p.latest_actual->period.end(), p.target.period.end());
  if (met(p.target, *p.actual_value, p.lower_is_better)) {
    p.status = ProgressStatus::achieved;
    return p;
  }
  judge_trend(p, *actuals.earliest);
  return p;
}

}  // namespace

std::vector<TargetProgress> Database::target_progress(const FactFilter& filter) const {
  detail::ReadSpec spec;
  spec.filter = filter;
  spec.filter.kind = Kind::target;
  // One connection, one snapshot and its cached statements for every read: the
  // targets, then one short read per target and one per distinct actual.
  detail::FactReader reader(*this, /*snapshot=*/true);
  std::vector<Fact> targets;
  reader.read(spec, [&](Fact& f) {
    targets.push_back(std::move(f));
    return true;
  });
  // Latest deadline first (ActualCache says why); results in the order read.
  std::vector<std::size_t> order(targets.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return targets[b].period.end() < targets[a].period.end();
  });
  std::vector<TargetProgress> out(targets.size());
  ActualCache cache(reader);
  for (std::size_t i : order) out[i] = progress_of(cache, std::move(targets[i]));
  return out;
}

}  // namespace policydb
