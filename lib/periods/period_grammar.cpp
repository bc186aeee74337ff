#include "periods/period_grammar.h"

#include "periods/period_lexicon.h"
#include "periods/period_text.h"

namespace policydb::period_detail {
namespace {

using Parsed = std::optional<Expr>;
constexpr std::size_t kCjk = 3;  // every CJK character the grammar reads is 3 bytes

Expr point(const Fields& f, std::size_t end) {
  Expr e;
  e.first = e.last = f;
  e.end = end;
  return e;
}

// The character before `pos` is one of the words of `table`.
template <std::size_t N>
bool preceded_by(const Word (&table)[N], std::string_view text, std::size_t pos) {
  return pos >= kCjk && match(table, text, pos - kCjk) != nullptr;
}

bool month_follows(std::string_view text, std::size_t pos) {
  auto n = number_in(text, skip_spaces(text, pos), 1, 12);
  return n && at(text, skip_spaces(text, n->end), "月");
}

// 2023年, 二〇二三年, 07年, 18年10月, 今年, 上年度. Sets year or year_rel.
bool read_year(std::string_view text, std::size_t pos, Fields& f, std::size_t& end) {
  if (const Word* w = match(kRelativeYears, text, pos)) {
    if (w->text != "今年" && w->text != "明年" && preceded_by(kYearWordBlockers, text, pos)) {
      return false;
    }
    f.year_rel = true, f.offset = w->value, end = pos + w->text.size();
  } else {
    auto n = read_number(text, pos);
    if (!n || n->positional || n->value < 0) return false;
    const std::size_t p = skip_spaces(text, n->end);
    if (!at(text, p, "年")) return false;
    end = p + kCjk;
    if (n->digits == 4 && n->value >= 1000 && n->value <= 2999) {
      f.year = static_cast<int>(n->value);
    } else if (n->digits == 2 && (n->leading_zero || month_follows(text, end))) {
      f.year = static_cast<int>(n->value < 50 ? 2000 + n->value : 1900 + n->value);
    } else {
      return false;
    }
  }
  if (at(text, end, "度")) end += kCjk;
  return true;
}

// A day number and 日 (or 号 when a month was written): 20日, 三十一日.
bool read_day(std::string_view text, std::size_t pos, bool allow_hao, Fields& f,
              std::size_t& end) {
  auto n = number_in(text, pos, 1, 31);
  if (!n) return false;
  const std::size_t p = skip_spaces(text, n->end);
  if (!at(text, p, "日") && !(allow_hao && at(text, p, "号"))) return false;
  f.day = static_cast<int>(n->value);
  end = p + kCjk;
  return true;
}

// 10月, 十二月份, 10月20日, 11月20号, 10月底.
bool read_month(std::string_view text, std::size_t pos, Fields& f, std::size_t& end) {
  auto n = number_in(text, pos, 1, 12);
  if (!n) return false;
  std::size_t p = skip_spaces(text, n->end);
  if (!at(text, p, "月") || match(kMonthBlockers, text, p + kCjk)) return false;
  f.month = static_cast<int>(n->value);
  p += kCjk;
  if (at(text, p, "份")) p += kCjk;
  if (!read_day(text, skip_spaces(text, p), true, f, end)) end = p;
  if (f.day == 0 && match(kEndWords, text, end)) f.end_of = true, end += kCjk;
  return true;
}

// 第三季度, 三季度, 2季度, 第三季度末.
bool read_quarter(std::string_view text, std::size_t pos, Fields& f, std::size_t& end) {
  const std::size_t p = at(text, pos, "第") ? pos + kCjk : pos;
  auto n = number_in(text, p, 1, 4);
  if (!n || !at(text, n->end, "季度")) return false;
  f.quarter = static_cast<int>(n->value);
  end = n->end + 2 * kCjk;
  if (match(kEndWords, text, end)) f.end_of = true, end += kCjk;
  return true;
}

// 前三季度, 前10个月, 前两个月份.
bool read_first(std::string_view text, std::size_t pos, Fields& f, std::size_t& end) {
  if (!at(text, pos, "前")) return false;
  auto n = number_in(text, pos + kCjk, 1, 12);
  if (!n) return false;
  std::size_t p = n->end;
  if (at(text, p, "个")) p += kCjk;
  if (at(text, p, "季度") && n->value <= 4) {
    f.first_quarters = static_cast<int>(n->value), end = p + 2 * kCjk;
  } else if (at(text, p, "月")) {
    f.first_months = static_cast<int>(n->value), end = p + kCjk;
    if (at(text, end, "份")) end += kCjk;
  } else {
    return false;
  }
  return true;
}

// Units below a year: months, days, quarters, halves, 前N…, 全年, 年底.
Parsed read_unit(std::string_view text, std::size_t pos, Fields f) {
  std::size_t end = pos;
  if (read_month(text, pos, f, end) || read_quarter(text, pos, f, end) ||
      read_first(text, pos, f, end) || read_day(text, pos, false, f, end)) {
    return point(f, end);
  }
  if (const Word* w = match(kRelativeMonths, text, pos)) {
    f.month_rel = true, f.offset = w->value;
    end = pos + w->text.size();
    read_day(text, end, true, f, end);
    return point(f, end);
  }
  if (const Word* w = match(kRelativeDays, text, pos)) {
    f.day_rel = true, f.offset = w->value;
    return point(f, pos + w->text.size());
  }
  if (const Word* w = match(kHalves, text, pos)) {
    f.half = w->value;
    return point(f, pos + w->text.size());
  }
  if (const Word* w = match(kYearParts, text, pos)) {
    if (preceded_by(kEveryWords, text, pos) ||
        (pos >= 2 * kCjk && at(text, pos - 2 * kCjk, "每年"))) {
      return std::nullopt;
    }
    f.whole_year = true, f.end_of = w->value == 1;
    return point(f, pos + w->text.size());
  }
  return std::nullopt;
}

Parsed parse_calendar(std::string_view text, std::size_t pos, const Fields& base, bool allow_year,
                      bool bare_years);

// A year and what follows it (2023年1至9月, 今年10月底, 2025年底), or a unit alone.
Parsed parse_point(std::string_view text, std::size_t pos, const Fields& base, bool allow_year) {
  Fields f = base;
  std::size_t end = pos;
  if (allow_year) {
    if (auto iso = parse_iso(text, pos)) return iso;
  }
  if (!allow_year || !read_year(text, pos, f, end)) return read_unit(text, pos, base);
  std::size_t p = end;
  if (at(text, p, "的")) p += kCjk;
  if (auto tail = parse_calendar(text, skip_spaces(text, p), f, false, false)) return tail;
  if (match(kEndWords, text, end)) f.end_of = true, end += kCjk;
  return point(f, end);
}

// Connectors of spans: 1至9月, 2021—2025年, 1-10月, 2007年与2009年间.
bool read_connector(std::string_view text, std::size_t pos, std::size_t& end, bool& between) {
  const std::size_t p = skip_spaces(text, pos);
  const Word* w = match(kConnectors, text, p);
  if (w == nullptr) return false;
  between = w->value == 1;
  end = skip_spaces(text, p + w->text.size());
  return true;
}

// The second end borrows what it does not write from the first: 6月1日-30日.
void lend_fields(const Fields& first, Fields& last) {
  if (last.year == 0 && !last.year_rel) {
    last.year = first.year, last.year_rel = first.year_rel, last.offset = first.offset;
  }
  if (last.day != 0 && last.month == 0) last.month = first.month;
}

// A bare number before a connector takes the unit of the other end: 1至9月, 2021-2025年.
bool lend_unit(const Number& n, const Fields& last, Fields& first) {
  first = last;
  first.end_of = false;
  const long long v = n.value;
  if (last.day != 0) return (first.day = static_cast<int>(v)) >= 1 && v <= 31;
  if (last.month != 0) return (first.month = static_cast<int>(v)) >= 1 && v <= 12;
  if (last.quarter != 0) return (first.quarter = static_cast<int>(v)) >= 1 && v <= 4;
  const bool year_only = last.year != 0 && last.half == 0 && last.first_months == 0 &&
                         last.first_quarters == 0 && !last.whole_year;
  if (!year_only || n.digits != 4 || n.positional || v < 1000 || v > 2999) return false;
  first.year = static_cast<int>(v);
  return true;
}

Parsed finish_span(std::string_view text, const Fields& first, Expr last, bool between) {
  if (between) {
    if (at(text, last.end, "之间")) {
      last.end += 2 * kCjk;
    } else if (at(text, last.end, "间")) {
      last.end += kCjk;
    } else {
      return std::nullopt;
    }
  }
  last.first = first;
  last.is_span = true;
  return last;
}

// 从2016到2018: two bare four-digit years, only after 从.
Parsed bare_year_span(std::string_view text, const Number& n, std::size_t pos) {
  auto m = read_number(text, pos);
  if (!m || m->digits != 4 || m->positional || m->value < n.value || m->value > 2999) {
    return std::nullopt;
  }
  Expr e;
  e.first.year = static_cast<int>(n.value), e.last.year = static_cast<int>(m->value);
  e.is_span = true;
  e.end = m->end;
  return e;
}

Parsed bare_number_span(std::string_view text, std::size_t pos, const Fields& base,
                        bool allow_year, bool bare_years) {
  auto n = read_number(text, pos);
  std::size_t next = 0;
  bool between = false;
  if (!n || n->value < 0 || !read_connector(text, n->end, next, between) || between) {
    return std::nullopt;
  }
  auto last = parse_point(text, next, base, allow_year);
  Fields first;
  if (last && !last->is_span && lend_unit(*n, last->last, first)) {
    return finish_span(text, first, *last, false);
  }
  if (bare_years && n->digits == 4 && n->value >= 1000) return bare_year_span(text, *n, next);
  return std::nullopt;
}

Parsed parse_calendar(std::string_view text, std::size_t pos, const Fields& base, bool allow_year,
                      bool bare_years) {
  auto first = parse_point(text, pos, base, allow_year);
  if (!first) return bare_number_span(text, pos, base, allow_year, bare_years);
  std::size_t next = 0;
  bool between = false;
  if (first->is_span || !read_connector(text, first->end, next, between)) return first;
  auto last = parse_point(text, next, base, allow_year);
  if (!last || last->is_span) return first;
  lend_fields(first->last, last->last);
  auto span = finish_span(text, first->last, *last, between);
  return span ? span : first;
}

}  // namespace

Parsed parse_expr(std::string_view text, std::size_t pos, bool bare_years) {
  if (auto special = parse_special(text, pos)) return special;
  return parse_calendar(text, pos, Fields{}, true, bare_years);
}

}  // namespace policydb::period_detail
