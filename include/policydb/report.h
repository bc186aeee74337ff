// policydb/report.h: the target-progress report (one self-contained HTML file:
// inline SVG and CSS, no script, no network, prints on A4) and single charts as
// standalone SVG or Vega-Lite JSON. Everything is written to a stream the
// caller gives; nothing goes to stdout.
//
//   policydb::ReportOptions options;
//   options.regions = {"河南"};
//   std::ofstream html("henan.html");
//   policydb::write_report(db, options, html);
//   policydb::write_chart_svg(db, {"河南", "5g_base_stations"}, svg_stream);
//
// The data of a report is plain values (ReportData), so a caller can build it
// by hand and render it with write_report_html. Thread-safety: the functions
// only read the Database, which may be shared.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policydb/chart.h"
#include "policydb/export.h"
#include "policydb/fact.h"
#include "policydb/progress.h"

namespace policydb {

class Database;

struct ReportOptions {
  // Regions by any name (河南, 豫, 410000). Empty: every region that has a
  // province-level target (the same as all_regions).
  std::vector<std::string> regions;
  bool all_regions = false;
  // Metric codes, aliases or labels; empty: every metric with a target. Also
  // chooses the metrics compared across provinces (default: those of the
  // report's targets that at least two regions report).
  std::vector<std::string> metrics;
  std::string title = "目标进度报告 Target progress report";
  // Printed in the header when set; left out by default so the same database
  // gives byte-identical reports.
  std::string generated_note;
};

// One target of the report with the actual series drawn beside it.
struct TargetRow {
  TargetProgress progress;
  std::vector<Fact> actuals;  // the series of the target's region/metric/measure, any unit
};

struct RegionReport {
  Region region;
  std::vector<TargetRow> targets;  // sorted by deadline, then metric name
};

// One region's latest value of a metric, in the comparison's unit.
struct ComparisonBar {
  Region region;
  Fact fact;
  double value = 0;
};

// One metric across regions: sorted bars, the national figure, fact coverage.
struct MetricComparison {
  Metric metric;
  Measure measure = Measure::level;
  std::string unit;                       // unit code of every bar value
  std::vector<ComparisonBar> bars;        // provinces and areas, largest first
  std::optional<ComparisonBar> national;  // 全国, drawn as a reference line
  std::vector<int> years;                 // columns of the coverage table, ascending
  // Rows of the coverage table: region short name, then facts per year.
  std::vector<std::pair<std::string, std::vector<int>>> coverage;
};

struct ReportData {
  std::string title;
  std::string generated_note;
  std::vector<RegionReport> regions;
  std::vector<MetricComparison> comparisons;
};

// Reads what the report shows from `db`: target_progress per region, the
// actual series of each target, and the cross-province comparisons. Throws
// Error(not_found) for an unknown region name, Error(database) on faults.
[[nodiscard]] POLICYDB_EXPORT ReportData build_report(const Database& db,
                                                      const ReportOptions& options);

// Renders `data` as one HTML document on `out`. Every string taken from the
// data is escaped. Throws only what the stream throws.
POLICYDB_EXPORT void write_report_html(const ReportData& data, std::ostream& out);

// build_report then write_report_html.
POLICYDB_EXPORT void write_report(const Database& db, const ReportOptions& options,
                                  std::ostream& out);

// ---- Single charts -----------------------------------------------------------

struct ChartRequest {
  std::string region;  // any region name
  std::string metric;  // metric code, alias or label
};

// The chart input of one region and metric: its actual series (the metric's
// own measure) and its targets of that measure, all in the unit of the first
// target (else of the latest actual). Throws Error(not_found) for an unknown
// region or metric.
[[nodiscard]] POLICYDB_EXPORT ChartInput chart_input(const Database& db,
                                                     const ChartRequest& request);

// The chart input of one report row: its series and its target, in the
// target's unit (actuals in another dimension are left out).
[[nodiscard]] POLICYDB_EXPORT ChartInput chart_input(const TargetRow& row);

// Writes `chart` as an SVG element; `standalone` adds the XML prologue and
// presentation attributes so the file renders on its own. Quotes and sources
// of points are in <title> tooltips.
POLICYDB_EXPORT void write_chart_svg(const Chart& chart, std::ostream& out,
                                     bool standalone = true);

// Writes a Vega-Lite v5 specification with the data inline: actual points
// joined by a line, target markers, the needed-growth path dashed.
POLICYDB_EXPORT void write_chart_vega_lite(const ChartInput& input, std::ostream& out);

// chart_input(db, request), laid out and written as a standalone SVG file.
POLICYDB_EXPORT void write_chart_svg(const Database& db, const ChartRequest& request,
                                     std::ostream& out);
// chart_input(db, request) written as Vega-Lite JSON.
POLICYDB_EXPORT void write_chart_vega_lite(const Database& db, const ChartRequest& request,
                                           std::ostream& out);

// `text` safe inside HTML or XML text and attribute values: & < > " ' become
// character references; control characters XML forbids are dropped.
[[nodiscard]] POLICYDB_EXPORT std::string escape_html(std::string_view text);

// Display text of progress and target vocabulary, Chinese then English:
// "进度正常 on track", "超过", "约束性 binding".
[[nodiscard]] POLICYDB_EXPORT std::string status_label(ProgressStatus status);
[[nodiscard]] POLICYDB_EXPORT std::string comparator_label(Comparator comparator);

}  // namespace policydb
