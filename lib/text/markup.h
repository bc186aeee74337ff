// Stage 2: strips markup (HTML tags and entities, Markdown syntax, YAML front
// matter) from the decoded text. Block boundaries become hard breaks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policydb/text.h"
#include "text/offset_map.h"

namespace policydb::text {

// A paragraph boundary that line re-joining must never cross: block tags
// (<p>, <br>, <div>, <li>, <h1..6>, <tr>), Markdown headings and list items.
// The decoder's input never carries it through: control characters become spaces.
inline constexpr char kHardBreak = '\x1E';

struct Cleaned {
  std::string text;   // '\n' for source line breaks, kHardBreak for block ends
  OffsetMap map;      // text → decoded UTF-8
  std::vector<TextDiagnostic> diagnostics;  // byte_offset in the decoded UTF-8
};

// REQUIRES: utf8 is well-formed. Front matter fields go into *meta.
Cleaned strip_markup(std::string_view utf8, Format format, DocumentMetadata* meta);

}  // namespace policydb::text
