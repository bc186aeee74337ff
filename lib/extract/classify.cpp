// Rules that classify one figure. Each reads lexicons (lexicon.cpp); the only
// structure here is where to look: right before the figure, right after it, or
// anywhere earlier in the clause or sentence.
#include "extract/classify.h"

#include "extract/lexicon.h"
#include "extract/utf8.h"
#include "policydb/catalog.h"

namespace policydb::extract_detail {
namespace {

constexpr std::size_t kGoalComparisonReach = 30;  // bytes (10 Han) between 完成 and 目标

// Dimensions of physical sizes: before a noun they specify one product.
bool is_physical(std::string_view dimension) {
  return dimension == "length" || dimension == "power" || dimension == "mass" ||
         dimension == "energy" || dimension == "volume" || dimension == "speed";
}

bool is_time_unit(std::string_view unit) {
  return unit == "年" || unit == "月" || unit == "天" || unit == "日" || unit == "小时" ||
         unit == "周" || unit == "个月" || unit == "分钟" || unit == "秒" || unit == "季度";
}

std::string_view skip_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

// The phrase before a figure without fillers between the cue and the number.
std::string_view trim_fillers(std::string_view s) {
  static const PhraseSet kFillers{"了", "为", "达", "达到", "分别", "约", " ", "均", "都", "已"};
  for (std::size_t n; (n = kFillers.match_before(s, s.size())) > 0;) s.remove_suffix(n);
  return s;
}

bool next_is_han(std::string_view after) {
  after = skip_spaces(after);
  return !after.empty() && is_han(first_code_point(after));
}

// Is 目标 at `pos` the yardstick of a comparison (高于全年目标, 完成…目标)?
bool goal_is_compared(std::string_view text, std::size_t pos) {
  std::size_t from = pos > kGoalComparisonReach ? pos - kGoalComparisonReach : 0;
  while (from < pos && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
  if (std::size_t stop = text.substr(0, pos).find_last_of(",;:"); stop != std::string_view::npos && stop >= from) {
    from = stop + 1;
  }
  return goal_comparisons().find(text.substr(from, pos - from)) != std::string_view::npos;
}

std::size_t first_strong_cue(std::string_view text) {
  std::size_t len = 0;
  for (std::size_t p = strong_target_cues().find(text, 0, &len); p != std::string_view::npos;
       p = strong_target_cues().find(text, p + len, &len)) {
    std::string_view cue = text.substr(p, len);
    bool goal = cue.find("目标") != std::string_view::npos;
    bool estimate = estimate_cues().is(cue);
    bool done = achieved_markers().match_before(text, p) > 0;  // 成功争取: already won
    if (!estimate && !done && (!goal || !goal_is_compared(text, p))) return p;
  }
  return std::string_view::npos;
}

std::size_t first_weak_cue(std::string_view text) {
  for (std::size_t p = 0; p < text.size(); p += char_length(text, p)) {
    if (!weak_target_cues().match_at(text, p)) continue;
    bool blocked = false;
    for (std::size_t back = 0; back <= 6 && back <= p && !blocked; back += 3) {
      std::size_t n = target_cue_blockers().match_at(text, p - back);
      blocked = n > back;  // a blocker word covers this cue
    }
    if (!blocked) return p;
  }
  return std::string_view::npos;
}

// The words right after a figure up to punctuation or the next digit.
std::string_view noun_phrase(std::string_view after) {
  after = skip_spaces(after);
  std::size_t end = 0;
  while (end < after.size()) {
    std::size_t len = 0;
    char32_t c = decode_at(after, end, &len);
    if (!is_han(c) && c != U'“' && c != U'”') break;
    end += len;
  }
  return after.substr(0, end);
}

// An unclosed 《 before the figure: it is part of a title.
bool inside_title(std::string_view before) {
  std::size_t open = before.rfind("《");
  return open != std::string_view::npos && before.find("》", open) == std::string_view::npos;
}

// “五位一体”: a figure inside a short quotation is part of a name.
bool inside_short_quote(std::string_view before, std::string_view after) {
  constexpr std::size_t kShortQuote = 24;
  std::size_t open = before.rfind("“");
  if (open == std::string_view::npos || before.find("”", open) != std::string_view::npos) return false;
  std::size_t close = after.find("”");
  return close != std::string_view::npos && (before.size() - open) + close <= kShortQuote;
}

}  // namespace

Rejection reject(const Quantity& q, std::string_view before, std::string_view after,
                 const Catalog& catalog, std::string_view numeral) {
  if (is_time_unit(q.unit) || duration_words().ends(skip_spaces(before))) return Rejection::duration;
  if (q.unit == "个" && (after.starts_with("月") || after.starts_with("小时"))) return Rejection::duration;
  if (normalizer_words().match_before(before, before.size())) return Rejection::normalizer;
  if (definition_words().match_at(skip_spaces(after), 0)) return Rejection::definition;
  if (numeral == "零" || numeral == "〇") return Rejection::vague;  // 零部件, 零售: a word, not zero
  // 一批项目, 走出一条路: a lone 一 before a measure word is a vague quantifier.
  if (numeral == "一" && !q.is_rank && !q.unit.empty() && q.unit != "%") return Rejection::vague;
  const Unit* unit = catalog.find_unit(q.unit);
  if (unit && is_physical(unit->dimension) && next_is_han(after)) return Rejection::specification;
  bool count = unit && unit->dimension == "count";
  std::string_view noun = noun_phrase(after);
  if (noun.starts_with("大")) noun.remove_prefix(3);
  bool goal_quota = noun.find("目标") != std::string_view::npos;  // 10000套目标任务
  if ((count || q.unit.empty()) && !goal_quota &&
      (structure_nouns().match_at(noun, 0) || structure_nouns().ends(noun) || sum_words().starts(noun))) {
    return Rejection::structure;
  }
  if (q.is_rank && next_is_han(after) && !list_separators().match_at(after, 0)) return Rejection::ordinal;
  if (inside_title(before) || inside_short_quote(before, after)) return Rejection::title;
  if (q.unit.empty() && !q.is_rank && !q.is_multiple) return Rejection::no_unit;
  return Rejection::none;
}

MeasureCues classify_measure(const Quantity& q, std::string_view before, std::string_view marker) {
  MeasureCues out;
  std::string_view tight = trim_fillers(before);
  out.versus_national = national_comparisons().contains(before);
  if (q.is_rank) {
    out.measure = Measure::rank;
  } else if (q.unit == "pp") {
    out.measure = Measure::change;
    out.negative = decline_cues().ends(tight);
  } else if (q.unit == "%" || q.is_multiple) {
    bool decline = decline_cues().ends(tight);
    bool growth = growth_cues().ends(tight) || change_verbs().ends(tight);
    out.measure = (decline || growth || (q.is_multiple && q.begin < q.number_begin)) ? Measure::growth
                                                                                        : Measure::ratio;
    out.negative = decline;
  } else if (!marker.empty() && marker != "累计") {
    out.measure = Measure::change;
  } else if (change_verbs().ends(tight)) {
    out.measure = Measure::change;
    out.negative = decline_cues().ends(tight);
  }
  return out;
}

SentenceCues sentence_cues(std::string_view sentence) {
  return {first_strong_cue(sentence), first_weak_cue(sentence), estimate_cues().find(sentence)};
}

KindCues kind_cues(const SentenceCues& sentence, std::size_t offset, std::string_view clause_before,
                   std::string_view after) {
  KindCues out;
  out.strong_target = sentence.strong < offset;
  out.weak_target = sentence.weak < offset;
  out.estimate = sentence.estimate < offset;
  std::string_view tight = trim_fillers(clause_before);
  out.attainment = attainment_verbs().ends(tight) || attainment_verbs().contains(clause_before);
  out.actual = actual_cues().contains(clause_before);
  std::string_view rest = skip_spaces(after);
  if (rest.starts_with("的")) rest.remove_prefix(3);
  out.goal_value = rest.starts_with("目标") || rest.starts_with("预期目标");
  return out;
}

bool national_subject(std::string_view clause_before) {
  for (std::size_t p = clause_before.find("全国"); p != std::string_view::npos;
       p = clause_before.find("全国", p + 1)) {
    if (not_national_before().match_before(clause_before, p)) continue;
    std::string_view rest = clause_before.substr(p + 6);
    if (rest.starts_with("第") || rest.starts_with("前") || rest.starts_with("首") ||
        rest.starts_with("一流") || rest.starts_with("重要")) {
      continue;
    }
    return true;
  }
  return false;
}

}  // namespace policydb::extract_detail
