// policydb/progress.h: how far each stored target is from being met.
//
//   for (const policydb::TargetProgress& p : db.target_progress(
//            db.facts().region("河南").until(2025).filter())) {
//     p.target.metric->name_zh;  p.ratio_achieved;  // 0.85 = 85 % of the way
//     p.status;                                     // ProgressStatus::behind
//   }
//
// The rule (after the UN ESCAP SDG progress tracker, which compares the growth a
// series has shown with the growth it still needs):
//  1. The latest actual is the actual fact of the same region, subregion, metric
//     and measure whose period ends on or before the target's deadline (latest
//     period end; ties: most recently published source). Its value is converted
//     to the target's unit when both units share a dimension; actuals in another
//     dimension are ignored. None → no_data.
//  2. Lower is better when the comparator is le/lt, or the metric's direction is
//     lower_is_better, or the measure is rank. The target is achieved when the
//     actual meets it: gt → actual > value, lt → actual < value, otherwise
//     actual ≥ value (actual ≤ value when lower is better); approx allows 1 %.
//  3. Otherwise, for level and ratio targets with positive values:
//       needed_cagr   = (target / actual)^(1 / years left to the deadline) − 1
//       observed_cagr = (actual / earliest actual)^(1 / years between them) − 1
//     with years measured between period ends, and the earliest actual at least
//     kMinTrendYears before the latest. on_track when observed ≥ kOnTrackShare ×
//     needed (for lower-is-better, when the decline observed is at least that
//     share of the decline needed); behind otherwise.
//  4. behind also when the deadline has passed (the latest actual is for the
//     deadline itself) or, for growth/change/rank targets, whenever not achieved.
//  5. no_data when no actual exists, or when one exists but no trend of
//     kMinTrendYears can be measured for an unmet level/ratio target.
#pragma once

#include <optional>
#include <string>

#include "policydb/export.h"
#include "policydb/fact.h"

namespace policydb {

enum class ProgressStatus { achieved, on_track, behind, no_data };

// "achieved", "on_track", "behind", "no_data".
POLICYDB_EXPORT std::string_view to_string(ProgressStatus status);

// Observed growth must reach this share of the needed growth to be on track.
inline constexpr double kOnTrackShare = 0.9;
// The shortest span between earliest and latest actual that counts as a trend.
inline constexpr double kMinTrendYears = 1.0;

struct TargetProgress {
  Fact target;
  std::optional<Fact> latest_actual;    // as stored (its own unit)
  std::optional<Fact> earliest_actual;  // start of the observed trend
  std::optional<double> actual_value;   // latest actual in the target's unit
  std::optional<double> ratio_achieved; // actual_value / target value
  std::optional<double> gap;            // target value − actual_value (target's unit)
  std::optional<double> needed_cagr;    // e.g. 0.085 = 8.5 % a year still needed
  std::optional<double> observed_cagr;  // growth a year since the earliest actual
  double years_left = 0;                // from the latest actual to the deadline
  bool lower_is_better = false;
  ProgressStatus status = ProgressStatus::no_data;
  std::optional<std::string> target_type;  // binding / anticipatory, when stated
};

}  // namespace policydb
