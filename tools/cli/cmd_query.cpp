// The subcommands that ask questions of stored facts: facts, series, progress, sql.
#include <charconv>
#include <cmath>

#include <fmt/format.h>

#include "policydb/error.h"

#include "commands.h"
#include "filter.h"

namespace policydb::cli {
namespace {

nlohmann::json optional_text(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

template <typename T>
nlohmann::json optional_value(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// A rate (0.085) as a percentage rounded to 0.1 (8.5); null when absent.
nlohmann::json percent(const std::optional<double>& rate) {
  if (!rate || !std::isfinite(*rate)) return nullptr;
  return std::round(*rate * 1000.0) / 10.0;
}

nlohmann::json rounded(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return std::round(*value * 1e4) / 1e4;
}

std::size_t parse_count(const std::string& flag, const std::string& text) {
  std::size_t n = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (ec != std::errc() || ptr != end) {
    throw UsageError(fmt::format("--{} wants a number, not '{}'", flag, text));
  }
  return n;
}

std::string published(const DocumentRef& d) { return d.published ? d.published->to_string() : ""; }

int run_facts(Context& ctx) {
  std::optional<std::size_t> limit;
  if (auto text = ctx.args.value("limit")) limit = parse_count("limit", *text);
  auto db = ctx.open_for_reading();
  const FactQuery query = query_from(db, ctx.args);
  Table table{{"region", "subregion", "metric", "metric_code", "kind", "measure", "comparator",
               "value", "unit", "period", "document", "quote"},
              {}};
  query.each([&](const Fact& f) {
    if (limit && table.rows.size() >= *limit) return false;
    table.rows.push_back(
        {f.region->short_name, optional_text(f.subregion), f.label,
         f.metric->curated ? nlohmann::json(f.metric->code) : nlohmann::json(nullptr),
         std::string(to_string(f.kind)), std::string(to_string(f.measure)),
         std::string(to_string(f.comparator)), f.value, f.unit->code, f.period.to_string(),
         f.document.source, f.quote});
    return true;
  });
  ctx.print(table);
  return kExitOk;
}

int run_series(Context& ctx) {
  SeriesOptions options;
  if (auto text = ctx.args.value("kind")) {
    auto kind = parse_kind(*text);
    if (!kind) throw UsageError(fmt::format("unknown --kind {} (actual or target)", *text));
    options.kind = *kind;
  }
  if (auto text = ctx.args.value("measure")) {
    options.measure = parse_measure(*text);
    if (!options.measure) throw UsageError(fmt::format("unknown --measure {}", *text));
  }
  options.subregion = ctx.args.value("subregion");
  auto db = ctx.open_for_reading();
  const Series series = db.series(*ctx.args.value("region"), *ctx.args.value("metric"), options);
  Table table{{"region", "metric", "period", "value", "unit", "comparator", "document", "published",
               "alternatives", "disagreement"},
              {}};
  for (const auto& p : series.points) {
    table.rows.push_back({series.region.short_name, series.metric.code, p.period.to_string(),
                          p.fact.value, p.fact.unit->code, std::string(to_string(p.fact.comparator)),
                          p.fact.document.source, optional_text(published(p.fact.document)),
                          p.alternatives.size(), p.disagreement});
  }
  ctx.print(table);
  return kExitOk;
}

int run_progress(Context& ctx) {
  auto db = ctx.open_for_reading();
  FactQuery query = query_from(db, ctx.args);
  if (auto year = ctx.args.value("year")) {
    const int y = parse_year("year", *year);
    query.since(y).until(y);
  }
  Table table{{"region", "metric", "metric_code", "deadline", "comparator", "target", "unit",
               "actual", "actual_period", "achieved_pct", "gap", "needed_cagr_pct",
               "observed_cagr_pct", "status", "target_type"},
              {}};
  for (const auto& p : db.target_progress(query.filter())) {
    const Fact& t = p.target;
    table.rows.push_back(
        {t.region->short_name, t.label,
         t.metric->curated ? nlohmann::json(t.metric->code) : nlohmann::json(nullptr),
         t.period.to_string(), std::string(to_string(t.comparator)), t.value, t.unit->code,
         rounded(p.actual_value),
         p.latest_actual ? nlohmann::json(p.latest_actual->period.to_string()) : nullptr,
         percent(p.ratio_achieved), rounded(p.gap), percent(p.needed_cagr),
         percent(p.observed_cagr), std::string(to_string(p.status)),
         optional_value(p.target_type)});
  }
  ctx.print(table);
  return kExitOk;
}

int run_sql(Context& ctx) {
  auto db = ctx.open_for_reading();
  const QueryResult result = db.query_readonly(ctx.args.positional().at(0));
  Table table{result.columns, {}};
  for (const auto& row : result.rows) {
    auto& cells = table.rows.emplace_back();
    for (const auto& value : row) cells.push_back(optional_value(value));
  }
  ctx.print(table);
  return kExitOk;
}

}  // namespace

void add_query_commands(std::vector<Command>& commands) {
  std::vector<FlagSpec> facts_flags = filter_flags();
  facts_flags.push_back({"limit", "N", "print at most N facts"});
  facts_flags.push_back(format_flag());
  commands.push_back({{"facts", "List stored facts matching the filters", facts_flags, "", 0, 0,
                       "Facts are ordered by period end, then region, metric and id.\n"
                       "Example: policydb facts --region 河南 --kind target --until 2025"},
                      run_facts});
  commands.push_back(
      {{"series",
        "The time series of one indicator in one region, one value per period",
        {{"region", "NAME", "region by any name (required)"},
         {"metric", "METRIC", "metric code or alias (required)"},
         {"kind", "KIND", "actual (default) or target"},
         {"measure", "MEASURE", "default: the metric's own measure"},
         {"subregion", "TEXT", "the series of a city or zone instead"},
         format_flag()},
        "",
        0,
        0,
        "When several documents report one period, the most recently published wins;\n"
        "`alternatives` counts the others and `disagreement` flags a difference > 0.5 %."},
       [](Context& ctx) {
         if (!ctx.args.has("region") || !ctx.args.has("metric")) {
           throw UsageError("series needs --region and --metric");
         }
         return run_series(ctx);
       }});
  std::vector<FlagSpec> progress_flags = filter_flags();
  progress_flags.push_back({"year", "YEAR", "only targets due in YEAR"});
  progress_flags.push_back(format_flag());
  commands.push_back(
      {{"progress", "How far each stored target is from being met", progress_flags, "", 0, 0,
        "Compares each target with the latest actual before its deadline. status is\n"
        "achieved, on_track (the growth observed reaches 90 % of the growth still\n"
        "needed), behind or no_data; the full rule is in include/policydb/progress.h.\n"
        "Percentages: achieved_pct = actual / target; *_cagr_pct are a year."},
       run_progress});
  commands.push_back(
      {{"sql",
        "Run one read-only SQL statement on the documented views",
        {format_flag()},
        "\"SELECT ...\"",
        1,
        1,
        "The statement runs in a sandbox: writes, ATTACH and state-changing PRAGMAs are\n"
        "refused and a runaway query is stopped. Views: facts, targets,\n"
        "target_progress, latest (docs/SCHEMA.md)."},
       run_sql});
}

}  // namespace policydb::cli
