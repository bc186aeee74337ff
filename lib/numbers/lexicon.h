// Word lists around numbers: bound and approximation words, and the words that
// turn a number into a name, a date or an event ordinal. Data, not branches:
// widen a list to teach the scanner a new word.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

#include "policydb/vocabulary.h"

namespace policydb::numbers_detail {

struct BoundWord {
  std::string_view word;
  Comparator comparator;
};

// 超过, 不低于, 约 … written before the number.
std::optional<BoundWord> prefix_bound_at(std::string_view text, std::size_t pos);
// 以上, 以内, 左右 … written after the number and its unit.
std::optional<BoundWord> suffix_bound_at(std::string_view text, std::size_t pos);
// 余/多/几 right after a numeral (11万余个, 200多家, 十几万): more than.
std::size_t approx_marker_at(std::string_view text, std::size_t pos);
// One-character links allowed between a prefix bound and the number (超过了, 约为, 至少有).
std::size_t bound_link_at(std::string_view text, std::size_t pos);

// Words after a numeral that make it a date, time or duration (年, 月, 个月, 小时):
// length of the longest match, 0 if none.
std::size_t period_follower_at(std::string_view text, std::size_t pos);
// Words after a numeral that make it part of a name (届, 中全会, 号, 级, 强):
// `chinese` adds those that only follow Chinese numerals in names (二十大).
std::size_t name_follower_at(std::string_view text, std::size_t pos, bool chinese);
// Words beginning with a numeral that are idioms, not counts (一张网, 一件事, 千家万户).
std::size_t numeral_word_at(std::string_view text, std::size_t pos);
// Characters before a lone 一 that make it part of a word (之一, 唯一, 统一).
bool joins_lone_digit(char32_t before);
// Characters after 第N that make it a rank (第5位, 第1名, 第二大).
std::size_t rank_suffix_at(std::string_view text, std::size_t pos);
// Verbs that introduce a rank a few characters before 第 (居全国第5, 排名第三).
bool is_rank_verb(char32_t c);
// Separators of a range: 至, 到, —, -, ~ …
std::size_t range_link_at(std::string_view text, std::size_t pos, bool* dash);

// Longest word of `words` at `pos` (0 if none).
std::size_t longest_at(std::string_view text, std::size_t pos, std::span<const std::string_view> words);

}  // namespace policydb::numbers_detail
