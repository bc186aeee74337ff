#include "extract/document.h"

#include <algorithm>

#include "extract/utf8.h"
#include "policydb/catalog.h"

namespace policydb::extract_detail {
namespace {

constexpr std::size_t kHeadingMaxChars = 40;
// Every look-back (labels, cues, places) stays inside a clause or sentence.
// An unpunctuated run longer than these (never seen in real prose) is cut so
// that a pathological line costs linear time, not quadratic.
constexpr std::size_t kMaxClauseBytes = 1024;
constexpr std::size_t kMaxSentenceBytes = 8192;

bool is_sentence_mark(char32_t c) { return c == U'。' || c == U'!' || c == U'?' || c == U'！' || c == U'？'; }

bool is_clause_mark(char32_t c) {
  return c == U',' || c == U';' || c == U':' || c == U'，' || c == U'；' || c == U'：';
}

bool is_digit_at(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// A forced cut at `i` (a code point start) when the run since `start` is too
// long; never inside or right after a number (2.5万 stays whole).
bool forced_cut(std::string_view text, std::size_t start, std::size_t i, std::size_t limit) {
  if (i - start < limit || i == 0) return false;
  const char prev = text[i - 1];
  return !is_digit_at(text, i) && text[i] != '.' && !(prev >= '0' && prev <= '9') && prev != '.';
}

// Clauses of one sentence; a `,` or `:` between digits (5,749) does not split.
void split_clauses_into(std::string_view text, Span sentence, std::size_t index,
                        std::vector<Clause>& out) {
  std::size_t start = sentence.begin;
  for (std::size_t i = sentence.begin; i < sentence.end;) {
    std::size_t len = 0;
    char32_t c = decode_at(text, i, &len);
    bool numeric = (c == U',' || c == U':') && i > 0 && is_digit_at(text, i - 1) && is_digit_at(text, i + 1);
    if ((is_clause_mark(c) && !numeric) || is_sentence_mark(c)) {
      if (i > start) out.push_back({{start, i}, index});
      start = i + len;
    } else if (forced_cut(text, start, i, kMaxClauseBytes)) {
      out.push_back({{start, i}, index});
      start = i;
    }
    i += len;
  }
  if (sentence.end > start) out.push_back({{start, sentence.end}, index});
}

bool looks_like_heading(std::string_view line) {
  if (line.starts_with("#")) return true;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 0;
    char32_t c = decode_at(line, i, &len);
    if (is_sentence_mark(c) || c == U',' || c == U';') return false;
    ++chars;
    i += len;
  }
  return chars <= kHeadingMaxChars;
}

void split_paragraph(std::string_view text, Span para, std::size_t p, Layout& layout) {
  std::size_t start = para.begin;
  auto flush = [&](std::size_t end) {
    while (start < end && text[start] == ' ') ++start;
    if (end > start) {
      layout.sentences.push_back({{start, end}, p});
      split_clauses_into(text, layout.sentences.back().span, layout.sentences.size() - 1, layout.clauses);
    }
  };
  for (std::size_t i = para.begin; i < para.end;) {
    if (forced_cut(text, start, i, kMaxSentenceBytes)) {
      flush(i);
      start = i;
    }
    std::size_t len = 0;
    char32_t c = decode_at(text, i, &len);
    i += len;
    if (!is_sentence_mark(c)) continue;
    // Closing quotes and brackets after the mark belong to the sentence.
    while (i < para.end) {
      std::size_t l2 = 0;
      char32_t d = decode_at(text, i, &l2);
      if (d != U'”' && d != U'"' && d != U')' && d != U'」' && d != U'』' && d != U'’') break;
      i += l2;
    }
    flush(i);
    start = i;
  }
  flush(para.end);
}

template <typename T>
std::size_t index_at(const std::vector<T>& items, std::size_t pos) {
  auto it = std::upper_bound(items.begin(), items.end(), pos,
                             [](std::size_t p, const T& item) { return p < item.span.begin; });
  return it == items.begin() ? 0 : static_cast<std::size_t>(it - items.begin()) - 1;
}

}  // namespace

std::size_t Layout::sentence_at(std::size_t pos) const { return index_at(sentences, pos); }
std::size_t Layout::clause_at(std::size_t pos) const { return index_at(clauses, pos); }

Layout segment_document(std::string_view text) {
  Layout layout;
  std::size_t section = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::size_t b = start, e = end;
    while (b < e && (text[b] == ' ' || text[b] == '\r')) ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\r')) --e;
    if (e > b) {
      Paragraph para{{b, e}, looks_like_heading(text.substr(b, e - b)), 0, layout.sentences.size()};
      if (para.heading) section = layout.paragraphs.size();
      para.section = section;
      layout.paragraphs.push_back(para);
      split_paragraph(text, para.span, layout.paragraphs.size() - 1, layout);
    }
    start = end + 1;
  }
  return layout;
}

RegionSpotter::RegionSpotter(const Catalog& catalog) : starts_(0x10000, false) {
  for (const RegionName& n : catalog.running_text_names()) {
    const Region* r = catalog.region_by_code(n.region_code);
    if (r == nullptr || r->level == RegionLevel::country || code_points(n.text) < 2) continue;
    const char32_t c = first_code_point(n.text);
    by_first_[c].push_back({n.text, r});
    if (c < starts_.size()) starts_[c] = true;
  }
  auto rank = [](const Region* r) { return r->level == RegionLevel::province ? 0 : r->level == RegionLevel::area ? 1 : 2; };
  for (auto& [c, bucket] : by_first_) {
    std::stable_sort(bucket.begin(), bucket.end(), [&](const Entry& a, const Entry& b) {
      if (a.name.size() != b.name.size()) return a.name.size() > b.name.size();
      return rank(a.region) < rank(b.region);
    });
  }
}

std::vector<RegionMention> RegionSpotter::find(std::string_view text) const {
  std::vector<RegionMention> out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    char32_t c = decode_at(text, i, &len);
    std::size_t matched = 0;
    if (c < starts_.size() && starts_[c]) {
      std::string_view rest = text.substr(i);
      for (const Entry& e : by_first_.find(c)->second) {
        if (rest.starts_with(e.name)) {
          out.push_back({{i, i + e.name.size()}, e.region});
          matched = e.name.size();
          break;
        }
      }
    }
    i += matched ? matched : len;
  }
  return out;
}

}  // namespace policydb::extract_detail
