// The subcommands that read report text without a database: scan, extract.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "policydb/error.h"
#include "policydb/extract.h"
#include "policydb/periods.h"
#include "policydb/quantity.h"
#include "policydb/text.h"

#include "commands.h"

namespace policydb::cli {
namespace {

std::string read_input(const std::string& file) {
  if (file == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, fmt::format("cannot read {}", file));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::optional<Date> date_flag(const Args& args) {
  auto text = args.value("date");
  if (!text) return std::nullopt;
  auto date = Date::parse(*text);
  if (!date) throw UsageError(fmt::format("--date wants YYYY-MM-DD, not '{}'", *text));
  return date;
}

// One scanned item, positioned in the original input.
// Keys print in the order of issue 4's examples (type, text, …, start, end).
using Json = nlohmann::ordered_json;

struct ScanItem {
  std::size_t start = 0, end = 0;
  Json object;
};

// 187000 rather than 187000.0 for whole numbers.
Json number(double value) {
  if (std::isfinite(value) && std::nearbyint(value) == value && std::fabs(value) < 9.0e15) {
    return static_cast<std::int64_t>(value);
  }
  return value;
}

Json quantity_json(const Quantity& q) {
  Json o = {{"type", "quantity"},
            {"text", ""},
            {"value", number(q.value)},
            {"unit", q.unit},
            {"comparator", std::string(to_string(q.comparator))}};
  if (q.range_high) o["range_high"] = number(*q.range_high);
  if (q.is_rank) o["rank"] = true;
  if (q.is_multiple) o["multiple"] = true;
  if (q.is_fraction_or_share) o["share"] = true;
  return o;
}

Json period_json(const PeriodMatch& p) {
  return {{"type", "period"},
          {"text", ""},
          {"period", p.period.to_string()},
          {"start_date", p.period.start().to_string()},
          {"end_date", p.period.end().to_string()},
          {"grain", std::string(to_string(p.period.grain()))},
          {"role", std::string(to_string(p.role))}};
}

// Every quantity and period of `bytes`, in input order, with byte offsets into
// `bytes` and the matched text as the input wrote it.
std::vector<ScanItem> scan_text(std::string_view bytes, const std::optional<Date>& date,
                                const QuantityScanner& scanner) {
  const NormalizedText doc = normalize_document(bytes, Format::plain);
  const Date reference = date.value_or(doc.metadata().date.value_or(Date{}));
  std::vector<ScanItem> items;
  auto add = [&](std::size_t begin, std::size_t end, Json object) {
    const auto [start, stop] = doc.original_span(begin, end);
    const auto [text_begin, text_end] = doc.original_utf8_span(begin, end);
    object["text"] = doc.original_utf8().substr(text_begin, text_end - text_begin);
    object["start"] = start;
    object["end"] = stop;
    items.push_back({start, stop, std::move(object)});
  };
  for (const auto& q : scanner.scan(doc.text())) add(q.begin, q.end, quantity_json(q));
  for (const auto& p : find_periods(doc.text(), reference)) add(p.begin, p.end, period_json(p));
  std::stable_sort(items.begin(), items.end(),
                   [](const ScanItem& a, const ScanItem& b) { return a.start < b.start; });
  return items;
}

int run_scan(Context& ctx) {
  const auto date = date_flag(ctx.args);
  const std::string input = read_input(ctx.args.positional().at(0));
  const QuantityScanner scanner(*Catalog::builtin());
  if (!ctx.args.has("each-line")) {
    for (auto& item : scan_text(input, date, scanner)) ctx.out << item.object.dump() << '\n';
    return kExitOk;
  }
  std::size_t line_number = 0, begin = 0;
  while (begin < input.size()) {
    std::size_t end = input.find('\n', begin);
    if (end == std::string::npos) end = input.size();
    std::string_view line(input.data() + begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++line_number;
    for (auto& item : scan_text(line, date, scanner)) {
      item.object["line"] = line_number;
      ctx.out << item.object.dump() << '\n';
    }
    begin = end + 1;
  }
  return kExitOk;
}

int run_extract(Context& ctx) {
  ExtractOptions options;
  options.date = date_flag(ctx.args);
  options.province = ctx.args.value("province");
  const Extractor extractor(Catalog::builtin());
  for (const auto& file : ctx.args.positional()) {
    const std::string bytes = read_input(file);
    options.source_name = file == "-" ? "<stdin>" : std::filesystem::path(file).filename().string();
    const ExtractResult result = extractor.extract(bytes, options);
    for (const auto& d : result.diagnostics) {
      ctx.err << fmt::format("{}: {}: {}\n", file, d.code, d.message);
    }
    for (const auto& fact : result.facts) ctx.out << to_jsonl(fact) << '\n';
  }
  return kExitOk;
}

}  // namespace

void add_text_commands(std::vector<Command>& commands) {
  commands.push_back(
      {{"scan",
        "Show every quantity and period the parsers find in a text",
        {{"date", "YYYY-MM-DD", "resolve 今年/去年/… against this date (default: the text's own)"},
         {"each-line", "", "treat every input line as its own text; adds \"line\": N"}},
        "FILE|-",
        1,
        1,
        "Prints one JSON object per line, in input order:\n"
        "  {\"type\":\"quantity\",\"text\":\"18.7万个\",\"value\":187000,\"unit\":\"个\",\n"
        "   \"comparator\":\"eq\",\"start\":…,\"end\":…}\n"
        "  {\"type\":\"period\",\"text\":\"截至今年10月底\",\"period\":\"2023-10\",\n"
        "   \"start_date\":\"2023-10-01\",\"end_date\":\"2023-10-31\",\"grain\":\"month\",\n"
        "   \"role\":\"as_of\",\"start\":…,\"end\":…}\n"
        "start/end are byte offsets into the input (into the line with --each-line)."},
       run_scan});
  commands.push_back(
      {{"extract",
        "Extract facts from report files as FORMAT.md JSON Lines (no database)",
        {{"date", "YYYY-MM-DD", "the reports' publication date (default: found in the text)"},
         {"province", "NAME", "the reports' home province (default: inferred)"}},
        "FILE...",
        1,
        -1,
        "Facts go to standard output, diagnostics to standard error. Load the output\n"
        "with `policydb load`, or use `policydb ingest` to store reports directly."},
       run_extract});
}

}  // namespace policydb::cli
