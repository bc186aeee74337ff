// Stage 4: NFKC, then Traditional→Simplified for the paragraphs that are
// traditional.
#pragma once

#include <string>
#include <string_view>

#include "policydb/text.h"
#include "text/offset_map.h"

namespace policydb::text {

// NFKC of `in`; *map receives output → input.
std::string nfkc(std::string_view in, OffsetMap* map);

// Converts, in place, each '\n'-separated paragraph whose traditional characters
// outnumber its simplified-only ones. Conversion keeps byte lengths (every
// mapping is one BMP Han character to another), so offsets do not move.
// Returns the document's script.
Script convert_traditional(std::string* text);

// Whether Hant→Hans would change the character and it counts as evidence of
// traditional text (for tests and tools).
bool is_traditional_char(char32_t c);

}  // namespace policydb::text
