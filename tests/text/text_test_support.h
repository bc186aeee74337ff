// Helpers for the text tests: legacy encodings through ICU, and the substring
// of the original text that a normalized span maps back to.
#pragma once

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "policydb/text.h"

namespace policydb::testing {

// `utf8` encoded in `charset` ("GB18030", "Big5", "UTF-16LE") by ICU.
inline std::string encode(std::string_view utf8, const char* charset) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &status);
  std::string out(static_cast<std::size_t>(u.length()) * 4 + 16, '\0');
  const int32_t n = ucnv_fromUChars(conv, out.data(), static_cast<int32_t>(out.size()), u.getBuffer(),
                                    u.length(), &status);
  ucnv_close(conv);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
  return out;
}

inline std::string original_of(const NormalizedText& doc, std::size_t begin, std::size_t end) {
  const auto [b, e] = doc.original_utf8_span(begin, end);
  return doc.original_utf8().substr(b, e - b);
}

// The normalized text of `needle`'s first occurrence, mapped back.
inline std::string original_of(const NormalizedText& doc, std::string_view needle) {
  const std::size_t at = doc.text().find(needle);
  if (at == std::string::npos) return "<not found>";
  return original_of(doc, at, at + needle.size());
}

inline bool has_diagnostic(const NormalizedText& doc, std::string_view code) {
  for (const auto& d : doc.diagnostics()) {
    if (d.code == code) return true;
  }
  return false;
}

}  // namespace policydb::testing
