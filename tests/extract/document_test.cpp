// Document-level behaviour: report dates, traditional script, quotes, linking
// to the catalog, JSON lines, robustness.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "test_helpers.h"

using policydb::testing::extract_text;
using policydb::testing::fact_with;

TEST_CASE("a dateline near the top is the report date", "[extract]") {
  auto r = extract_text("山东推进工业经济稳增长\n2024年2月6日 星期二\n今年,全省技改投资将增长10%以上。", std::nullopt);
  CHECK(r.report_date == policydb::Date{2024, 2, 6});
  CHECK(r.date_source != "inferred");
}

TEST_CASE("a wire dateline takes its year from the text", "[extract]") {
  auto r = extract_text("新华社杭州7月5日电 2024年上半年,浙江规上工业增加值增长8.1%。", std::nullopt);
  CHECK(r.report_date == policydb::Date{2024, 7, 5});
}

TEST_CASE("without any date the report date is inferred with a diagnostic", "[extract]") {
  auto r = extract_text("湖北召开大会。2022年,全省工业投资增长16.1%。", std::nullopt);
  REQUIRE(r.report_date.valid());
  CHECK(r.report_date.year == 2022);
  bool diagnosed = false;
  for (const auto& d : r.diagnostics) diagnosed |= d.code == "date_inferred";
  CHECK(diagnosed);
  for (const auto& f : r.facts) CHECK_FALSE(f.published.has_value());
}

TEST_CASE("an inferred date leaves out years the text names as the future", "[extract]") {
  // 2030年将建成 is a plan; the year being written in is the one named as now.
  auto r = extract_text(
      "某市2030年将建成全国一流的算力枢纽。全省印发《做好2023年信息通信民生实事方案》。"
      "截至今年9月底,全省新建5G基站1.2万个。",
      std::nullopt);
  CHECK(r.date_source == "inferred");
  CHECK(r.report_date.year == 2023);
  const auto* stations = fact_with(r, 12000);
  REQUIRE(stations != nullptr);
  CHECK(stations->period.to_string() == "2023-09");
}

TEST_CASE("an inferred date is after a year the text reports as done while this year runs", "[extract]") {
  // Full-year results of 2022 and this year's first ten months: written in 2023,
  // though 2022 is the only year named.
  auto r = extract_text(
      "2022年,全省软件业务收入达到1200亿元。2022年全省新增上云企业1.5万家。"
      "截至今年10月底,全省5G基站总数达到10.5万个。",
      std::nullopt);
  CHECK(r.report_date.year == 2023);
  const auto* stations = fact_with(r, 105000);
  REQUIRE(stations != nullptr);
  CHECK(stations->period.to_string() == "2023-10");
  const auto* software = fact_with(r, 1.2e11);
  REQUIRE(software != nullptr);
  CHECK(software->period.to_string() == "2022");

  SECTION("the controls: no running year, or the named year itself running") {
    CHECK(extract_text("2022年,全省软件业务收入达到1200亿元。", std::nullopt).report_date.year == 2022);
    CHECK(extract_text("2022年,全省软件业务收入达到1200亿元。2023年以来,全省工业投资增长5%。"
                       "今年前三季度,全省规上工业增加值增长6.1%。",
                       std::nullopt)
              .report_date.year == 2023);
    CHECK(extract_text("2023年1-9月,全省软件业务收入达到900亿元。今年前三季度,全省工业投资增长5%。",
                       std::nullopt)
              .report_date.year == 2023);
  }
}

TEST_CASE("traditional text is matched in simplified and quoted in the original", "[extract]") {
  auto r = extract_text("2023年,全省新增上雲企業超過3萬家,累計開通5G基站12.5萬個。", policydb::Date{2024, 1, 20});
  const auto* cloud = fact_with(r, 30000);
  const auto* bs = fact_with(r, 125000);
  REQUIRE(cloud != nullptr);
  REQUIRE(bs != nullptr);
  CHECK(cloud->metric.find("上云企业") != std::string::npos);
  CHECK(cloud->quote.find("上雲企業") != std::string::npos);
  CHECK(bs->quote.find("萬個") != std::string::npos);
}

TEST_CASE("one indicator in different words links to one catalog code", "[extract]") {
  auto a = extract_text("截至10月底,全省5G基站总数达到12.5万个。", policydb::Date{2023, 11, 1});
  auto b = extract_text("2023年,全省累计开通5G基站13万个。", policydb::Date{2024, 1, 20});
  const auto* fa = fact_with(a, 125000);
  const auto* fb = fact_with(b, 130000);
  REQUIRE(fa != nullptr);
  REQUIRE(fb != nullptr);
  CHECK_FALSE(fa->metric_code.empty());
  CHECK(fa->metric_code == fb->metric_code);
}

TEST_CASE("a sub-population does not link to the whole population's code", "[extract]") {
  auto a = extract_text("2023年,全省累计开通5G基站13万个。", policydb::Date{2024, 1, 20});
  auto b = extract_text("2023年,全省行政村5G基站达到2.1万个。", policydb::Date{2024, 1, 20});
  const auto* fa = fact_with(a, 130000);
  const auto* fb = fact_with(b, 21000);
  REQUIRE(fa != nullptr);
  REQUIRE(fb != nullptr);
  CHECK(fa->metric_code != fb->metric_code);
}

TEST_CASE("a bare number takes the unit of the catalog metric its label names", "[extract]") {
  auto r = extract_text("到2025年,全省5G基站数超过25万。");
  const auto* f = fact_with(r, 250000);
  REQUIRE(f != nullptr);
  CHECK(f->unit == "个");
}

TEST_CASE("bandwidth written with a data unit is read as a rate", "[extract]") {
  auto r = extract_text("到2025年,全省互联网出口带宽达到4000GB。");
  const auto* f = fact_with(r, 4000);
  REQUIRE(f != nullptr);
  CHECK(f->unit == "Gbps");
}

TEST_CASE("to_jsonl writes the FORMAT.md fields", "[extract]") {
  auto r = extract_text("到2027年,全省数字经济核心产业增加值突破1.2万亿元。");
  REQUIRE_FALSE(r.facts.empty());
  auto j = nlohmann::json::parse(policydb::to_jsonl(r.facts.front()));
  CHECK(j["doc"] == "test.txt");
  CHECK(j["region"] == "浙江");
  CHECK(j["kind"] == "target");
  CHECK(j["value"] == 1200000000000LL);
  CHECK(j["unit"] == "CNY");
  CHECK(j["period"] == "2027");
  CHECK(j["comparator"] == "gt");
  CHECK(j.contains("quote"));
}

TEST_CASE("hostile bytes give no crash and no facts", "[extract]") {
  std::string junk = "\xff\xfe\x00\x01 ,,,;;;。。。“”“《《《 第第第 1个 % 亿";
  junk += std::string(3, '\0');
  auto r = extract_text(junk, std::nullopt, std::nullopt);
  for (const auto& f : r.facts) CHECK_FALSE(f.region.empty());
  auto empty = extract_text("", std::nullopt, std::nullopt);
  CHECK(empty.facts.empty());
}

TEST_CASE("a province option that is not a region is reported and ignored", "[extract]") {
  auto r = extract_text("2023年,全省工业投资增长9.8%。", policydb::Date{2024, 1, 20}, std::string("不存在"));
  bool diagnosed = false;
  for (const auto& d : r.diagnostics) diagnosed |= d.code == "bad_province";
  CHECK(diagnosed);
}

TEST_CASE("deadline years do not date a wire dateline", "[extract]") {
  auto r = extract_text("新华社武汉3月2日电 2023年,湖北数字经济增长迅速。到2027年,全省算力规模将翻番。", std::nullopt);
  CHECK(r.report_date == policydb::Date{2023, 3, 2});
}

TEST_CASE("a report with no date and no year gives no undated facts and says why", "[extract]") {
  // Found by extract_fuzzer: such figures came out with an empty period.
  auto r = extract_text("新华社长沙8月3日电 全省新建5G基站1.2万个,光伏装机容量提高2.5个百分点。", std::nullopt);
  CHECK_FALSE(r.report_date.valid());
  CHECK(r.facts.empty());
  bool diagnosed = false;
  for (const auto& d : r.diagnostics) {
    diagnosed |= d.code == "no_date" && d.message.find("skipped") != std::string::npos;
  }
  CHECK(diagnosed);
  // The same text with a date gives its figures.
  auto dated = extract_text("新华社长沙8月3日电 全省新建5G基站1.2万个。", policydb::Date{2024, 8, 3});
  CHECK(fact_with(dated, 12000) != nullptr);
}

TEST_CASE("a label made only of figures and connectives is not a metric", "[extract]") {
  // Found by extract_fuzzer: a broken list "1.5和2.;5个百分点" named "1.5和2.".
  auto r = extract_text("2023年,全省分别提高3.2、1.5和2.;5个百分点。工业投资增长8.5%。", policydb::Date{2024, 1, 20});
  CHECK(fact_with(r, 8.5) != nullptr);  // a named figure stays
  for (const auto& f : r.facts) CHECK(f.metric.find("1.5和2") == std::string::npos);
}
