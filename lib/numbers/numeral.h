// Numeral reading: Arabic (5,749 / 1,234.5 / full-width digits), Chinese
// (二十八, 一千零二十四, 十八万七千, 一万三 = 13000), formal (壹佰) and mixed
// (1.9万亿, 3千亿, 3万4000) numerals, multipliers folded into the value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace policydb::numbers_detail {

class UnitMatcher;

// A decimal number as mantissa × 10^exp, so that 1.9 × 10^12 stays exact.
struct Decimal {
  std::uint64_t mantissa = 0;
  int exp = 0;
  double to_double(int extra_exp = 0) const;
};

enum class NumKind : std::uint8_t { none, digit, zero, small_unit, big_unit, point };

struct NumChar {
  NumKind kind = NumKind::none;
  int value = 0;        // digit value; 10/100/1000 for small units; 4/8 (power) for big units
  bool formal = false;  // 壹 贰 叁 肆 伍 陆 柒 捌 玖 拾 佰 仟: also ordinary words (陆地, 收拾)
};

NumChar classify(char32_t c);

struct Numeral {
  double value = 0;
  std::size_t begin = 0, end = 0;
  int chinese_chars = 0;   // Chinese numeral characters read (units included)
  bool arabic = false;     // has Arabic digits
  bool decimal = false;    // has a fractional part
  bool multiplied = false; // a 十/百/千/万/亿 was applied
  bool all_formal = true;  // every Chinese character was a formal numeral
  bool leading_zero = false;  // Arabic integer part like 0371
  int int_digits = 0;      // digits of the first Arabic integer part
  bool run_on = false;     // stopped before a Chinese digit it cannot take (十四五, 二三十)
  int trailing_power = 0;  // powers of ten of the units that end it (5万 → 4, 3千亿 → 11)
};

// Reads the longest numeral starting exactly at `pos`. When `units` is given,
// stops before a multiplier character that begins a unit surface (千瓦, 千米,
// 百分点), so the unit wins. std::nullopt when no numeral starts at `pos`.
std::optional<Numeral> read_numeral(std::string_view text, std::size_t pos, const UnitMatcher* units);

}  // namespace policydb::numbers_detail
