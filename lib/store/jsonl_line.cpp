#include "store/jsonl_line.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <simdjson.h>

#include "store/writer.h"

namespace policydb::detail {
namespace {

// Fields FORMAT.md defines; anything else draws a warning.
const std::set<std::string, std::less<>> kKnownFields = {
    "doc",    "region",    "subregion", "metric", "metric_code", "kind",     "measure",
    "value",  "unit",      "period",    "comparator", "published", "quote", "optional",
    "indicator", "versus", "target_type"};

// The JSON type of `value` as FORMAT.md's messages name it.
std::string_view type_name(const simdjson::dom::element& value) {
  switch (value.type()) {
    case simdjson::dom::element_type::ARRAY: return "array";
    case simdjson::dom::element_type::OBJECT: return "object";
    case simdjson::dom::element_type::STRING: return "string";
    case simdjson::dom::element_type::BOOL: return "boolean";
    case simdjson::dom::element_type::NULL_VALUE: return "null";
    default: return "number";  // INT64, UINT64, DOUBLE
  }
}

// Collects the diagnostics of one line and reads typed fields from it.
class LineReader {
 public:
  LineReader(simdjson::dom::object object, std::size_t line, const LoadOptions& options,
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
    const auto value = present(field);
    if (!value) {
      if (required) error(field, "missing");
      return std::nullopt;
    }
    std::string_view s;
    if (value->get_string().get(s) != simdjson::SUCCESS) {
      error(field, fmt::format("must be a string, not {}", type_name(*value)));
      return std::nullopt;
    }
    if (s.size() > options_.max_string_bytes) {
      error(field, fmt::format("{} bytes, more than the limit of {}", s.size(),
                               options_.max_string_bytes));
      return std::nullopt;
    }
    if (required && s.empty()) {
      error(field, "must not be empty");
      return std::nullopt;
    }
    return std::string(s);
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
    const auto value = present(field);
    if (!value) {
      error(field, "missing");
      return std::nullopt;
    }
    double v = 0;
    if (!value->is_number() || value->get_double().get(v) != simdjson::SUCCESS) {
      error(field, fmt::format("must be a number, not {}", type_name(*value)));
      return std::nullopt;
    }
    if (!std::isfinite(v)) {
      error(field, "must be a finite number");
      return std::nullopt;
    }
    return v;
  }

 private:
  // The value of `field` unless it is absent or null.
  std::optional<simdjson::dom::element> present(const char* field) const {
    simdjson::dom::element value;
    if (object_.at_key(field).get(value) != simdjson::SUCCESS || value.is_null()) return std::nullopt;
    return value;
  }

  simdjson::dom::object object_;
  std::size_t line_;
  const LoadOptions& options_;
  std::vector<LoadDiagnostic>& out_;
  bool failed_ = false;
};

// The first key that appears twice in one object of `value`, at any depth
// (simdjson keeps both; FORMAT.md lines must not have any). Depth is bounded
// by the parser's (1,024).
std::optional<std::string_view> duplicate_key(const simdjson::dom::element& value) {
  simdjson::dom::array items;
  simdjson::dom::object fields;
  if (value.get_array().get(items) == simdjson::SUCCESS) {
    for (const auto item : items) {
      if (auto d = duplicate_key(item)) return d;
    }
  } else if (value.get_object().get(fields) == simdjson::SUCCESS) {
    // A line's objects have a dozen keys at most: a linear search is cheapest.
    std::vector<std::string_view> seen;
    for (const auto field : fields) {
      if (std::find(seen.begin(), seen.end(), field.key) != seen.end()) return field.key;
      seen.push_back(field.key);
      if (auto d = duplicate_key(field.value)) return d;
    }
  }
  return std::nullopt;
}

// Parses `line` into an object with simdjson: loading is mostly parsing, and
// simdjson parses a line several times faster than nlohmann (load_jsonl
// spent half its time in nlohmann's parser). One parser per thread keeps its
// buffers; the object lives until that thread's next parse.
std::optional<simdjson::dom::object> parse_object(std::string_view line, std::string& problem) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element value;
  if (const auto error = parser.parse(line.data(), line.size()).get(value); error != simdjson::SUCCESS) {
    problem = fmt::format("not valid JSON: {}", simdjson::error_message(error));
    return std::nullopt;
  }
  if (auto key = duplicate_key(value)) {
    problem = fmt::format("duplicate key \"{}\"", *key);
    return std::nullopt;
  }
  simdjson::dom::object object;
  if (value.get_object().get(object) != simdjson::SUCCESS) {
    problem = fmt::format("must be a JSON object, not {}", type_name(value));
    return std::nullopt;
  }
  return object;
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
  for (const auto field : *object) {
    if (kKnownFields.find(field.key) == kKnownFields.end()) r.warning(field.key, "unknown field ignored");
  }
  if (!r.failed()) out.record = std::move(f);
  return out;
}

}  // namespace policydb::detail
