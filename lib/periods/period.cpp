#include "policydb/period.h"

#include <charconv>

#include <fmt/format.h>

namespace policydb {
namespace {

// Reads exactly `width` ASCII digits at text[pos]; -1 if they are not there.
int read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + width, value);
  if (ec != std::errc{} || ptr != text.data() + pos + width) return -1;
  return value;
}

// One point form: YYYY, YYYY-MM, YYYY-Qn or YYYY-MM-DD.
std::optional<Period> parse_point(std::string_view text) {
  const int y = read_digits(text, 0, 4);
  if (y < 0) return std::nullopt;
  if (text.size() == 4) return Period::year(y);
  if (text[4] != '-') return std::nullopt;
  if (text.size() == 7 && text[5] == 'Q') {
    const int q = read_digits(text, 6, 1);
    if (q < 1 || q > 4) return std::nullopt;
    return Period::quarter(y, q);
  }
  const int m = read_digits(text, 5, 2);
  if (m < 1 || m > 12) return std::nullopt;
  if (text.size() == 7) return Period::month(y, m);
  if (auto d = Date::parse(text)) return Period::day(*d);
  return std::nullopt;
}

bool whole_years(const Date& s, const Date& e) {
  return s.month == 1 && s.day == 1 && e.month == 12 && e.day == 31;
}
bool whole_months(const Date& s, const Date& e) {
  return s.day == 1 && e.day == Date::days_in_month(e.year, e.month);
}

}  // namespace

bool Date::valid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

int Date::days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return (m == 2 && leap) ? 29 : kDays[m - 1];
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  Date d{read_digits(text, 0, 4), read_digits(text, 5, 2), read_digits(text, 8, 2)};
  if (!d.valid()) return std::nullopt;
  return d;
}

std::string Date::to_string() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }

std::string_view to_string(Grain grain) {
  switch (grain) {
    case Grain::day: return "day";
    case Grain::month: return "month";
    case Grain::quarter: return "quarter";
    case Grain::year: return "year";
    case Grain::span: return "span";
  }
  return "?";
}

Period Period::year(int y) { return {{y, 1, 1}, {y, 12, 31}, Grain::year}; }
Period Period::month(int y, int m) { return {{y, m, 1}, Date::last_of_month(y, m), Grain::month}; }
Period Period::quarter(int y, int q) {
  return {{y, 3 * q - 2, 1}, Date::last_of_month(y, 3 * q), Grain::quarter};
}
Period Period::day(Date d) { return {d, d, Grain::day}; }
Period Period::span(const Period& first, const Period& last) {
  return {first.start_, last.end_, Grain::span};
}

std::optional<Period> Period::parse(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) {
    auto p = parse_point(text);
    if (p && !p->valid()) return std::nullopt;
    return p;
  }
  auto first = parse_point(text.substr(0, slash));
  auto last = parse_point(text.substr(slash + 1));
  if (!first || !last || !first->valid() || !last->valid()) return std::nullopt;
  if (last->end_ < first->start_) return std::nullopt;
  return span(*first, *last);
}

std::string Period::to_string() const {
  if (!valid()) return {};
  switch (grain_) {
    case Grain::year: return fmt::format("{:04}", start_.year);
    case Grain::month: return fmt::format("{:04}-{:02}", start_.year, start_.month);
    case Grain::quarter: return fmt::format("{:04}-Q{}", start_.year, (start_.month + 2) / 3);
    case Grain::day: return start_.to_string();
    case Grain::span: break;
  }
  if (whole_years(start_, end_)) return fmt::format("{:04}/{:04}", start_.year, end_.year);
  if (whole_months(start_, end_)) {
    return fmt::format("{:04}-{:02}/{:04}-{:02}", start_.year, start_.month, end_.year,
                       end_.month);
  }
  return fmt::format("{}/{}", start_.to_string(), end_.to_string());
}

}  // namespace policydb
