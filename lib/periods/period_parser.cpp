// Period resolution: from time expressions in report text to closed Periods.
//
// Design note
// ===========
// States. A match goes through three states, each a plain value:
//   1. written    (period_grammar.cpp, period_special.cpp): an Expr holds the
//      calendar fields exactly as written. A missing year is 0; 今年/去年 are
//      "reference year + offset"; 本月/上个月 and 今天/昨天 likewise for months
//      and days. Nothing is resolved yet, so the two ends of a span can lend each
//      other what they leave out (1至9月 → both months; 6月1日-30日 → the month).
//   2. resolved   (here): fields become a Period against the reference date.
//   3. classified (here): cue words around the expression give it a role.
//
// Resolution against the reference date (the report's publication date), and why:
//   * 今年/本年 = the reference year; 去年/上年 = -1; 前年 = -2; 明年 = +1. A
//     report speaks from its publication date, so its "this year" is that year.
//   * A month, quarter, half or day written without a year takes the reference
//     year (报告 of 2023-11-20: "10月底" is October 2023). A day without a month
//     takes the reference month. We do not guess "the most recent past October":
//     reports name the months of their own year, and targets (明年3月) say so.
//   * A span whose second month precedes the first without any year written
//     (8月至2月) runs into the next year.
//   * 目前/当前/至今 = as of the reference month (month grain): stock figures in
//     reports are monthly at the finest, and the month is what a reader can check.
//   * 同比 = the year before the reference year (the comparison base of a growth
//     rate in a report of year Y is usually Y-1); 比上年 is the same through 上年.
//   * 今后五年/未来3年 = a deadline in reference year + N (plans count whole years).
//   * 近三年/过去五年 = the last N completed years, [Y-N, Y-1]; 近6个月 likewise in
//     months. Reports cite completed statistics, so the current year is excluded.
//   * “十N五” = plan N, 1966 + 5 (N - 3) … + 4 (十四五 = 2021–2025); 末 = its last year.
//   * An invalid reference skips exactly the expressions that need it.
//
// Roles, first rule that applies: 比/较 before → relative; a plan → plan; 今后N年,
// 力争/争取/预计, or 前/以前/之前 after → deadline; 到/至 before → deadline if the
// period ends after the reference date, else as_of (到2022年底 in a 2023 report is a
// stock); 截至/截止, 目前, 底/末, “十三五”末 → as_of; 同比 → relative; two ends,
// 前N个月/前三季度, 近N年 → span; otherwise point.
//
// Invariants: matches are in text order and never overlap; every byte read is
// bounds-checked; the work per start position is bounded by a constant (numerals
// are read to at most 12 characters, at most two spaces are skipped), so
// find_periods is linear in the text size.
#include "policydb/periods.h"

#include <algorithm>

#include "periods/period_grammar.h"
#include "periods/period_lexicon.h"
#include "periods/period_text.h"

namespace policydb {
namespace {

using period_detail::Expr;
using period_detail::Fields;
using period_detail::Form;
using period_detail::kCueAsOf;
using period_detail::kCueTarget;
using period_detail::kCueTo;
using period_detail::kCueVersus;
using period_detail::match;
using period_detail::Word;

Date add_days(Date d, int days) {
  for (; days > 0; --days) {
    if (++d.day > Date::days_in_month(d.year, d.month)) d.day = 1, d.month = d.month % 12 + 1;
    if (d.month == 1 && d.day == 1) ++d.year;
  }
  for (; days < 0; ++days) {
    if (--d.day == 0) {
      if (--d.month == 0) d.month = 12, --d.year;
      d.day = Date::days_in_month(d.year, d.month);
    }
  }
  return d;
}

// The month `offset` months from (year, month), as a month Period.
Period month_from(int year, int month, int offset) {
  const int index = year * 12 + (month - 1) + offset;
  return Period::month(index / 12, index % 12 + 1);
}

bool plausible_year(int y) { return y >= 1 && y <= 9998; }

std::optional<Period> relative_unit(const Fields& f, const Date& ref) {
  if (f.day_rel) return Period::day(add_days(ref, f.offset));
  const Period m = month_from(ref.year, ref.month, f.offset);
  if (f.day == 0) return m;
  const Date d{m.start().year, m.start().month, f.day};
  return d.valid() ? std::optional<Period>(Period::day(d)) : std::nullopt;
}

// The Period of one point's fields; sets `relative` when the reference filled a field.
std::optional<Period> resolve_fields(const Fields& f, const Date& ref, bool& relative) {
  const bool needs_ref = f.year == 0 || f.month_rel || f.day_rel || (f.day != 0 && f.month == 0);
  if (needs_ref && !ref.valid()) return std::nullopt;
  relative |= needs_ref;
  if (f.month_rel || f.day_rel) return relative_unit(f, ref);
  const int y = f.year != 0 ? f.year : ref.year + (f.year_rel ? f.offset : 0);
  if (!plausible_year(y)) return std::nullopt;
  if (f.day != 0) {
    const Date d{y, f.month != 0 ? f.month : ref.month, f.day};
    return d.valid() ? std::optional<Period>(Period::day(d)) : std::nullopt;
  }
  if (f.month != 0) return Period::month(y, f.month);
  if (f.quarter != 0) return Period::quarter(y, f.quarter);
  if (f.first_quarters != 0) return Period::span(Period::month(y, 1), Period::quarter(y, f.first_quarters));
  if (f.first_months != 0) return Period::span(Period::month(y, 1), Period::month(y, f.first_months));
  if (f.half != 0) {
    return Period::span(Period::month(y, 6 * f.half - 5), Period::month(y, 6 * f.half));
  }
  return Period::year(y);
}

std::optional<Period> resolve_span(const Expr& e, const Date& ref, bool& relative) {
  auto first = resolve_fields(e.first, ref, relative);
  auto last = resolve_fields(e.last, ref, relative);
  if (!first || !last) return std::nullopt;
  const bool no_years = e.first.year == 0 && !e.first.year_rel && e.last.year == 0 &&
                        !e.last.year_rel && !e.last.month_rel && !e.last.day_rel;
  if (last->end() < first->start() && no_years && e.last.month != 0) {
    Fields next_year = e.last;
    next_year.year = last->start().year + 1;
    last = resolve_fields(next_year, ref, relative);
  }
  if (!last || last->end() < first->start()) return std::nullopt;
  return Period::span(*first, *last);
}

// Forms measured from the reference date: 今后N年, 近N年, 近N个月, 目前, 同比.
std::optional<Period> resolve_from_reference(const Expr& e, const Date& ref) {
  if (!ref.valid()) return std::nullopt;
  switch (e.form) {
    case Form::ahead: return Period::year(ref.year + e.count);
    case Form::recent_years:
      return Period::span(Period::year(ref.year - e.count), Period::year(ref.year - 1));
    case Form::recent_months:
      return Period::span(month_from(ref.year, ref.month, -e.count),
                          month_from(ref.year, ref.month, -1));
    case Form::now: return Period::month(ref.year, ref.month);
    case Form::yoy: return Period::year(ref.year - 1);
    default: return std::nullopt;
  }
}

std::optional<Period> resolve(const Expr& e, const Date& ref, bool& relative) {
  switch (e.form) {
    case Form::calendar:
      return e.is_span ? resolve_span(e, ref, relative) : resolve_fields(e.last, ref, relative);
    case Form::plan: return Period::span(Period::year(e.count), Period::year(e.count + 4));
    case Form::plan_end: return Period::year(e.count + 4);
    default: relative = true; return resolve_from_reference(e, ref);
  }
}

bool is_span_form(const Expr& e) {
  return e.is_span || e.form == Form::recent_years || e.form == Form::recent_months ||
         (e.form == Form::calendar && (e.last.first_months != 0 || e.last.first_quarters != 0));
}

PeriodRole classify(const Expr& e, int cue, bool due_suffix, const PeriodMatch& m,
                    const Date& ref) {
  if (cue == kCueVersus) return PeriodRole::relative;
  if (e.form == Form::plan) return PeriodRole::plan;
  if (e.form == Form::ahead || cue == kCueTarget || due_suffix) return PeriodRole::deadline;
  if (cue == kCueTo) {
    const bool past = e.form == Form::now || (ref.valid() && !(ref < m.period.end()));
    return past ? PeriodRole::as_of : PeriodRole::deadline;
  }
  if (cue == kCueAsOf || e.form == Form::now || e.form == Form::plan_end ||
      (e.form == Form::calendar && e.last.end_of)) {
    return PeriodRole::as_of;
  }
  if (e.form == Form::yoy) return PeriodRole::relative;
  return is_span_form(e) ? PeriodRole::span : PeriodRole::point;
}

// Deadline suffixes and trailers after the expression; returns the new end.
std::size_t read_suffixes(std::string_view text, std::size_t end, bool& due_suffix) {
  if (const Word* w = match(period_detail::kDeadlineSuffixes, text, end)) {
    if (!period_detail::at(text, end + w->text.size(), "后")) {  // 2020年前后 = around 2020
      due_suffix = true;
      end += w->text.size();
    }
  }
  if (const Word* w = match(period_detail::kTrailers, text, end)) end += w->text.size();
  return end;
}

// `parsed_end` is set to the end of a written expression even when it does not
// resolve (2019年2月29日), so the scanner does not restart inside it (at 29日).
std::optional<PeriodMatch> match_with_cue(std::string_view text, std::size_t pos, int cue,
                                          std::size_t expr_pos, const Date& ref,
                                          std::size_t& parsed_end) {
  auto e = period_detail::parse_expr(text, expr_pos, cue == period_detail::kCueFrom);
  if (!e) return std::nullopt;
  parsed_end = std::max(parsed_end, e->end);
  PeriodMatch m;
  auto period = resolve(*e, ref, m.relative_to_reference);
  if (!period || !period->valid()) return std::nullopt;
  m.period = *period;
  bool due_suffix = false;
  m.begin = pos;
  m.end = read_suffixes(text, e->end, due_suffix);
  m.role = classify(*e, cue, due_suffix, m, ref);
  m.future = ref.valid() && ref < m.period.end();
  return m;
}

// The expression starting at pos with its cue word, or the expression without
// the cue when the cue word is itself the start of one (至今, 到目前).
std::optional<PeriodMatch> match_at(std::string_view text, std::size_t pos, const Date& ref,
                                    std::size_t& parsed_end) {
  if (const auto* w = period_detail::match(period_detail::kPrefixes, text, pos)) {
    if (auto m = match_with_cue(text, pos, w->value, pos + w->text.size(), ref, parsed_end)) {
      return m;
    }
  }
  return match_with_cue(text, pos, period_detail::kCueNone, pos, ref, parsed_end);
}

bool is_numeral(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || period_detail::chinese_digit(cp) >= 0;
}

}  // namespace

std::vector<PeriodMatch> find_periods(std::string_view text, const Date& reference) {
  std::vector<PeriodMatch> found;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80 && !(byte >= '0' && byte <= '9') && byte != '"') {
      ++pos;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = period_detail::decode(text, pos, cp);
    if (!period_detail::can_start(cp)) {
      pos += len;
      continue;
    }
    std::size_t parsed_end = 0;
    if (auto m = match_at(text, pos, reference, parsed_end)) {
      pos = m->end;
      found.push_back(*m);
    } else if (parsed_end > pos) {
      pos = parsed_end;  // written but unresolvable: skip it whole
    } else if (is_numeral(cp)) {
      pos += period_detail::run_length(text, pos);  // never restart inside a number
    } else {
      pos += len;
    }
  }
  return found;
}

std::optional<PeriodMatch> parse_period(std::string_view text, const Date& reference) {
  std::size_t parsed_end = 0;
  auto m = match_at(text, 0, reference, parsed_end);
  if (!m || m->end != text.size()) return std::nullopt;
  return m;
}

std::string_view to_string(PeriodRole role) {
  switch (role) {
    case PeriodRole::point: return "point";
    case PeriodRole::as_of: return "as_of";
    case PeriodRole::span: return "span";
    case PeriodRole::deadline: return "deadline";
    case PeriodRole::plan: return "plan";
    case PeriodRole::relative: return "relative";
  }
  return "?";
}

}  // namespace policydb
