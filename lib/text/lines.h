// Stage 3: lines → paragraphs. Collapses white space, drops page headers,
// footers and page numbers, and re-joins lines that an OCR or a hard wrap broke
// inside a sentence.
#pragma once

#include <string>
#include <string_view>

#include "text/offset_map.h"

namespace policydb::text {

struct Paragraphs {
  std::string text;  // paragraphs separated by one '\n'; no empty ones
  OffsetMap map;     // text → the stage's input
};

// `cleaned` is the markup stage's output (kHardBreak marks block ends).
Paragraphs join_lines(std::string_view cleaned);

}  // namespace policydb::text
