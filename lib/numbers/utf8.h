// Bounds-checked UTF-8 decoding for the numeral scanner. Invalid or truncated
// sequences decode as one byte of U+FFFD, so a scan always advances and never
// reads past the end of the text.
#pragma once

#include <cstddef>
#include <string_view>

namespace policydb::numbers_detail {

inline constexpr char32_t kInvalid = 0xFFFD;

struct CodePoint {
  char32_t cp = 0;        // 0 at or past the end of the text
  std::size_t size = 0;   // bytes taken; 0 only at the end
};

inline CodePoint decode_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return {};
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t len = 0;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2, cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3, cp = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4, cp = b0 & 0x07;
  } else {
    return {kInvalid, 1};
  }
  if (pos + len > text.size()) return {kInvalid, 1};
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return {kInvalid, 1};
    cp = (cp << 6) | (b & 0x3F);
  }
  // Reject overlong forms and surrogates so one code point has one spelling.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return {kInvalid, 1};
  }
  return {cp, len};
}

// The code point that ends just before `pos` (0 at the start of the text).
inline CodePoint decode_before(std::string_view text, std::size_t pos) {
  if (pos == 0 || pos > text.size()) return {};
  std::size_t start = pos - 1;
  int back = 0;
  while (start > 0 && back < 3 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) {
    --start, ++back;
  }
  CodePoint c = decode_at(text, start);
  if (start + c.size != pos) return {kInvalid, 1};
  return c;
}

inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_fullwidth_digit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
inline bool is_any_digit(char32_t c) { return is_ascii_digit(c) || is_fullwidth_digit(c); }
inline int digit_value(char32_t c) {
  return static_cast<int>(is_ascii_digit(c) ? c - '0' : c - 0xFF10);
}
inline bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_cjk(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }

// Does `word` occur in `text` at `pos`?
inline bool at(std::string_view text, std::size_t pos, std::string_view word) {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  // Byte by byte: the scanner probes every lexicon word at most positions and
  // nearly all fail within the first character, where a memcmp call per word
  // cost more than the comparison itself.
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (text[pos + i] != word[i]) return false;
  }
  return true;
}

}  // namespace policydb::numbers_detail
