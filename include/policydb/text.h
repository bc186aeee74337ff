// policydb/text.h: decoding and normalizing one report's bytes, with a map back.
//
// normalize_document() turns the raw bytes of a report (UTF-8, GB18030/GBK or
// Big5; plain text, Markdown or HTML) into one normalized UTF-8 text: tags and
// front matter stripped, NFKC, Traditional→Simplified where the text is
// traditional, OCR line breaks re-joined, one paragraph per line. Every
// normalized byte maps back to the original bytes, so a fact can quote its
// source in the original script.
//
//   auto doc = policydb::normalize_document(bytes);
//   for (auto sentence : policydb::split_sentences(doc.text())) {
//     auto [b, e] = doc.original_utf8_span(sentence.begin, sentence.end);
//     std::string quote = doc.original_utf8().substr(b, e - b);  // original script
//   }
//
// Notes on the normalized text:
//  - NFKC folds full-width forms: `，`→`,`  `：`→`:`  `（`→`(`  `；`→`;`  `！`→`!`
//    `？`→`?`  `％`→`%`  `５`→`5`. `。`, `、`, `“”`, `《》` are not folded.
//    The segmenters below treat `,` and `，` alike (but not inside 5,749).
//  - White space runs collapse to one space; a space next to a CJK character
//    (Han or CJK punctuation) is dropped (`提供 只租不售` → `提供只租不售`,
//    `总第 5979 期` → `总第5979期`).
//  - Traditional→Simplified is applied paragraph by paragraph, only to paragraphs
//    whose traditional characters outnumber their simplified-only ones, so
//    simplified text is never touched (`显著` stays `显著`).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "policydb/export.h"
#include "policydb/period.h"

namespace policydb {

// One problem met while decoding or cleaning a document. Codes are stable:
//   invalid_utf8     an ill-formed UTF-8 sequence, replaced by U+FFFD (byte_offset: where)
//   decoded_gb18030  the bytes were not UTF-8 and were decoded as GB18030/GBK
//   decoded_big5     ... as Big5
//   decoded_utf16    ... as UTF-16 (they carried a UTF-16 byte order mark)
//   binary           the bytes look like a binary file; the text is left empty
//   empty            nothing but white space and markup
//   truncated_html   a tag, comment or script runs to the end of the input
//   too_large        the input exceeded max_document_bytes() and was cut there
struct TextDiagnostic {
  std::string code;
  std::string message;
  std::size_t byte_offset = 0;  // in the original bytes
};

// What the document says about itself: YAML front matter (title:, date:,
// categories:/source:, publisher:), labelled lines near the top or the bottom
// (来源：…, 发布时间：2024-01-25, （文章来源：…）), or a dateline near the top
// (2024-01-25; 2025年1月9日 星期四 …).
struct DocumentMetadata {
  std::optional<std::string> title;
  std::optional<std::string> source;
  std::optional<std::string> publisher;
  std::optional<Date> date;
};

// hans: nothing was converted; hant: (almost) all of it was traditional and was
// converted; mixed: both simplified and converted traditional paragraphs.
enum class Script { hans, hant, mixed };

POLICYDB_EXPORT std::string_view to_string(Script script);

// automatic: front matter and Markdown headings/links, known HTML tags and
// entities. plain: no markup handling at all. markdown: as automatic. html: every
// tag is markup, no Markdown syntax and no front matter.
enum class Format { automatic, plain, markdown, html };

class NormalizedText;

// Decodes and normalizes one document's bytes. Never throws on bad input:
// problems are diagnostics (an invalid UTF-8 sequence gives a diagnostic with
// its byte offset; the bad bytes become U+FFFD). Runs in time linear in the input.
POLICYDB_EXPORT NormalizedText normalize_document(std::string_view bytes,
                                                  Format format = Format::automatic);

// The normalized text of one document, and the map back to the original bytes.
// A value type (cheap to copy: the maps are shared and immutable); thread-safe
// for concurrent reads.
class POLICYDB_EXPORT NormalizedText {
 public:
  NormalizedText();  // an empty document

  // UTF-8: NFKC, Traditional→Simplified where traditional, tags stripped, OCR line
  // breaks re-joined; paragraphs separated by "\n" (no empty paragraphs).
  const std::string& text() const { return text_; }

  // The original byte span [first, second), in the ORIGINAL input bytes, of
  // normalized bytes [begin, end). Out-of-range arguments are clamped; an empty
  // range gives an empty span at the matching position.
  std::pair<std::size_t, std::size_t> original_span(std::size_t begin, std::size_t end) const;

  // The input decoded to UTF-8 (equal to the input for valid UTF-8 without a
  // BOM). Quotes are cut from this, in the document's original script.
  const std::string& original_utf8() const { return original_utf8_; }

  // The span in original_utf8() of normalized bytes [begin, end); same rules as
  // original_span().
  std::pair<std::size_t, std::size_t> original_utf8_span(std::size_t begin, std::size_t end) const;

  Script script() const { return script_; }
  const DocumentMetadata& metadata() const { return metadata_; }
  const std::vector<TextDiagnostic>& diagnostics() const { return diagnostics_; }
  std::string_view encoding() const { return encoding_; }  // "UTF-8", "GB18030", "Big5", "UTF-16"

  // Bytes held by the offset maps (for memory budgets and benchmarks).
  std::size_t map_memory_bytes() const;

 private:
  friend NormalizedText normalize_document(std::string_view bytes, Format format);
  struct Maps;

  std::string text_;
  std::string original_utf8_;
  std::shared_ptr<const Maps> maps_;
  Script script_ = Script::hans;
  DocumentMetadata metadata_;
  std::vector<TextDiagnostic> diagnostics_;
  std::string encoding_ = "UTF-8";
};

// Inputs longer than this are cut (diagnostic too_large): 256 MiB.
POLICYDB_EXPORT std::size_t max_document_bytes();

// A byte range [begin, end) of a text.
struct Segment {
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Segment&, const Segment&) = default;
};

// The sentences of `text`: they end after 。！？；!?; (with any closing quotes or
// brackets that follow) and at each newline. Each segment includes its final
// mark and excludes surrounding white space and the newline; no segment is empty.
POLICYDB_EXPORT std::vector<Segment> split_sentences(std::string_view text);

// The clauses of one sentence of `text`: split at ，,、：:;；and the sentence
// marks, but not at a `,` or `:` between digits (5,749; 1:2). Segments exclude
// the marks and surrounding white space; none is empty. Offsets are into `text`.
POLICYDB_EXPORT std::vector<Segment> split_clauses(std::string_view text, Segment sentence);

}  // namespace policydb
