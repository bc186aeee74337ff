// Document metadata: YAML front matter, labelled lines and datelines.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "policydb/text.h"

namespace policydb::text {

// A date at the start of `s`: 2024-01-25, 2024/1/25, 2024.01.25, 2024年1月25日
// (ASCII digits). *consumed receives its byte length. std::nullopt if none or
// not a real day.
std::optional<Date> parse_date_prefix(std::string_view s, std::size_t* consumed);

// Reads a `---` … `---` block at the very top into *meta (title, date,
// categories/source, publisher); returns the offset just past it, or 0.
std::size_t read_front_matter(std::string_view utf8, DocumentMetadata* meta);

// Reads labelled lines (来源:…, 发布时间:…, (文章来源:…)) from the first and last
// paragraphs, and a dateline from the first ones, of a normalized text. Fields
// already set are kept.
void read_labelled_metadata(std::string_view normalized, DocumentMetadata* meta);

}  // namespace policydb::text
