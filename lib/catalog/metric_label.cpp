// The metric resolver's normalizer (normalize_metric_label in policydb/catalog.h).
//
// Design: a label is reduced to the name of the quantity it counts, so that the
// many ways reports write one indicator share one key. Steps, in order:
//   1. width/case folding (Ｇ→g), traditional-only characters → simplified;
//   2. quotes and whitespace removed anywhere, other punctuation at the ends;
//   3. synonyms rewritten (规模以上 → 规上, 地区生产总值 → gdp);
//   4. until nothing changes: scope words, increment markers and carrying verbs
//      are taken off the front; comparisons, rank words, growth words, targets
//      and counters off the back.
// Every lexicon is a table below. A strip never leaves fewer than two characters,
// so 数 or 增长 alone stay what they are. Words that change the concept are never
// stripped: 人均 (per capita), 行政村 (a sub-population), 在建 (under construction).
// A rank of a growth rate (…增速排名) is another quantity (INDICATORS.md rule 2):
// once a rank word is stripped, growth words are not.
#include <array>
#include <string>
#include <string_view>

#include "policydb/catalog.h"

#include "catalog/text_fold.h"

namespace policydb {
namespace {

using catalog_internal::is_punctuation;
using catalog_internal::is_quote;
using catalog_internal::is_space;

constexpr std::size_t kMinRemainder = 2;  // code points left after any strip

// Rewritten anywhere, longest first within a group (applied in order).
constexpr std::array<std::pair<std::u32string_view, std::u32string_view>, 10> kSynonyms{{
    {U"规模以上", U"规上"},
    {U"国内生产总值", U"gdp"},
    {U"地区生产总值", U"gdp"},
    {U"生产总值", U"gdp"},
    {U"技术改造", U"技改"},
    {U"的比重", U"比重"},
    {U"所占比重", U"比重"},
    {U"研究与试验发展", U"研发"},
    {U"r&d", U"研发"},
    {U"互联网数据中心", U"数据中心"},
}};

// Taken off the front: where, since when, new-versus-stock and carrying verbs.
// Bare 新 and 共 are not here: they start words (新能源, 新一代, 共享).
constexpr std::array<std::u32string_view, 42> kLeading{
    U"累计",   U"全省",     U"全市", U"全区",   U"全县",   U"全域",   U"我省", U"本省",   U"我市",
    U"本市",   U"我区",     U"本区", U"全国",   U"全年",   U"年末",   U"当年", U"今年",   U"目前",
    U"现有",   U"已",       U"新增", U"新培育", U"新认定", U"新创建", U"新建", U"新开通", U"新入选",
    U"新获批", U"建成开通", U"开通", U"建成",   U"达到",   U"完成",   U"实现", U"拥有",   U"共有",
    U"培育",   U"认定",     U"部署", U"入选",   U"获批",   U"创建"};

// Taken off the back. Counters (总数, 数量) say "how many", not what.
// Longest first: the first match is stripped.
constexpr std::array<std::u32string_view, 10> kCounters{
    U"总数量", U"总数", U"数量", U"总量", U"个数", U"家数", U"数目", U"总计", U"合计", U"数"};
// Endings whose last character belongs to the word, not a counter (指数, 系数).
constexpr std::array<std::u32string_view, 5> kProtected{U"指数", U"系数", U"倍数", U"分数",
                                                        U"函数"};
constexpr std::array<std::u32string_view, 17> kGrowth{
    U"同比增长率", U"年均增长率", U"增长速度", U"名义增速", U"实际增速", U"同比增速",
    U"年均增速",   U"同比增长",   U"年均增长", U"名义增长", U"实际增长", U"增长率",
    U"增速",       U"增幅",       U"涨幅",     U"增长",     U"同比"};
constexpr std::array<std::u32string_view, 7> kRank{U"全国排名", U"全国位次", U"排名",  U"位次",
                                                   U"排位",     U"名次",     U"居全国"};
constexpr std::array<std::u32string_view, 16> kTrailing{
    U"高于全国平均水平", U"高于全国平均",   U"高于全国",       U"低于全国",
    U"比全国高",         U"较上年提升",     U"比上年提升",     U"较上年提高",
    U"比上年提高",       U"比十三五末提升", U"较十三五末提升", U"预期目标",
    U"目标值",           U"目标",           U"提升",           U"提高"};

template <std::size_t N>
bool strip_front(std::u32string& s, const std::array<std::u32string_view, N>& words) {
  for (auto w : words) {
    if (s.size() >= w.size() + kMinRemainder && s.starts_with(w)) {
      s.erase(0, w.size());
      return true;
    }
  }
  return false;
}

template <std::size_t N>
bool strip_back(std::u32string& s, const std::array<std::u32string_view, N>& words) {
  for (auto w : words) {
    if (s.size() >= w.size() + kMinRemainder && s.ends_with(w)) {
      s.erase(s.size() - w.size());
      return true;
    }
  }
  return false;
}

bool strip_counter(std::u32string& s) {
  for (auto p : kProtected) {
    if (s.ends_with(p)) return false;
  }
  return strip_back(s, kCounters);
}

std::u32string clean(std::string_view label) {
  std::u32string s;
  for (char32_t c : catalog_internal::to_code_points(label)) {
    c = catalog_internal::fold_width_and_case(c);
    if (!is_space(c) && !is_quote(c)) s.push_back(c);
  }
  s = catalog_internal::fold_traditional(s);
  while (!s.empty() && is_punctuation(s.back())) s.pop_back();
  std::size_t start = 0;
  while (start < s.size() && is_punctuation(s[start])) ++start;
  s.erase(0, start);
  for (auto [from, to] : kSynonyms) {
    for (auto at = s.find(from); at != std::u32string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  }
  return s;
}

}  // namespace

std::string normalize_metric_label(std::string_view label) {
  std::u32string s = clean(label);
  bool ranked = false;
  for (bool changed = true; changed;) {
    changed = strip_front(s, kLeading) || strip_back(s, kTrailing);
    if (!changed && strip_back(s, kRank)) changed = ranked = true;
    if (!changed && !ranked) changed = strip_back(s, kGrowth);
    if (!changed) changed = strip_counter(s);
  }
  return catalog_internal::to_utf8(s);
}

}  // namespace policydb
