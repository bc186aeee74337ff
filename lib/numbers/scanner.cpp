// The main loop and the number form: [bound word] numeral [余/多 multiplier]
// [unit | % | 成 | 倍 | 分之N] [range] [以上/左右 …]. Before a numeral becomes
// a quantity, the words around it may make it a name, a code or a date, which
// are skipped whole (see name_or_code and lexicon.h).
#include <cmath>

#include "numbers/lexicon.h"
#include "numbers/scanner.h"

namespace policydb::numbers_detail {
namespace {

constexpr std::size_t kNone = std::string_view::npos;

bool is_sign(char32_t c) { return c == '-' || c == U'−' || c == U'－' || c == U'负'; }

// Powers of ten of a trailing multiplier written after 余/多 (五百余万 → 4).
int multiplier_power(NumChar n) {
  if (n.kind == NumKind::big_unit) return n.value;
  if (n.kind == NumKind::small_unit) return n.value == 10 ? 1 : n.value == 100 ? 2 : 3;
  return 0;
}

}  // namespace

std::vector<Quantity> Scan::run() {
  std::vector<Quantity> out;
  std::size_t pos = 0;
  while (pos < text_.size()) {
    const CodePoint c = decode_at(text_, pos);
    if (is_ascii_letter(c.cp)) {
      pos = skip_ascii_run(pos);
      continue;
    }
    if (!may_start(c.cp)) {
      pos += c.size;
      continue;
    }
    Step step = dispatch(pos, c);
    if (step.quantity) out.push_back(std::move(*step.quantity));
    pos = std::max(step.next, pos + c.size);
  }
  return out;
}

Scan::Step Scan::dispatch(std::size_t pos, CodePoint c) {
  switch (c.cp) {
    case U'“': case U'「': case U'『': case U'《': case '"': {
      const auto end = skip_quoted(pos, c);
      return {std::nullopt, end.value_or(pos + c.size)};
    }
    case U'第': return ordinal(pos);
    case U'首': return first_place(pos);
    case U'翻': return doubling(pos);
    default: break;
  }
  if (const NumKind k = classify(c.cp).kind; k == NumKind::small_unit || k == NumKind::big_unit) {
    if (Step s = per_cent_words(pos, pos, Comparator::eq); s.next != 0) return s;
  }
  if (Step s = bounded(pos); s.next != 0) return s;
  if (is_sign(c.cp) || c.cp == '.') {
    const char32_t before = decode_before(text_, pos).cp;
    if (is_any_digit(before) || is_ascii_letter(before) || before == '.') return {std::nullopt, 0};
  }
  return number(pos, pos, Comparator::eq);
}

bool Scan::starts_numeral(std::size_t pos) const {
  CodePoint c = decode_at(text_, pos);
  if (is_sign(c.cp)) c = decode_at(text_, pos + c.size);
  const NumKind k = classify(c.cp).kind;
  return is_any_digit(c.cp) || (k != NumKind::none && k != NumKind::point);
}

Scan::Step Scan::bounded(std::size_t pos) {
  const auto bound = prefix_bound_at(text_, pos);
  if (!bound) return {};
  std::size_t p = pos + bound->word.size();
  if (!starts_numeral(p)) p += bound_link_at(text_, p);
  if (Step s = per_cent_words(pos, p, bound->comparator); s.next != 0) return s;
  if (!starts_numeral(p)) return {};
  Step s = number(pos, p, bound->comparator);
  if (s.next == 0) s.next = p;
  return s;
}

Scan::Step Scan::number(std::size_t begin, std::size_t pos, Comparator comparator) {
  const CodePoint first = decode_at(text_, pos);
  double sign = 1;
  std::size_t p = pos;
  if (is_sign(first.cp)) sign = -1, p += first.size;
  const auto n = read_numeral(text_, p, &units_);
  if (!n) return {};
  if (const auto skip = name_or_code(*n, pos)) return {std::nullopt, *skip};
  if (!n->arabic && n->chinese_chars == 1 && (n->all_formal || n->value == 0)) {
    return {std::nullopt, n->end};  // 陆地, 拾起, 零部件
  }
  if (const std::size_t k = period_follower_at(text_, n->end)) {
    // 日元 is a unit, 个月 a period: the longer reading wins.
    const auto unit = units_.match(text_, n->end);
    if (!unit || unit->length <= k) return {std::nullopt, n->end + k};
  }
  if (const std::size_t k = name_follower_at(text_, n->end, !n->arabic)) {
    return {std::nullopt, n->end + k};
  }
  Quantity q;
  q.value = sign * n->value;
  q.comparator = comparator;
  q.begin = begin;
  q.number_begin = pos;
  q.number_end = n->end;
  std::size_t e = take_approx(q, n->end);
  const std::size_t after_unit = take_unit(q, *n, e);
  if (after_unit == kNone) return {std::nullopt, skip_ascii_run(e)};
  bool period = false;
  const std::size_t after_range = take_range(q, *n, after_unit, &period);
  if (period) return {std::nullopt, after_range};
  if (after_range == e && e == n->end && (is_lone_word(*n, pos) || is_bare_year(*n))) {
    return {std::nullopt, e};
  }
  e = after_range;
  if (const std::size_t k = name_follower_at(text_, e, false)) return {std::nullopt, e + k};  // 5000亿元级
  q.end = take_suffix_bound(q, e);
  return {std::move(q), q.end};
}

// Numbers that belong to names, codes, dates and times; returns where to resume.
std::optional<std::size_t> Scan::name_or_code(const Numeral& n, std::size_t pos) const {
  if (const std::size_t k = numeral_word_at(text_, pos)) return pos + k;
  if (n.run_on) {
    std::size_t e = n.end;
    for (CodePoint c = decode_at(text_, e); classify(c.cp).kind != NumKind::none;
         c = decode_at(text_, e)) {
      e += c.size;
    }
    return e;
  }
  if (!n.arabic) return std::nullopt;
  const CodePoint next = decode_at(text_, n.end);
  const char32_t after = decode_at(text_, n.end + next.size).cp;
  const bool digit_after = is_any_digit(after);
  if (n.leading_zero || (n.int_digits >= 11 && !n.decimal)) return skip_code_run(n.end);
  if ((next.cp == '.' || next.cp == ':' || next.cp == '/') && digit_after) {
    return skip_code_run(n.end);  // 1.2.3, 10:30, 2023/10/31
  }
  if (next.cp == '-' && digit_after) {
    const bool year = n.int_digits == 4 && !n.decimal && n.value >= 1900 && n.value <= 2100;
    std::size_t d = n.end + 1;
    while (d < text_.size() && is_ascii_digit(static_cast<unsigned char>(text_[d]))) ++d;
    CodePoint before = decode_before(text_, pos);
    if (before.cp == ' ') before = decode_before(text_, pos - 1);
    if ((year && d - n.end - 1 <= 2) || is_ascii_letter(before.cp)) return skip_code_run(n.end);
  }
  return std::nullopt;
}

// A lone Chinese digit inside a word (一体化, 四川, 之一, 陆地) is not a number.
bool Scan::is_lone_word(const Numeral& n, std::size_t pos) const {
  if (n.arabic || n.chinese_chars != 1) return false;
  if (n.all_formal) return true;
  const char32_t next = decode_at(text_, n.end).cp;
  return is_cjk(next) || joins_lone_digit(decode_before(text_, pos).cp);
}

// 2023数字经济: a bare year-like integer before a word is a year in a name or title.
bool Scan::is_bare_year(const Numeral& n) const {
  return n.arabic && !n.decimal && !n.multiplied && n.int_digits == 4 && n.value >= 1949 &&
         n.value <= 2100 && is_cjk(decode_at(text_, n.end).cp);
}

std::size_t Scan::take_approx(Quantity& q, std::size_t pos) const {
  const std::size_t k = approx_marker_at(text_, pos);
  if (k == 0) return pos;
  if (q.comparator == Comparator::eq) q.comparator = Comparator::gt;
  pos += k;
  for (CodePoint c = decode_at(text_, pos); c.size > 0; c = decode_at(text_, pos)) {
    const int power = multiplier_power(classify(c.cp));
    if (power == 0 || units_.starts_at(text_, pos)) break;
    q.value *= std::pow(10.0, power);
    pos += c.size;
  }
  return pos;
}

// The unit after the number; returns its end, `pos` when there is none, or
// kNone when Latin letters follow that are no unit (5G, 4K: a name).
std::size_t Scan::take_unit(Quantity& q, const Numeral& n, std::size_t pos) const {
  const CodePoint c = decode_at(text_, pos);
  if (c.cp == '%' || c.cp == U'％' || c.cp == U'‰') {
    q.unit = "%";
    if (c.cp == U'‰') q.value /= 10;
    return pos + c.size;
  }
  if (c.cp == U'成' && q.value > 0 && q.value <= 10) {
    q.value *= 10, q.unit = "%", q.is_fraction_or_share = true;
    return take_half(q, pos + c.size, 5);  // 三成半 = 35 %
  }
  if (c.cp == U'倍') {
    q.is_multiple = true;
    return pos + c.size;
  }
  if (at(text_, pos, "分之")) {
    const std::size_t p = pos + std::string_view("分之").size();
    const auto numerator = read_numeral(text_, p, nullptr);
    if (!numerator || q.value == 0) return pos;
    q.value = numerator->value / q.value * 100, q.unit = "%", q.is_fraction_or_share = true;
    q.number_end = numerator->end;
    return numerator->end;
  }
  std::size_t p = pos;
  while (p < pos + 2 && at(text_, p, " ")) ++p;  // 100 Gbps
  if (const auto m = units_.match(text_, p); m && (p == pos || m->single_latin ||
                                                   is_ascii_letter(decode_at(text_, p).cp))) {
    const bool small_integer = !n.decimal && !n.multiplied && n.int_digits <= 1;
    if (m->single_latin && small_integer && n.arabic) return kNone;
    q.unit = *m->code;
    return take_half(q, p + m->length, 0.5);
  }
  return is_ascii_letter(c.cp) ? kNone : pos;
}

// 一吨半, 两米半: half a unit more.
std::size_t Scan::take_half(Quantity& q, std::size_t pos, double half) const {
  if (!at(text_, pos, "半") || at(text_, pos, "半数") || q.value != std::floor(q.value)) return pos;
  q.value += half;
  return pos + std::string_view("半").size();
}

std::size_t Scan::take_range(Quantity& q, const Numeral& n, std::size_t pos, bool* period) const {
  bool dash = false;
  const std::size_t k = range_link_at(text_, pos, &dash);
  if (k == 0) return pos;
  const auto high = read_numeral(text_, pos + k, &units_);
  if (!high || high->run_on || (dash && !(n.arabic && high->arabic))) return pos;
  if (period_follower_at(text_, high->end) > 0) {
    *period = true;  // 1至9月, 2021-2025年: a span of time
    return high->end + period_follower_at(text_, high->end);
  }
  Quantity upper;
  upper.value = high->value;
  const std::size_t end = take_unit(upper, *high, high->end);
  if (end == kNone) return pos;
  if (!upper.unit.empty() && !q.unit.empty() && upper.unit != q.unit) return pos;
  if (upper.unit.empty() && !q.unit.empty()) return pos;
  double low = q.value;
  if (q.unit.empty() && !n.multiplied && high->trailing_power > 0) {
    low *= std::pow(10.0, high->trailing_power);  // 3至5万 = 3万至5万
  }
  if (upper.value < low || upper.is_multiple != q.is_multiple) return pos;
  q.value = low;
  q.range_high = upper.value;
  if (q.unit.empty()) q.unit = upper.unit, q.is_fraction_or_share = upper.is_fraction_or_share;
  return end;
}

std::size_t Scan::take_suffix_bound(Quantity& q, std::size_t pos) const {
  const auto bound = suffix_bound_at(text_, pos);
  if (!bound) return pos;
  if (q.comparator == Comparator::eq) q.comparator = bound->comparator;
  return pos + bound->word.size();
}

}  // namespace policydb::numbers_detail
