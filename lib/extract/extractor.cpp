// Extractor: the pipeline from bytes to facts.
//
//   normalize_document → layout (paragraphs, sentences, clauses)
//   → report date, home province, default year → periods, places, figures
//   → lists → one candidate per figure → deduplicate → quotes in original script
//
// Invariant: every stage reads the same normalized text; offsets are bytes of
// it until the last step maps quotes back to the original bytes.
#include <algorithm>
#include <map>

#include "extract/extractor_impl.h"
#include "extract/report_context.h"
#include "policydb/error.h"

namespace policydb {
namespace {

using extract_detail::Candidate;
using extract_detail::DocState;

constexpr int kMultiProvinceMin = 3;  // provinces named at least twice each

bool mentions_several_provinces(const Catalog& catalog, const std::vector<extract_detail::RegionMention>& mentions) {
  std::map<std::string, int> counts;
  for (const auto& m : mentions) {
    const Region* r = m.region;
    if (r->level == RegionLevel::prefecture) r = catalog.region_by_code(r->parent_code);
    if (r && r->level == RegionLevel::province) ++counts[r->code];
  }
  return std::count_if(counts.begin(), counts.end(), [](const auto& kv) { return kv.second >= 2; }) >=
         kMultiProvinceMin;
}

std::string quote_of(const NormalizedText& doc, std::size_t begin, std::size_t end) {
  auto [b, e] = doc.original_utf8_span(begin, end);
  std::string_view q(doc.original_utf8());
  q = q.substr(std::min(b, q.size()), e > b ? e - b : 0);
  while (!q.empty() && (q.front() == ' ' || q.front() == '\n' || q.front() == '\t')) q.remove_prefix(1);
  while (!q.empty() && (q.back() == ' ' || q.back() == '\n' || q.back() == '\t')) q.remove_suffix(1);
  return std::string(q);
}

std::vector<Candidate> candidates_of(const DocState& d, const Catalog& catalog) {
  std::vector<Candidate> out;
  std::size_t first_of_sentence = 0;
  for (std::size_t i = 0; i < d.quantities.size(); ++i) {
    const Candidate* previous = out.empty() ? nullptr : &out.back();
    static const std::string kNone;
    const std::size_t sentence = d.layout.sentence_at(d.quantities[i].number_begin);
    const bool same = previous && out[first_of_sentence].sentence == sentence;
    // 6个大型数据中心…,年度投资…,出口总带宽…: a counted noun opening the sentence is its subject.
    const std::string& subject = same && out[first_of_sentence].counted_noun ? out[first_of_sentence].core : kNone;
    auto c = extract_detail::build_candidate(d, catalog, i, previous, subject);
    if (!c) continue;
    if (!previous || previous->sentence != c->sentence) first_of_sentence = out.size();
    out.push_back(std::move(*c));
  }
  return out;
}

// Facts with their document, publication date and quote in the original script.
std::vector<FactRecord> finish(const NormalizedText& doc, std::vector<Candidate> candidates,
                               const std::string& source, const std::optional<Date>& published) {
  std::vector<FactRecord> facts;
  facts.reserve(candidates.size());
  for (Candidate& c : candidates) {
    c.fact.doc = source;
    c.fact.published = published;
    c.fact.quote = quote_of(doc, c.quote_begin, c.quote_end);
    auto [b, e] = doc.original_span(c.quote_begin, c.quote_end);
    c.fact.span_start = b;
    c.fact.span_end = e;
    facts.push_back(std::move(c.fact));
  }
  return facts;
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const Catalog> catalog) {
  if (!catalog) throw Error(ErrorCode::invalid_argument, "Extractor needs a catalog");
  impl_ = std::make_unique<const Impl>(std::move(catalog));
}

Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const std::shared_ptr<const Catalog>& Extractor::catalog() const { return impl_->catalog; }

namespace {

// The target, weak-target and estimate cues of each sentence that holds a figure
// (three scans of its text); the others, where no fact can start, keep empty
// cues. About a third of the extractor's lexicon lookups went to sentences
// without a figure.
std::vector<extract_detail::SentenceCues> cues_of_sentences_with_figures(
    std::string_view text, const std::vector<extract_detail::Sentence>& sentences,
    const std::vector<Quantity>& quantities) {
  std::vector<bool> has_figure(sentences.size(), false);
  for (const Quantity& q : quantities) {
    // The first sentence that ends after the figure begins, and any after it
    // that the figure still overlaps.
    auto it = std::upper_bound(sentences.begin(), sentences.end(), q.begin,
                               [](std::size_t pos, const extract_detail::Sentence& s) { return pos < s.span.end; });
    for (; it != sentences.end() && it->span.begin < std::max(q.end, q.begin + 1); ++it) {
      has_figure[static_cast<std::size_t>(it - sentences.begin())] = true;
    }
  }
  std::vector<extract_detail::SentenceCues> cues(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const extract_detail::Span& span = sentences[i].span;
    if (has_figure[i]) cues[i] = extract_detail::sentence_cues(text.substr(span.begin, span.end - span.begin));
  }
  return cues;
}

}  // namespace

ExtractResult Extractor::extract(std::string_view bytes, const ExtractOptions& options) const {
  using namespace extract_detail;
  ExtractResult result;
  NormalizedText doc = normalize_document(bytes);
  for (const TextDiagnostic& t : doc.diagnostics()) {
    result.diagnostics.push_back({"text:" + t.code, t.message, t.byte_offset});
  }
  const Catalog& catalog = *impl_->catalog;
  DocState d;
  d.text = doc.text();
  d.layout = segment_document(d.text);
  d.mentions = impl_->regions.find(d.text);
  ReportDate date = find_report_date(d.text, doc.metadata(), options, result.diagnostics);
  d.report_date = date.date;
  d.periods = find_periods(d.text, d.report_date);
  d.quantities = impl_->scanner.scan(d.text);
  d.home = find_home_province(catalog, options, d.mentions, d.layout, result.diagnostics);
  d.default_year = default_actual_year(d.text, d.layout, d.report_date);
  d.multi_province = mentions_several_provinces(catalog, d.mentions);
  index_periods(d);
  group_lists(d);
  d.cues = cues_of_sentences_with_figures(d.text, d.layout.sentences, d.quantities);

  std::optional<Date> published;
  if (date.source != "inferred" && date.source != "none") published = date.date;
  if (!d.layout.clauses.empty()) {
    result.facts = finish(doc, deduplicate(candidates_of(d, catalog)), options.source_name, published);
  }
  result.metadata = doc.metadata();
  result.report_date = d.report_date;
  result.date_source = date.source;
  result.home_province = d.home ? d.home->short_name : std::string();
  result.script = doc.script();
  result.text = doc.text();
  return result;
}

}  // namespace policydb
