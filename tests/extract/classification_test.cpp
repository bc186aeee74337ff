// Kind, measure, comparator, period and what is not a fact. Sentences are
// written for these tests.
#include <catch2/catch.hpp>

#include "test_helpers.h"

using policydb::Comparator;
using policydb::Kind;
using policydb::Measure;
using policydb::testing::extract_text;
using policydb::testing::fact_with;

TEST_CASE("a deadline after the report date makes a target for that year", "[extract]") {
  auto r = extract_text("到2027年,全省数字经济核心产业增加值突破1.2万亿元。");
  const auto* f = fact_with(r, 1.2e12);
  REQUIRE(f != nullptr);
  CHECK(f->kind == Kind::target);
  CHECK(f->period.to_string() == "2027");
  CHECK(f->comparator == Comparator::gt);
}

TEST_CASE("a deadline governs every later clause of its sentence", "[extract]") {
  auto r = extract_text("力争到2026年,建成5G基站15万个,千兆宽带用户占比达到40%。");
  const auto* a = fact_with(r, 150000);
  const auto* b = fact_with(r, 40);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->kind == Kind::target);
  CHECK(b->kind == Kind::target);
  CHECK(b->period.to_string() == "2026");
  CHECK(b->measure == Measure::ratio);
}

TEST_CASE("届时 carries the paragraph's deadline to the next sentence", "[extract]") {
  auto r = extract_text("到2030年,算力枢纽将全面建成。届时,全省算力总规模将达到50EFLOPS。");
  const auto* f = fact_with(r, 50);
  REQUIRE(f != nullptr);
  CHECK(f->kind == Kind::target);
  CHECK(f->period.to_string() == "2030");
}

TEST_CASE("目标 as a yardstick does not make a target", "[extract]") {
  auto r = extract_text("2023年,全省地区生产总值增长6.2%,高于全年目标0.7个百分点。", policydb::Date{2024, 1, 20});
  const auto* growth = fact_with(r, 6.2);
  const auto* gap = fact_with(r, 0.7);
  REQUIRE(growth != nullptr);
  REQUIRE(gap != nullptr);
  CHECK(growth->kind == Kind::actual);
  CHECK(gap->kind == Kind::actual);
  CHECK(gap->measure == Measure::change);
}

TEST_CASE("a figure that is a goal's own value is a target", "[extract]") {
  auto r = extract_text("截至2023年12月底,全市完成旧改3200套,超过全年3000套目标任务。", policydb::Date{2024, 1, 5},
                        std::string("江西"));
  const auto* goal = fact_with(r, 3000);
  const auto* done = fact_with(r, 3200);
  REQUIRE(goal != nullptr);
  REQUIRE(done != nullptr);
  CHECK(goal->kind == Kind::target);
  CHECK(done->kind == Kind::actual);
}

TEST_CASE("an estimate for a year that has ended is a preliminary actual", "[extract]") {
  auto r = extract_text("初步预计,2023年全省地区生产总值增长5.8%。", policydb::Date{2024, 1, 20});
  const auto* f = fact_with(r, 5.8);
  REQUIRE(f != nullptr);
  CHECK(f->kind == Kind::actual);
  CHECK(f->period.end_year() == 2023);
}

TEST_CASE("将 alone before a count of a programme's parts does not make a target", "[extract]") {
  auto r = extract_text("我省将聚焦12个重点产业集群,推动产业升级。");
  const auto* f = fact_with(r, 12);
  REQUIRE(f != nullptr);
  CHECK(f->kind == Kind::actual);
}

TEST_CASE("将 with a verb that reaches a value makes a target", "[extract]") {
  auto r = extract_text("全省新能源汽车产量将达到100万辆。");
  const auto* f = fact_with(r, 1e6);
  REQUIRE(f != nullptr);
  CHECK(f->kind == Kind::target);
}

TEST_CASE("growth words before a percentage make a growth rate", "[extract]") {
  auto r = extract_text("2023年,全省软件业务收入同比增长13.5%。");
  const auto* f = fact_with(r, 13.5);
  REQUIRE(f != nullptr);
  CHECK(f->measure == Measure::growth);
  CHECK(f->metric.find("软件业务收入") != std::string::npos);
}

TEST_CASE("a decline is a negative growth rate", "[extract]") {
  auto r = extract_text("2023年,全省单位地区生产总值能耗下降3.5%。");
  const auto* f = fact_with(r, -3.5);
  REQUIRE(f != nullptr);
  CHECK(f->measure == Measure::growth);
}

TEST_CASE("a multiple after 增长 is growth in percent", "[extract]") {
  auto r = extract_text("2023年,全省跨境电商进出口额增长1.2倍。");
  const auto* f = fact_with(r, 120);
  REQUIRE(f != nullptr);
  CHECK(f->measure == Measure::growth);
  CHECK(f->unit == "%");
}

TEST_CASE("percentage points after 提高 are a change", "[extract]") {
  auto r = extract_text("2023年,全省数字经济核心产业增加值占比提高0.8个百分点。");
  const auto* f = fact_with(r, 0.8);
  REQUIRE(f != nullptr);
  CHECK(f->measure == Measure::change);
}

TEST_CASE("an increment marker makes a change, and list items inherit it", "[extract]") {
  auto r = extract_text("2023年,全省新认定专精特新中小企业1500家、小巨人企业85家。");
  const auto* a = fact_with(r, 1500);
  const auto* b = fact_with(r, 85);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->measure == Measure::change);
  CHECK(b->measure == Measure::change);
  CHECK(b->metric.starts_with("新认定"));
}

TEST_CASE("a stock after 累计 stays a level", "[extract]") {
  auto r = extract_text("2023年,全省新建5G基站2.1万个、累计12.6万个。");
  const auto* a = fact_with(r, 21000);
  const auto* b = fact_with(r, 126000);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->measure == Measure::change);
  CHECK(b->measure == Measure::level);
}

TEST_CASE("bound words set the comparator", "[extract]") {
  auto r = extract_text("2023年,全省高新技术企业超过3.5万家,研发投入强度约2.9%。");
  const auto* a = fact_with(r, 35000);
  const auto* b = fact_with(r, 2.9);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->comparator == Comparator::gt);
  CHECK(b->comparator == Comparator::approx);
}

TEST_CASE("a cap on a subsidy is comparator le", "[extract]") {
  auto r = extract_text("对新认定的省级工业设计中心,最高给予200万元奖励。");
  const auto* f = fact_with(r, 2e6);
  REQUIRE(f != nullptr);
  CHECK(f->comparator == Comparator::le);
}

TEST_CASE("durations, normalizers, specifications and programme parts are not facts", "[extract]") {
  auto r = extract_text(
      "全省工业用电量连续4个月保持增长。每个产业链由1名省领导牵头。"
      "研制出18兆瓦海上风电机组。出台了20条支持措施,引进一批重大项目。");
  CHECK(r.facts.empty());
}

TEST_CASE("a figure inside a short quoted name is not a fact", "[extract]") {
  auto r = extract_text("构建“四梁八柱”政策体系,形成“五位一体”发展格局。");
  CHECK(r.facts.empty());
}

TEST_CASE("a clause's period beats the sentence's and the document default", "[extract]") {
  auto r = extract_text("1-9月,全省固定资产投资增长4.1%,规上工业增加值增长6.3%。", policydb::Date{2023, 10, 25});
  const auto* f = fact_with(r, 6.3);
  REQUIRE(f != nullptr);
  CHECK(f->period.to_string() == "2023-01/2023-09");
}

TEST_CASE("a report early in a year reviewing the last gives undated actuals that year", "[extract]") {
  auto r = extract_text("2023年,全省经济运行稳中向好。全省累计建成5G基站16.8万个。", policydb::Date{2024, 1, 28});
  const auto* f = fact_with(r, 168000);
  REQUIRE(f != nullptr);
  CHECK(f->period.to_string() == "2023");
}

TEST_CASE("a headline and the body stating one figure give one fact", "[extract]") {
  auto r = extract_text("全省5G基站突破20万个\n截至10月底,全省5G基站总数突破20万个。", policydb::Date{2023, 11, 10});
  std::size_t n = 0;
  for (const auto& f : r.facts) n += f.value == 200000;
  CHECK(n == 1);
  const auto* f = fact_with(r, 200000);
  REQUIRE(f != nullptr);
  CHECK(f->period.to_string() == "2023-10");
}

TEST_CASE("分别 pairs a list of subjects with a list of figures", "[extract]") {
  auto r = extract_text("2023年,全省研发设计工具普及率、关键工序数控化率分别提高3.2和2.5个百分点。");
  const auto* a = fact_with(r, 3.2);
  const auto* b = fact_with(r, 2.5);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->unit == "pp");
  CHECK(b->unit == "pp");
  CHECK(a->metric.find("研发设计工具普及率") != std::string::npos);
  CHECK(b->metric.find("关键工序数控化率") != std::string::npos);
}

TEST_CASE("a price rise (涨幅) before a percentage is a growth rate", "[extract]") {
  auto r = extract_text("2024年主要预期目标是:居民消费价格涨幅3%左右。", policydb::Date{2024, 1, 22});
  const auto* f = fact_with(r, 3);
  REQUIRE(f != nullptr);
  CHECK(f->measure == Measure::growth);
  CHECK(f->kind == Kind::target);
  CHECK(f->comparator == Comparator::approx);
}

TEST_CASE("a share written 占… names its numerator in the figure before", "[extract]") {
  auto r = extract_text("2023年,全省数字经济规模达到3.2万亿元,占地区生产总值比重达41%。", policydb::Date{2024, 1, 22});
  const auto* f = fact_with(r, 41);
  REQUIRE(f != nullptr);
  CHECK(f->measure == Measure::ratio);
  CHECK(f->metric.starts_with("数字经济"));
}

TEST_CASE("a streak before a rank is not the rank's label", "[extract]") {
  auto r = extract_text("2023年,全省软件业务收入达到1.1万亿元,连续5年居全国首位。", policydb::Date{2024, 1, 22});
  const auto* f = fact_with(r, 1);
  REQUIRE(f != nullptr);
  CHECK(f->measure == Measure::rank);
  CHECK(f->metric.find("软件业务收入") != std::string::npos);
}

TEST_CASE("a bulletin titled with the previous year gives 全年 figures that year", "[extract]") {
  auto r = extract_text("2023年山西省国民经济和社会发展统计公报\n全年全省地区生产总值比上年增长5.0%。",
                        policydb::Date{2024, 3, 18}, std::string("山西"));
  const auto* f = fact_with(r, 5.0);
  REQUIRE(f != nullptr);
  CHECK(f->period.to_string() == "2023");
}
