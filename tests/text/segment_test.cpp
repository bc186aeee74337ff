#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "policydb/text.h"

using policydb::Segment;

namespace {

std::vector<std::string> pieces(std::string_view text, const std::vector<Segment>& segments) {
  std::vector<std::string> out;
  for (const Segment& s : segments) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace

TEST_CASE("sentences end at 。！？；, at newlines, and keep closing quotes", "[text]") {
  auto [text, expected] = GENERATE(table<std::string, std::vector<std::string>>({
      {"第一句。第二句!第三句?", {"第一句。", "第二句!", "第三句?"}},
      {"目标一;目标二；目标三", {"目标一;", "目标二；", "目标三"}},
      {"他说:“要加油。”随后离开。", {"他说:“要加油。”", "随后离开。"}},
      {"标题\n 正文第一句。\n\n", {"标题", "正文第一句。"}},
      {"增长12.5%,达到1.2万家。", {"增长12.5%,达到1.2万家。"}},
      {"真的吗?!是的。", {"真的吗?!", "是的。"}},
      {"", {}},
  }));
  CHECK(pieces(text, policydb::split_sentences(text)) == expected);
}

TEST_CASE("clauses split at ，,、：:; but not inside numbers", "[text]") {
  auto [text, expected] = GENERATE(table<std::string, std::vector<std::string>>({
      {"全省5G基站达到18.7万个,居全国第5位。", {"全省5G基站达到18.7万个", "居全国第5位"}},
      {"营收5,749亿元，增长12%", {"营收5,749亿元", "增长12%"}},
      {"比例为1:2:3,结构优化", {"比例为1:2:3", "结构优化"}},
      {"新材料、新能源:重点产业", {"新材料", "新能源", "重点产业"}},
      {"数量超过5, 同比增长", {"数量超过5", "同比增长"}},
  }));
  const auto sentences = policydb::split_sentences(text);
  REQUIRE(sentences.size() == 1);
  CHECK(pieces(text, policydb::split_clauses(text, sentences[0])) == expected);
}

TEST_CASE("clause offsets stay inside the sentence they split", "[text]") {
  const std::string text = "第一句,有两个分句。第二句,也有,三个。";
  const auto sentences = policydb::split_sentences(text);
  REQUIRE(sentences.size() == 2);
  const auto clauses = policydb::split_clauses(text, sentences[1]);
  REQUIRE(clauses.size() == 3);
  for (const Segment& c : clauses) {
    CHECK(c.begin >= sentences[1].begin);
    CHECK(c.end <= sentences[1].end);
  }
  CHECK(policydb::split_clauses(text, Segment{5, 100}).back().end <= text.size());
}
