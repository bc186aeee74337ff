#include <map>
#include <regex>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "policydb/catalog.h"
#include "policydb/error.h"

#include "catalog/catalog_fixture.h"

using policydb::normalize_metric_label;
using policydb::testing::read_schema_csv;
using policydb::testing::schema_catalog;
using policydb::testing::schema_catalog_data;

TEST_CASE("metric codes are unique snake_case and every metric has a valid row", "[catalog]") {
  const std::regex snake("[a-z0-9]+(_[a-z0-9]+)*");
  std::set<std::string> codes;
  const auto& metrics = schema_catalog().metrics();
  CHECK(metrics.size() >= 150);
  for (const auto& m : metrics) {
    INFO(m.code);
    CHECK(std::regex_match(m.code, snake));
    CHECK(codes.insert(m.code).second);
    CHECK_FALSE(m.name_zh.empty());
    CHECK_FALSE(m.name_en.empty());
  }
}

TEST_CASE("every metric's default unit and dimension exist in units.csv", "[catalog]") {
  std::map<std::string, std::string> dimension_of;
  for (auto& row : read_schema_csv("units.csv")) dimension_of[row["code"]] = row["dimension"];
  for (const auto& m : schema_catalog().metrics()) {
    INFO(m.code << " unit " << m.default_unit);
    REQUIRE(dimension_of.contains(m.default_unit));
    CHECK(dimension_of[m.default_unit] == m.dimension);
  }
}

TEST_CASE("every alias resolves to its own metric", "[catalog]") {
  const auto& catalog = schema_catalog();
  for (const auto& [alias, code] : schema_catalog_data().metric_aliases) {
    INFO(alias << " → " << code << " (key " << normalize_metric_label(alias) << ")");
    const auto* m = catalog.find_metric(alias);
    REQUIRE(m != nullptr);
    CHECK(m->code == code);
  }
  for (const auto& m : catalog.metrics()) {
    INFO(m.code);
    CHECK(catalog.find_metric(m.name_zh) == &m);
    CHECK(catalog.find_metric(m.code) == &m);
  }
}

TEST_CASE("no two metrics share a normalized name or alias", "[catalog]") {
  std::map<std::string, std::set<std::string>> codes_of_key;
  const auto& data = schema_catalog_data();
  for (const auto& m : data.metrics) codes_of_key[normalize_metric_label(m.name_zh)].insert(m.code);
  for (const auto& [alias, code] : data.metric_aliases) {
    codes_of_key[normalize_metric_label(alias)].insert(code);
  }
  std::string collisions;
  for (const auto& [key, codes] : codes_of_key) {
    if (codes.size() < 2) continue;
    collisions += key + ":";
    for (const auto& c : codes) collisions += " " + c;
    collisions += "\n";
  }
  CHECK(collisions.empty());
  INFO(collisions);
  CHECK(collisions == "");
}

TEST_CASE("wordings of one indicator resolve to one metric", "[catalog]") {
  const auto& catalog = schema_catalog();
  using Row = std::tuple<std::string, std::string>;
  auto [label, code] = GENERATE(table<std::string, std::string>(
      {Row{"5G基站总数", "5g_base_stations"}, Row{"累计开通5G基站", "5g_base_stations"},
       Row{"5G基站", "5g_base_stations"}, Row{"5G基站數", "5g_base_stations"},
       Row{"全省累计建成5G基站数量", "5g_base_stations"}, Row{"“5G基站”", "5g_base_stations"},
       Row{"５Ｇ基站", "5g_base_stations"}, Row{"5G基站总数排名", "5g_base_stations"},
       Row{"新增上云企业", "cloud_enterprises"}, Row{"累计上云企业", "cloud_enterprises"},
       Row{"規模以上工業增加值", "industrial_value_added_above_size"},
       Row{"数字经济占地区生产总值的比重", "digital_economy_share_of_gdp"},
       Row{"R&D经费投入强度", "rd_intensity"},
       Row{"城镇调查失业率", "urban_surveyed_unemployment_rate"}}));
  INFO(label << " (key " << normalize_metric_label(label) << ")");
  const auto* m = catalog.find_metric(label);
  REQUIRE(m != nullptr);
  CHECK(m->code == code);
}

TEST_CASE("growth labels resolve to the metric of the underlying level", "[catalog]") {
  const auto& catalog = schema_catalog();
  using Row = std::tuple<std::string, std::string>;
  auto [label, code] = GENERATE(table<std::string, std::string>(
      {Row{"规上工业增加值增速", "industrial_value_added_above_size"},
       Row{"规模以上工业增加值增长", "industrial_value_added_above_size"},
       Row{"地区生产总值同比增长", "gdp"}, Row{"GDP增长率", "gdp"},
       Row{"社会消费品零售总额增速", "retail_sales_of_consumer_goods"},
       Row{"工业技改投资增速", "industrial_technical_renovation_investment"},
       Row{"數字經濟規模名義增速", "digital_economy_value_added"},
       Row{"居民消费价格涨幅", "consumer_price_index"}}));
  INFO(label);
  const auto* m = catalog.find_metric(label);
  REQUIRE(m != nullptr);
  CHECK(m->code == code);
}

TEST_CASE("sub-scopes, shares and per-capita labels stay distinct metrics", "[catalog]") {
  const auto& catalog = schema_catalog();
  using Pair = std::tuple<std::string, std::string>;
  auto [a, b] = GENERATE(table<std::string, std::string>(
      {Pair{"行政村5G基站", "5G基站"}, Pair{"人均地区生产总值", "地区生产总值"},
       Pair{"城镇居民人均可支配收入", "居民人均可支配收入"},
       Pair{"数据中心标准机架", "数据中心机架"},
       Pair{"数字经济核心产业增加值占GDP比重", "数字经济占GDP比重"},
       Pair{"数字经济占GDP比重", "数字经济增加值"}, Pair{"工业技改投资", "工业投资"},
       Pair{"高技术产业增加值", "规上工业增加值"}, Pair{"规上工业总产值", "规上工业增加值"}}));
  INFO(a << " vs " << b);
  const auto* ma = catalog.find_metric(a);
  const auto* mb = catalog.find_metric(b);
  REQUIRE(ma != nullptr);
  REQUIRE(mb != nullptr);
  CHECK(ma != mb);
}

TEST_CASE("an unknown metric throws not_found with suggestions", "[catalog]") {
  const auto& catalog = schema_catalog();
  CHECK(catalog.find_metric("火星基地数量") == nullptr);
  try {
    (void)catalog.metric("5G基站密度指标");
    FAIL("expected an exception");
  } catch (const policydb::Error& e) {
    CHECK(e.code() == policydb::ErrorCode::not_found);
    CHECK_THAT(std::string(e.what()),
               Catch::Contains("did you mean") && Catch::Contains("5G基站数"));
  }
}
