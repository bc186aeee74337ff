// UTF-8 helpers of the extractor. Normalized text is well-formed UTF-8, but the
// helpers clip at the ends so a stray byte never reads past a view.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace policydb::extract_detail {

inline std::size_t lead_length(unsigned char b) {
  if (b < 0xC0) return 1;
  if (b < 0xE0) return 2;
  if (b < 0xF0) return 3;
  return 4;
}

inline std::size_t char_length(std::string_view s, std::size_t i) {
  std::size_t n = lead_length(static_cast<unsigned char>(s[i]));
  return i + n > s.size() ? 1 : n;
}

// REQUIRES: i < s.size().
inline char32_t decode_at(std::string_view s, std::size_t i, std::size_t* len) {
  std::size_t n = char_length(s, i);
  *len = n;
  auto b0 = static_cast<unsigned char>(s[i]);
  if (n == 1) return b0;
  char32_t c = b0 & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

// The code point ending at s[end). REQUIRES: 0 < end <= s.size().
inline char32_t decode_before(std::string_view s, std::size_t end, std::size_t* len) {
  std::size_t begin = end - 1;
  while (begin > 0 && end - begin < 4 && (static_cast<unsigned char>(s[begin]) & 0xC0) == 0x80) {
    --begin;
  }
  char32_t c = decode_at(s, begin, len);
  if (begin + *len != end) {
    *len = 1;
    return static_cast<unsigned char>(s[end - 1]);
  }
  return c;
}

inline char32_t first_code_point(std::string_view s) {
  std::size_t n = 0;
  return s.empty() ? 0 : decode_at(s, 0, &n);
}

inline char32_t last_code_point(std::string_view s) {
  std::size_t n = 0;
  return s.empty() ? 0 : decode_before(s, s.size(), &n);
}

inline bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
}

inline bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// Number of code points in s.
inline std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); i += char_length(s, i)) ++n;
  return n;
}

}  // namespace policydb::extract_detail
