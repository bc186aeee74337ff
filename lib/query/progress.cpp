// Database::target_progress: the rule is documented in policydb/progress.h.
#include "policydb/progress.h"

#include <cmath>

#include "policydb/database.h"
#include "store/fact_reader.h"

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

// Actuals comparable with `target`, newest first; those in another dimension skipped.
std::vector<Fact> actuals_for(const Database& db, const Fact& target) {
  detail::ReadSpec spec;
  spec.region_code = target.region.code;
  spec.metric_code = target.metric.code;
  spec.exact_subregion = true;
  if (!target.subregion.empty()) spec.filter.subregion = target.subregion;
  spec.filter.kind = Kind::actual;
  spec.filter.measure = target.measure;
  spec.filter.ends_to = target.period.end();
  spec.newest_first = true;
  std::vector<Fact> out;
  detail::read_facts(db, spec, [&](const Fact& f) {
    if (f.value_in(target.unit)) out.push_back(f);
    return true;
  });
  return out;
}

void judge_trend(TargetProgress& p, const std::vector<Fact>& actuals) {
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
  const Fact& earliest = actuals.back();
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

TargetProgress progress_of(const Database& db, Fact target) {
  TargetProgress p;
  p.target_type = target.target_type;
  p.lower_is_better = lower_is_better(target);
  p.target = std::move(target);
  const auto actuals = actuals_for(db, p.target);
  if (actuals.empty()) return p;  // no_data
  p.latest_actual = actuals.front();
  p.actual_value = p.latest_actual->value_in(p.target.unit);
  if (p.target.value != 0) p.ratio_achieved = *p.actual_value / p.target.value;
  p.gap = p.target.value - *p.actual_value;
  p.years_left = years_between(p.latest_actual->period.end(), p.target.period.end());
  if (met(p.target, *p.actual_value, p.lower_is_better)) {
    p.status = ProgressStatus::achieved;
    return p;
  }
  judge_trend(p, actuals);
  return p;
}

}  // namespace

std::vector<TargetProgress> Database::target_progress(const FactFilter& filter) const {
  detail::ReadSpec spec;
  spec.filter = filter;
  spec.filter.kind = Kind::target;
  std::vector<Fact> targets;
  detail::read_facts(*this, spec, [&](const Fact& f) {
    targets.push_back(f);
    return true;
  });
  std::vector<TargetProgress> out;
  out.reserve(targets.size());
  for (Fact& t : targets) out.push_back(progress_of(*this, std::move(t)));
  return out;
}

}  // namespace policydb
