// Data for the markup stage: which HTML tags are blocks, which hide their
// content, and the named entities worth decoding.
#pragma once

#include <string_view>

namespace policydb::text {

enum class TagKind { unknown, inline_tag, block, cell, hidden };

// Lowercase tag name → kind; unknown when the name is not an HTML tag we know.
TagKind tag_kind(std::string_view lower_name);

// Named entity (without & and ;) → code point; 0 when unknown.
char32_t named_entity(std::string_view name);

}  // namespace policydb::text
