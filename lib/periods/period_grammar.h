// The period grammar: recognises one time expression at a byte position and
// returns its calendar fields unresolved (a missing year stays 0, 今年 stays
// "reference year + 0"), so that the ends of a span can lend each other fields
// before the reference date fills in the rest (see period_parser.cpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace policydb::period_detail {

// Calendar fields of one point as written. 0 means "not written".
struct Fields {
  int year = 0;
  int month = 0, day = 0, quarter = 0, half = 0;  // half: 1 上半年, 2 下半年
  int first_months = 0, first_quarters = 0;        // 前10个月, 前三季度
  bool year_rel = false, month_rel = false, day_rel = false;  // 今年, 本月, 今天
  int offset = 0;       // of the relative unit above: 去年 -1, 下个月 +1, 昨天 -1
  bool end_of = false;  // 底/末: as of the end of the unit
  bool whole_year = false;  // 全年, 年底 written without a year
};

// The shapes that are not plain calendar points or spans.
enum class Form {
  calendar,  // first (and last, when is_span)
  plan,      // “十四五”: count = first year of the plan
  plan_end,  // “十四五”末
  ahead,     // 今后五年, 未来3年: count = N years
  recent_years,   // 近三年, 过去五年
  recent_months,  // 近6个月
  now,       // 目前, 当前, 至今
  yoy,       // 同比
};

struct Expr {
  Form form = Form::calendar;
  Fields first, last;
  bool is_span = false;
  int count = 0;
  std::size_t end = 0;  // byte after the expression
};

// The longest expression starting exactly at `pos`, without role cue words
// (those are read by the caller). `bare_years` lets "2016到2018" (after 从)
// read as years although no 年 is written.
std::optional<Expr> parse_expr(std::string_view text, std::size_t pos, bool bare_years);

// The forms that are not calendar fields (period_special.cpp): ISO dates,
// plans, 目前, 同比, 今后N年, 近N年, 本月, 今天. std::nullopt when none starts at pos.
std::optional<Expr> parse_special(std::string_view text, std::size_t pos);

// 2024-01-25, 2010/1/29, 2021-12-24 13:26:28 +0800: a day (period_special.cpp).
std::optional<Expr> parse_iso(std::string_view text, std::size_t pos);

}  // namespace policydb::period_detail
