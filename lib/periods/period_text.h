// Byte-level readers the period grammar is built from: UTF-8 decoding, word
// tables, Arabic and Chinese numerals. Every reader checks bounds and answers
// "not here" past the end of the text, so the grammar never indexes out of range.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace policydb::period_detail {

// True when `word` occurs at byte `pos` of `text`.
// (A byte loop: the words are a few bytes long, and a memcmp call per probe was
// a quarter of the scan time.)
inline bool at(std::string_view text, std::size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (text[pos + i] != word[i]) return false;
  }
  return true;
}

// One entry of a word table: the word and a small integer meaning.
struct Word {
  std::string_view text;
  int value = 0;
};

// The first entry of `table` whose word occurs at `pos` (tables list longer
// words before their prefixes); nullptr when none does.
template <std::size_t N>
const Word* match(const Word (&table)[N], std::string_view text, std::size_t pos) {
  for (const Word& w : table) {
    if (at(text, pos, w.text)) return &w;
  }
  return nullptr;
}

// Decodes the code point at `pos` (REQUIRES: pos < text.size()). Returns its
// length in bytes, at least 1; an invalid or truncated sequence reads as one
// byte with cp = U+FFFD.
std::size_t decode(std::string_view text, std::size_t pos, char32_t& cp);

// Skips at most two ASCII spaces (reports and peer texts write "2008 年").
std::size_t skip_spaces(std::string_view text, std::size_t pos);

// A numeral as written: "2023", "10", "二〇二三", "十二", "三十一".
struct Number {
  long long value = -1;     // -1 when too long to be a calendar number
  std::size_t end = 0;      // byte after the numeral
  int digits = 0;           // digit characters read (Arabic or Chinese)
  bool positional = false;  // Chinese with 十 (十二, 三十一): not a digit string
  bool leading_zero = false;
};

// Reads an Arabic digit run or a Chinese numeral at `pos`; std::nullopt when
// no numeral starts there. Reads at most 12 characters, so it is O(1).
std::optional<Number> read_number(std::string_view text, std::size_t pos);

// The numeral at `pos` when its value lies in [lo, hi] and it has at most three
// characters (a calendar number: month, day, quarter, a count of years).
std::optional<Number> number_in(std::string_view text, std::size_t pos, int lo, int hi);

// The value of a Chinese digit character (〇零一二两三四五六七八九 → 0..9, 十 → 10), or -1.
int chinese_digit(char32_t cp);

// Whether a period expression can start with this code point (digits, cue words,
// numerals, quotes). Lets the scanner skip everything else at once.
bool can_start(char32_t cp);

// Byte length of the digit or Chinese-numeral run at `pos` (at least one character).
std::size_t run_length(std::string_view text, std::size_t pos);

}  // namespace policydb::period_detail
