// Database::export_facts: stored facts back to the FORMAT.md interchange form
// (JSON Lines, a JSON array, or CSV with the same columns), in insertion order
// so an exported file reloads into the same documents.
#include <cmath>
#include <ostream>

#include <nlohmann/json.hpp>

#include "policydb/database.h"
#include "store/fact_reader.h"

namespace policydb {
namespace {

using nlohmann::ordered_json;

constexpr const char* kCsvColumns[] = {"doc",    "region",  "subregion", "metric",
                                       "metric_code", "kind", "measure", "value",
                                       "unit",   "period",  "comparator", "published",
                                       "quote",  "versus",  "target_type"};

// Integral values print without ".0" (187000, not 187000.0), as FORMAT.md files do.
ordered_json number(double v) {
  if (std::trunc(v) == v && std::abs(v) < 9.0e15) return static_cast<std::int64_t>(v);
  return v;
}

ordered_json to_json(const Fact& f) {
  ordered_json j;
  j["doc"] = f.document.source;
  j["region"] = f.region->short_name;
  if (!f.subregion.empty()) j["subregion"] = f.subregion;
  j["metric"] = f.label;
  if (f.metric->curated) j["metric_code"] = f.metric->code;
  j["kind"] = to_string(f.kind);
  j["measure"] = to_string(f.measure);
  j["value"] = number(f.value);
  j["unit"] = f.unit->code;
  j["period"] = f.period.to_string();
  j["comparator"] = to_string(f.comparator);
  if (f.document.published) j["published"] = f.document.published->to_string();
  j["quote"] = f.quote;
  if (f.versus) j["versus"] = *f.versus;
  if (f.target_type) j["target_type"] = *f.target_type;
  return j;
}

std::string dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

// RFC 4180: quote a field holding a comma, quote or line break; double the quotes.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void write_csv_row(std::ostream& out, const ordered_json& j) {
  bool first = true;
  for (const char* column : kCsvColumns) {
    if (!first) out << ',';
    first = false;
    const auto it = j.find(column);
    if (it == j.end()) continue;
    out << csv_field(it->is_string() ? it->get<std::string>() : dump(*it));
  }
  out << "\r\n";
}

}  // namespace

std::size_t Database::export_facts(std::ostream& out, ExportFormat format,
                                   const FactFilter& filter) const {
  detail::ReadSpec spec;
  spec.filter = filter;
  spec.order_by_id = true;
  std::size_t n = 0;
  if (format == ExportFormat::csv) {
    for (std::size_t i = 0; i < std::size(kCsvColumns); ++i) {
      out << (i ? "," : "") << kCsvColumns[i];
    }
    out << "\r\n";
  }
  if (format == ExportFormat::json) out << '[';
  detail::read_facts(*this, spec, [&](const Fact& f) {
    const ordered_json j = to_json(f);
    switch (format) {
      case ExportFormat::jsonl: out << dump(j) << '\n'; break;
      case ExportFormat::json: out << (n ? ",\n " : "\n ") << dump(j); break;
      case ExportFormat::csv: write_csv_row(out, j); break;
    }
    ++n;
    return static_cast<bool>(out);
  });
  if (format == ExportFormat::json) out << (n ? "\n]\n" : "]\n");
  return n;
}

}  // namespace policydb
