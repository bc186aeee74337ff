#include <algorithm>
#include <regex>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "policydb/catalog.h"
#include "policydb/error.h"

#include "catalog/catalog_fixture.h"

using policydb::Catalog;
using policydb::RegionLevel;
using policydb::testing::schema_catalog;

namespace {

std::size_t count_level(const Catalog& c, RegionLevel level) {
  return static_cast<std::size_t>(std::count_if(c.regions().begin(), c.regions().end(),
                                                [&](const auto& r) { return r.level == level; }));
}

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

TEST_CASE("the gazetteer has 全国 and all 34 provincial-level divisions with every name",
          "[catalog]") {
  const Catalog& c = schema_catalog();
  CHECK(count_level(c, RegionLevel::country) == 1);
  CHECK(count_level(c, RegionLevel::province) == 34);
  const auto* china = c.region_by_code("000000");
  REQUIRE(china != nullptr);
  CHECK(china->short_name == "全国");
  for (const auto& r : c.regions()) {
    if (r.level != RegionLevel::province) continue;
    INFO(r.code << " " << r.name);
    CHECK_FALSE(r.short_name.empty());
    CHECK_FALSE(r.name_hant.empty());
    CHECK_FALSE(r.pinyin.empty());
    CHECK_FALSE(r.name_en.empty());
    CHECK(r.abbreviation.size() == 3);  // one CJK character in UTF-8
    CHECK(r.code.ends_with("0000"));
  }
  for (const char* name : {"香港", "澳门", "台湾", "内蒙古", "广西", "新疆", "西藏", "宁夏"}) {
    const auto* r = c.find_region(name);
    REQUIRE(r != nullptr);
    CHECK(r->level == RegionLevel::province);
    CHECK(r->short_name == name);
  }
}

TEST_CASE("GB/T 2260 codes are six digits and unique; each prefecture sits in a province",
          "[catalog]") {
  const Catalog& c = schema_catalog();
  const std::regex six_digits("[0-9]{6}");
  std::set<std::string> codes;
  for (const auto& r : c.regions()) {
    INFO(r.code << " " << r.name);
    CHECK(codes.insert(r.code).second);
    if (r.level == RegionLevel::area) {
      CHECK(r.code.starts_with("area:"));
      continue;
    }
    CHECK(std::regex_match(r.code, six_digits));
    if (r.level == RegionLevel::prefecture) {
      const auto* parent = c.region_by_code(r.parent_code);
      REQUIRE(parent != nullptr);
      CHECK(parent->level == RegionLevel::province);
      CHECK(r.code.substr(0, 2) == parent->code.substr(0, 2));
    }
  }
  CHECK(count_level(c, RegionLevel::prefecture) > 330);
}

TEST_CASE("short names identify one region each", "[catalog]") {
  const Catalog& c = schema_catalog();
  std::set<std::string> shorts;
  for (const auto& r : c.regions()) {
    INFO(r.short_name);
    CHECK(shorts.insert(r.short_name).second);
    CHECK(c.find_region(r.short_name) == &r);
  }
}

TEST_CASE("a province resolves by any of its names", "[catalog]") {
  const Catalog& c = schema_catalog();
  auto name = GENERATE(as<std::string>{}, "河南", "河南省", "豫", "410000", "Henan", "HENAN",
                       "henan", "Henan Province", " 河南省 ", "河南省\u3000", "Ｈｅｎａｎ");
  INFO(name);
  const auto* r = c.find_region(name);
  REQUIRE(r != nullptr);
  CHECK(r->code == "410000");
  CHECK(&c.region(name) == r);
}

TEST_CASE("traditional-script and English names resolve to the same region", "[catalog]") {
  const Catalog& c = schema_catalog();
  using Row = std::tuple<std::string, std::string>;
  auto [name, code] = GENERATE(table<std::string, std::string>(
      {Row{"廣東省", "440000"}, Row{"廣東", "440000"}, Row{"遼寧", "210000"},
       Row{"Inner Mongolia", "150000"}, Row{"Hong Kong", "810000"}, Row{"臺灣", "710000"},
       Row{"鄭州", "410100"}, Row{"鄭州市", "410100"}, Row{"Zhengzhou", "410100"},
       Row{"大湾区", "area:gba"}, Row{"长三角", "area:yrd"}, Row{"長江三角洲", "area:yrd"},
       Row{"Jilin", "220000"}, Row{"吉林市", "220200"}, Row{"全國", "000000"}}));
  INFO(name);
  const auto* r = c.find_region(name);
  REQUIRE(r != nullptr);
  CHECK(r->code == code);
}

TEST_CASE("an unknown region name throws not_found and suggests close names", "[catalog]") {
  const Catalog& c = schema_catalog();
  CHECK(c.find_region("河南生") == nullptr);
  try {
    (void)c.region("河南生");
    FAIL("expected an exception");
  } catch (const policydb::Error& e) {
    CHECK(e.code() == policydb::ErrorCode::not_found);
    const std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("河南生") && Catch::Contains("did you mean 河南"));
  }
  const auto close = c.suggest_regions("Hunnan");
  REQUIRE_FALSE(close.empty());
  CHECK(std::find(close.begin(), close.end(), "湖南") != close.end());
}

TEST_CASE("areas list their member provinces", "[catalog]") {
  const Catalog& c = schema_catalog();
  using Row = std::tuple<std::string, std::set<std::string>>;
  auto [area, members] = GENERATE(table<std::string, std::set<std::string>>(
      {Row{"长三角", {"上海", "江苏", "浙江", "安徽"}}, Row{"京津冀", {"北京", "天津", "河北"}},
       Row{"粤港澳大湾区", {"广东", "香港", "澳门"}}, Row{"成渝地区", {"四川", "重庆"}}}));
  const auto& r = c.region(area);
  CHECK(r.level == RegionLevel::area);
  std::set<std::string> got;
  for (const auto& code : r.member_codes) got.insert(c.region_by_code(code)->short_name);
  CHECK(got == members);
}

TEST_CASE("running-text names are longest first and leave out codes, Latin and abbreviations",
          "[catalog]") {
  const Catalog& c = schema_catalog();
  const auto& names = c.running_text_names();
  REQUIRE(names.size() > 400);
  std::set<std::string> texts;
  for (std::size_t i = 0; i < names.size(); ++i) {
    texts.insert(names[i].text);
    CHECK(names[i].text.find_first_of(
              "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") ==
          std::string::npos);
    if (i > 0) CHECK(code_points(names[i - 1].text) >= code_points(names[i].text));
  }
  CHECK(texts.contains("河南"));
  CHECK(texts.contains("郑州"));
  CHECK(texts.contains("粤港澳大湾区"));
  CHECK_FALSE(texts.contains("豫"));
  CHECK_FALSE(texts.contains("410000"));
  // City short names that are ordinary words stay out of running text.
  CHECK_FALSE(texts.contains("朝阳"));
  CHECK_FALSE(texts.contains("阿里"));
  CHECK(texts.contains("朝阳市"));
  CHECK(c.find_region("朝阳") != nullptr);
}
