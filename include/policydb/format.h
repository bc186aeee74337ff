// policydb/format.h: fmt formatters for policydb's value types. This is the one
// public header that includes <fmt/format.h> (formatters must specialize
// fmt::formatter); include it only where you format with fmt. Needs fmt >= 9.
//
//   #include "policydb/format.h"
//   fmt::print("{}\n", fact);          // 河南 5G基站总数 = 187000 个 [actual level, 2023-10]
//   fmt::print("{}\n", fact.period);   // 2023-10
//   fmt::print("{}\n", progress.status);  // on_track
#pragma once

#include <string_view>

#include <fmt/format.h>

#include "policydb/fact.h"
#include "policydb/progress.h"
#include "policydb/vocabulary.h"

namespace policydb::detail {
// Formats any T with a to_string(T) found by argument-dependent lookup.
struct ToStringFormatter : fmt::formatter<std::string_view> {
  template <typename T, typename Context>
  auto format(const T& value, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(to_string(value), ctx);
  }
};
}  // namespace policydb::detail

template <> struct fmt::formatter<policydb::Kind> : policydb::detail::ToStringFormatter {};
template <> struct fmt::formatter<policydb::Measure> : policydb::detail::ToStringFormatter {};
template <> struct fmt::formatter<policydb::Comparator> : policydb::detail::ToStringFormatter {};
template <> struct fmt::formatter<policydb::Direction> : policydb::detail::ToStringFormatter {};
template <> struct fmt::formatter<policydb::RegionLevel> : policydb::detail::ToStringFormatter {};
template <> struct fmt::formatter<policydb::Grain> : policydb::detail::ToStringFormatter {};
template <>
struct fmt::formatter<policydb::ProgressStatus> : policydb::detail::ToStringFormatter {};

// Date as YYYY-MM-DD, Period in its FORMAT.md text form.
template <>
struct fmt::formatter<policydb::Date> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const policydb::Date& d, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(d.to_string(), ctx);
  }
};
template <>
struct fmt::formatter<policydb::Period> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const policydb::Period& p, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(p.to_string(), ctx);
  }
};

// Region by its short name (河南), Metric by its code, Unit by its code.
template <>
struct fmt::formatter<policydb::Region> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const policydb::Region& r, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(r.short_name, ctx);
  }
};
template <>
struct fmt::formatter<policydb::Metric> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const policydb::Metric& m, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(m.code, ctx);
  }
};
template <>
struct fmt::formatter<policydb::Unit> : fmt::formatter<std::string_view> {
  template <typename Context>
  auto format(const policydb::Unit& u, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(u.code, ctx);
  }
};

// "河南/郑州 5G基站总数 ≥ 187000 个 [actual level, 2023-10]": region (/subregion),
// label, comparator sign unless eq, value in %g-like shortest form, unit, kind,
// measure and period. A fact built by hand without a region or unit prints
// them empty.
template <>
struct fmt::formatter<policydb::Fact> {
  constexpr auto parse(fmt::format_parse_context& ctx) { return ctx.begin(); }
  template <typename Context>
  auto format(const policydb::Fact& f, Context& ctx) const {
    static constexpr std::string_view kSigns[] = {"=", ">", "≥", "<", "≤", "≈"};
    const std::string_view region = f.region ? std::string_view(f.region->short_name) : "";
    const std::string_view unit = f.unit ? std::string_view(f.unit->code) : "";
    auto out = fmt::format_to(ctx.out(), "{}", region);
    if (!f.subregion.empty()) out = fmt::format_to(out, "/{}", f.subregion);
    return fmt::format_to(out, " {} {} {} {} [{} {}, {}]", f.label,
                          kSigns[static_cast<int>(f.comparator)], f.value, unit, f.kind,
                          f.measure, f.period);
  }
};
