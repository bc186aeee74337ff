// Helpers of the extractor tests: extract a text written in the test, find a fact.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "policydb/catalog.h"
#include "policydb/extract.h"

namespace policydb::testing {

inline const Extractor& test_extractor() {
  static const Extractor extractor(Catalog::builtin());
  return extractor;
}

inline ExtractResult extract_text(std::string_view text, std::optional<Date> date = Date{2024, 3, 1},
                                  std::optional<std::string> province = std::string("浙江")) {
  ExtractOptions options;
  options.date = date;
  options.province = std::move(province);
  options.source_name = "test.txt";
  return test_extractor().extract(text, options);
}

// The fact with `value` (within 0.01 %), or nullptr.
inline const FactRecord* fact_with(const ExtractResult& r, double value) {
  for (const auto& f : r.facts) {
    if (f.value == value || (value != 0 && std::abs(f.value - value) <= std::abs(value) * 1e-4)) return &f;
  }
  return nullptr;
}

}  // namespace policydb::testing
