#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "policydb/text.h"
#include "text_test_support.h"

using policydb::Format;
using policydb::normalize_document;
using policydb::testing::has_diagnostic;

TEST_CASE("HTML block tags are paragraph boundaries and inline tags vanish", "[text]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"<div><p>第一段<b>加粗</b>内容</p><p>第二段</p></div>", "第一段加粗内容\n第二段"},
      {"上一行<br>下一行<br/>末行", "上一行\n下一行\n末行"},
      {"<ul><li>甲项</li><li>乙项</li></ul>", "甲项\n乙项"},
      {"<h2>标题</h2>正文内容", "标题\n正文内容"},
      {"<table><tr><td>地区</td><td>数值</td></tr><tr><td>河南</td><td>42</td></tr></table>",
       "地区数值\n河南42"},
      {"<P CLASS=\"x\">大写标签</P>", "大写标签"},
  }));
  CHECK(normalize_document(input, Format::html).text() == expected);
  CHECK(normalize_document(input, Format::automatic).text() == expected);
}

TEST_CASE("script and style content is dropped", "[text]") {
  const std::string input =
      "<html><head><style>p { color: red; }</style><script type=\"text/javascript\">var a = 1 < 2;"
      "</SCRIPT></head><body><p>正文</p></body></html>";
  CHECK(normalize_document(input, Format::html).text() == "正文");
}

TEST_CASE("HTML entities are decoded", "[text]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"研发&amp;创新", "研发&创新"},
      {"a&lt;b&gt;c", "a<b>c"},
      {"一&nbsp;二", "一二"},               // a no-break space next to Han is dropped
      {"word&nbsp;word", "word word"},
      {"&#20013;", "中"},
      {"&#x4E00;&#X4e8C;", "一二"},
      {"&#0;x", "\uFFFDx"},
      {"&#xD800;", "\uFFFD"},
      {"R&D &unknown; &amp", "R&D &unknown; &amp"},  // not entities: left alone
      {"&ldquo;引号&rdquo;", "“引号”"},
  }));
  CHECK(normalize_document(input, Format::html).text() == expected);
}

TEST_CASE("plain format keeps markup characters as text", "[text]") {
  CHECK(normalize_document("<p>a&amp;b</p>", Format::plain).text() == "<p>a&amp;b</p>");
}

TEST_CASE("automatic format leaves angle brackets that are not known tags", "[text]") {
  CHECK(normalize_document("占比<5%且x<y>z").text() == "占比<5%且x<y>z");
}

TEST_CASE("front matter is read into metadata and removed", "[text]") {
  const std::string input =
      "---\nlayout: post\ntitle: \"全省推进数字化转型\"\ndate: 2021-12-24 13:26:28 +0800\n"
      "categories: ribaoxinwen\ntags: 新闻\n---\n<p>正文第一段。</p>\n";
  const auto doc = normalize_document(input);
  CHECK(doc.text() == "正文第一段。");
  const auto& m = doc.metadata();
  REQUIRE(m.title);
  CHECK(*m.title == "全省推进数字化转型");
  REQUIRE(m.date);
  CHECK(m.date->to_string() == "2021-12-24");
  REQUIRE(m.source);
  CHECK(*m.source == "ribaoxinwen");
  const std::size_t at = doc.text().find("正文");
  CHECK(policydb::testing::original_of(doc, at, at + 6) == "正文");
}

TEST_CASE("a dashed line without a closing one is not front matter", "[text]") {
  const auto doc = normalize_document("---\ntitle: 不是\n正文。");
  CHECK_FALSE(doc.metadata().title);
  CHECK(doc.text().find("title") != std::string::npos);
}

TEST_CASE("Markdown headings are their own paragraphs without the marks", "[text]") {
  const std::string input = "# 一级标题\n## 推进工业化,建设制造强省\n正文继续推进各项工作\n#不是标题";
  const auto doc = normalize_document(input, Format::markdown);
  CHECK(doc.text() == "一级标题\n推进工业化,建设制造强省\n正文继续推进各项工作\n#不是标题");
}

TEST_CASE("Markdown links keep their text, images and autolinks vanish", "[text]") {
  auto [input, expected] = GENERATE(table<std::string, std::string>({
      {"[返回首页](//example.com/)｜[新闻](a.html)", "返回首页|新闻"},
      {"见![图](x.png)图示", "见图示"},
      {"<http://example.com/a?b=1>", ""},
      {"[未闭合的括号 (x)", "[未闭合的括号(x)"},
  }));
  CHECK(normalize_document(input).text() == expected);
}

TEST_CASE("malformed and deeply nested HTML is handled in linear time", "[text]") {
  const auto start = std::chrono::steady_clock::now();
  std::string nested, unclosed, brackets;
  for (int i = 0; i < 200000; ++i) nested += "<div><span>";
  nested += "内容";
  for (int i = 0; i < 200000; ++i) unclosed += "<a b";
  for (int i = 0; i < 200000; ++i) brackets += "[x[&#1";
  const auto a = normalize_document(nested, Format::html);
  const auto b = normalize_document(unclosed, Format::html);
  const auto c = normalize_document(brackets, Format::markdown);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(a.text() == "内容");
  CHECK(has_diagnostic(b, "truncated_html"));
  CHECK(c.text().size() == brackets.size());
  CHECK(seconds < 2.0 * POLICYDB_TEST_TIME_SCALE);
}

TEST_CASE("an unterminated comment or script is reported and dropped", "[text]") {
  auto input = GENERATE(std::string("正文<!-- 注释"), std::string("正文<script>var x"));
  const auto doc = normalize_document(input, Format::html);
  CHECK(doc.text() == "正文");
  CHECK(has_diagnostic(doc, "truncated_html"));
}
