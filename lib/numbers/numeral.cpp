// Chinese numerals are composed positionally: a digit fills the slot, 十/百/千
// move the slot into the current section (below 万), 万 moves the section into
// the 万 group and 亿 moves everything below it into the 亿 group. 万万 and 万亿
// multiply what came before. A digit that directly follows a unit with no 零 in
// between is an elided lower unit (一万三 = 13000, 两千四百五 = 2450).
// Arabic digits may fill the slot (3万4000, 2千零30万, 1.9万亿).
#include "numbers/numeral.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "numbers/unit_matcher.h"
#include "numbers/utf8.h"

namespace policydb::numbers_detail {
namespace {

struct NumCharEntry {
  char32_t cp;
  NumChar info;
};

// Sorted by code point for binary search (checked by a static_assert below).
constexpr std::array<NumCharEntry, 30> kNumChars = {{
    {U'〇', {NumKind::zero, 0, false}},  {U'一', {NumKind::digit, 1, false}},
    {U'七', {NumKind::digit, 7, false}},  {U'万', {NumKind::big_unit, 4, false}},
    {U'三', {NumKind::digit, 3, false}},  {U'两', {NumKind::digit, 2, false}},
    {U'九', {NumKind::digit, 9, false}},  {U'二', {NumKind::digit, 2, false}},
    {U'五', {NumKind::digit, 5, false}},  {U'亿', {NumKind::big_unit, 8, false}},
    {U'仟', {NumKind::small_unit, 1000, true}},  {U'伍', {NumKind::digit, 5, true}},
    {U'佰', {NumKind::small_unit, 100, true}},  {U'八', {NumKind::digit, 8, false}},
    {U'六', {NumKind::digit, 6, false}},  {U'十', {NumKind::small_unit, 10, false}},
    {U'千', {NumKind::small_unit, 1000, false}},  {U'叁', {NumKind::digit, 3, true}},
    {U'四', {NumKind::digit, 4, false}},  {U'壹', {NumKind::digit, 1, true}},
    {U'拾', {NumKind::small_unit, 10, true}},  {U'捌', {NumKind::digit, 8, true}},
    {U'柒', {NumKind::digit, 7, true}},  {U'点', {NumKind::point, 0, false}},
    {U'玖', {NumKind::digit, 9, true}},  {U'百', {NumKind::small_unit, 100, false}},
    {U'肆', {NumKind::digit, 4, true}},  {U'贰', {NumKind::digit, 2, true}},
    {U'陆', {NumKind::digit, 6, true}},  {U'零', {NumKind::zero, 0, false}},
}};

constexpr bool is_sorted_by_code_point() {
  for (std::size_t i = 1; i < kNumChars.size(); ++i) {
    if (kNumChars[i - 1].cp >= kNumChars[i].cp) return false;
  }
  return true;
}
static_assert(is_sorted_by_code_point(), "kNumChars must be sorted for lower_bound");

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                             1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                             1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr std::uint64_t kMantissaLimit = 100000000000000000ULL;  // 1e17: room for one more digit

struct Arabic {
  Decimal number;
  std::size_t end = 0;
  int int_digits = 0;
  bool leading_zero = false;
  bool decimal = false;
};

void push_digit(Decimal& d, int digit, bool fraction) {
  if (d.mantissa >= kMantissaLimit) {
    if (!fraction) ++d.exp;  // keep the magnitude, drop precision beyond ~17 digits
    return;
  }
  d.mantissa = d.mantissa * 10 + static_cast<std::uint64_t>(digit);
  if (fraction) --d.exp;
}

// Digits from `pos`; returns the end and the count.
std::size_t read_digits(std::string_view text, std::size_t pos, Decimal& d, bool fraction, int& count) {
  for (CodePoint c = decode_at(text, pos); is_any_digit(c.cp); c = decode_at(text, pos)) {
    push_digit(d, digit_value(c.cp), fraction);
    pos += c.size;
    ++count;
  }
  return pos;
}

// A ",ddd" thousands group at pos (exactly three digits, no fourth).
bool is_group(std::string_view text, std::size_t pos) {
  if (!at(text, pos, ",")) return false;
  std::size_t p = pos + 1;
  for (int i = 0; i < 3; ++i) {
    const CodePoint c = decode_at(text, p);
    if (!is_any_digit(c.cp)) return false;
    p += c.size;
  }
  return !is_any_digit(decode_at(text, p).cp);
}

Arabic read_arabic(std::string_view text, std::size_t pos) {
  Arabic a;
  if (text[pos] == '.') {  // .5: the caller checked that a digit follows
    int n = 0;
    a.end = read_digits(text, pos + 1, a.number, true, n);
    a.decimal = true;
    return a;
  }
  const bool zero_first = decode_at(text, pos).cp == '0' || decode_at(text, pos).cp == 0xFF10;
  pos = read_digits(text, pos, a.number, false, a.int_digits);
  if (a.int_digits <= 3) {
    while (is_group(text, pos)) {
      int n = 0;
      pos = read_digits(text, pos + 1, a.number, false, n);
    }
  }
  a.leading_zero = zero_first && a.int_digits >= 2;
  const CodePoint dot = decode_at(text, pos);
  if ((dot.cp == '.' || dot.cp == 0xFF0E) && is_any_digit(decode_at(text, pos + dot.size).cp)) {
    int n = 0;
    pos = read_digits(text, pos + dot.size, a.number, true, n);
    a.decimal = true;
  }
  a.end = pos;
  return a;
}

// The positional composer described at the top of the file.
class Composer {
 public:
  bool digit(int d) {
    if (last_ == Last::digit || last_ == Last::arabic || last_ == Last::fraction) return false;
    slot_ = Decimal{static_cast<std::uint64_t>(d), 0};
    has_slot_ = true;
    last_ = Last::digit;
    return true;
  }
  bool zero() {
    if (last_ == Last::digit || last_ == Last::arabic || last_ == Last::fraction) return false;
    zero_after_unit_ = true;
    last_ = Last::zero;
    return true;
  }
  bool arabic(const Decimal& d) {
    if (last_ == Last::digit || last_ == Last::arabic || last_ == Last::fraction) return false;
    slot_ = d;
    has_slot_ = true;
    last_ = Last::arabic;
    return true;
  }
  bool fraction(const Decimal& frac) {
    if (last_ == Last::fraction || last_ == Last::start) return false;
    double whole = has_slot_ ? slot_double(0) : 0;
    // 两千三点一 = 2300.1: the elided unit applies before the decimal point too.
    if (last_ == Last::digit && !zero_after_unit_ && last_unit_power_ >= 2) {
      whole = slot_double(last_unit_power_ - 1);
    }
    slot_value_override_ = whole + frac.to_double();
    has_slot_ = true;
    last_ = Last::fraction;
    return true;
  }
  bool small_unit(int unit);
  bool big_unit(int power);
  double value() const;
  bool empty() const { return last_ == Last::start; }

 private:
  enum class Last { start, digit, zero, arabic, fraction, small_unit, big_unit };
  double slot_double(int extra_exp) const {
    if (slot_value_override_) return *slot_value_override_ * kPow10[extra_exp];
    return slot_.to_double(extra_exp);
  }
  void clear_slot() {
    has_slot_ = false;
    slot_ = {};
    slot_value_override_.reset();
  }

  Decimal slot_;
  std::optional<double> slot_value_override_;  // a slot with a Chinese decimal part
  bool has_slot_ = false;
  double section_ = 0, wan_ = 0, yi_ = 0;
  int section_min_unit_ = 10000;  // units within a section must decrease
  int last_unit_power_ = 0;       // of the last unit, for elision
  bool zero_after_unit_ = false;
  Last last_ = Last::start;
};

bool Composer::small_unit(int unit) {
  if (unit >= section_min_unit_) return false;
  const int power = unit == 10 ? 1 : unit == 100 ? 2 : 3;
  if (has_slot_) {
    section_ += slot_double(power);
  } else if (last_ == Last::start || last_ == Last::zero || last_ == Last::big_unit) {
    section_ += unit;  // 十五, 一万零十二: an implicit 一
  } else {
    return false;
  }
  clear_slot();
  section_min_unit_ = unit;
  last_unit_power_ = power;
  zero_after_unit_ = false;
  last_ = Last::small_unit;
  return true;
}

bool Composer::big_unit(int power) {
  const bool has_below = has_slot_ || section_ > 0;
  const double slot = has_slot_ ? slot_double(power) : 0;
  if (power == 4) {
    if (has_below) {
      wan_ += section_ * 1e4 + slot;
    } else if (wan_ > 0 && last_ == Last::big_unit) {
      wan_ *= 1e4;  // 四万万
    } else {
      return false;
    }
  } else {
    if (has_below || wan_ > 0) {
      yi_ += (wan_ + section_) * 1e8 + slot;  // also 万亿: the 万 group times 1e8
    } else if (yi_ > 0 && last_ == Last::big_unit) {
      yi_ *= 1e8;
    } else {
      return false;
    }
    wan_ = 0;
  }
  section_ = 0;
  clear_slot();
  section_min_unit_ = 10000;
  last_unit_power_ = power;
  zero_after_unit_ = false;
  last_ = Last::big_unit;
  return true;
}

double Composer::value() const {
  double slot = has_slot_ ? slot_double(0) : 0;
  // 一万三 = 13000: a bare last digit right after a unit of 百 or more.
  if (last_ == Last::digit && !zero_after_unit_ && last_unit_power_ >= 2) {
    slot = slot_double(last_unit_power_ - 1);
  }
  return yi_ + wan_ + section_ + slot;
}

}  // namespace

double Decimal::to_double(int extra_exp) const {
  const int e = exp + extra_exp;
  const auto m = static_cast<double>(mantissa);
  if (e >= 0) return e <= 22 ? m * kPow10[e] : m * std::pow(10.0, e);
  return -e <= 22 ? m / kPow10[-e] : m / std::pow(10.0, -e);
}

NumChar classify(char32_t c) {
  const auto* it = std::lower_bound(kNumChars.begin(), kNumChars.end(), c,
                                    [](const NumCharEntry& e, char32_t v) { return e.cp < v; });
  return (it != kNumChars.end() && it->cp == c) ? it->info : NumChar{};
}

namespace {

// Fraction digits after 点: Chinese digits (not 两, which reads as a new number)
// or Arabic digits.
std::optional<std::pair<Decimal, std::size_t>> read_point_fraction(std::string_view text,
                                                                   std::size_t pos) {
  Decimal frac;
  int count = 0;
  for (CodePoint c = decode_at(text, pos); c.size > 0; c = decode_at(text, pos)) {
    int d = -1;
    if (is_any_digit(c.cp)) {
      d = digit_value(c.cp);
    } else if (const NumChar n = classify(c.cp);
               (n.kind == NumKind::digit && c.cp != U'两') || n.kind == NumKind::zero) {
      d = n.value;
    }
    if (d < 0) break;
    push_digit(frac, d, true);
    pos += c.size;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return std::make_pair(frac, pos);
}

struct Reader {
  std::string_view text;
  const UnitMatcher* units;
  Composer composer;
  Numeral out;
  bool last_was_unit = false;   // the previous token was a multiplier
  bool last_was_value = false;  // the previous token was a digit or Arabic number

  // Takes the token at pos; returns its end, or npos when the numeral ends here.
  std::size_t step(std::size_t pos) {
    const CodePoint c = decode_at(text, pos);
    if (is_any_digit(c.cp)) return take_arabic(pos);
    if (c.cp == '.' && pos == out.begin && is_ascii_digit(decode_at(text, pos + 1).cp)) {
      return take_arabic(pos);
    }
    const NumChar n = classify(c.cp);
    switch (n.kind) {
      case NumKind::none:
        return std::string_view::npos;
      case NumKind::point: {
        const auto frac = read_point_fraction(text, pos + c.size);
        if (!frac || !composer.fraction(frac->first)) return std::string_view::npos;
        out.decimal = true;
        last_was_unit = false;
        last_was_value = true;
        return frac->second;
      }
      case NumKind::small_unit:
      case NumKind::big_unit:
        if (units != nullptr && units->starts_at(text, pos)) return std::string_view::npos;
        if (c.cp == U'百' && at(text, pos + c.size, "分之")) return std::string_view::npos;
        if (!(n.kind == NumKind::small_unit ? composer.small_unit(n.value)
                                            : composer.big_unit(n.value))) {
          return std::string_view::npos;
        }
        out.multiplied = true;
        // 十 in 十万 stands for a number (an implicit 一), not a multiplier.
        if (last_was_unit || last_was_value) {
          out.trailing_power = (last_was_unit ? out.trailing_power : 0) +
                               (n.kind == NumKind::big_unit ? n.value : unit_power(n.value));
        }
        {
          const bool implicit_one = !last_was_unit && !last_was_value;
          if (implicit_one) out.trailing_power = 0;
          last_was_unit = !implicit_one;
          last_was_value = implicit_one;
        }
        ++out.chinese_chars;
        out.all_formal = out.all_formal && n.formal;
        return pos + c.size;
      case NumKind::digit:
        if (!composer.digit(n.value)) return std::string_view::npos;
        break;
      case NumKind::zero:
        if (!composer.zero()) return std::string_view::npos;
        break;
    }
    last_was_unit = false;
    last_was_value = n.kind == NumKind::digit;
    ++out.chinese_chars;
    out.all_formal = out.all_formal && n.formal;
    return pos + c.size;
  }

  static int unit_power(int unit) { return unit == 10 ? 1 : unit == 100 ? 2 : 3; }

  std::size_t take_arabic(std::size_t pos) {
    const Arabic a = read_arabic(text, pos);
    if (!composer.arabic(a.number)) return std::string_view::npos;
    if (!out.arabic) {
      out.int_digits = a.int_digits;
      out.leading_zero = a.leading_zero;
    }
    out.arabic = true;
    out.decimal = out.decimal || a.decimal;
    last_was_unit = false;
    last_was_value = true;
    return a.end;
  }
};

}  // namespace

std::optional<Numeral> read_numeral(std::string_view text, std::size_t pos, const UnitMatcher* units) {
  const CodePoint first = decode_at(text, pos);
  // A leading 百/千 stands for 一百/一千 only before a digit (千三 = 1300); 千家万户 is a word.
  if ((first.cp == U'百' || first.cp == U'千') &&
      classify(decode_at(text, pos + first.size).cp).kind != NumKind::digit) {
    return std::nullopt;
  }
  Reader r{text, units, {}, {}, false, false};
  r.out.begin = pos;
  std::size_t end = pos;
  for (std::size_t next = r.step(end); next != std::string_view::npos; next = r.step(end)) {
    end = next;
  }
  if (end == pos || r.composer.empty()) return std::nullopt;
  if (!r.out.arabic && r.out.chinese_chars == 0) return std::nullopt;
  r.out.end = end;
  r.out.value = r.composer.value();
  if (r.out.chinese_chars > 0) {
    const NumKind next = classify(decode_at(text, end).cp).kind;
    r.out.run_on = next == NumKind::digit || next == NumKind::zero;
  }
  return r.out;
}

}  // namespace policydb::numbers_detail
