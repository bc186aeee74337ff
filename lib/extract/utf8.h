// UTF-8 helpers of the extractor, on top of the text module's decoder.
// Normalized text is well-formed UTF-8, but the helpers clip at the ends so a
// stray byte never reads past a view.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/utf8.h"

namespace policydb::extract_detail {

// Decoding is the text module's (one decoder for the whole pipeline).
using text::decode_at;
using text::decode_before;

inline std::size_t lead_length(unsigned char b) { return text::utf8_length(b); }

// Byte length of the sequence at s[i], clipped to 1 where it would run past s.
inline std::size_t char_length(std::string_view s, std::size_t i) {
  const std::size_t n = lead_length(static_cast<unsigned char>(s[i]));
  return i + n > s.size() ? 1 : n;
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
