#include "filter.h"

#include <charconv>

#include <fmt/format.h>

namespace policydb::cli {

std::vector<FlagSpec> filter_flags() {
  return {
      {"region", "NAME",
       "region by any name (河南, 豫, 410000, Henan); a city matches its subregion"},
      {"with-subregions", "", "with --region: also figures given for its cities and zones"},
      {"subregion", "TEXT", "exact subregion (郑州航空港)"},
      {"metric", "METRIC", "metric code, alias, or a substring of the label"},
      {"kind", "KIND", "actual or target"},
      {"measure", "MEASURE", "level, ratio, growth, change or rank"},
      {"period", "PERIOD", "exactly this period (2023, 2023-Q3, 2023-10, 2023-01/2023-06)"},
      {"since", "YEAR", "period ends in YEAR or later"},
      {"until", "YEAR", "period ends in YEAR or earlier"},
      {"as-of", "DATE", "period contains DATE (YYYY-MM-DD)"},
      {"document", "DOC", "facts of one document (file name or sha256)"},
  };
}

int parse_year(const std::string& flag, const std::string& text) {
  int year = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, year);
  if (ec != std::errc() || ptr != end || text.size() != 4) {
    throw UsageError(fmt::format("--{} wants a year such as 2025, not '{}'", flag, text));
  }
  return year;
}

FactQuery query_from(const Database& db, const Args& args) {
  FactQuery query(db);
  if (auto region = args.value("region")) {
    query.region(*region, args.has("with-subregions") ? Subregions::include : Subregions::exclude);
  }
  if (auto text = args.value("subregion")) query.subregion(*text);
  if (auto text = args.value("metric")) query.metric(*text);
  if (auto text = args.value("document")) query.document(*text);
  if (auto text = args.value("kind")) {
    auto kind = parse_kind(*text);
    if (!kind) throw UsageError(fmt::format("unknown --kind {} (actual or target)", *text));
    query.kind(*kind);
  }
  if (auto text = args.value("measure")) {
    auto measure = parse_measure(*text);
    if (!measure) {
      throw UsageError(
          fmt::format("unknown --measure {} (level, ratio, growth, change or rank)", *text));
    }
    query.measure(*measure);
  }
  if (auto text = args.value("period")) {
    auto period = Period::parse(*text);
    if (!period) {
      throw UsageError(fmt::format("--period wants a period such as 2023, 2023-Q3 or 2023-10, not '{}'", *text));
    }
    query.period(*period);
  }
  if (auto text = args.value("since")) query.since(parse_year("since", *text));
  if (auto text = args.value("until")) query.until(parse_year("until", *text));
  if (auto text = args.value("as-of")) {
    auto day = Date::parse(*text);
    if (!day) throw UsageError(fmt::format("--as-of wants a date (2025-06-30), not '{}'", *text));
    query.as_of(*day);
  }
  return query;
}

FactFilter filter_from(const Database& db, const Args& args) {
  return query_from(db, args).filter();
}

}  // namespace policydb::cli
