// Fuzzes Extractor::extract: any bytes must give a result without a crash or an
// exception, and every fact must be well-formed (a region, a metric, a valid
// period, a quote that lies inside the original text).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "policydb/catalog.h"
#include "policydb/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const policydb::Extractor extractor(policydb::Catalog::builtin());
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  policydb::ExtractOptions options;
  options.source_name = "fuzz.txt";
  if (size % 3 == 0) options.date = policydb::Date{2024, 1, 25};
  if (size % 5 == 0) options.province = "河南";
  const policydb::ExtractResult result = extractor.extract(bytes, options);
  for (const auto& f : result.facts) {
    if (f.region.empty() || f.metric.empty() || !f.period.valid()) std::abort();
    if (f.span_start && f.span_end && (*f.span_start > *f.span_end || *f.span_end > size)) std::abort();
    (void)policydb::to_jsonl(f);
  }
  return 0;
}
