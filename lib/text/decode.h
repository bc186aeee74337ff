// Stage 1: raw bytes → well-formed UTF-8, with the map back to the bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "policydb/text.h"
#include "text/offset_map.h"

namespace policydb::text {

struct Decoded {
  std::string utf8;          // well-formed UTF-8
  OffsetMap map;             // utf8 → input bytes
  std::string encoding = "UTF-8";
  std::vector<TextDiagnostic> diagnostics;
};

// Validates UTF-8 (ill-formed sequences → U+FFFD plus a diagnostic); when most
// non-ASCII bytes are not UTF-8, detects GB18030 or Big5 with ICU and converts.
// A legacy decode is kept only if the input has no C0 controls other than
// \t..\r, ICU's detector lists the charset, and ≥ 95 % of the characters are
// common in reports; otherwise the input is binary. A UTF-8 BOM is dropped; a
// UTF-16 BOM selects UTF-16. Binary input → empty text and a "binary" diagnostic.
// REQUIRES: bytes.size() < 4 GiB.
Decoded decode(std::string_view bytes);

}  // namespace policydb::text
