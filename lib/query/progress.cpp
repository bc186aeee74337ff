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
         target.metric->direction == Direction::lower_is_better || target.measure == Measure::rank;
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
// (Fact::value_in). Only the newest and the oldest of them matter, ordered as
// series() orders sources: period end, then publication (undated last), then
// load order. They are read in two steps: the last and the first period end
// (an index walk that stops at the first comparable fact), then the facts
// ending on each, whose publication dates come from a cache — the documents of
// one province hold the actuals of many metrics, so a join would read the same
// document rows again for every series. The fact_target index (schema/0006)
// finds the targets; the actuals of one series lie side by side in fact's
// primary key (schema/0009), so both steps read a few neighbouring pages.
// The comparable actuals of a target: ?1 region_id, ?2 metric_id, ?3 subregion
// (NULL for none), ?4 measure, ?5 its unit's dimension, ?6 its deadline
// (YYYYMMDD). The target's own key gives the ids, so its row is not read again.
#define POLICYDB_COMPARABLE                                                        \
  " FROM fact a JOIN unit ua ON ua.id = a.unit_id"                                 \
  " WHERE a.region_id = ?1 AND a.metric_id = ?2 AND a.subregion IS ?3"             \
  " AND a.kind = 'actual' AND a.measure = ?4 AND ua.dimension = ?5 AND a.period_end"
constexpr const char* kPeriodEnds =
    "SELECT (SELECT a.period_end" POLICYDB_COMPARABLE " <= ?6 ORDER BY a.period_end DESC LIMIT 1),"
    " (SELECT a.period_end" POLICYDB_COMPARABLE " <= ?6 ORDER BY a.period_end LIMIT 1)";
constexpr const char* kEndingOn = "SELECT a.id, a.document_id" POLICYDB_COMPARABLE " = ?6";
#undef POLICYDB_COMPARABLE
constexpr const char* kPublished = "SELECT published_on FROM document WHERE id = ?";

// The newest and oldest comparable actual, owned by the ActualCache (copied
// only into the results that use them).
struct ActualExtent {
  const Fact* latest = nullptr;
  detail::FactKey earliest;  // read only when a trend is needed (ActualCache::fact)
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

  // `key` is the target's own (its region and metric ids, its deadline).
  ActualExtent extent(const Fact& target, const detail::FactKey& key) {
    const Date deadline = target.period.end();
    const std::string series = series_key(target);
    auto it = extents_.find(series);
    if (it == extents_.end() || !it->second.covers(deadline)) {
      it = extents_.insert_or_assign(series, read_extent(target, key)).first;
    }
    const Known& known = it->second;
    ActualExtent out;
    if (!known.latest) return out;
    out.latest = fact(*known.latest);
    out.earliest = *known.earliest;
    return out;
  }

  // The fact with `key`, read once; null when there is none. Stays valid as
  // long as the cache (the map's nodes never move).
  const Fact* fact(const detail::FactKey& key) {
    auto it = facts_.find(key.id);
    if (it == facts_.end()) it = facts_.emplace(key.id, reader_.by_key(key)).first;
    return it->second ? &*it->second : nullptr;
  }

 private:
  struct Known {
    Date asked;  // the deadline it was read for
    std::optional<detail::FactKey> latest, earliest;
    Date latest_end;
    // True when the answer for `deadline` is this one.
    bool covers(const Date& deadline) const {
      return deadline <= asked && (!latest || latest_end <= deadline);
    }
  };

  static std::string series_key(const Fact& t) {
    return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", t.region->code, t.metric->code, t.subregion,
                       to_string(t.measure), t.unit->dimension, t.unit->to_base > 0);
  }

  Known read_extent(const Fact& target, const detail::FactKey& key) {
    Known known;
    known.asked = target.period.end();
    if (target.unit->to_base <= 0) return known;  // converts to nothing
    // Stored subregions are never empty: the writer stores none as NULL.
    auto bind_series = [&](detail::Statement& q) {
      q.bind(1, key.region_id);
      q.bind(2, key.metric_id);
      if (target.subregion.empty()) {
        q.bind_null(3);
      } else {
        q.bind(3, std::string_view(target.subregion));
      }
      q.bind(4, to_string(target.measure));
      q.bind(5, std::string_view(target.unit->dimension));
    };
    try {
      auto ends = reader_.lease().prepare(kPeriodEnds);
      bind_series(*ends);
      ends->bind(6, key.period_end);
      if (!ends->step() || ends->is_null(0)) return known;
      const std::int64_t last_end = ends->int64(0), first_end = ends->int64(1);
      auto block = reader_.lease().prepare(kEndingOn);
      bind_series(*block);
      const auto latest_id = pick(*block, last_end, /*newest=*/true);
      const auto earliest_id = pick(*block, first_end, /*newest=*/false);
      if (latest_id && earliest_id) {
        known.latest = detail::FactKey{key.region_id, key.metric_id, last_end, *latest_id};
        known.earliest = detail::FactKey{key.region_id, key.metric_id, first_end, *earliest_id};
      }
    } catch (const SQLite::Exception& e) {
      detail::throw_sqlite_error(e, "reading the actuals of a target");
    }
    if (!known.latest) return known;
    const auto latest = fact(*known.latest);
    if (!latest) {  // cannot happen inside one snapshot; be safe
      known.latest.reset();
    } else {
      known.latest_end = latest->period.end();
    }
    return known;
  }

  // Among the comparable facts ending on `end`, the newest source (or the
  // oldest): publication date, undated ones counting as oldest, then load order.
  std::optional<std::int64_t> pick(detail::Statement& block, std::int64_t end, bool newest) {
    block.rewind();
    block.bind(6, end);
    std::optional<std::int64_t> best;
    std::optional<std::string> best_published;
    while (block.step()) {
      const std::int64_t id = block.int64(0);
      const std::optional<std::string>& published = publication(block.int64(1));
      if (!best) {
        best = id;
        best_published = published;
        continue;
      }
      // The order of series(): (published IS NULL, published DESC, id DESC) first.
      const bool later = published != best_published
                             ? (!best_published || (published && *published > *best_published))
                             : id > *best;
      if (later == newest) {
        best = id;
        best_published = published;
      }
    }
    return best;
  }

  const std::optional<std::string>& publication(std::int64_t document_id) {
    auto it = published_.find(document_id);
    if (it == published_.end()) {
      auto q = reader_.lease().prepare(kPublished);
      q->bind(1, document_id);
      std::optional<std::string> date;
      if (q->step() && !q->is_null(0)) date = std::string(q->text(0));
      it = published_.emplace(document_id, std::move(date)).first;
    }
    return it->second;
  }

  detail::FactReader& reader_;
  std::unordered_map<std::string, Known> extents_;
  std::unordered_map<std::int64_t, std::optional<Fact>> facts_;
  std::unordered_map<std::int64_t, std::optional<std::string>> published_;  // by document id
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
  const auto first = earliest.value_in(*target.unit);
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

TargetProgress progress_of(ActualCache& cache, Fact target, const detail::FactKey& key) {
  TargetProgress p;
  p.target_type = target.target_type;
  p.lower_is_better = lower_is_better(target);
  p.target = std::move(target);
  const ActualExtent actuals = cache.extent(p.target, key);
  if (actuals.latest == nullptr) return p;  // no_data
  p.latest_actual = *actuals.latest;
  p.actual_value = p.latest_actual->value_in(*p.target.unit);
  if (p.target.value != 0) p.ratio_achieved = *p.actual_value / p.target.value;
  p.gap = p.target.value - *p.actual_value;
  p.years_left = years_between(p.latest_actual->period.end(), p.target.period.end());
  if (met(p.target, *p.actual_value, p.lower_is_better)) {
    p.status = ProgressStatus::achieved;
    return p;
  }
  const Fact* earliest = cache.fact(actuals.earliest);
  if (earliest == nullptr) return p;  // cannot happen inside one snapshot
  judge_trend(p, *earliest);
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
  std::vector<detail::FactKey> keys;
  reader.read_keyed(spec, [&](Fact& f, const detail::FactKey& key) {
    targets.push_back(std::move(f));
    keys.push_back(key);
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
  for (std::size_t i : order) out[i] = progress_of(cache, std::move(targets[i]), keys[i]);
  return out;
}

}  // namespace policydb
