// The words of the period grammar, as data. A table lists a longer word before
// any word that is its prefix, because match() takes the first hit.
#pragma once

#include "periods/period_text.h"

namespace policydb::period_detail {

// Relative years; value = offset from the reference year.
inline constexpr Word kRelativeYears[] = {
    {"上一年", -1}, {"今年", 0}, {"本年", 0}, {"去年", -1}, {"上年", -1},
    {"前年", -2},   {"明年", 1}, {"后年", 2},
};
// Characters before 上年/前年/后年 that make them part of another word (以上年均, 此后年均, 马上一年).
inline constexpr Word kYearWordBlockers[] = {{"以"}, {"之"}, {"此"}, {"然"}, {"向"}, {"最"}, {"马"}};

// Characters after N月 that make a word, not a month (月度, 月薪, 月台).
inline constexpr Word kMonthBlockers[] = {{"度"}, {"薪"}, {"饼"}, {"刊"}, {"票"},
                                          {"台"}, {"子"}, {"光"}, {"球"}, {"嫂"}};

// "as of the end of": 10月底, 2025年末, 第三季度末.
inline constexpr Word kEndWords[] = {{"底"}, {"末"}};

// value 1 = first half, 2 = second half.
inline constexpr Word kHalves[] = {{"上半年", 1}, {"前半年", 1}, {"下半年", 2}, {"后半年", 2}};

// Parts of a year written without it; value 1 = as of the year's end.
inline constexpr Word kYearParts[] = {{"全年", 0}, {"年底", 1}, {"年末", 1}};
// 每年年底 / 每年底 are recurring dates, not periods.
inline constexpr Word kEveryWords[] = {{"每"}};

// Span connectors; value 1 = needs 之间/间 after the second end (2007年与2009年间).
inline constexpr Word kConnectors[] = {
    {"——", 0}, {"—", 0}, {"–", 0}, {"―", 0}, {"-", 0}, {"~", 0}, {"～", 0},
    {"－", 0}, {"至", 0}, {"到", 0}, {"和", 1}, {"与", 1},
};

// Quotes around a plan name: “十四五”, "十四五", 「十四五」, ‘十四五’.
inline constexpr Word kOpenQuotes[] = {{"“"}, {"\""}, {"「"}, {"‘"}};
inline constexpr Word kCloseQuotes[] = {{"”"}, {"\""}, {"」"}, {"’"}};
// After a plan name; value 1 = the plan's end (“十三五”末).
inline constexpr Word kPlanSuffixes[] = {
    {"末期", 1}, {"末", 1}, {"期间", 0}, {"时期", 0},
};
// After an unquoted 十四五 these make it a number (十四五个, 十四五年).
inline constexpr Word kPlanBlockers[] = {{"年"}, {"个"}, {"万"}, {"亿"}, {"%"}, {"倍"}, {"岁"}};

// "Now": as of the reference month.
inline constexpr Word kNowWords[] = {{"目前"}, {"当前"}, {"至今"}, {"迄今"}};

// value = offset in months / days from the reference date.
inline constexpr Word kRelativeMonths[] = {
    {"上个月", -1}, {"下个月", 1}, {"本月", 0}, {"上月", -1}, {"下月", 1},
};
inline constexpr Word kRelativeDays[] = {
    {"今天", 0}, {"今日", 0}, {"昨天", -1}, {"昨日", -1}, {"明天", 1}, {"明日", 1}, {"前天", -2},
};

// 今后五年 / 未来3年: a deadline N years ahead. 近三年 / 过去五年: the last N completed years.
inline constexpr Word kAheadWords[] = {{"今后"}, {"未来"}};
inline constexpr Word kRecentWords[] = {{"过去"}, {"近"}};
// 接近3年 is an amount (nearly three years), not 近3年.
inline constexpr Word kRecentBlockers[] = {{"接"}, {"将"}, {"靠"}, {"附"}, {"邻"}, {"逼"}};

// Cue words before an expression; the value is a PrefixCue.
enum PrefixCue { kCueNone = 0, kCueAsOf, kCueTo, kCueTarget, kCueVersus, kCueFrom };
inline constexpr Word kPrefixes[] = {
    {"截至到", kCueAsOf},   {"截止到", kCueAsOf},   {"截止至", kCueAsOf}, {"截至", kCueAsOf},
    {"截止", kCueAsOf},     {"力争到", kCueTarget}, {"力争在", kCueTarget}, {"力争", kCueTarget},
    {"争取到", kCueTarget}, {"争取在", kCueTarget}, {"争取", kCueTarget}, {"预计到", kCueTarget},
    {"到", kCueTo},         {"至", kCueTo},         {"比", kCueVersus},   {"较", kCueVersus},
    {"从", kCueFrom},       {"自", kCueFrom},
};
// After an expression: a due date (2027年前, 2025年底前, 2018年以前).
inline constexpr Word kDeadlineSuffixes[] = {{"或之前"}, {"及之前"}, {"或以前"}, {"及以前"},
                                             {"以前"},   {"之前"},   {"前"}};
// Words after an expression that belong to it: 比上年同期, 到目前为止.
inline constexpr Word kTrailers[] = {{"同期"}, {"为止"}};

}  // namespace policydb::period_detail
