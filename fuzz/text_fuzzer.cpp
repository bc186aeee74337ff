// Fuzzes normalize_document with every Format, and the segmenters on its output:
// no crash, no hang, and every offset in range and ordered.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policydb/text.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

void run(std::string_view bytes, policydb::Format format) {
  const auto doc = policydb::normalize_document(bytes, format);
  const std::string& text = doc.text();
  const std::size_t n = text.size();
  for (std::size_t i = 0; i <= n; i += 1 + n / 64) {
    const std::size_t j = std::min(n, i + 7);
    const auto [b, e] = doc.original_span(i, j);
    check(b <= e && e <= bytes.size());
    const auto [ub, ue] = doc.original_utf8_span(i, j);
    check(ub <= ue && ue <= doc.original_utf8().size());
  }
  for (const auto& d : doc.diagnostics()) check(d.byte_offset <= bytes.size());
  std::size_t last = 0;
  for (const auto& s : policydb::split_sentences(text)) {
    check(last <= s.begin && s.begin < s.end && s.end <= n);
    last = s.end;
    std::size_t clause_end = s.begin;
    for (const auto& c : policydb::split_clauses(text, s)) {
      check(clause_end <= c.begin && c.begin < c.end && c.end <= s.end);
      clause_end = c.end;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto format : {policydb::Format::automatic, policydb::Format::plain, policydb::Format::markdown,
                      policydb::Format::html}) {
    run(bytes, format);
  }
  return 0;
}
