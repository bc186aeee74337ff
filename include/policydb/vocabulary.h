// policydb/vocabulary.h: the enumerations a fact is made of, with their stable
// spellings (the ones ../gold/FORMAT.md, the SQL schema and the CLI use).
//
//   policydb::Kind k = policydb::parse_kind("target").value();
//   fmt::print("{}", policydb::to_string(k));  // "target"
#pragma once

#include <optional>
#include <string_view>

#include "policydb/export.h"

namespace policydb {

// A reported value, or a goal for a future date.
enum class Kind { actual, target };

// How the number relates to the indicator: an amount, a share in %, a
// year-on-year growth rate in %, a difference from an earlier value, a rank.
enum class Measure { level, ratio, growth, change, rank };

// The bound the text puts on the value: 超过 → gt, 以上 → ge, 以内 → le,
// 低于 → lt, 左右/约/近 → approx, otherwise eq.
enum class Comparator { eq, gt, ge, lt, le, approx };

// Whether a larger value of a metric is better (output) or worse (energy intensity).
enum class Direction { higher_is_better, lower_is_better };

// Levels of the region gazetteer. An area is a named group of provinces (长三角).
enum class RegionLevel { country, area, province, prefecture };

POLICYDB_EXPORT std::string_view to_string(Kind value);
POLICYDB_EXPORT std::string_view to_string(Measure value);
POLICYDB_EXPORT std::string_view to_string(Comparator value);
POLICYDB_EXPORT std::string_view to_string(Direction value);
POLICYDB_EXPORT std::string_view to_string(RegionLevel value);

// Parse the stable spelling; std::nullopt for anything else (case-sensitive).
POLICYDB_EXPORT std::optional<Kind> parse_kind(std::string_view text);
POLICYDB_EXPORT std::optional<Measure> parse_measure(std::string_view text);
POLICYDB_EXPORT std::optional<Comparator> parse_comparator(std::string_view text);
POLICYDB_EXPORT std::optional<Direction> parse_direction(std::string_view text);
POLICYDB_EXPORT std::optional<RegionLevel> parse_region_level(std::string_view text);

}  // namespace policydb
