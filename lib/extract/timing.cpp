// The period a figure holds for. Periods governing a figure come from, in
// order: its clause, the part of its sentence before it, the period its
// paragraph opens with (a topic: `今年,全省…`; for targets the latest deadline
// stated earlier in the paragraph: `到2030年…。届时…`), else the document's
// default year. Comparison bases (同比, 较上年, 比“十三五”末) never govern.
#include <algorithm>

#include "extract/extractor_impl.h"

namespace policydb::extract_detail {
namespace {

constexpr std::size_t kTopicReach = 12;  // bytes: a paragraph's opening period starts here

// Ahead of the report: a deadline or plan that ends after its date, or a
// period that starts after it. (目前 and 本月 contain the date: not ahead.)
bool is_future(const PeriodMatch& m, const Date& report) {
  if (!report.valid()) return m.role == PeriodRole::deadline;
  if (m.role == PeriodRole::deadline || m.role == PeriodRole::plan) return m.period.end() > report;
  return m.period.start() > report;
}

// 目前, 当前, 本月: "now". In a report that reviews the past year they mean that
// year's state, so they govern no more than an undated figure would.
// Likewise 全年 or 今年 in a report that reviews the year before its date.
bool is_now(const PeriodMatch& m, const Date& report, int default_year) {
  bool reviewing = default_year != report.year;
  return m.relative_to_reference && (m.period.grain() != Grain::year || reviewing) &&
         m.period.contains(report);
}

// An event's day (11月10日,…召开) dates the event, not a figure.
bool is_event_day(const PeriodMatch& m) { return m.role == PeriodRole::point && m.period.grain() == Grain::day; }

// A day that ends its month reads as that month (截至2024年12月31日 → 2024-12).
Period as_reported(const Period& p) {
  if (p.grain() == Grain::day && p.end() == Date::last_of_month(p.end().year, p.end().month)) {
    return Period::month(p.end().year, p.end().month);
  }
  return p;
}

template <typename Pred>
const PeriodMatch* nearest_before(const DocState& d, std::size_t begin, std::size_t end,
                                  std::size_t pos, const Pred& pred) {
  const PeriodMatch* best = nullptr;
  auto it = std::lower_bound(d.periods.begin(), d.periods.end(), begin,
                             [](const PeriodMatch& m, std::size_t p) { return m.begin < p; });
  for (; it != d.periods.end() && it->begin < end; ++it) {
    if (!pred(*it)) continue;
    if (it->begin < pos || !best) best = &*it;
    if (it->begin >= pos) break;
  }
  return best;
}

}  // namespace

Timing choose_period(const DocState& d, std::size_t pos, std::size_t clause, bool want_deadline) {
  const Clause& c = d.layout.clauses[clause];
  const Sentence& s = d.layout.sentences[c.sentence];
  const Paragraph& p = d.layout.paragraphs[s.paragraph];
  const Date report = d.report_date;
  auto pred = [&](const PeriodMatch& m) {
    if (m.role == PeriodRole::relative) return false;
    if (want_deadline) return is_future(m, report);
    return !is_future(m, report) && m.role != PeriodRole::deadline && m.role != PeriodRole::plan && !is_event_day(m) &&
           !is_now(m, report, d.default_year);
  };
  if (const PeriodMatch* m = nearest_before(d, c.span.begin, c.span.end, pos, pred)) {
    return {want_deadline ? Period::year(m->period.end().year) : as_reported(m->period), 0, want_deadline};
  }
  if (const PeriodMatch* m = nearest_before(d, s.span.begin, pos, pos, pred)) {
    return {want_deadline ? Period::year(m->period.end().year) : as_reported(m->period), 1, want_deadline};
  }
  if (want_deadline) {
    if (const PeriodMatch* m = nearest_before(d, p.span.begin, pos, pos, pred)) {
      return {Period::year(m->period.end().year), 2, true};
    }
    return {Period::year(d.report_date.valid() ? d.report_date.year : d.default_year), 3, false};
  }
  const Sentence& first = d.layout.sentences[p.first_sentence];
  if (const PeriodMatch* m = nearest_before(d, first.span.begin, first.span.begin + kTopicReach, pos, pred);
      m && m->begin < first.span.begin + kTopicReach && m->begin < pos) {
    return {as_reported(m->period), 2, false};
  }
  // A stock stated "as of" a date in the previous paragraph of the section
  // still holds for an undated figure that continues the account.
  if (s.paragraph > 0 && d.layout.paragraphs[s.paragraph - 1].section == p.section) {
    const Paragraph& prev = d.layout.paragraphs[s.paragraph - 1];
    auto as_of = [&](const PeriodMatch& m) { return pred(m) && m.role == PeriodRole::as_of; };
    if (const PeriodMatch* m = nearest_before(d, prev.span.begin, prev.span.end, prev.span.end, as_of)) {
      return {as_reported(m->period), 2, false};
    }
  }
  return {Period::year(d.default_year), 3, false};
}

}  // namespace policydb::extract_detail
