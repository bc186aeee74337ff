// Classification of one figure from the words around it: is it a fact at all,
// its measure (level / ratio / growth / change / rank), and the cues that
// decide actual or target. Pure functions of text; every cue is a lexicon.
#pragma once

#include <string_view>

#include "policydb/quantity.h"
#include "policydb/vocabulary.h"

namespace policydb {
class Catalog;
}

namespace policydb::extract_detail {

// Why a figure is not a fact, or none.
enum class Rejection {
  none,
  no_unit,        // a bare number the context gives no unit
  duration,       // 连续4个月, 三年: a span of time
  normalizer,     // 每销售100辆, 由1名…: a denominator or an agent
  definition,     // 1P约等于…: a unit's definition
  specification,  // 16兆瓦风电主轴: the size of one product
  structure,      // 五个方面, 18条措施: the parts of a programme
  ordinal,        // 第一方阵, 首台: a first-of-kind, not a ranking
  title,          // inside 《…》 or a short “…” name (“五位一体”)
  vague,          // 一批, 走出一条: a vague quantifier; 零部件: a word
};

// `before` is the clause text up to the figure, `after` the text after it to
// the clause's end, `numeral` the numeral as written.
Rejection reject(const Quantity& q, std::string_view before, std::string_view after,
                 const Catalog& catalog, std::string_view numeral);

struct MeasureCues {
  Measure measure = Measure::level;
  bool negative = false;         // a decline: the value is stored negated
  bool versus_national = false;  // 高于全国…: compared with the national figure
};

// `before` is the phrase right before the figure (from the previous figure or
// the clause start); `marker` the label's increment marker (新增) if any.
MeasureCues classify_measure(const Quantity& q, std::string_view before, std::string_view marker);

struct KindCues {
  bool strong_target = false;  // 力争, 目标, 预期, 届时 … (not 目标 as a yardstick)
  bool weak_target = false;    // 将, 要 (not inside 主要, 需要 …)
  bool attainment = false;     // 达到, 突破 … right before the figure
  bool actual = false;         // 截至, 已, 目前 …
  bool estimate = false;       // 预计 …
  bool goal_value = false;     // the figure is a goal's own value (10000套目标任务)
};

// Where a sentence's first intent cues are (offsets into the sentence, npos
// when absent): computed once per sentence, since they govern all that follows.
struct SentenceCues {
  std::size_t strong = std::string_view::npos;    // 力争, 目标 (not as a yardstick) …
  std::size_t weak = std::string_view::npos;      // 将, 要 (not inside 主要 …)
  std::size_t estimate = std::string_view::npos;  // 预计 …
};
SentenceCues sentence_cues(std::string_view sentence);

// `offset`: the figure's offset in its sentence; `clause_before`: the clause
// up to the figure; `after`: the rest of the clause.
KindCues kind_cues(const SentenceCues& sentence, std::size_t offset, std::string_view clause_before,
                   std::string_view after);

// 全国 in `clause_before` that is the subject of the figure (全国规上工业增加值
// 增长4.6%), not a universe or yardstick (居全国, 高于全国, 获评全国…).
bool national_subject(std::string_view clause_before);

}  // namespace policydb::extract_detail
