// Lists of figures and repeated statements.
//
// A list (7.6、4.8和9.8个百分点; 2579亿元、5868亿元) is a run of figures joined
// only by list separators inside one clause. Its members share the unit of the
// last member that has one and the words before the first; with 分别 and as
// many subjects as members (A率、B率、C率分别提升…), member k takes subject k.
//
// Deduplication keeps one candidate per statement: same region, kind,
// measure, unit, value and end year, and labels that name the same thing
// (similar, one inside the other, or one catalog code). The survivor is the one
// with the most specific period, then the one in body text, then the first.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <unordered_map>

#include "extract/extractor_impl.h"
#include "extract/label.h"
#include "extract/lexicon.h"
#include "extract/utf8.h"

namespace policydb::extract_detail {
namespace {

constexpr std::size_t kMaxSeparatorBytes = 9;
constexpr double kSameLabel = 0.5;
constexpr int kPreciseDigits = 4;

bool only_separators(std::string_view s) {
  if (s.size() > kMaxSeparatorBytes) return false;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = list_separators().match_at(s, i);
    if (!n) return false;
    i += n;
  }
  return true;
}

// Splits `subjects` (A、B、C) at 、 into cleaned labels.
std::vector<std::string> split_subjects(std::string_view subjects) {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    std::size_t mark = subjects.find("、", start);
    std::string_view item = subjects.substr(start, mark == std::string_view::npos ? std::string_view::npos : mark - start);
    out.push_back(label_before(item).text);
    if (mark == std::string_view::npos) break;
    start = mark + 3;
  }
  return out;
}

void distribute_respectively(DocState& d, const std::vector<std::size_t>& members) {
  const Quantity& head = d.quantities[members.front()];
  const Clause& c = d.layout.clauses[d.layout.clause_at(head.number_begin)];
  std::string_view before = d.text.substr(c.span.begin, head.begin - std::min(head.begin, c.span.begin));
  std::size_t len = 0;
  std::size_t at = respectively_words().find(before, 0, &len);
  if (at == std::string_view::npos) return;
  auto subjects = split_subjects(before.substr(0, at));
  if (subjects.size() != members.size()) return;
  std::string tail = label_before(before.substr(at + len)).text;
  for (std::size_t k = 0; k < members.size(); ++k) {
    if (!subjects[k].empty()) d.group_label[members[k]] = subjects[k] + tail;
  }
}

// Significant digits of a value (10816 → 5, 187000 → 3).
int significant_digits(double v) {
  std::string s = std::to_string(static_cast<long long>(std::llround(std::abs(v) * 100)));
  s.erase(0, std::min(s.find_first_not_of('0'), s.size()));
  while (!s.empty() && s.back() == '0') s.pop_back();
  return static_cast<int>(s.size());
}

bool same_statement(const Candidate& a, const Candidate& b) {
  const FactRecord& x = a.fact;
  const FactRecord& y = b.fact;
  // A headline restates a body figure without its period: compare it on the rest.
  bool precise = significant_digits(x.value) >= kPreciseDigits;
  bool same_year = x.period.end_year() == y.period.end_year() || a.heading || b.heading || precise;
  if (x.region != y.region || x.kind != y.kind || x.measure != y.measure || x.unit != y.unit || !same_year) {
    return false;
  }
  if (std::abs(x.value - y.value) > 0.005 * std::max(std::abs(x.value), std::abs(y.value))) return false;
  if (!x.metric_code.empty() && x.metric_code == y.metric_code) return true;
  // A precise figure (10816套) said twice is one statement, however it is introduced.
  if (significant_digits(x.value) >= kPreciseDigits) return true;
  if (x.metric.find(y.metric) != std::string::npos || y.metric.find(x.metric) != std::string::npos) return true;
  return label_similarity(x.metric, y.metric) >= kSameLabel;
}

std::string bucket_key(const FactRecord& f) {
  char value[32];
  std::snprintf(value, sizeof value, "%.2e", f.value);
  return f.region + '|' + std::string(to_string(f.kind)) + '|' + std::string(to_string(f.measure)) + '|' +
         f.unit + '|' + value;
}

bool better(const Candidate& a, const Candidate& b) {
  if (a.heading != b.heading) return !a.heading;
  if (a.period_rank != b.period_rank) return a.period_rank < b.period_rank;
  return a.quote_begin < b.quote_begin;
}

}  // namespace

void group_lists(DocState& d) {
  const std::size_t n = d.quantities.size();
  d.group_head.assign(n, 0);
  d.group_label.assign(n, {});
  for (std::size_t i = 0; i < n; ++i) {
    d.group_head[i] = i;
    if (i == 0) continue;
    const Quantity& a = d.quantities[i - 1];
    const Quantity& b = d.quantities[i];
    if (b.begin >= a.end && only_separators(d.text.substr(a.end, b.begin - a.end)) &&
        d.layout.clause_at(a.number_begin) == d.layout.clause_at(b.number_begin)) {
      d.group_head[i] = d.group_head[i - 1];
    }
  }
  for (std::size_t i = 0; i < n;) {
    std::vector<std::size_t> members{i};
    while (members.back() + 1 < n && d.group_head[members.back() + 1] == i) members.push_back(members.back() + 1);
    if (members.size() > 1) {
      const Quantity& last = d.quantities[members.back()];
      for (std::size_t m : members) {
        Quantity& q = d.quantities[m];
        if (q.unit.empty() && !q.is_multiple && !q.is_rank && !last.unit.empty()) {
          q.unit = last.unit;
          q.is_rank = last.is_rank;
        }
      }
      distribute_respectively(d, members);
    }
    i = members.back() + 1;
  }
}

std::vector<Candidate> deduplicate(std::vector<Candidate> candidates) {
  // Only candidates of one bucket (place, kind, measure, unit, value to three
  // digits) can state the same thing: comparing within buckets keeps a long
  // document linear instead of quadratic.
  std::unordered_map<std::string, std::vector<std::size_t>> buckets;
  for (std::size_t i = 0; i < candidates.size(); ++i) buckets[bucket_key(candidates[i].fact)].push_back(i);
  std::vector<bool> dropped(candidates.size(), false);
  for (const auto& [key, members] : buckets) {
    for (std::size_t a = 0; a < members.size(); ++a) {
      const std::size_t i = members[a];
      for (std::size_t b = a + 1; b < members.size() && !dropped[i]; ++b) {
        const std::size_t j = members[b];
        if (dropped[j] || !same_statement(candidates[i], candidates[j])) continue;
        (better(candidates[j], candidates[i]) ? dropped[i] : dropped[j]) = true;
      }
    }
  }
  std::vector<Candidate> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!dropped[i]) out.push_back(std::move(candidates[i]));
  }
  return out;
}

}  // namespace policydb::extract_detail
