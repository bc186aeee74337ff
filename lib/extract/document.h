// The layout of a normalized document — paragraphs, sentences, clauses — and
// the region mentions found in it. Attribution walks this layout outward:
// clause, sentence, paragraph, section (the paragraphs since the last heading).
//
// Sentences end at 。!? and at line ends; `;` only separates clauses, because
// a period or deadline stated before it still governs what follows
// (`2022年,…规模…;…比重…`).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace policydb {
class Catalog;
struct Region;
}  // namespace policydb

namespace policydb::extract_detail {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool contains(std::size_t pos) const { return begin <= pos && pos < end; }
};

struct Paragraph {
  Span span;
  bool heading = false;        // a title line: short, no sentence mark
  std::size_t section = 0;     // index of the heading that opens its section
  std::size_t first_sentence = 0;
};

struct Sentence {
  Span span;
  std::size_t paragraph = 0;
};

struct Clause {
  Span span;
  std::size_t sentence = 0;
};

struct Layout {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Clause> clauses;

  // Index of the sentence / clause holding byte `pos` (the nearest one before
  // it when `pos` falls on a mark). REQUIRES: non-empty layout.
  std::size_t sentence_at(std::size_t pos) const;
  std::size_t clause_at(std::size_t pos) const;
};

Layout segment_document(std::string_view text);

// A place named in the text.
struct RegionMention {
  Span span;
  const Region* region = nullptr;  // province, prefecture or area (never the country)
};

// Finds gazetteer names of the catalog in running text, longest match first.
// One-character abbreviations and the country's names are never matched
// (全国 is decided by the extractor from its position).
class RegionSpotter {
 public:
  explicit RegionSpotter(const Catalog& catalog);
  std::vector<RegionMention> find(std::string_view text) const;

 private:
  struct Entry {
    std::string name;
    const Region* region;
  };
  std::unordered_map<char32_t, std::vector<Entry>> by_first_;  // longest first
  std::vector<bool> starts_;  // by code point below 0x10000: some name starts with it
};

}  // namespace policydb::extract_detail
