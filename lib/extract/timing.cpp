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

// The period matching `which` nearest before `pos` among those starting in
// [begin, end), else the first matching one at or after `pos`. Uses the
// precomputed prev/next tables, so a long paragraph costs O(log n) per figure
// instead of a scan back to its start.
const PeriodMatch* nearest_before(const DocState& d, std::size_t begin, std::size_t end, std::size_t pos,
                                  PeriodKind which) {
  const PeriodIndex& idx = d.period_index[static_cast<std::size_t>(which)];
  auto at = [&](std::size_t p) {
    return static_cast<std::size_t>(std::lower_bound(d.periods.begin(), d.periods.end(), p,
                                                     [](const PeriodMatch& m, std::size_t x) { return m.begin < x; }) -
                                    d.periods.begin());
  };
  const std::size_t lo = at(begin);
  const std::size_t hi = std::max(lo, at(end));
  const std::size_t mid = std::clamp(at(pos), lo, hi);
  if (mid > lo && idx.prev[mid - 1] != kNoPeriod && idx.prev[mid - 1] >= lo) return &d.periods[idx.prev[mid - 1]];
  if (mid < hi && idx.next[mid] < hi) return &d.periods[idx.next[mid]];
  return nullptr;
}

bool matches(const DocState& d, const PeriodMatch& m, PeriodKind which) {
  if (m.role == PeriodRole::relative) return false;
  if (which == PeriodKind::deadline) return is_future(m, d.report_date);
  bool actual = !is_future(m, d.report_date) && m.role != PeriodRole::deadline && m.role != PeriodRole::plan &&
                !is_event_day(m) && !is_now(m, d.report_date, d.default_year);
  return which == PeriodKind::as_of ? actual && m.role == PeriodRole::as_of : actual;
}

}  // namespace

Timing choose_period(const DocState& d, std::size_t pos, std::size_t clause, bool want_deadline) {
  const Clause& c = d.layout.clauses[clause];
  const Sentence& s = d.layout.sentences[c.sentence];
  const Paragraph& p = d.layout.paragraphs[s.paragraph];
  const PeriodKind pred = want_deadline ? PeriodKind::deadline : PeriodKind::actual;
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
    if (const PeriodMatch* m =
            nearest_before(d, prev.span.begin, prev.span.end, prev.span.end, PeriodKind::as_of)) {
      return {as_reported(m->period), 2, false};
    }
  }
  return {Period::year(d.default_year), 3, false};
}

void index_periods(DocState& d) {
  const std::size_t n = d.periods.size();
  for (std::size_t k = 0; k < d.period_index.size(); ++k) {
    PeriodIndex& idx = d.period_index[k];
    idx.prev.assign(n, kNoPeriod);
    idx.next.assign(n + 1, n);
    for (std::size_t i = 0; i < n; ++i) {
      bool hit = matches(d, d.periods[i], static_cast<PeriodKind>(k));
      idx.prev[i] = hit ? i : i > 0 ? idx.prev[i - 1] : kNoPeriod;
    }
    for (std::size_t i = n; i-- > 0;) {
      idx.next[i] = matches(d, d.periods[i], static_cast<PeriodKind>(k)) ? i : idx.next[i + 1];
    }
  }
}

}  // namespace policydb::extract_detail
