// The label cleaner on phrases written for the test: what is kept of the
// words before and after a figure.
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "extract/label.h"
#include "extract/lexicon.h"

using policydb::extract_detail::label_after;
using policydb::extract_detail::label_before;

TEST_CASE("the words before a figure lose scope, connectives and the carrying verb", "[extract]") {
  auto [phrase, label] = GENERATE(table<std::string, std::string>({
      {"全省光伏发电装机容量达到", "光伏发电装机容量"},
      {"其中,我省新能源汽车产量为", "新能源汽车产量"},
      {"互联网省际出口带宽居全国", "互联网省际出口带宽"},
      {"工业投资同比增长", "工业投资"},
      {"华为、比亚迪等", ""},
      {"电子信息制造业营业收入分别达到", "电子信息制造业营业收入"},
      {"连续8年", ""},
  }));
  CHECK(label_before(phrase).text == label);
}

TEST_CASE("an increment marker at a label's front is reported", "[extract]") {
  CHECK(label_before("新增省级专精特新企业").marker == "新增");
  CHECK(label_before("累计建成充电桩").marker == "累计");
  CHECK(label_before("新能源汽车产量").marker.empty());
}

TEST_CASE("the noun after a count ends at punctuation, stop words and the next figure", "[extract]") {
  auto [phrase, label] = GENERATE(table<std::string, std::string>({
      {"省级工程研究中心,覆盖全省", "省级工程研究中心"},
      {"具有全国影响力的创新平台已投入运行", "创新平台"},
      {"国家级智能工厂或数字化车间", "国家级智能工厂"},
      {"居全国第2位", ""},
  }));
  CHECK(label_after(phrase).text == label);
}

TEST_CASE("lexicon lookups find the longest phrase at a position", "[extract]") {
  using policydb::extract_detail::PhraseSet;
  const PhraseSet set{"增长", "同比增长", "增"};
  CHECK(set.match_at("同比增长5%", 0) == std::string("同比增长").size());
  CHECK(set.match_before("工业投资同比增长", std::string("工业投资同比增长").size()) == std::string("同比增长").size());
  CHECK(set.find("规上工业增加值增速") == std::string("规上工业").size());
  CHECK_FALSE(set.contains("产量下降"));
}
