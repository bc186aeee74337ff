// The metric label: the indicator as the text names it, without the number,
// time words, scope words and the verb that carries the number.
//
//   全省5G基站总数达到 | 18.7万个           → 5G基站总数
//   建成5个 | 二级节点项目                   → 二级节点项目 (the number modifies a noun)
//   新认定头雁企业100家、省级单项冠军 | 153家 → 省级单项冠军, marker 新认定 inherited
#pragma once

#include <string>
#include <string_view>

namespace policydb::extract_detail {

struct LabelText {
  std::string text;      // cleaned label; empty when the phrase names nothing
  std::string marker;    // increment/scope marker it starts with (新增, 累计); may be empty
  std::size_t offset = 0;    // bytes of the phrase cut off its front (for the quote's start)
  std::size_t consumed = 0;  // label_after: bytes of the phrase the label was read from
};

// The label in the text just before a number (`phrase` ends at the number).
// Cuts at the last list mark or bracket, strips scope and connectives off the
// front and carrying verbs off the back; a phrase ending in 等 lists examples
// and names nothing.
LabelText label_before(std::string_view phrase);

// The noun a number modifies, from the text right after it (`phrase` starts
// after the unit): up to punctuation or a stop word, without a leading 的.
LabelText label_after(std::string_view phrase);

// Removes spaces and straight quotes; keeps “” (they belong to names).
std::string compact(std::string_view label);

// Appends `suffix` unless the label already ends with one of `endings`.
std::string with_suffix(std::string label, std::string_view suffix,
                        std::initializer_list<std::string_view> endings);

// Character-bigram Dice similarity in [0, 1] of two labels (for deduplication).
double label_similarity(std::string_view a, std::string_view b);

}  // namespace policydb::extract_detail
