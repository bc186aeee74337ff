#include "policydb/vocabulary.h"

#include <array>
#include <utility>

namespace policydb {
namespace {

// One table per enum keeps spelling and parsing in step.
constexpr std::array<std::pair<Kind, std::string_view>, 2> kKinds{
    {{Kind::actual, "actual"}, {Kind::target, "target"}}};
constexpr std::array<std::pair<Measure, std::string_view>, 5> kMeasures{
    {{Measure::level, "level"},
     {Measure::ratio, "ratio"},
     {Measure::growth, "growth"},
     {Measure::change, "change"},
     {Measure::rank, "rank"}}};
constexpr std::array<std::pair<Comparator, std::string_view>, 6> kComparators{
    {{Comparator::eq, "eq"},
     {Comparator::gt, "gt"},
     {Comparator::ge, "ge"},
     {Comparator::lt, "lt"},
     {Comparator::le, "le"},
     {Comparator::approx, "approx"}}};
constexpr std::array<std::pair<Direction, std::string_view>, 2> kDirections{
    {{Direction::higher_is_better, "higher"}, {Direction::lower_is_better, "lower"}}};
constexpr std::array<std::pair<RegionLevel, std::string_view>, 4> kLevels{
    {{RegionLevel::country, "country"},
     {RegionLevel::area, "area"},
     {RegionLevel::province, "province"},
     {RegionLevel::prefecture, "prefecture"}}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                         Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "?";
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                             std::string_view text) {
  for (const auto& [e, name] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Kind value) { return name_of(kKinds, value); }
std::string_view to_string(Measure value) { return name_of(kMeasures, value); }
std::string_view to_string(Comparator value) { return name_of(kComparators, value); }
std::string_view to_string(Direction value) { return name_of(kDirections, value); }
std::string_view to_string(RegionLevel value) { return name_of(kLevels, value); }

std::optional<Kind> parse_kind(std::string_view text) { return value_of(kKinds, text); }
std::optional<Measure> parse_measure(std::string_view text) {
  return value_of(kMeasures, text);
}
std::optional<Comparator> parse_comparator(std::string_view text) {
  return value_of(kComparators, text);
}
std::optional<Direction> parse_direction(std::string_view text) {
  return value_of(kDirections, text);
}
std::optional<RegionLevel> parse_region_level(std::string_view text) {
  return value_of(kLevels, text);
}

}  // namespace policydb
