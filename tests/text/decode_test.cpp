#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "policydb/text.h"
#include "text_test_support.h"

using policydb::Format;
using policydb::normalize_document;
using policydb::testing::encode;
using policydb::testing::has_diagnostic;

TEST_CASE("ill-formed UTF-8 becomes U+FFFD with a diagnostic at its byte offset", "[text]") {
  auto [input, expected_text, expected_offsets] = GENERATE(table<std::string, std::string, std::vector<std::size_t>>({
      {"ab\xC0\xAF" "cd", "ab\uFFFD\uFFFDcd", {2, 3}},                 // overlong '/'
      {"x\xED\xA0\x80y", "x\uFFFD\uFFFD\uFFFDy", {1, 2, 3}},          // surrogate U+D800
      {"增长\xE4\xB8", "增长\uFFFD", {6}},                              // truncated at the end
      {"a\xE4\xB8" "b", "a\uFFFDb", {1}},                              // truncated in the middle
      {"\xF4\x90\x80\x80z", "\uFFFD\uFFFD\uFFFD\uFFFDz", {0, 1, 2, 3}},  // past U+10FFFF
      {"ok\xFFok", "ok\uFFFDok", {2}},
  }));
  const auto doc = normalize_document(input, Format::plain);
  CHECK(doc.text() == expected_text);
  std::vector<std::size_t> offsets;
  for (const auto& d : doc.diagnostics()) {
    if (d.code == "invalid_utf8") offsets.push_back(d.byte_offset);
  }
  CHECK(offsets == expected_offsets);
  CHECK(doc.encoding() == "UTF-8");
}

TEST_CASE("a replacement character maps back to the bad bytes", "[text]") {
  const std::string input = "前\xFF后";
  const auto doc = normalize_document(input, Format::plain);
  const std::size_t at = doc.text().find("\uFFFD");
  REQUIRE(at != std::string::npos);
  CHECK(doc.original_span(at, at + 3) == std::pair<std::size_t, std::size_t>{3, 4});
}

TEST_CASE("a UTF-8 byte order mark is dropped and offsets still point into the input", "[text]") {
  const std::string input = "\xEF\xBB\xBF河南省";
  const auto doc = normalize_document(input);
  CHECK(doc.text() == "河南省");
  CHECK(doc.original_span(0, 3) == std::pair<std::size_t, std::size_t>{3, 6});
  CHECK(doc.diagnostics().empty());
}

TEST_CASE("GB18030 input is detected, decoded and mapped back to its bytes", "[text]") {
  const std::string utf8 =
      "今年前三季度，全省规模以上工业增加值同比增长百分之六点五，高于全国平均水平。"
      "新建第五代移动通信基站一万二千个，累计达到十八万七千个，居全国前列。"
      "数字经济核心产业增加值占地区生产总值比重持续提高，产业结构不断优化。";
  const std::string gb = encode(utf8, "GB18030");
  REQUIRE(gb.size() < utf8.size());
  const auto doc = normalize_document(gb);
  CHECK(doc.encoding() == "GB18030");
  CHECK(has_diagnostic(doc, "decoded_gb18030"));
  CHECK_FALSE(has_diagnostic(doc, "invalid_utf8"));
  CHECK(doc.original_utf8() == utf8);
  CHECK(doc.text() == normalize_document(utf8).text());
  // 基站 in the normalized text maps to exactly its two GB18030 characters.
  const std::size_t at = doc.text().find("基站");
  const auto [b, e] = doc.original_span(at, at + 6);
  CHECK(gb.substr(b, e - b) == encode("基站", "GB18030"));
}

TEST_CASE("Big5 input is detected and decoded, then converted to simplified", "[text]") {
  const std::string utf8 =
      "臺灣地區經濟發展穩定，對外貿易總額較去年同期成長百分之八，電子資訊產業表現亮眼。"
      "政府將繼續推動數位轉型與基礎建設，擴大國內需求，協助中小企業提升競爭力。"
      "專家認為，國際經濟環境依然複雜，須審慎應對各種風險與挑戰。";
  const std::string big5 = encode(utf8, "Big5");
  REQUIRE_FALSE(big5.empty());
  const auto doc = normalize_document(big5);
  CHECK(doc.encoding() == "Big5");
  CHECK(has_diagnostic(doc, "decoded_big5"));
  CHECK(doc.original_utf8() == utf8);
  CHECK(doc.text().find("经济发展稳定") != std::string::npos);
  CHECK(doc.script() == policydb::Script::hant);
  CHECK(policydb::testing::original_of(doc, "经济发展稳定") == "經濟發展穩定");
}

TEST_CASE("UTF-16 with a byte order mark is decoded", "[text]") {
  const std::string input = "\xFF\xFE" + encode("全省5G基站达到18.7万个。", "UTF-16LE");
  const auto doc = normalize_document(input);
  CHECK(doc.encoding() == "UTF-16");
  CHECK(doc.text() == "全省5G基站达到18.7万个。");
}

TEST_CASE("binary garbage gives a binary diagnostic and no text", "[text]") {
  std::string input;
  for (int i = 0; i < 4096; ++i) input.push_back(static_cast<char>((i * 7919) % 256));
  const auto doc = normalize_document(input);
  CHECK(has_diagnostic(doc, "binary"));
  CHECK(doc.text().empty());
  CHECK(doc.original_span(0, 10) == std::pair<std::size_t, std::size_t>{0, 0});
}

TEST_CASE("empty and markup-only inputs say so", "[text]") {
  auto input = GENERATE(std::string(""), std::string("  \n\n\t"), std::string("<p></p><br/>"));
  const auto doc = normalize_document(input);
  CHECK(doc.text().empty());
  CHECK(has_diagnostic(doc, "empty"));
}

namespace {

std::string random_bytes(std::size_t n, unsigned seed, unsigned char lowest = 0) {
  std::mt19937 rng(seed);
  std::string out(n, '\0');
  for (auto& c : out) c = static_cast<char>(lowest + rng() % (256u - lowest));
  return out;
}

}  // namespace

TEST_CASE("random bytes are binary, not a legacy encoding", "[text]") {
  auto [size, seed, lowest] = GENERATE(table<std::size_t, unsigned, unsigned char>({
      {200000, 1, 0},   // everything, NULs and controls included
      {4096, 7, 0},
      {300, 11, 0},
      {50000, 3, 0x80},  // only high bytes: no controls, converts as GB18030
      {2000, 5, 0x80},
      {50000, 9, 0x20},  // printable ASCII and high bytes
  }));
  INFO("size " << size << ", seed " << seed << ", lowest byte " << int{lowest});
  const auto doc = normalize_document(random_bytes(size, seed, lowest));
  CHECK(has_diagnostic(doc, "binary"));
  CHECK_FALSE(has_diagnostic(doc, "decoded_gb18030"));
  CHECK_FALSE(has_diagnostic(doc, "decoded_big5"));
  CHECK(doc.text().empty());
}

TEST_CASE("an executable header followed by random bytes is binary", "[text]") {
  const std::string elf = std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3E\0", 20) +
                          random_bytes(6000, 42);
  const auto doc = normalize_document(elf);
  CHECK(has_diagnostic(doc, "binary"));
  CHECK(doc.text().empty());
}

TEST_CASE("legacy reports with report punctuation and symbols still decode", "[text]") {
  auto [charset, utf8, code] = GENERATE(table<const char*, std::string, std::string>({
      {"GB18030",
       "一、主要指标完成情况\n①全市粮食总产量达到一百二十万吨，较上年增长２.３％；"
       "②“十四五”规划——重点项目开工率……均超过预期。\n平均气温１５℃，《工作报告》附表Ⅱ。\n",
       "decoded_gb18030"},
      {"Big5",
       "一、主要指標完成情況\n全市糧食總產量達到一百二十萬噸，較上年增長２.３％；"
       "「十四五」規劃重點項目開工率……均超過預期。\n平均氣溫１５℃，《工作報告》附表。\n",
       "decoded_big5"},
  }));
  INFO(charset);
  const std::string bytes = encode(utf8, charset);
  REQUIRE_FALSE(bytes.empty());
  const auto doc = normalize_document(bytes);
  CHECK(has_diagnostic(doc, code));
  CHECK_FALSE(has_diagnostic(doc, "binary"));
  CHECK(doc.original_utf8() == utf8);
}

TEST_CASE("a legacy report with a stray control byte is treated as binary", "[text]") {
  const std::string gb =
      encode("全省新建第五代移动通信基站一万二千个，累计达到十八万七千个。", "GB18030");
  REQUIRE_FALSE(gb.empty());
  REQUIRE(has_diagnostic(normalize_document(gb), "decoded_gb18030"));
  const auto doc = normalize_document(gb.substr(0, 12) + '\x01' + gb.substr(12));
  CHECK(has_diagnostic(doc, "binary"));
  CHECK(doc.text().empty());
}
