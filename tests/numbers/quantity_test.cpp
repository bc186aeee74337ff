// Behaviour of find_quantities and parse_number on sentences written for these
// tests (not taken from the corpus).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "policydb/catalog.h"
#include "policydb/quantity.h"

namespace {

using policydb::Comparator;
using policydb::Quantity;

const policydb::Catalog& catalog() {
  static const auto kCatalog = policydb::Catalog::builtin();
  return *kCatalog;
}

std::vector<Quantity> scan(const std::string& text) { return policydb::find_quantities(text, catalog()); }

std::string describe(const std::vector<Quantity>& found) {
  std::string out;
  for (const Quantity& q : found) {
    out += std::to_string(q.value) + " [" + q.unit + "] " + std::string(policydb::to_string(q.comparator)) + "; ";
  }
  return out;
}

}  // namespace

TEST_CASE("parse_number reads whole Arabic, Chinese and mixed numerals", "[numbers]") {
  auto [text, expected] = GENERATE(table<std::string, double>({
      {"5,749", 5749},           {"1,234.5", 1234.5},      {"0.75", 0.75},
      {"１２３", 123},            {"二十八", 28},            {"一千零二十四", 1024},
      {"两万", 20000},           {"十八万七千", 187000},    {"1.9万亿", 1.9e12},
      {"5.6万", 56000},          {"十万", 100000},          {"3千亿", 3e11},
      {"十", 10},                {"十五", 15},              {"一百零五", 105},
      {"三百五", 350},           {"一万三", 13000},         {"九十二万四", 924000},
      {"四万万", 4e8},           {"一万五千亿", 1.5e12},     {"五亿零六", 500000006},
      {"3万4000", 34000},        {"2千零30万", 20300000},   {"二点五", 2.5},
      {"零点五", 0.5},           {"十五点七", 15.7},        {"负三十二", -32},
      {"-10000", -10000},        {"壹佰贰拾", 120},
  }));
  CAPTURE(text);
  const auto value = policydb::parse_number(text);
  REQUIRE(value.has_value());
  CHECK(*value == Approx(expected).epsilon(1e-12));
}

TEST_CASE("parse_number rejects anything that is not one whole numeral", "[numbers]") {
  auto text = GENERATE(as<std::string>{}, "", "万", "亿元", "12个", "abc", "1.2.3", "十四五",
                       "三五", "5G", "百", "点五", "二十 八",
                       "二〇二三");  // digit by digit, as years are written
  CAPTURE(text);
  CHECK_FALSE(policydb::parse_number(text).has_value());
}

TEST_CASE("numbers take their unit and multiplier from the unit table", "[numbers]") {
  auto [text, value, unit] = GENERATE(table<std::string, double, std::string>({
      {"全省投资总额达到3.5亿元。", 3.5e8, "CNY"},
      {"签约外资1200万美元", 1.2e7, "USD"},
      {"新建站点18.7万个", 187000, "个"},
      {"规上企业5,749家", 5749, "家"},
      {"占比提高到12.5%", 12.5, "%"},
      {"同比提高1.8个百分点", 1.8, "pp"},
      {"比上年下降0.6百分点", 0.6, "pp"},
      {"数据存储能力达到120PB", 120, "PB"},
      {"存储规模达300TB", 300, "TB"},
      {"出口带宽61.2T", 61.2, "Tbps"},
      {"骨干网带宽400G，", 400, "Gbps"},
      {"接入带宽100 Gbps", 100, "Gbps"},
      {"算力规模达到12P", 12, "PFLOPS"},
      {"智能算力突破2.5EFLOPS", 2.5, "EFLOPS"},
      {"园区面积46平方公里", 46, "km2"},
      {"流转土地3万亩", 30000, "亩"},
      {"装机容量达到120万千瓦", 1.2e6, "kW"},
      {"新增风电装机8千瓦", 8, "kW"},
      {"发电量达到35亿千瓦时", 3.5e9, "kWh"},
      {"光伏电站规模达到300兆瓦", 300, "MW"},
      {"节约能源1.2万吨标准煤", 12000, "tce"},
      {"新建铁路150公里", 150, "km"},
      {"引进智能装备近9000台(套)", 9000, "台套"},
      {"更新设备300台/套", 300, "台套"},
      {"开通航线12条", 12, "条"},
      {"培育瞪羚企业二十八家", 28, "家"},
      {"一千零二十四项专利", 1024, "项"},
      {"新增两万户", 20000, "户"},
      {"产值8千亿元", 8e11, "CNY"},
      {"吸纳就业十八万七千人", 187000, "人"},
      {"全年接待游客2.3亿人次", 2.3e8, "人次"},
      {"固定宽带用户１２３万户", 1.23e6, "户"},
  }));
  CAPTURE(text);
  const auto found = scan(text);
  INFO(describe(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == Approx(value).epsilon(1e-9));
  CHECK(found[0].unit == unit);
  CHECK(text.substr(found[0].number_begin, found[0].number_end - found[0].number_begin).size() > 0);
}

TEST_CASE("bound and approximation words set the comparator and widen the span", "[numbers]") {
  auto [text, value, unit, comparator, quote] =
      GENERATE(table<std::string, double, std::string, Comparator, std::string>({
          {"研发投入超过500亿元", 5e10, "CNY", Comparator::gt, "超过500亿元"},
          {"营收突破1000亿元", 1e11, "CNY", Comparator::gt, "突破1000亿元"},
          {"企业超1.2万家", 12000, "家", Comparator::gt, "超1.2万家"},
          {"逾300个项目", 300, "个", Comparator::gt, "逾300个"},
          {"用户达11万余个", 110000, "个", Comparator::gt, "11万余个"},
          {"集聚企业200多家", 200, "家", Comparator::gt, "200多家"},
          {"带动就业五百余万人", 5e6, "人", Comparator::gt, "五百余万人"},
          {"投资1000亿元以上", 1e11, "CNY", Comparator::ge, "1000亿元以上"},
          {"不低于15%", 15, "%", Comparator::ge, "不低于15%"},
          {"至少30个", 30, "个", Comparator::ge, "至少30个"},
          {"控制在5%以内", 5, "%", Comparator::le, "5%以内"},
          {"不超过3个百分点", 3, "pp", Comparator::le, "不超过3个百分点"},
          {"补贴最高500万元", 5e6, "CNY", Comparator::le, "最高500万元"},
          {"能耗低于0.5吨标准煤", 0.5, "tce", Comparator::lt, "低于0.5吨标准煤"},
          {"不足20家", 20, "家", Comparator::lt, "不足20家"},
          {"增长7%左右", 7, "%", Comparator::approx, "7%左右"},
          {"约3.2万人", 32000, "人", Comparator::approx, "约3.2万人"},
          {"引进设备近9000台(套)", 9000, "台套", Comparator::approx, "近9000台(套)"},
          {"接近80%", 80, "%", Comparator::approx, "接近80%"},
          {"大约两千家", 2000, "家", Comparator::approx, "大约两千家"},
          {"增速在6%上下", 6, "%", Comparator::approx, "6%上下"},
          {"超过了一千个", 1000, "个", Comparator::gt, "超过了一千个"},
      }));
  CAPTURE(text);
  const auto found = scan(text);
  INFO(describe(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == Approx(value));
  CHECK(found[0].unit == unit);
  CHECK(found[0].comparator == comparator);
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == quote);
}

TEST_CASE("ranges give the low value and range_high with one unit", "[numbers]") {
  auto [text, low, high, unit] = GENERATE(table<std::string, double, double, std::string>({
      {"每年新增3至5个", 3, 5, "个"},
      {"建设3—5个园区", 3, 5, "个"},
      {"培育3-5家", 3, 5, "家"},
      {"引进3~5个团队", 3, 5, "个"},
      {"保持3到5个", 3, 5, "个"},
      {"增速保持在6%-7%", 6, 7, "%"},
      {"投资3至5万元", 30000, 50000, "CNY"},
      {"规模1.5-2万亿元", 1.5e12, 2e12, "CNY"},
      {"带动八至十万人", 80000, 100000, "人"},
  }));
  CAPTURE(text);
  const auto found = scan(text);
  INFO(describe(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == Approx(low));
  REQUIRE(found[0].range_high.has_value());
  CHECK(*found[0].range_high == Approx(high));
  CHECK(found[0].unit == unit);
}

TEST_CASE("shares, fractions and per-cent words become percentages", "[numbers]") {
  auto [text, value] = GENERATE(table<std::string, double>({
      {"占比接近三成", 30},
      {"约9成企业", 90},
      {"百分之十五的企业", 15},
      {"超过百分之六十", 60},
      {"占全国三分之一", 100.0 / 3},
      {"约占八分之一", 12.5},
      {"千分之五", 0.5},
      {"不良率3‰", 0.3},
  }));
  CAPTURE(text);
  const auto found = scan(text);
  INFO(describe(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].value == Approx(value));
  CHECK(found[0].unit == "%");
}

TEST_CASE("ranks are found after ranking verbs or before 位 and 名", "[numbers]") {
  auto [text, value] = GENERATE(table<std::string, double>({
      {"总量居全国第5位", 5},
      {"规模位居中部第五", 5},
      {"综合排名全国第3，", 3},
      {"连续三年居全国首位", 1},
      {"获评全省第1名", 1},
      {"成为全国第二大产业集群", 2},
  }));
  CAPTURE(text);
  const auto found = scan(text);
  INFO(describe(found));
  REQUIRE_FALSE(found.empty());
  const Quantity& q = found.back();
  CHECK(q.is_rank);
  CHECK(q.unit == "rank");
  CHECK(q.value == value);
}

TEST_CASE("multiples are factors with is_multiple", "[numbers]") {
  auto [text, value] = GENERATE(table<std::string, double>({
      {"增长1.2倍", 1.2},
      {"产值翻一番", 2},
      {"力争翻两番", 4},
      {"规模实现翻番", 2},
      {"收入增长了三倍", 3},
  }));
  CAPTURE(text);
  const auto found = scan(text);
  INFO(describe(found));
  REQUIRE(found.size() == 1);
  CHECK(found[0].is_multiple);
  CHECK(found[0].unit.empty());
  CHECK(found[0].value == Approx(value));
}

TEST_CASE("numbers that are names, codes, dates and event ordinals are skipped", "[numbers]") {
  auto text = GENERATE(as<std::string>{},
      "建成5G基站", "推进4K超高清", "3D打印产业", "F1赛事", "A股上市公司",
      "实施“7+28+N”产业链行动", "打造“415X”产业集群", "“33618”现代产业体系",
      "学习贯彻二十大精神", "十一届五次全会", "十九届五中全会", "“十四五”时期", "十四五规划",
      "中铁1237号", "刊号CN 41-0092", "咨询电话0371-12345678", "于2023-10-31发布",
      "11月20日", "2025年", "截至10月底", "会议于10:30开始", "版本V2.0.1", "版本1.2.3",
      "举办第五场对接会", "第二产业增加值", "第三方机构", "一体化发展", "四川盆地",
      "一是加强领导", "三是完善机制", "之一", "千家万户", "千亿级产业集群", "一带一路",
      "构建一张网", "陆地面积", "收拾", "二三十个", "十分重要", "中国500强企业",
      "访问https://example.com/a?x=30%25", "见《2023年工作报告》", "1至9月份", "2021-2025年",
      "用时3个月", "持续24小时", "打造七大产业集群", "汽车及零部件", "“五位一体”总体布局",
      "打造5000亿元级产业集群", "发布2023数字经济报告");
  CAPTURE(text);
  const auto found = scan(text);
  INFO(describe(found));
  CHECK(found.empty());
}

TEST_CASE("a sentence yields its quantities in order without overlaps", "[numbers]") {
  const std::string text =
      "截至2023年底，全省累计建成5G基站18.7万个，居全国第5位；数字经济规模突破1.9万亿元，"
      "同比增长8.5%，占GDP比重提高1.2个百分点，力争到2025年达到2万亿元以上。";
  const auto found = scan(text);
  INFO(describe(found));
  REQUIRE(found.size() == 6);
  CHECK(found[0].value == 187000);
  CHECK(found[0].unit == "个");
  CHECK(found[1].is_rank);
  CHECK(found[2].value == Approx(1.9e12));
  CHECK(found[2].comparator == Comparator::gt);
  CHECK(found[3].unit == "%");
  CHECK(found[4].unit == "pp");
  CHECK(found[5].value == Approx(2e12));
  CHECK(found[5].comparator == Comparator::ge);
  for (std::size_t i = 0; i < found.size(); ++i) {
    CHECK(found[i].begin <= found[i].number_begin);
    CHECK(found[i].number_end <= found[i].end);
    CHECK(found[i].end <= text.size());
    if (i > 0) CHECK(found[i - 1].end <= found[i].begin);
  }
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "18.7万个");
}

TEST_CASE("negative numbers keep their sign", "[numbers]") {
  const auto found = scan("利润增长-3.2%，亏损额为负五千万元");
  INFO(describe(found));
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == Approx(-3.2));
  CHECK(found[1].value == Approx(-5e7));
  CHECK(found[1].unit == "CNY");
}

TEST_CASE("a QuantityScanner gives the same answers as find_quantities", "[numbers]") {
  const policydb::QuantityScanner scanner(catalog());
  const std::string text = "新增企业1.2万家，增长15%";
  const auto a = scanner.scan(text);
  const auto b = scan(text);
  REQUIRE(a.size() == 2);
  REQUIRE(b.size() == 2);
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].value == b[i].value);
    CHECK(a[i].unit == b[i].unit);
    CHECK(a[i].begin == b[i].begin);
  }
}

TEST_CASE("invalid UTF-8 and truncated input never break the scan", "[numbers]") {
  const std::string text = std::string("增长\xE5\xA2") + "5%\xFF\xFE" + "12个" + std::string("\xE4", 1);
  const auto found = scan(text);
  INFO(describe(found));
  REQUIRE(found.size() == 2);
  CHECK(found[0].unit == "%");
  CHECK(found[1].unit == "个");
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    for (const Quantity& q : scan(text.substr(0, cut))) CHECK(q.end <= cut);
  }
}
