// Fuzz target for the numbers parser: find_quantities and parse_number on
// arbitrary bytes (invalid UTF-8 included). Checks the invariants the extractor
// relies on: spans inside the text, ordered, non-overlapping.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policydb/catalog.h"
#include "policydb/quantity.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto catalog = policydb::Catalog::builtin();
  static const policydb::QuantityScanner scanner(*catalog);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto found = scanner.scan(text);
  std::size_t previous_end = 0;
  for (const policydb::Quantity& q : found) {
    const bool ordered = q.begin >= previous_end && q.begin <= q.number_begin &&
                         q.number_begin <= q.number_end && q.number_end <= q.end && q.end <= size;
    if (!ordered) std::abort();
    previous_end = q.end;
  }
  (void)policydb::parse_number(text);
  return 0;
}
