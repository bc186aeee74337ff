#include <catch2/catch.hpp>

#include <string>

#include "policydb/text.h"
#include "text/script.h"
#include "text_test_support.h"

using policydb::Format;
using policydb::normalize_document;
using policydb::Script;
using policydb::testing::original_of;

TEST_CASE("NFKC folds full-width digits, letters and signs", "[text]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"２０２３年增长１２．５％", "2023年增长12.5%"},
      {"ＧＤＰ（亿元）", "GDP(亿元)"},
      {"第一，第二：第三；", "第一,第二:第三;"},
      {"面积１０㎞", "面积10km"},
      {"句号。顿号、书名号《》", "句号。顿号、书名号《》"},
  }));
  CHECK(normalize_document(input).text() == expected);
}

TEST_CASE("a folded character maps back to its full-width original", "[text]") {
  const auto doc = normalize_document("增长１２．５％，");
  CHECK(doc.text() == "增长12.5%,");
  CHECK(original_of(doc, "12.5%") == "１２．５％");
  CHECK(original_of(doc, ",") == "，");
}

TEST_CASE("traditional paragraphs become simplified, simplified text is untouched", "[text]") {
  auto [input, expected, script] = GENERATE(table<std::string, std::string, Script>({
      {"經濟發展穩定，產業結構持續優化。", "经济发展稳定,产业结构持续优化。", Script::hant},
      {"关键技术自主创新能力显著增强。", "关键技术自主创新能力显著增强。", Script::hans},
      {"成效顯著，著作豐富。", "成效显著,著作丰富。", Script::hant},
      {"我省乾隆年间的古建筑得到保护。", "我省乾隆年间的古建筑得到保护。", Script::hans},
      {"全省经济运行稳中向好。\n臺灣經濟穩定發展，貿易總額增長。\n各项指标保持增长，发展态势良好。",
       "全省经济运行稳中向好。\n台湾经济稳定发展,贸易总额增长。\n各项指标保持增长,发展态势良好。",
       Script::mixed},
  }));
  const auto doc = normalize_document(input);
  CHECK(doc.text() == expected);
  CHECK(doc.script() == script);
}

TEST_CASE("a converted span maps back to the traditional original", "[text]") {
  const auto doc = normalize_document("全省工業增加值同比增長5%。");
  CHECK(doc.text() == "全省工业增加值同比增长5%。");
  CHECK(original_of(doc, "工业增加值同比增长5%") == "工業增加值同比增長5%");
}

TEST_CASE("white space collapses and spaces next to CJK characters are dropped", "[text]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"为中小微企业提供 只租不售的工业保障房", "为中小微企业提供只租不售的工业保障房"},
      {"总第 5979 期", "总第5979期"},
      {"    缩进的段落。  ", "缩进的段落。"},
      {"English  words\tand   spaces", "English words and spaces"},
      {"中文\u3000全角空格", "中文全角空格"},
  }));
  CHECK(normalize_document(input).text() == expected);
}

TEST_CASE("a line broken inside a sentence is re-joined", "[text]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      // a long paragraph hard-wrapped mid-word, with a blank line in between
      {"加快建设新型基础设施,持续完善城乡物流\n\n配送体系建设。", "加快建设新型基础设施,持续完善城乡物流配送体系建设。"},
      {"全省新增高新技术企业,总数达到\n1.2万家。", "全省新增高新技术企业,总数达到1.2万家。"},
      {"推动数字技术与实体经济深度融合，\n赋能传统产业转型升级。", "推动数字技术与实体经济深度融合,赋能传统产业转型升级。"},
      // real paragraph ends stay
      {"第一段到此结束。\n第二段开始了。", "第一段到此结束。\n第二段开始了。"},
      {"他说:\n“今年要再加把劲。”", "他说:\n“今年要再加把劲。”"},
      // a title or a byline is not body text
      {"全省工业经济稳步回升\n\n今年以来,全省工业生产持续向好。", "全省工业经济稳步回升\n今年以来,全省工业生产持续向好。"},
      // a list number starts a new paragraph
      {"主要任务包括以下方面,分别是\n一、加强基础设施建设。", "主要任务包括以下方面,分别是\n一、加强基础设施建设。"},
  }));
  CHECK(normalize_document(input, Format::plain).text() == expected);
}

TEST_CASE("page numbers and running headers are dropped without breaking the sentence", "[text]") {
  auto page = GENERATE(std::string("3"), std::string("- 3 -"), std::string("第 3 页"),
                       std::string("第3页 共12页"), std::string("3/12"), std::string("Page 3 of 12"));
  const std::string input = "全省累计建成各类产业园区,带动就业\n\n" + page + "\n\n超过十万人。";
  CHECK(normalize_document(input, Format::plain).text() == "全省累计建成各类产业园区,带动就业超过十万人。");
}

TEST_CASE("a line repeated on many pages is dropped", "[text]") {
  std::string input;
  for (int page = 1; page <= 4; ++page) {
    input += "某省人民政府工作报告\n第" + std::to_string(page) + "段正文内容,结束。\n";
  }
  const auto doc = normalize_document(input, Format::plain);
  CHECK(doc.text().find("工作报告") == std::string::npos);
  CHECK(doc.text().find("第4段正文内容,结束。") != std::string::npos);
}

TEST_CASE("labelled lines and a dateline near the top fill the metadata", "[text]") {
  auto [input, date, source] = GENERATE(table<std::string, std::string, std::string>({
      {"标题\n\n2024-01-25\n来源:某某商报网\n\n正文。", "2024-01-25", "某某商报网"},
      {"标题\n2025年1月9日 星期四 农历甲辰年\n正文,内容。\n（文章来源：某某日报客户端）", "2025-01-09", "某某日报客户端"},
      {"发布时间：2023-06-30 10:00 来源：省统计局\n正文。", "2023-06-30", "省统计局"},
  }));
  const auto doc = normalize_document(input);
  REQUIRE(doc.metadata().date);
  CHECK(doc.metadata().date->to_string() == date);
  REQUIRE(doc.metadata().source);
  CHECK(*doc.metadata().source == source);
  CHECK(doc.text().find("正文") != std::string::npos);
}

TEST_CASE("a sentence that starts with a date is not a dateline", "[text]") {
  const auto doc = normalize_document("2024年1月24日,全省召开工作会议。");
  CHECK_FALSE(doc.metadata().date);
}

TEST_CASE("every normalized character maps back to its original characters", "[text]") {
  const std::string input =
      "<p>全省工業增加值&amp;投資，同比增長１２．５％。</p>\n\n# 標題\n"
      "正文 第一行,持续完善城乡物流\n\n第 2 页\n\n配送体系。\xFF结束";
  const auto doc = normalize_document(input);
  const std::string& t = doc.text();
  for (std::size_t i = 0; i < t.size();) {
    std::size_t len = 1;
    while (i + len < t.size() && (static_cast<unsigned char>(t[i + len]) & 0xC0) == 0x80) ++len;
    const auto [b, e] = doc.original_span(i, i + len);
    INFO("normalized char " << t.substr(i, len) << " at " << i);
    REQUIRE(b <= e);
    REQUIRE(e <= input.size());
    if (t[i] != '\n') {
      const std::string back = normalize_document(input.substr(b, e - b)).text();
      const std::string original = original_of(doc, i, i + len);
      CHECK((back == t.substr(i, len) || original == "著"));
    }
    i += len;
  }
}
