// UTF-8 helpers shared by the text stages. Every text after the decoder is
// well-formed UTF-8, so these decode without validating.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace policydb::text {

// Length of the sequence a lead byte starts (1 for ASCII and stray bytes).
constexpr std::size_t utf8_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// The code point at s[i]; *len receives its byte length (clipped to the text).
// REQUIRES: i < s.size() and s is well-formed UTF-8.
inline char32_t decode_at(std::string_view s, std::size_t i, std::size_t* len) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t n = utf8_length(b0);
  if (i + n > s.size()) n = 1;
  *len = n;
  if (n == 1) return b0;
  char32_t c = b0 & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

// The code point that ends at s[end); *len receives its byte length.
// REQUIRES: 0 < end <= s.size().
inline char32_t decode_before(std::string_view s, std::size_t end, std::size_t* len) {
  std::size_t begin = end - 1;
  while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) {
    --begin;
  }
  char32_t c = decode_at(s, begin, len);
  if (begin + *len != end) {  // not a whole sequence: treat the last byte alone
    *len = 1;
    return static_cast<unsigned char>(s[end - 1]);
  }
  return c;
}

inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

// CJK punctuation and full-width forms: the marks that sit between Han
// characters without spaces (、。《》“” ，：（）…).
inline bool is_cjk_punct(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65) ||
         (c >= 0x2018 && c <= 0x201F) || c == 0x2026 || c == 0x2014 || c == 0x00B7;
}

inline bool is_cjk(char32_t c) { return is_han(c) || is_cjk_punct(c); }

inline bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Horizontal white space, including the ideographic space and no-break space.
inline bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0 || c == 0x2002 || c == 0x2003 ||
         c == 0x2009 || c == 0x200B || c == 0xFEFF || c == '\v' || c == '\f';
}

// Marks after which a line really ends a sentence or a paragraph (both widths,
// since the line stage runs before NFKC).
inline bool is_terminal(char32_t c) {
  switch (c) {
    case 0x3002: case '!': case 0xFF01: case '?': case 0xFF1F: case ';': case 0xFF1B:
    case ':': case 0xFF1A: case 0x201D: case '"': case 0x2026: case ')': case 0xFF09:
    case 0x300D: case 0x300F: case '.': case 0xFF0E: case 0x3011: case ']':
      return true;
    default:
      return false;
  }
}

}  // namespace policydb::text
