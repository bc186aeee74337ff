#include "store/jsonl_line.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "store/writer.h"

namespace policydb::detail {
namespace {

using nlohmann::json;

// Fields FORMAT.md defines; anything else draws a warning.
const std::set<std::string, std::less<>> kKnownFields = {
    "doc",    "region",    "subregion", "metric", "metric_code", "kind",     "measure",
    "value",  "unit",      "period",    "comparator", "published", "quote", "optional",
    "indicator", "versus", "target_type"};

// Collects the diagnostics of one line and reads typed fields from it.
class LineReader {
 public:
  LineReader(const json& object, std::size_t line, const LoadOptions& options,
             std::vector<LoadDiagnostic>& out)
      : object_(object), line_(line), options_(options), out_(out) {}

  void error(std::string_view field, std::string message) {
    out_.push_back({line_, std::string(field), std::move(message), Severity::error});
    failed_ = true;
  }
  void warning(std::string_view field, std::string message) {
    out_.push_back({line_, std::string(field), std::move(message), Severity::warning});
  }
  bool failed() const { return failed_; }

  // The string value of `field`; nullopt (and an error when required) otherwise.
  std::optional<std::string> text(const char* field, bool required) {
    const auto it = object_.find(field);
    if (it == object_.end() || it->is_null()) {
      if (required) error(field, "missing");
      return std::nullopt;
    }
    if (!it->is_string()) {
      error(field, fmt::format("must be a string, not {}", it->type_name()));
      return std::nullopt;
    }
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > options_.max_string_bytes) {
      error(field, fmt::format("{} bytes, more than the limit of {}", s.size(),
                               options_.max_string_bytes));
      return std::nullopt;
    }
    if (required && s.empty()) {
      error(field, "must not be empty");
      return std::nullopt;
    }
    return s;
  }

  template <typename Enum, typename Parse>
  std::optional<Enum> choice(const char* field, bool required, Parse parse, const char* allowed) {
    const auto s = text(field, required);
    if (!s) return std::nullopt;
    auto value = parse(*s);
    if (!value) error(field, fmt::format("\"{}\" is not one of {}", *s, allowed));
    return value;
  }

  std::optional<double> number(const char* field) {
    const auto it = object_.find(field);
    if (it == object_.end() || it->is_null()) {
      error(field, "missing");
      return std::nullopt;
    }
    if (!it->is_number()) {
      error(field, fmt::format("must be a number, not {}", it->type_name()));
      return std::nullopt;
    }
    const double v = it->get<double>();
    if (!std::isfinite(v)) {
      error(field, "must be a finite number");
      return std::nullopt;
    }
    return v;
  }

 private:
  const json& object_;
  std::size_t line_;
  const LoadOptions& options_;
  std::vector<LoadDiagnostic>& out_;
  bool failed_ = false;
};

// Parses JSON, refusing duplicate keys (nlohmann keeps the last one silently).
std::optional<json> parse_object(std::string_view line, std::string& problem) {
  // The keys of each open object. A line's objects have a dozen keys at most,
  // so a linear search beats a set (and its allocations) on every line.
  std::vector<std::vector<std::string>> keys;
  std::string duplicate;
  auto callback = [&](int, json::parse_event_t event, json& parsed) {
    if (event == json::parse_event_t::object_start) keys.emplace_back();
    if (event == json::parse_event_t::object_end && !keys.empty()) keys.pop_back();
    if (event == json::parse_event_t::key && !keys.empty() && duplicate.empty()) {
      const auto& key = parsed.get_ref<const std::string&>();
      auto& seen = keys.back();
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
        duplicate = key;
      } else {
        seen.push_back(key);
      }
    }
    return true;
  };
  json value;
  try {
    value = json::parse(line.begin(), line.end(), callback);
  } catch (const json::parse_error& e) {
    problem = fmt::format("not valid JSON: {}", e.what());
    return std::nullopt;
  } catch (const json::exception& e) {  // out_of_range.406: a number beyond double (1e309)
    problem = fmt::format("a number is not finite: {}", e.what());
    return std::nullopt;
  }
  if (!duplicate.empty()) {
    problem = fmt::format("duplicate key \"{}\"", duplicate);
    return std::nullopt;
  }
  if (!value.is_object()) {
    problem = fmt::format("must be a JSON object, not {}", value.type_name());
    return std::nullopt;
  }
  return value;
}

void read_names(LineReader& r, const Catalog& catalog, FactRecord& f) {
  if (auto doc = r.text("doc", true)) f.doc = std::move(*doc);
  if (auto region = r.text("region", true)) {
    if (catalog.find_region(*region) == nullptr) {
      const auto close = catalog.suggest_regions(*region);
      r.error("region", fmt::format("unknown region \"{}\"{}", *region,
                                    close.empty() ? "" : fmt::format(" (did you mean {}?)",
                                                                     fmt::join(close, ", "))));
    }
    f.region = std::move(*region);
  }
  if (auto sub = r.text("subregion", false)) f.subregion = std::move(*sub);
  if (auto metric = r.text("metric", true)) f.metric = std::move(*metric);
  if (auto code = r.text("metric_code", false); code && !code->empty()) {
    const Metric* m = catalog.find_metric(*code);
    if (m == nullptr || m->code != *code) {
      r.warning("metric_code", fmt::format("\"{}\" is not in the catalog; the label decides", *code));
    } else {
      f.metric_code = std::move(*code);
    }
  }
}

void read_quantity(LineReader& r, const Catalog& catalog, FactRecord& f) {
  if (auto v = r.choice<Kind>("kind", true, parse_kind, "actual, target")) f.kind = *v;
  if (auto v = r.choice<Measure>("measure", true, parse_measure,
                                 "level, ratio, growth, change, rank")) {
    f.measure = *v;
  }
  if (auto v = r.choice<Comparator>("comparator", false, parse_comparator,
                                    "eq, gt, ge, lt, le, approx")) {
    f.comparator = *v;
  }
  if (auto v = r.number("value")) f.value = *v;
  if (auto unit = r.text("unit", true)) {
    if (!unit_acceptable(catalog, *unit)) {
      r.error("unit", fmt::format("unknown unit \"{}\" (a unit code such as CNY, %, pp, PB, "
                                  "or a Chinese measure word)", *unit));
    }
    f.unit = std::move(*unit);
  }
  if (auto period = r.text("period", true)) {
    if (auto p = Period::parse(*period)) {
      f.period = *p;
    } else {
      r.error("period", fmt::format("\"{}\" is not a period (2022, 2023-10, 2023-Q3, "
                                    "2023-01/2023-09, 2024-12-31)", *period));
    }
  }
}

std::optional<std::string> read_tag(LineReader& r, const char* field,
                                    std::initializer_list<std::string_view> allowed) {
  auto v = r.text(field, false);
  if (!v) return std::nullopt;
  for (auto a : allowed) {
    if (*v == a) return v;
  }
  r.error(field, fmt::format("\"{}\" is not one of {}", *v, fmt::join(allowed, ", ")));
  return std::nullopt;
}

void read_context(LineReader& r, FactRecord& f) {
  if (auto published = r.text("published", false)) {
    if (auto d = Date::parse(*published)) {
      f.published = *d;
    } else {
      r.error("published", fmt::format("\"{}\" is not a date YYYY-MM-DD", *published));
    }
  }
  if (auto quote = r.text("quote", true)) f.quote = std::move(*quote);
  f.versus = read_tag(r, "versus", {"national", "target", "province_average"});
  f.target_type = read_tag(r, "target_type", {"binding", "anticipatory"});
}

}  // namespace

ParsedLine parse_fact_line(std::string_view line, std::size_t line_no, const Catalog& catalog,
                           const LoadOptions& options) {
  ParsedLine out;
  if (line.size() > options.max_line_bytes) {
    out.diagnostics.push_back({line_no, "", fmt::format("line of {} bytes, more than the limit "
                               "of {}", line.size(), options.max_line_bytes), Severity::error});
    return out;
  }
  std::string problem;
  const auto object = parse_object(line, problem);
  if (!object) {
    out.diagnostics.push_back({line_no, "", problem, Severity::error});
    return out;
  }
  LineReader r(*object, line_no, options, out.diagnostics);
  FactRecord f;
  read_names(r, catalog, f);
  read_quantity(r, catalog, f);
  read_context(r, f);
  for (const auto& item : object->items()) {
    if (kKnownFields.find(item.key()) == kKnownFields.end()) {
      r.warning(item.key(), "unknown field ignored");
    }
  }
  if (!r.failed()) out.record = std::move(f);
  return out;
}

}  // namespace policydb::detail
