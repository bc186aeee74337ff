#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <tuple>

#include "policydb/periods.h"

using policydb::Date;
using policydb::find_periods;
using policydb::parse_period;
using policydb::PeriodRole;

namespace {

constexpr Date kLateInYear{2023, 11, 20};
constexpr Date kEarlyInYear{2024, 1, 25};

// "period role" of the one expression `text` is, or "none".
std::string describe(std::string_view text, const Date& reference) {
  auto m = parse_period(text, reference);
  if (!m) return "none";
  return m->period.to_string() + " " + std::string(policydb::to_string(m->role));
}

}  // namespace

TEST_CASE("Absolute years, months, days and quarters resolve to their own grain", "[periods]") {
  auto [text, expected] = GENERATE(table<const char*, const char*>({
      {"2022年", "2022 point"},
      {"二〇二一年", "2021 point"},
      {"二零一九年", "2019 point"},
      {"2023年10月", "2023-10 point"},
      {"2023年10月份", "2023-10 point"},
      {"2024年12月31日", "2024-12-31 point"},
      {"2023年第三季度", "2023-Q3 point"},
      {"2022年度", "2022 point"},
      {"2008 年", "2008 point"},
      {"2024-01-25", "2024-01-25 point"},
      {"2021-12-24 13:26:28 +0800", "2021-12-24 point"},
      {"2010/1/29", "2010-01-29 point"},
      {"2022年上半年", "2022-01/2022-06 point"},
      {"2022年下半年", "2022-07/2022-12 point"},
      {"2022年全年", "2022 point"},
  }));
  CAPTURE(text);
  CHECK(describe(text, kLateInYear) == expected);
  CHECK(describe(text, Date{}) == expected);  // no reference needed
}

TEST_CASE("Expressions without a year take the reference year", "[periods]") {
  auto [text, late, early] = GENERATE(table<const char*, const char*, const char*>({
      {"10月", "2023-10 point", "2024-10 point"},
      {"十二月", "2023-12 point", "2024-12 point"},
      {"11月20日", "2023-11-20 point", "2024-11-20 point"},
      {"11月20号", "2023-11-20 point", "2024-11-20 point"},
      {"20日", "2023-11-20 point", "2024-01-20 point"},
      {"第三季度", "2023-Q3 point", "2024-Q3 point"},
      {"三季度", "2023-Q3 point", "2024-Q3 point"},
      {"一季度", "2023-Q1 point", "2024-Q1 point"},
      {"上半年", "2023-01/2023-06 point", "2024-01/2024-06 point"},
      {"下半年", "2023-07/2023-12 point", "2024-07/2024-12 point"},
      {"全年", "2023 point", "2024 point"},
      {"年底", "2023 as_of", "2024 as_of"},
      {"年末", "2023 as_of", "2024 as_of"},
  }));
  CAPTURE(text);
  CHECK(describe(text, kLateInYear) == late);
  CHECK(describe(text, kEarlyInYear) == early);
  CHECK(describe(text, Date{}) == "none");
}

TEST_CASE("Spans of months, quarters and years are closed at both ends", "[periods]") {
  auto [text, expected] = GENERATE(table<const char*, const char*>({
      {"1至9月份", "2023-01/2023-09 span"},
      {"1—9月", "2023-01/2023-09 span"},
      {"1-10月", "2023-01/2023-10 span"},
      {"一至三季度", "2023-01/2023-09 span"},
      {"前三季度", "2023-01/2023-09 span"},
      {"前10个月", "2023-01/2023-10 span"},
      {"前两个月", "2023-01/2023-02 span"},
      {"2023年1至9月", "2023-01/2023-09 span"},
      {"2022年前三季度", "2022-01/2022-09 span"},
      {"2021—2025年", "2021/2025 span"},
      {"2021年至2025年", "2021/2025 span"},
      {"2016-2020年", "2016/2020 span"},
      {"2009 年 到 2010 年", "2009/2010 span"},
      {"2022年3月至2023年2月", "2022-03/2023-02 span"},
      {"2023年3月5日至4月10日", "2023-03-05/2023-04-10 span"},
      {"8月至2月", "2023-08/2024-02 span"},
      {"2018年与2020年之间", "2018/2020 span"},
      {"从2016到2018", "2016/2018 span"},
      {"近三年", "2020/2022 span"},
      {"过去5年", "2018/2022 span"},
      {"近6个月", "2023-05/2023-10 span"},
  }));
  CAPTURE(text);
  CHECK(describe(text, kLateInYear) == expected);
}

TEST_CASE("As-of expressions name the point a stock is counted at", "[periods]") {
  auto [text, expected] = GENERATE(table<const char*, const char*>({
      {"截至今年10月底", "2023-10 as_of"},
      {"截至2024年12月31日", "2024-12-31 as_of"},
      {"截止到2022年底", "2022 as_of"},
      {"截至去年底", "2022 as_of"},
      {"截至今年第三季度", "2023-Q3 as_of"},
      {"截至目前", "2023-11 as_of"},
      {"到目前为止", "2023-11 as_of"},
      {"目前", "2023-11 as_of"},
      {"当前", "2023-11 as_of"},
      {"至今", "2023-11 as_of"},
      {"10月底", "2023-10 as_of"},
      {"三季度末", "2023-Q3 as_of"},
      {"今年年底", "2023 as_of"},
      {"“十三五”末", "2020 as_of"},
      {"十三五末", "2020 as_of"},
      {"到2022年底", "2022 as_of"},  // 到 + a date already past: a stock, not a target
  }));
  CAPTURE(text);
  CHECK(describe(text, kLateInYear) == expected);
}

TEST_CASE("Deadlines of targets carry the due period and are in the future", "[periods]") {
  auto [text, expected] = GENERATE(table<const char*, const char*>({
      {"到2025年", "2025 deadline"},
      {"至2025年", "2025 deadline"},
      {"2027年前", "2027 deadline"},
      {"2025年底前", "2025 deadline"},
      {"2026年以前", "2026 deadline"},
      {"力争到2025年", "2025 deadline"},
      {"力争2025年", "2025 deadline"},
      {"争取到2030年", "2030 deadline"},
      {"到“十四五”末", "2025 deadline"},
      {"今后五年", "2028 deadline"},
      {"未来三年", "2026 deadline"},
      {"未来5年", "2028 deadline"},
      {"到明年", "2024 deadline"},
      {"年底前", "2023 deadline"},
  }));
  CAPTURE(text);
  CHECK(describe(text, kLateInYear) == expected);
  CHECK(parse_period(text, kLateInYear)->future);
}

TEST_CASE("Five-year plans are the plan's five years", "[periods]") {
  auto [text, expected] = GENERATE(table<const char*, const char*>({
      {"“十四五”期间", "2021/2025 plan"},
      {"十四五时期", "2021/2025 plan"},
      {"“十四五”", "2021/2025 plan"},
      {"\"十三五\"时期", "2016/2020 plan"},
      {"「十五五」", "2026/2030 plan"},
      {"十二五", "2011/2015 plan"},
      {"十一五期间", "2006/2010 plan"},
  }));
  CAPTURE(text);
  CHECK(describe(text, kLateInYear) == expected);
  CHECK(describe(text, Date{}) == expected);
}

TEST_CASE("Relative words resolve against the reference date", "[periods]") {
  auto [text, late, early] = GENERATE(table<const char*, const char*, const char*>({
      {"今年", "2023 point", "2024 point"},
      {"去年", "2022 point", "2023 point"},
      {"上年", "2022 point", "2023 point"},
      {"上一年", "2022 point", "2023 point"},
      {"前年", "2021 point", "2022 point"},
      {"明年", "2024 point", "2025 point"},
      {"本月", "2023-11 point", "2024-01 point"},
      {"上月", "2023-10 point", "2023-12 point"},
      {"上个月", "2023-10 point", "2023-12 point"},
      {"下个月", "2023-12 point", "2024-02 point"},
      {"昨天", "2023-11-19 point", "2024-01-24 point"},
      {"去年上半年", "2022-01/2022-06 point", "2023-01/2023-06 point"},
      {"今年前三季度", "2023-01/2023-09 span", "2024-01/2024-09 span"},
      {"同比", "2022 relative", "2023 relative"},
      {"比上年", "2022 relative", "2023 relative"},
      {"较上年", "2022 relative", "2023 relative"},
      {"比上年同期", "2022 relative", "2023 relative"},
      {"较去年底", "2022 relative", "2023 relative"},
      {"比“十三五”末", "2020 relative", "2020 relative"},
  }));
  CAPTURE(text);
  CHECK(describe(text, kLateInYear) == late);
  CHECK(describe(text, kEarlyInYear) == early);
  CHECK(parse_period(text, kLateInYear)->relative_to_reference ==
        (std::string_view(text).find("十三五") == std::string_view::npos));
}

TEST_CASE("Durations, clock times, ordinals and names are not periods", "[periods]") {
  auto text = GENERATE("连续4个月保持增长", "力争用3年时间建成", "十年来累计投入", "24小时不间断",
                       "13:26:28", "第五场对接会", "党的二十大精神", "以上年均增长8%",
                       "统一月度结算", "接近3年", "每年年底报送", "三年行动计划", "12号线",
                       "5G基站", "增长10.5%", "8.3个月", "90后", "1号文件", "两年多");
  CAPTURE(text);
  CHECK(find_periods(text, kLateInYear).empty());
}

TEST_CASE("find_periods reports every expression in order with byte offsets", "[periods]") {
  const std::string text =
      "2022年，全省数字经济规模达到1.9万亿元，同比增长10%；截至今年10月底，"
      "累计建成5G基站15万个，到2025年力争达到25万个。";
  auto found = find_periods(text, kLateInYear);
  REQUIRE(found.size() == 4);
  const char* expected[][2] = {
      {"2022年", "2022"}, {"同比", "2022"}, {"截至今年10月底", "2023-10"}, {"到2025年", "2025"}};
  for (std::size_t i = 0; i < found.size(); ++i) {
    CAPTURE(i);
    CHECK(text.substr(found[i].begin, found[i].end - found[i].begin) == expected[i][0]);
    CHECK(found[i].period.to_string() == expected[i][1]);
    if (i > 0) CHECK(found[i - 1].end <= found[i].begin);
  }
  CHECK(found[2].role == PeriodRole::as_of);
  CHECK_FALSE(found[2].future);
  CHECK(found[3].role == PeriodRole::deadline);
  CHECK(found[3].future);
}

TEST_CASE("Without a valid reference only absolute expressions are found", "[periods]") {
  auto found = find_periods("今年1至9月，比上年增长；2022年全年；“十四五”期间", Date{});
  REQUIRE(found.size() == 2);
  CHECK(found[0].period.to_string() == "2022");
  CHECK(found[1].role == PeriodRole::plan);
  CHECK_FALSE(found[0].relative_to_reference);
}

TEST_CASE("parse_period accepts exactly one whole expression", "[periods]") {
  CHECK(parse_period("2023年1至9月", kLateInYear).has_value());
  CHECK_FALSE(parse_period("2023年1至9月，", kLateInYear).has_value());
  CHECK_FALSE(parse_period("全省2023年", kLateInYear).has_value());
  CHECK_FALSE(parse_period("", kLateInYear).has_value());
  CHECK_FALSE(parse_period("2023年2月30日", kLateInYear).has_value());
}

TEST_CASE("Hostile input is skipped without crashing", "[periods]") {
  const std::string huge(100000, '9');
  CHECK(find_periods(huge + "年", kLateInYear).empty());
  CHECK(find_periods("99999999999年，9999999999月", kLateInYear).empty());
  const std::string broken = std::string("\xE5\xB9") + "2023\xFF年\xE6" + "2023年";
  auto found = find_periods(broken, kLateInYear);
  REQUIRE(found.size() == 1);
  CHECK(found[0].period.to_string() == "2023");
  CHECK(found[0].end == broken.size());
  CHECK(find_periods(std::string(5000, '\x80'), kLateInYear).empty());
}

TEST_CASE("Roles have stable spellings", "[periods]") {
  CHECK(policydb::to_string(PeriodRole::point) == "point");
  CHECK(policydb::to_string(PeriodRole::as_of) == "as_of");
  CHECK(policydb::to_string(PeriodRole::span) == "span");
  CHECK(policydb::to_string(PeriodRole::deadline) == "deadline");
  CHECK(policydb::to_string(PeriodRole::plan) == "plan");
  CHECK(policydb::to_string(PeriodRole::relative) == "relative");
}
