// Private state of the extractor: what is built once per catalog (Impl) and
// what is built once per document (DocState), plus the stages between them.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/classify.h"
#include "extract/document.h"
#include "policydb/catalog.h"
#include "policydb/extract.h"
#include "policydb/periods.h"
#include "policydb/quantity.h"

namespace policydb {

struct Extractor::Impl {
  explicit Impl(std::shared_ptr<const Catalog> c)
      : catalog(std::move(c)), scanner(*catalog), regions(*catalog) {}
  std::shared_ptr<const Catalog> catalog;
  QuantityScanner scanner;
  extract_detail::RegionSpotter regions;
};

namespace extract_detail {

// Which periods a lookup accepts: future ones (deadlines), stated actual
// periods, or actual "as of" stocks.
enum class PeriodKind { deadline, actual, as_of };
inline constexpr std::size_t kNoPeriod = static_cast<std::size_t>(-1);

// Per period index i: the last accepted period at or before i (kNoPeriod if
// none) and the first at or after i (periods.size() if none).
struct PeriodIndex {
  std::vector<std::size_t> prev, next;
};

// Everything known about one document before its figures are read.
struct DocState {
  std::string_view text;
  Layout layout;
  std::vector<RegionMention> mentions;
  std::vector<PeriodMatch> periods;
  std::vector<Quantity> quantities;
  std::vector<std::size_t> group_head;  // per quantity: first member of its list (7.6、4.8和9.8个百分点)
  std::vector<std::string> group_label; // per quantity: label given by 分别, or empty
  std::vector<SentenceCues> cues;       // per sentence
  std::array<PeriodIndex, 3> period_index;  // by PeriodKind, from index_periods
  Date report_date;
  int default_year = 0;
  const Region* home = nullptr;
  bool multi_province = false;  // an article about several provinces
};

// A fact before deduplication, with what deduplication and inheritance need.
struct Candidate {
  FactRecord fact;
  std::size_t sentence = 0;
  std::size_t clause = 0;
  int period_rank = 3;   // 0 clause, 1 sentence, 2 paragraph, 3 document default
  bool heading = false;
  bool own_label = true; // false: borrowed from an earlier figure of the sentence
  bool counted_noun = false;  // the figure counts the noun after it (6个大型数据中心)
  std::string marker;    // 新增 / 累计 … the label started with
  std::string core;      // the label without marker and suffixes (what later figures inherit)
  std::size_t quote_begin = 0, quote_end = 0;  // normalized offsets
};

// The place a figure belongs to.
struct Place {
  const Region* region = nullptr;
  std::string subregion;
};

// Region and subregion of the figure at `pos` in clause `clause`: 全国 as the
// subject, else a place named in the clause, sentence, paragraph, (for
// multi-province articles) section, else the home province.
Place attribute_place(const DocState& d, const Catalog& catalog, std::size_t pos, std::size_t clause,
                      bool national);

struct Timing {
  Period period;
  int rank = 3;           // 0 clause, 1 sentence, 2 paragraph, 3 default
  bool deadline = false;  // a deadline or plan period, or a future point
};

// The period governing the figure at `pos`: for a target its deadline's year,
// for an actual figure the nearest stated period (clause, sentence, the
// paragraph's opening period), else the document default.
Timing choose_period(const DocState& d, std::size_t pos, std::size_t clause, bool want_deadline);

// Fills d.period_index; needs periods, report_date and default_year.
void index_periods(DocState& d);

// Groups list members (7.6、4.8和9.8个百分点) and distributes 分别 subjects.
void group_lists(DocState& d);

// Builds the candidate for quantity `qi`; nullopt when it is not a fact.
// `previous` is the last candidate built, `subject` the label of the first
// figure of the same sentence (empty when this is the first).
std::optional<Candidate> build_candidate(const DocState& d, const Catalog& catalog, std::size_t qi,
                                         const Candidate* previous, const std::string& subject);

// One fact per indicator statement: drops repeats (headline and body).
std::vector<Candidate> deduplicate(std::vector<Candidate> candidates);

}  // namespace extract_detail
}  // namespace policydb
