#include <string>

#include <catch2/catch.hpp>

#include "policydb/catalog.h"

using policydb::normalize_metric_label;

TEST_CASE("the normalizer removes scope words, verbs, counters and punctuation", "[catalog]") {
  using Row = std::tuple<std::string, std::string>;
  auto [label, key] = GENERATE(table<std::string, std::string>(
      {Row{"5G基站总数", "5g基站"}, Row{"累计开通5G基站", "5g基站"},
       Row{"全省累计建成开通5G基站数量", "5g基站"}, Row{" “千兆城市”数量。", "千兆城市"},
       Row{"全国“千兆城市”数量", "千兆城市"}, Row{"我省新认定上云企业", "上云企业"},
       Row{"规模以上工业增加值", "规上工业增加值"}, Row{"地区生产总值", "gdp"},
       Row{"5G基站數量", "5g基站"}, Row{"（高技术产业增加值）", "高技术产业增加值"}}));
  INFO(label);
  CHECK(normalize_metric_label(label) == key);
}

TEST_CASE("the normalizer keeps words that change the concept", "[catalog]") {
  using Row = std::tuple<std::string, std::string>;
  auto [label, key] = GENERATE(table<std::string, std::string>(
      {Row{"人均地区生产总值", "人均gdp"}, Row{"行政村5G基站数", "行政村5g基站"},
       Row{"在建大型数据中心", "在建大型数据中心"}, Row{"居民消费价格指数", "居民消费价格指数"},
       Row{"新能源汽车产量", "新能源汽车产量"}, Row{"数", "数"}, Row{"增长", "增长"}}));
  INFO(label);
  CHECK(normalize_metric_label(label) == key);
}

TEST_CASE("growth words are dropped but a rank of a growth rate keeps them", "[catalog]") {
  CHECK(normalize_metric_label("规上工业增加值增速") == "规上工业增加值");
  CHECK(normalize_metric_label("规上工业增加值同比增长") == "规上工业增加值");
  CHECK(normalize_metric_label("规上工业增加值排名") == "规上工业增加值");
  CHECK(normalize_metric_label("规上工业增加值增速全国排名") == "规上工业增加值增速");
}

TEST_CASE("simplified text is never run through the traditional fold", "[catalog]") {
  // ICU's Hant-Hans turns 著 into 着; simplified labels must keep it.
  CHECK(normalize_metric_label("显著提升企业") == "显著提升企业");
  CHECK(normalize_metric_label("顯著提升企業") == "显著提升企业");
  CHECK(normalize_metric_label("數字經濟規模") == "数字经济规模");
}

TEST_CASE("the normalizer survives empty and malformed input", "[catalog]") {
  CHECK(normalize_metric_label("").empty());
  CHECK(normalize_metric_label("   ").empty());
  CHECK(normalize_metric_label("“”").empty());
  const std::string invalid("\xff\xfe\x80 5G", 6);
  CHECK_NOTHROW(normalize_metric_label(invalid));
}
