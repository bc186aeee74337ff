// normalize_document: the stage pipeline and NormalizedText.
//
//   bytes ─decode─► original_utf8 ─strip_markup─► cleaned ─join_lines─►
//   paragraphs ─nfkc─► normalized ─convert_traditional (in place)─► text
//
// Each stage returns its output with an OffsetMap to its input; the maps are
// composed once into text → original_utf8, and the decoder's map takes
// original_utf8 → bytes. Traditional→Simplified keeps byte lengths, so it needs
// no map of its own.
#include <algorithm>

#include "policydb/text.h"
#include "text/decode.h"
#include "text/lines.h"
#include "text/markup.h"
#include "text/metadata.h"
#include "text/offset_map.h"
#include "text/script.h"

namespace policydb {

struct NormalizedText::Maps {
  text::OffsetMap to_utf8;   // text() → original_utf8()
  text::OffsetMap to_bytes;  // original_utf8() → input bytes
};

std::string_view to_string(Script script) {
  switch (script) {
    case Script::hans: return "hans";
    case Script::hant: return "hant";
    case Script::mixed: return "mixed";
  }
  return "hans";
}

std::size_t max_document_bytes() { return std::size_t{256} << 20; }

NormalizedText::NormalizedText() : maps_(std::make_shared<const Maps>()) {}

std::pair<std::size_t, std::size_t> NormalizedText::original_utf8_span(std::size_t begin,
                                                                       std::size_t end) const {
  return maps_->to_utf8.span(begin, end);
}

std::pair<std::size_t, std::size_t> NormalizedText::original_span(std::size_t begin, std::size_t end) const {
  const auto [b, e] = maps_->to_utf8.span(begin, end);
  return maps_->to_bytes.span(b, e);
}

std::size_t NormalizedText::map_memory_bytes() const {
  return maps_->to_utf8.memory_bytes() + maps_->to_bytes.memory_bytes();
}

NormalizedText normalize_document(std::string_view bytes, Format format) {
  NormalizedText doc;
  std::vector<TextDiagnostic> late;
  if (bytes.size() > max_document_bytes()) {
    late.push_back({"too_large", "input cut at " + std::to_string(max_document_bytes()) + " bytes",
                    max_document_bytes()});
    bytes = bytes.substr(0, max_document_bytes());
  }
  text::Decoded decoded = text::decode(bytes);
  doc.encoding_ = decoded.encoding;
  doc.diagnostics_ = std::move(decoded.diagnostics);
  text::Cleaned cleaned = text::strip_markup(decoded.utf8, format, &doc.metadata_);
  for (TextDiagnostic& d : cleaned.diagnostics) {  // decoded-UTF-8 offsets → byte offsets
    d.byte_offset = decoded.map.span(d.byte_offset, d.byte_offset).first;
    doc.diagnostics_.push_back(std::move(d));
  }
  text::Paragraphs paragraphs = text::join_lines(cleaned.text);
  text::OffsetMap nfkc_map;
  doc.text_ = text::nfkc(paragraphs.text, &nfkc_map);
  doc.script_ = text::convert_traditional(&doc.text_);
  auto maps = std::make_shared<NormalizedText::Maps>();
  maps->to_utf8 = nfkc_map.then(paragraphs.map).then(cleaned.map);
  maps->to_bytes = std::move(decoded.map);
  doc.maps_ = std::move(maps);
  doc.original_utf8_ = std::move(decoded.utf8);
  text::read_labelled_metadata(doc.text_, &doc.metadata_);
  const bool binary = std::any_of(doc.diagnostics_.begin(), doc.diagnostics_.end(),
                                  [](const TextDiagnostic& d) { return d.code == "binary"; });
  if (doc.text_.empty() && !binary) doc.diagnostics_.push_back({"empty", "no text", 0});
  doc.diagnostics_.insert(doc.diagnostics_.end(), late.begin(), late.end());
  return doc;
}

}  // namespace policydb
