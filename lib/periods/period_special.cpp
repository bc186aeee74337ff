// Forms that are not calendar fields: ISO dates, five-year plans, 目前, 同比,
// 今后N年 and 近N年. Their resolution is in period_parser.cpp.
#include "periods/period_grammar.h"
#include "periods/period_lexicon.h"
#include "periods/period_text.h"
#include "policydb/period.h"

namespace policydb::period_detail {
namespace {

using Parsed = std::optional<Expr>;
constexpr std::size_t kCjk = 3;

bool is_digit(std::string_view text, std::size_t pos) {
  return pos < text.size() && text[pos] >= '0' && text[pos] <= '9';
}

// Exactly `lo`..`hi` ASCII digits at pos, not followed by another digit.
bool ascii_number(std::string_view text, std::size_t pos, int lo, int hi, int& value,
                  std::size_t& end) {
  int count = 0;
  value = 0;
  for (end = pos; is_digit(text, end) && count <= hi; ++end, ++count) {
    value = value * 10 + (text[end] - '0');
  }
  return count >= lo && count <= hi;
}

// " 13:26:28 +0800" or "T13:26" after an ISO date: consumed so the clock is not read again.
std::size_t skip_clock(std::string_view text, std::size_t pos) {
  int v = 0;
  std::size_t p = 0;
  if (pos >= text.size() || (text[pos] != ' ' && text[pos] != 'T')) return pos;
  if (!ascii_number(text, pos + 1, 2, 2, v, p) || !at(text, p, ":") ||
      !ascii_number(text, p + 1, 2, 2, v, p)) {
    return pos;
  }
  std::size_t end = p;
  if (at(text, end, ":") && ascii_number(text, end + 1, 2, 2, v, p)) end = p;
  if (at(text, end, " +") || at(text, end, " -")) {
    if (ascii_number(text, end + 2, 4, 4, v, p)) end = p;
  }
  return end;
}

}  // namespace

// 2024-01-25, 2010/1/29, 2010.01.29 (year, month, day in that order only).
Parsed parse_iso(std::string_view text, std::size_t pos) {
  Fields f;
  std::size_t p = 0;
  if (!ascii_number(text, pos, 4, 4, f.year, p) || p >= text.size()) return std::nullopt;
  const char sep = text[p];
  if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  if (!ascii_number(text, p + 1, 1, 2, f.month, p) || !at(text, p, std::string_view(&sep, 1)) ||
      !ascii_number(text, p + 1, 1, 2, f.day, p)) {
    return std::nullopt;
  }
  if (!Date{f.year, f.month, f.day}.valid() || f.year < 1000) return std::nullopt;
  Expr e;
  e.first = e.last = f;
  e.end = skip_clock(text, p);
  return e;
}

namespace {

// The plan's ordinal N of 十N五 (十一五 … 十九五) at pos; 0 if none.
int plan_ordinal(std::string_view text, std::size_t pos) {
  char32_t cp = 0;
  if (!at(text, pos, "十") || pos + kCjk >= text.size()) return 0;
  decode(text, pos + kCjk, cp);
  const int d = chinese_digit(cp);
  if (d < 1 || d > 9 || !at(text, pos + 2 * kCjk, "五")) return 0;
  return 10 + d;
}

bool numeral_at(std::string_view text, std::size_t pos) {
  char32_t cp = 0;
  return pos < text.size() && decode(text, pos, cp) == kCjk && chinese_digit(cp) >= 0;
}

bool numeral_before(std::string_view text, std::size_t pos) {
  return pos >= kCjk && numeral_at(text, pos - kCjk);
}

// “十四五”, 十四五时期, “十三五”末. China's third plan began in 1966 and every
// plan since has been five years long, so plan N starts in 1966 + 5 (N - 3).
Parsed parse_plan(std::string_view text, std::size_t pos) {
  const Word* open = match(kOpenQuotes, text, pos);
  const std::size_t p = open ? pos + open->text.size() : pos;
  const int ordinal = plan_ordinal(text, p);
  if (ordinal == 0 || (!open && numeral_before(text, pos))) return std::nullopt;
  std::size_t end = p + 3 * kCjk;
  if (const Word* close = match(kCloseQuotes, text, end)) {
    end += close->text.size();
  } else if (open || match(kPlanBlockers, text, end) || numeral_at(text, end)) {
    return std::nullopt;
  }
  Expr e;
  e.form = Form::plan;
  e.count = 1966 + 5 * (ordinal - 3);
  if (const Word* s = match(kPlanSuffixes, text, end)) {
    end += s->text.size();
    if (s->value == 1) e.form = Form::plan_end;
  }
  e.end = end;
  return e;
}

// 今后五年, 未来3年(内), 近三年(来), 过去五年, 近6个月.
Parsed parse_count(std::string_view text, std::size_t pos) {
  const Word* w = match(kAheadWords, text, pos);
  const bool ahead = w != nullptr;
  if (!ahead) w = match(kRecentWords, text, pos);
  if (w == nullptr || (!ahead && pos >= kCjk && match(kRecentBlockers, text, pos - kCjk))) {
    return std::nullopt;
  }
  auto n = number_in(text, skip_spaces(text, pos + w->text.size()), 1, 50);
  if (!n) return std::nullopt;
  std::size_t p = skip_spaces(text, n->end);
  Expr e;
  e.count = static_cast<int>(n->value);
  if (at(text, p, "年")) {
    e.form = ahead ? Form::ahead : Form::recent_years;
  } else if (!ahead && at(text, p, "个月")) {
    e.form = Form::recent_months, p += kCjk;
  } else {
    return std::nullopt;
  }
  e.end = p + kCjk;
  if (at(text, e.end, ahead ? "内" : "来")) e.end += kCjk;
  return e;
}

Parsed word_form(std::string_view text, std::size_t pos) {
  Expr e;
  if (const Word* w = match(kNowWords, text, pos)) {
    e.form = Form::now;
    e.end = pos + w->text.size();
    if (at(text, e.end, "为止")) e.end += 2 * kCjk;
    return e;
  }
  if (at(text, pos, "同比")) {
    e.form = Form::yoy;
    e.end = pos + 2 * kCjk;
    return e;
  }
  return std::nullopt;
}

}  // namespace

Parsed parse_special(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  if (is_digit(text, pos)) return std::nullopt;
  if (auto plan = parse_plan(text, pos)) return plan;
  if (auto word = word_form(text, pos)) return word;
  return parse_count(text, pos);
}

}  // namespace policydb::period_detail
