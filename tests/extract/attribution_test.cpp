// Where a fact belongs: region, subregion and the home province. Sentences
// are written for these tests (several provinces, both scripts).
#include <catch2/catch.hpp>

#include "test_helpers.h"

using policydb::testing::extract_text;
using policydb::testing::fact_with;

TEST_CASE("the most-mentioned province is home when none is given", "[extract]") {
  auto r = extract_text("四川省经济和信息化厅介绍,四川数字经济加快发展。2023年,全省规上工业增加值增长6.1%。",
                        policydb::Date{2024, 1, 20}, std::nullopt);
  REQUIRE(r.home_province == "四川");
  const auto* f = fact_with(r, 6.1);
  REQUIRE(f != nullptr);
  CHECK(f->region == "四川");
}

TEST_CASE("a national figure quoted in a provincial report is region 全国", "[extract]") {
  auto r = extract_text("2023年,全国规上工业增加值增长4.6%;全省规上工业增加值增长6.0%。");
  const auto* national = fact_with(r, 4.6);
  const auto* home = fact_with(r, 6.0);
  REQUIRE(national != nullptr);
  REQUIRE(home != nullptr);
  CHECK(national->region == "全国");
  CHECK(home->region == "浙江");
}

TEST_CASE("a comparison with the nation stays the province's, as a change in pp", "[extract]") {
  auto r = extract_text("2023年,全省工业投资增长9.8%,高于全国0.8个百分点。");
  const auto* f = fact_with(r, 0.8);
  REQUIRE(f != nullptr);
  CHECK(f->region == "浙江");
  CHECK(f->measure == policydb::Measure::change);
  CHECK(f->unit == "pp");
  REQUIRE(f->versus.has_value());
  CHECK(*f->versus == "national");
}

TEST_CASE("a rank among provinces does not make 全国 the region", "[extract]") {
  auto r = extract_text("2023年,全省数字经济发展水平居全国第3位。");
  const auto* f = fact_with(r, 3);
  REQUIRE(f != nullptr);
  CHECK(f->region == "浙江");
  CHECK(f->measure == policydb::Measure::rank);
  CHECK(f->unit == "rank");
}

TEST_CASE("in an article on several provinces each sentence's province owns its figures", "[extract]") {
  auto r = extract_text(
      "多地推进新型工业化。\n"
      "江苏提出,到2027年,全省先进制造业集群产值突破25万亿元。\n"
      "广东提出,到2027年,全省5G基站总数超过40万个。\n"
      "湖南省工信厅表示,全省工业投资增长10.2%。",
      policydb::Date{2024, 3, 1}, std::nullopt);
  const auto* js = fact_with(r, 25e12);
  const auto* gd = fact_with(r, 400000);
  const auto* hn = fact_with(r, 10.2);
  REQUIRE(js != nullptr);
  REQUIRE(gd != nullptr);
  REQUIRE(hn != nullptr);
  CHECK(js->region == "江苏");
  CHECK(gd->region == "广东");
  CHECK(hn->region == "湖南");
}

TEST_CASE("a paragraph's province carries to its later sentences", "[extract]") {
  auto r = extract_text("福建省通信管理局介绍了进展。截至9月底,新增5G基站8200个。", policydb::Date{2023, 11, 1},
                        std::string("浙江"));
  const auto* f = fact_with(r, 8200);
  REQUIRE(f != nullptr);
  CHECK(f->region == "福建");
}

TEST_CASE("a single city in the clause is the subregion under its province", "[extract]") {
  auto r = extract_text("2023年,杭州市数字经济核心产业增加值达到5675亿元。");
  const auto* f = fact_with(r, 5675e8);
  REQUIRE(f != nullptr);
  CHECK(f->region == "浙江");
  CHECK(f->subregion == "杭州");
}

TEST_CASE("a list of cities is an aggregate, not a subregion", "[extract]") {
  auto r = extract_text("2023年,宁波、温州等地累计建成5G基站3.2万个。");
  const auto* f = fact_with(r, 32000);
  REQUIRE(f != nullptr);
  CHECK(f->subregion.empty());
}

TEST_CASE("province-wide scope words override a city named earlier in the sentence", "[extract]") {
  auto r = extract_text("嘉兴市入选国家级试点,全省累计上云企业达到52万家。");
  const auto* f = fact_with(r, 520000);
  REQUIRE(f != nullptr);
  CHECK(f->subregion.empty());
}

TEST_CASE("one-character abbreviations never attribute a fact in running text", "[extract]") {
  auto r = extract_text("苏企出海步伐加快。2023年,全省新增外贸企业1200家。");
  const auto* f = fact_with(r, 1200);
  REQUIRE(f != nullptr);
  CHECK(f->region == "浙江");
}

TEST_CASE("a zone after its city is kept in the subregion", "[extract]") {
  auto r = extract_text("2023年,合肥高新区实现营业收入1.2万亿元。", policydb::Date{2024, 3, 1}, std::string("安徽"));
  const auto* f = fact_with(r, 1.2e12);
  REQUIRE(f != nullptr);
  CHECK(f->region == "安徽");
  CHECK(f->subregion == "合肥高新区");
}

TEST_CASE("the provinces of an area listed together name the area", "[extract]") {
  auto r = extract_text("2023年,上海、江苏、浙江、安徽四地生产总值合计30.5万亿元。", policydb::Date{2024, 3, 1},
                        std::nullopt);
  const auto* f = fact_with(r, 30.5e12);
  REQUIRE(f != nullptr);
  CHECK(f->region == "长三角");
}

TEST_CASE("我省 is the home province even when the sentence names others", "[extract]") {
  auto r = extract_text("对标江苏、广东等先进省份,我省数字经济核心产业增加值增长11.5%。", policydb::Date{2024, 3, 1},
                        std::string("安徽"));
  const auto* f = fact_with(r, 11.5);
  REQUIRE(f != nullptr);
  CHECK(f->region == "安徽");
}
