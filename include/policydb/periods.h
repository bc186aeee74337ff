// policydb/periods.h: finds the time expressions of Chinese report text
// (2022年, 截至今年10月底, 1至9月份, 到2025年, “十四五”期间, 同比 …) and resolves
// them to closed Periods, relative ones against the report's date.
//
//   const policydb::Date published{2023, 11, 20};
//   auto found = policydb::find_periods("截至今年10月底，全省累计建成…", published);
//   found[0].period.to_string();  // "2023-10"
//   found[0].role;                // PeriodRole::as_of
//   policydb::parse_period("2023年1至9月", published)->period.to_string();  // "2023-01/2023-09"
//
// The functions are pure: thread-safe, no global state, never throw.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "policydb/export.h"
#include "policydb/period.h"

namespace policydb {

// What a period expression says about the fact next to it.
enum class PeriodRole {
  point,     // 2022年, 2023年10月, 第三季度, 上半年: the time a value holds for
  as_of,     // 截至今年10月底, 截至2024年12月31日, 目前, 10月底: a stock as of that point
  span,      // 1至9月份, 前三季度, 2021—2025年, 1-10月, 近三年: an accumulation period
  deadline,  // 到2025年, 2027年前, 到“十四五”末, 力争2025年: a target's due date
  plan,      // “十四五”期间, 十四五时期: a five-year-plan period (2021–2025)
  relative,  // 同比, 比上年, 较上年, 比“十三五”末: a comparison base, not the fact's period
};

struct PeriodMatch {
  Period period;                 // the resolved closed span with its grain
  PeriodRole role = PeriodRole::point;
  std::size_t begin = 0, end = 0;       // byte offsets [begin, end) in the scanned text,
                                        // cue words (截至, 到, 前, 期间) included
  bool relative_to_reference = false;   // resolved from 今年/去年/本月/目前… or a missing year
  bool future = false;                  // period.end() is after the reference date
};

// Finds every period expression in UTF-8 text (NFKC-normalized, simplified
// script), in order and without overlaps. Relative expressions (今年, 上年, 本月,
// 目前, 同比, a month without a year) resolve against `reference`, the report's
// date; when `reference` is not valid() they are skipped. Invalid UTF-8 is
// skipped byte by byte. Never throws; time is linear in the text size.
POLICYDB_EXPORT std::vector<PeriodMatch> find_periods(std::string_view text, const Date& reference);

// Parses the whole text as exactly one period expression ("2023年1至9月",
// "截至2024年12月31日"); std::nullopt when it is not exactly one. Never throws.
POLICYDB_EXPORT std::optional<PeriodMatch> parse_period(std::string_view text,
                                                        const Date& reference);

// "point", "as_of", "span", "deadline", "plan", "relative".
POLICYDB_EXPORT std::string_view to_string(PeriodRole role);

}  // namespace policydb
