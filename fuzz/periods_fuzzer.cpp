// Fuzz target for the period parser: arbitrary bytes (invalid UTF-8, huge
// numerals, endless connectors) must never crash, hang or read out of bounds,
// and every match must be an in-order, non-overlapping, valid period inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policydb/periods.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Two references: a late-in-year date and none at all (relative forms skipped).
  for (const policydb::Date& ref : {policydb::Date{2023, 11, 20}, policydb::Date{}}) {
    std::size_t last_end = 0;
    for (const auto& m : policydb::find_periods(text, ref)) {
      if (m.begin < last_end || m.end <= m.begin || m.end > size || !m.period.valid() ||
          m.period.end() < m.period.start() || m.period.to_string().empty()) {
        std::abort();
      }
      if (!ref.valid() && m.relative_to_reference) std::abort();
      last_end = m.end;
    }
    if (auto whole = policydb::parse_period(text, ref); whole && whole->end != size) std::abort();
  }
  return 0;
}
