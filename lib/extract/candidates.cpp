// One figure → one candidate fact: filter, label, measure, kind, period, place.
//
// Where each decision looks (all offsets in the normalized text):
//   window  from the clause start, the previous figure of the clause, or the
//           last period or place named before the figure, up to the figure:
//           the label and the measure cues.
//   clause  the clause up to the figure: actual cues, the national subject.
//   sentence up to the figure: intent cues (力争, 目标, 将 …), which govern
//           every later clause of the sentence.
#include <algorithm>

#include "extract/classify.h"
#include "extract/extractor_impl.h"
#include "extract/label.h"
#include "extract/lexicon.h"
#include "extract/utf8.h"

namespace policydb::extract_detail {
namespace {

constexpr double kMagnitude = 1e4;  // a bare number this large carries 万/亿

std::string_view slice(std::string_view text, std::size_t begin, std::size_t end) {
  return begin < end ? text.substr(begin, end - begin) : std::string_view();
}

// Where the words naming the figure at qi may begin.
std::size_t window_begin(const DocState& d, std::size_t qi, const Clause& c) {
  const Quantity& q = d.quantities[qi];
  std::size_t begin = c.span.begin;
  if (qi > 0 && d.quantities[qi - 1].end > begin && d.quantities[qi - 1].end <= q.begin) {
    begin = d.quantities[qi - 1].end;
  }
  auto first = std::lower_bound(d.periods.begin(), d.periods.end(), c.span.begin,
                                [](const PeriodMatch& m, std::size_t p) { return m.begin < p; });
  for (auto m = first; m != d.periods.end() && m->begin < q.begin; ++m) {
    if (m->end > begin && m->end <= q.begin && m->role != PeriodRole::relative) begin = m->end;
  }
  auto it = std::lower_bound(d.mentions.begin(), d.mentions.end(), begin,
                             [](const RegionMention& m, std::size_t p) { return m.span.begin < p; });
  for (; it != d.mentions.end() && it->span.end <= q.begin; ++it) {
    std::size_t end = it->span.end;
    if (d.text.substr(end).starts_with("市") || d.text.substr(end).starts_with("省")) end += 3;
    end += zone_suffixes().match_at(d.text, end);
    if (end <= q.begin) begin = std::max(begin, end);
  }
  return begin;
}

// 在“5G+智慧农业”方面,项目达109个: the topic of the previous clause.
std::string topic_of_previous_clause(const DocState& d, std::size_t clause) {
  if (clause == 0 || d.layout.clauses[clause - 1].sentence != d.layout.clauses[clause].sentence) return {};
  const Clause& p = d.layout.clauses[clause - 1];
  std::string_view t = slice(d.text, p.span.begin, p.span.end);
  if (!t.starts_with("在")) return {};
  std::size_t n = topic_frames().match_before(t, t.size());
  if (!n) return {};
  std::string topic = compact(t.substr(3, t.size() - 3 - n));
  std::erase_if(topic, [](char ch) { return ch == '"'; });
  for (std::string_view q : {"“", "”"}) {
    for (auto at = topic.find(q); at != std::string::npos; at = topic.find(q)) topic.erase(at, q.size());
  }
  return topic;
}

// 普及率比“十三五”末 → 普及率: the base of a comparison is not the indicator.
std::string without_comparison_base(const std::string& label) {
  for (std::string_view mark : {"比", "较"}) {
    std::size_t at = label.rfind(mark);
    if (at == std::string::npos || at == 0 || label.size() - at > 24) continue;
    std::string_view rest = std::string_view(label).substr(at);
    if (rest.ends_with("末") || rest.ends_with("年") || rest.ends_with("期")) return label.substr(0, at);
  }
  return label;
}

// 企业入选国家服务型制造示范 → 国家服务型制造示范企业: the designation names the indicator.
std::string designation_first(const std::string& label) {
  for (std::string_view verb : {"入选", "获评", "获批", "认定为", "评为"}) {
    std::size_t at = label.find(verb);
    if (at == std::string::npos || at == 0 || at > 12) continue;
    return label.substr(at + verb.size()) + label.substr(0, at);
  }
  return {};
}

// 带宽…1620GB: bandwidth written with a data unit means the rate (Gbps).
std::string bandwidth_unit(const Catalog& catalog, const std::string& unit, std::string_view label) {
  const Unit* u = catalog.find_unit(unit);
  if (!u || u->dimension != "data" || label.find("带宽") == std::string_view::npos || unit.size() != 2) return unit;
  std::string rate = unit.substr(0, 1) + "bps";
  const Unit* r = catalog.find_unit(rate);
  return r && r->dimension == "bandwidth" ? rate : unit;
}

// The catalog code of a label, trying the forms reports vary in. Returns the
// label the code was found under (empty when none).
std::string resolve(const Catalog& catalog, const std::string& label, const std::string& subject,
                    std::string& code) {
  auto curated = [&](const std::string& l) {
    const Metric* m = l.empty() ? nullptr : catalog.find_metric(l);
    if (m && m->curated) code = m->code;
    return m && m->curated;
  };
  if (!subject.empty() && label.find(subject) == std::string::npos && curated(subject + label)) {
    return subject + label;  // 大型数据中心 + 标准机架: the sentence's subject narrows the label
  }
  if (curated(label)) return label;
  std::string base = without_comparison_base(label);
  if (base != label && curated(base)) return label;
  std::string head = base;
  if (std::size_t n = generic_tails().match_before(head, head.size()); n && n < head.size()) {
    head.resize(head.size() - n);
    if (curated(head)) return label;
  }
  // 5G+工业互联网领域复制推广项目: 领域 frames the topic inside a label.
  if (std::size_t at = base.find("领域"); at != std::string::npos && at > 0) {
    std::string unframed = base;
    unframed.erase(at, 6);
    if (curated(unframed)) return label;
  }
  // “1+50”平台体系接入设备产品: what a container (体系, 平台) holds is the indicator.
  for (std::string_view container : {"体系", "平台", "中心"}) {
    std::size_t at = head.rfind(container);
    if (at == std::string::npos || at == 0 || at + container.size() >= head.size()) continue;
    std::string member = label_before(head.substr(at + container.size())).text;
    if (std::size_t n = generic_tails().match_before(member, member.size()); n && n < member.size()) {
      member.resize(member.size() - n);
    }
    if (code_points(member) >= 2 && curated(member)) return label;
  }
  std::string reordered = designation_first(base);
  if (!reordered.empty() && curated(reordered)) return reordered;
  return {};
}

void link_metric(const Catalog& catalog, FactRecord& f, const std::string& subject) {
  std::string code;
  std::string found = resolve(catalog, f.metric, subject, code);
  if (found.empty()) return;
  f.metric = found;
  f.metric_code = code;
}

struct Naming {
  std::string label, marker, core;
  bool own = true;
  bool from_after = false;  // the number modifies the noun after it (5个二级节点项目)
  std::size_t quote_begin = 0, quote_end = 0;
};

Naming name_figure(const DocState& d, const Catalog& catalog, std::size_t qi, const Clause& c,
                   std::size_t clause, const Candidate* previous) {
  const Quantity& q = d.quantities[qi];
  const std::size_t head = d.group_head[qi];
  const Quantity& hq = d.quantities[head];
  const std::size_t win = window_begin(d, head, c);
  Naming n;
  LabelText before = label_before(slice(d.text, win, hq.begin));
  const Unit* unit = catalog.find_unit(q.unit);
  bool noun_follows = (unit && unit->dimension == "count") || q.unit == "%";
  LabelText after = noun_follows ? label_after(slice(d.text, q.end, c.span.end)) : LabelText{};
  n.marker = before.marker;
  n.quote_begin = win + before.offset;
  n.quote_end = q.end + after.consumed;
  if (!d.group_label[qi].empty()) {
    n.core = d.group_label[qi];
  } else if (!after.text.empty()) {
    n.core = after.text;
    n.from_after = true;
    if (!after.marker.empty()) n.marker = after.marker;
  } else {
    n.core = before.text.substr(std::min(before.text.size(), n.marker.size()));
  }
  bool list_item = previous && previous->clause == clause && slice(d.text, win, hq.begin).starts_with("、");
  if (list_item && n.marker.empty() && !previous->marker.empty()) n.marker = previous->marker;
  if (code_points(n.core) <= 3 && !n.core.empty()) n.core = topic_of_previous_clause(d, clause) + n.core;
  if (n.core.empty() && previous && previous->sentence == c.sentence) {
    n.core = previous->core;
    n.own = false;
    n.quote_begin = std::min(n.quote_begin, previous->quote_begin);
  } else if (n.core.empty() && clause > 0 && d.layout.clauses[clause - 1].sentence == c.sentence) {
    // 对省级设计中心,最高给予200万元: the previous clause names what the figure is for.
    const Clause& p = d.layout.clauses[clause - 1];
    n.core = label_before(slice(d.text, p.span.begin, p.span.end)).text;
    n.own = false;
    n.quote_begin = p.span.begin;
  }
  // 占地区生产总值比重达50%: a share names its numerator in the figure before.
  if (n.core.starts_with("占") && previous && previous->sentence == c.sentence) {
    std::string numerator = previous->core;
    if (numerator.ends_with("规模")) numerator.resize(numerator.size() - 6);
    n.core = numerator + n.core;
  }
  n.label = (n.core.starts_with(n.marker) ? "" : n.marker) + n.core;
  return n;
}

Kind decide_kind(const DocState& d, const Quantity& q, const Clause& c, const Timing& deadline,
                 const Timing& actual, bool noun_follows) {
  const Sentence& s = d.layout.sentences[c.sentence];
  KindCues cues = kind_cues(d.cues[c.sentence], q.begin - s.span.begin, slice(d.text, c.span.begin, q.begin),
                            slice(d.text, q.end, c.span.end));
  if (cues.goal_value) return Kind::target;
  if (actual.rank == 0 && !(deadline.deadline && deadline.rank == 0)) return Kind::actual;
  if (cues.actual && !(deadline.deadline && deadline.rank == 0)) return Kind::actual;
  if (deadline.deadline && deadline.rank <= 1) return Kind::target;
  if (cues.strong_target) return Kind::target;
  if (deadline.deadline && (cues.weak_target || cues.estimate)) return Kind::target;
  if (cues.weak_target && cues.attainment && !noun_follows) return Kind::target;
  return Kind::actual;
}

// Value, unit and measure of a multiple (增长1.2倍 → 120 %, 翻一番 → 100 %).
void apply_multiple(const DocState& d, const Quantity& q, FactRecord& f) {
  bool doubling = d.text.substr(q.begin).starts_with("翻");
  f.value = doubling ? (q.value - 1) * 100 : q.value * 100;
  f.unit = "%";
  if (doubling) f.measure = Measure::growth;
}

// Kind from the cues and the governing periods; a target's period is its
// deadline's year (or, lacking one, the year of the period stated nearby).
void set_kind_and_period(const DocState& d, const Quantity& q, std::size_t clause, bool counted_noun,
                         Candidate& out) {
  const Clause& c = d.layout.clauses[clause];
  const Timing deadline = choose_period(d, q.begin, clause, true);
  const Timing actual = choose_period(d, q.begin, clause, false);
  FactRecord& f = out.fact;
  f.kind = decide_kind(d, q, c, deadline, actual, counted_noun);
  if (f.kind == Kind::actual) {
    f.period = actual.period;
    out.period_rank = actual.rank;
  } else if (deadline.deadline) {
    f.period = deadline.period;
    out.period_rank = deadline.rank;
  } else {
    f.period = actual.rank < 3 ? Period::year(actual.period.end().year) : deadline.period;
    out.period_rank = actual.rank;
  }
}

// The label with its measure's suffix, the unit it implies, the catalog link.
void apply_naming(const Catalog& catalog, const Quantity& q, Naming name, const std::string& subject,
                  Candidate& out) {
  FactRecord& f = out.fact;
  if (f.measure == Measure::growth) name.label = with_suffix(name.label, "增速", {"增速", "增长率", "增幅", "增长"});
  if (f.measure == Measure::rank) name.label = with_suffix(name.label, "排名", {"排名", "位次"});
  f.metric = name.label;
  f.unit = bandwidth_unit(catalog, f.unit, f.metric);
  link_metric(catalog, f, subject);
  out.own_label = name.own;
  out.counted_noun = name.from_after;
  out.marker = std::move(name.marker);
  out.core = std::move(name.core);
  out.quote_begin = std::min(name.quote_begin, q.begin);
  out.quote_end = std::max(name.quote_end, q.end);
}

// A label must name something: a Han character other than a conjunction, or a
// Latin letter. "1.5和2." — left over from a list of figures — names nothing.
bool names_something(std::string_view label) {
  static constexpr std::u32string_view kConnectives = U"和与及或至到";
  for (std::size_t i = 0; i < label.size();) {
    std::size_t n = 0;
    const char32_t c = decode_at(label, i, &n);
    i += std::max<std::size_t>(n, 1);
    if (is_han(c) && kConnectives.find(c) == std::u32string_view::npos) return true;
    if ((c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z')) return true;
  }
  return false;
}

}  // namespace

std::optional<Candidate> build_candidate(const DocState& d, const Catalog& catalog, std::size_t qi,
                                         const Candidate* previous, const std::string& subject) {
  const Quantity& q = d.quantities[qi];
  const std::size_t clause = d.layout.clause_at(q.number_begin);
  const Clause& c = d.layout.clauses[clause];
  if (!c.span.contains(q.number_begin)) return std::nullopt;
  Rejection why = reject(q, slice(d.text, c.span.begin, q.begin), slice(d.text, q.end, c.span.end), catalog,
                         slice(d.text, q.number_begin, q.number_end));
  if (why != Rejection::none && why != Rejection::no_unit) return std::nullopt;

  Naming name = name_figure(d, catalog, qi, c, clause, previous);
  if (name.core.empty() || !names_something(name.label)) return std::nullopt;
  Candidate out;
  FactRecord& f = out.fact;
  f.value = q.value;
  f.unit = q.is_rank ? "rank" : q.unit;
  f.comparator = q.comparator;
  const std::size_t win = window_begin(d, d.group_head[qi], c);
  if (f.comparator == Comparator::eq && cap_words().find(slice(d.text, win, q.begin)) != std::string_view::npos) {
    f.comparator = Comparator::le;  // 最高可给予1000万元
  }
  if (why == Rejection::no_unit) {
    const Metric* m = catalog.find_metric(name.label);
    bool counted = q.value >= kMagnitude || name.label.ends_with("数");
    if (!m || m->default_unit.empty() || !counted) return std::nullopt;
    f.unit = m->default_unit;
  }
  const std::size_t head = d.group_head[qi];
  const Quantity& hq = d.quantities[head];
  MeasureCues mc = classify_measure(q, slice(d.text, win, hq.begin), name.marker);
  f.measure = mc.measure;
  if (q.is_multiple) apply_multiple(d, q, f);
  if (mc.negative) f.value = -f.value;
  if (mc.versus_national) f.versus = "national";

  set_kind_and_period(d, q, clause, name.from_after, out);
  // No year anywhere (an undated report that names none): the figure cannot be
  // placed in time, so it is not a fact. find_report_date said so already.
  if (!f.period.valid()) return std::nullopt;

  bool national = national_subject(slice(d.text, win, hq.begin)) &&
                  !mc.versus_national && f.measure != Measure::rank;
  Place place = attribute_place(d, catalog, q.begin, clause, national);
  if (!place.region) return std::nullopt;
  f.region = place.region->short_name;
  f.subregion = place.subregion;

  out.sentence = c.sentence;
  out.clause = clause;
  out.heading = d.layout.paragraphs[d.layout.sentences[c.sentence].paragraph].heading;
  apply_naming(catalog, q, std::move(name), subject, out);
  return out;
}

}  // namespace policydb::extract_detail
