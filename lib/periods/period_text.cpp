#include "periods/period_text.h"

#include <algorithm>
#include <array>
#include <cstdint>

namespace policydb::period_detail {
namespace {

constexpr int kMaxNumeralChars = 12;

// First characters of every form the grammar knows: numerals, cue words
// (截至, 到, 力争, 比, 从), relative words (今年, 上月, 目前, 近三年, 未来), 第 and
// 全年/年底, quotes before “十四五”. A compile-time bitmap over the BMP makes the
// test one load, because the scanner asks it for every character of the text.
constexpr char32_t kStarters[] = {
    U'0', U'1', U'2', U'3', U'4', U'5', U'6', U'7', U'8', U'9', U'"', U'截', U'至', U'到',
    U'力', U'争', U'预', U'比', U'较', U'从', U'自', U'今', U'本', U'去', U'上', U'前', U'明', U'后',
    U'下', U'昨', U'目', U'当', U'迄', U'近', U'过', U'未', U'第', U'全', U'年', U'同', U'“', U'「',
    U'‘', U'〇', U'零', U'一', U'二', U'两', U'三', U'四', U'五', U'六', U'七', U'八', U'九', U'十'};

constexpr auto kStarterBits = [] {
  std::array<std::uint64_t, 0x10000 / 64> bits{};
  for (char32_t cp : kStarters) bits[cp / 64] |= std::uint64_t{1} << (cp % 64);
  return bits;
}();

}  // namespace

std::size_t decode(std::string_view text, std::size_t pos, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  cp = 0xFFFD;
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  char32_t value = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, value = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, value = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, value = b0 & 0x07;
  } else {
    return 1;
  }
  if (text.size() - pos < len) return 1;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return 1;
    value = (value << 6) | (b & 0x3F);
  }
  cp = value;
  return len;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  for (int i = 0; i < 2 && pos < text.size() && text[pos] == ' '; ++i) ++pos;
  return pos;
}

int chinese_digit(char32_t cp) {
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    case U'十': return 10;
    default: return -1;
  }
}

namespace {

std::optional<Number> read_arabic(std::string_view text, std::size_t pos) {
  Number n;
  n.end = pos;
  long long value = 0;
  while (n.end < text.size() && text[n.end] >= '0' && text[n.end] <= '9' &&
         n.digits < kMaxNumeralChars) {
    value = value * 10 + (text[n.end] - '0');
    ++n.end, ++n.digits;
  }
  if (n.digits == 0) return std::nullopt;
  n.leading_zero = text[pos] == '0';
  n.value = n.digits <= 9 ? value : -1;
  return n;
}

// Positional reading of [d]十[d] (十二 = 12, 三十一 = 31); -1 for other shapes.
long long positional_value(const std::array<int, kMaxNumeralChars>& d, int count) {
  const int ten = static_cast<int>(std::find(d.begin(), d.begin() + count, 10) - d.begin());
  if (ten > 1 || count - ten > 2) return -1;
  const int tens = ten == 0 ? 1 : d[0];
  const int ones = ten + 1 < count ? d[ten + 1] : 0;
  if (tens < 1 || tens > 9 || ones > 9 || (ten + 1 < count && ones == 0)) return -1;
  return tens * 10 + ones;
}

std::optional<Number> read_chinese(std::string_view text, std::size_t pos) {
  Number n;
  n.end = pos;
  std::array<int, kMaxNumeralChars> d{};
  while (n.end < text.size() && n.digits < kMaxNumeralChars) {
    char32_t cp = 0;
    const std::size_t len = decode(text, n.end, cp);
    const int v = chinese_digit(cp);
    if (v < 0) break;
    d[n.digits++] = v;
    n.positional |= v == 10;
    n.end += len;
  }
  if (n.digits == 0) return std::nullopt;
  n.leading_zero = d[0] == 0;
  if (n.positional) {
    n.value = positional_value(d, n.digits);
  } else if (n.digits <= 9) {
    n.value = 0;
    for (int i = 0; i < n.digits; ++i) n.value = n.value * 10 + d[i];
  }
  return n;
}

}  // namespace

std::optional<Number> read_number(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  if (text[pos] >= '0' && text[pos] <= '9') return read_arabic(text, pos);
  return read_chinese(text, pos);
}

std::optional<Number> number_in(std::string_view text, std::size_t pos, int lo, int hi) {
  auto n = read_number(text, pos);
  if (!n || n->value < lo || n->value > hi || n->digits > 3) return std::nullopt;
  return n;
}

bool can_start(char32_t cp) {
  return cp < 0x10000 && ((kStarterBits[cp / 64] >> (cp % 64)) & 1) != 0;
}

std::size_t run_length(std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  while (end < text.size()) {
    char32_t cp = 0;
    const std::size_t len = decode(text, end, cp);
    if (!(cp >= U'0' && cp <= U'9') && chinese_digit(cp) < 0) break;
    end += len;
  }
  return std::max<std::size_t>(end - pos, 1);
}

}  // namespace policydb::period_detail
