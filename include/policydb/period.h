// policydb/period.h: calendar dates and the closed spans a fact holds for.
//
// A Period is a closed span [start, end] of days with a grain. Its text form is
// the one ../gold/FORMAT.md and the database use:
//
//   2022               a year                  (grain year)
//   2023-10            a month, as of its end  (grain month)
//   2023-Q3            a quarter               (grain quarter)
//   2023-01/2023-09    a span of months        (grain span; also 2021/2025, days)
//   2024-12-31         one day                 (grain day)
//
//   auto p = policydb::Period::parse("2023-01/2023-09").value();
//   p.end();          // Date{2023, 9, 30}
//   p.to_string();    // "2023-01/2023-09"
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "policydb/export.h"

namespace policydb {

// A proleptic Gregorian calendar day. Value type; the default is the invalid 0-0-0.
struct POLICYDB_EXPORT Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..days_in_month

  auto operator<=>(const Date&) const = default;

  bool valid() const;
  // "YYYY-MM-DD"; std::nullopt unless the text is exactly that and a real day.
  static std::optional<Date> parse(std::string_view text);
  std::string to_string() const;  // "YYYY-MM-DD"
  static int days_in_month(int year, int month);
  static Date last_of_month(int year, int month) { return {year, month, days_in_month(year, month)}; }
};

enum class Grain { day, month, quarter, year, span };

POLICYDB_EXPORT std::string_view to_string(Grain grain);

class POLICYDB_EXPORT Period {
 public:
  Period() = default;  // an empty period: valid() is false

  static Period year(int y);
  static Period month(int y, int m);
  static Period quarter(int y, int q);  // q in 1..4
  static Period day(Date d);
  // A span from the first day of `first` to the last day of `last`. When both are
  // whole years or both whole months the text form uses them (2021/2025,
  // 2023-01/2023-09). REQUIRES: first.start() <= last.end().
  static Period span(const Period& first, const Period& last);

  // Parses the text form above; std::nullopt (never a throw) on anything else.
  static std::optional<Period> parse(std::string_view text);

  bool valid() const { return start_.valid(); }
  const Date& start() const { return start_; }
  const Date& end() const { return end_; }
  Grain grain() const { return grain_; }
  int end_year() const { return end_.year; }

  // The text form; a span that is neither whole years nor whole months prints
  // its days (2024-03-05/2024-04-10).
  std::string to_string() const;

  bool contains(const Date& d) const { return start_ <= d && d <= end_; }
  bool overlaps(const Period& other) const {
    return start_ <= other.end_ && other.start_ <= end_;
  }
  friend bool operator==(const Period&, const Period&) = default;

 private:
  Period(Date start, Date end, Grain grain) : start_(start), end_(end), grain_(grain) {}

  Date start_;
  Date end_;
  Grain grain_ = Grain::year;
};

}  // namespace policydb
