#include "numbers/lexicon.h"

#include <algorithm>
#include <array>

#include "numbers/utf8.h"

namespace policydb::numbers_detail {
namespace {

using C = Comparator;

constexpr std::array<BoundWord, 34> kPrefixBounds = {{
    {"超过", C::gt},   {"突破", C::gt},   {"超", C::gt},     {"逾", C::gt},
    {"多于", C::gt},   {"大于", C::gt},   {"高达", C::eq},   {"不低于", C::ge},
    {"不少于", C::ge}, {"不小于", C::ge}, {"至少", C::ge},   {"最少", C::ge},
    {"不超过", C::le}, {"不高于", C::le}, {"不大于", C::le}, {"不多于", C::le},
    {"最高", C::le},   {"最多", C::le},   {"至多", C::le},   {"低于", C::lt},
    {"不足", C::lt},   {"不到", C::lt},   {"少于", C::lt},   {"小于", C::lt},
    {"约", C::approx}, {"近", C::approx}, {"接近", C::approx}, {"大约", C::approx},
    {"大概", C::approx}, {"将近", C::approx}, {"约合", C::approx}, {"近乎", C::approx},
    {"多达", C::eq},   {"仅", C::eq},
}};

constexpr std::array<BoundWord, 11> kSuffixBounds = {{
    {"以上", C::ge},   {"及以上", C::ge}, {"或以上", C::ge}, {"以下", C::le},
    {"及以下", C::le}, {"以内", C::le},   {"之内", C::le},   {"左右", C::approx},
    {"上下", C::approx}, {"开外", C::gt}, {"有余", C::gt},
}};

constexpr std::string_view kApproxMarkers[] = {"余", "多", "几"};
constexpr std::string_view kBoundLinks[] = {"了", "为", "达", "有", "于"};

constexpr std::string_view kPeriodFollowers[] = {
    "年",   "月",     "日",     "时",   "秒",     "季度",   "个月",   "个季度", "个小时",
    "小时", "工作日", "个工作日", "天",   "周岁",   "岁",     "周年",   "世纪",   "年代",
    "分钟", "个星期", "星期",   "周",   "点钟",   "个半月", "个多月", "多年",   "余年",
    "多天", "余天",   "多个月", "余个月",
};

constexpr std::string_view kNameFollowers[] = {
    "届", "中全会", "次全会", "次会议", "次党代会", "号", "级", "强", "代", "型", "版",
    "维", "佳", "星", "期工程", "横", "纵", "环", "位一体",
};
constexpr std::string_view kChineseNameFollowers[] = {"大", "期", "化", "线", "通", "路"};

constexpr std::string_view kNumeralWords[] = {
    "一张网", "一张图", "一张蓝图", "一件事", "一次性", "一站式", "一盘棋", "一揽子", "一把手",
    "一体化", "一批次", "千家万户", "千方百计", "万物", "万众", "百姓", "一系列", "一部分",
    "一方面", "一个中心", "一对一", "一度", "两个维护", "两个确立", "一次办", "一窗", "一网", "一码", "一门",
};

constexpr char32_t kLoneDigitJoiners[] = {U'之', U'唯', U'统', U'逐', U'同', U'单', U'其',
                                          U'合', U'万', U'专', U'归', U'划', U'若', U'另'};

constexpr std::string_view kRankSuffixes[] = {"位", "名", "大"};
constexpr char32_t kRankVerbs[] = {U'居', U'列', U'排', U'位'};

constexpr std::string_view kRangeWords[] = {"至", "到", "~", "～", "〜"};
constexpr std::string_view kRangeDashes[] = {"-", "—", "——", "–", "－", "−"};

template <std::size_t N>
std::optional<BoundWord> longest_bound(std::string_view text, std::size_t pos,
                                       const std::array<BoundWord, N>& words) {
  const BoundWord* best = nullptr;
  for (const BoundWord& w : words) {
    if (at(text, pos, w.word) && (best == nullptr || w.word.size() > best->word.size())) best = &w;
  }
  return best ? std::optional<BoundWord>(*best) : std::nullopt;
}

}  // namespace

std::size_t longest_at(std::string_view text, std::size_t pos, std::span<const std::string_view> words) {
  std::size_t best = 0;
  for (std::string_view w : words) {
    if (w.size() > best && at(text, pos, w)) best = w.size();
  }
  return best;
}

std::optional<BoundWord> prefix_bound_at(std::string_view text, std::size_t pos) {
  return longest_bound(text, pos, kPrefixBounds);
}
std::optional<BoundWord> suffix_bound_at(std::string_view text, std::size_t pos) {
  return longest_bound(text, pos, kSuffixBounds);
}
std::size_t approx_marker_at(std::string_view text, std::size_t pos) {
  return longest_at(text, pos, kApproxMarkers);
}
std::size_t bound_link_at(std::string_view text, std::size_t pos) {
  return longest_at(text, pos, kBoundLinks);
}
std::size_t period_follower_at(std::string_view text, std::size_t pos) {
  std::size_t n = longest_at(text, pos, kPeriodFollowers);
  // 分 is a minute or a score unless it starts 分之 (a fraction).
  if (n == 0 && at(text, pos, "分") && !at(text, pos, "分之")) n = std::string_view("分").size();
  return n;
}
std::size_t name_follower_at(std::string_view text, std::size_t pos, bool chinese) {
  const std::size_t n = longest_at(text, pos, kNameFollowers);
  return chinese ? std::max(n, longest_at(text, pos, kChineseNameFollowers)) : n;
}
std::size_t numeral_word_at(std::string_view text, std::size_t pos) {
  return longest_at(text, pos, kNumeralWords);
}
bool joins_lone_digit(char32_t before) {
  return std::find(std::begin(kLoneDigitJoiners), std::end(kLoneDigitJoiners), before) !=
         std::end(kLoneDigitJoiners);
}
std::size_t rank_suffix_at(std::string_view text, std::size_t pos) {
  return longest_at(text, pos, kRankSuffixes);
}
bool is_rank_verb(char32_t c) {
  return std::find(std::begin(kRankVerbs), std::end(kRankVerbs), c) != std::end(kRankVerbs);
}
std::size_t range_link_at(std::string_view text, std::size_t pos, bool* dash) {
  const std::size_t word = longest_at(text, pos, kRangeWords);
  const std::size_t d = longest_at(text, pos, kRangeDashes);
  *dash = d > word;
  return std::max(word, d);
}

}  // namespace policydb::numbers_detail
