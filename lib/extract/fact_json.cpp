// FactRecord → one FORMAT.md JSON line. Field order follows FORMAT.md so the
// lines diff cleanly against gold files; optional fields appear only when set.
#include <cmath>

#include <nlohmann/json.hpp>

#include "policydb/extract.h"

namespace policydb {

std::string to_jsonl(const FactRecord& f) {
  nlohmann::ordered_json j;
  j["doc"] = f.doc;
  j["region"] = f.region;
  if (!f.subregion.empty()) j["subregion"] = f.subregion;
  j["metric"] = f.metric;
  if (!f.metric_code.empty()) j["metric_code"] = f.metric_code;
  j["kind"] = std::string(to_string(f.kind));
  j["measure"] = std::string(to_string(f.measure));
  // Whole values print as integers (187000, not 187000.0), as FORMAT.md writes them.
  if (std::isfinite(f.value) && std::abs(f.value) < 9e15 && f.value == std::floor(f.value)) {
    j["value"] = static_cast<long long>(f.value);
  } else {
    j["value"] = std::isfinite(f.value) ? f.value : 0.0;
  }
  j["unit"] = f.unit;
  j["period"] = f.period.valid() ? f.period.to_string() : std::string();
  j["comparator"] = std::string(to_string(f.comparator));
  if (f.published && f.published->valid()) j["published"] = f.published->to_string();
  j["quote"] = f.quote;
  if (f.target_type) j["target_type"] = *f.target_type;
  if (f.versus) j["versus"] = *f.versus;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace policydb
