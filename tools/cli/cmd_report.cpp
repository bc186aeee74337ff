// The subcommands that draw: report (an HTML page of target progress) and
// chart (one indicator as SVG or Vega-Lite). The drawing is in the library
// (policydb/report.h); this file only maps flags to options and picks the
// output stream.
#include <fstream>

#include <fmt/format.h>

#include "policydb/error.h"
#include "policydb/report.h"

#include "commands.h"

namespace policydb::cli {
namespace {

// Runs `write` on the --out file, or on stdout without --out. Returns the
// path written, empty for stdout.
template <typename Write>
std::string write_output(Context& ctx, Write write) {
  const auto path = ctx.args.value("out");
  if (!path) {
    write(ctx.out);
    return "";
  }
  std::ofstream file(*path, std::ios::binary);
  if (!file) throw Error(ErrorCode::io, fmt::format("cannot write {}", *path));
  write(file);
  file.close();
  if (!file) throw Error(ErrorCode::io, fmt::format("failed writing {}", *path));
  return *path;
}

int run_report(Context& ctx) {
  ReportOptions options;
  options.regions = ctx.args.values("region");
  options.all_regions = ctx.args.has("all");
  options.metrics = ctx.args.values("metric");
  if (options.all_regions && !options.regions.empty()) {
    throw UsageError("give either --region or --all, not both");
  }
  const Database db = ctx.open_for_reading();
  const ReportData data = build_report(db, options);
  const std::string path =
      write_output(ctx, [&](std::ostream& out) { write_report_html(data, out); });
  std::size_t targets = 0;
  for (const auto& r : data.regions) targets += r.targets.size();
  if (!path.empty()) {
    ctx.err << fmt::format("policydb: wrote the report of {} region(s), {} target(s) to {}\n",
                           data.regions.size(), targets, path);
  }
  return kExitOk;
}

int run_chart(Context& ctx) {
  const ChartRequest request{ctx.args.value("region").value_or(""),
                             ctx.args.value("metric").value_or("")};
  if (request.region.empty() || request.metric.empty()) {
    throw UsageError("chart needs --region NAME and --metric NAME");
  }
  const std::string format = ctx.args.value_or("format", "svg");
  if (format != "svg" && format != "vega-lite") {
    throw UsageError(fmt::format("unknown --format {} (use svg or vega-lite)", format));
  }
  const Database db = ctx.open_for_reading();
  const std::string path = write_output(ctx, [&](std::ostream& out) {
    if (format == "svg")
      write_chart_svg(db, request, out);
    else
      write_chart_vega_lite(db, request, out);
  });
  if (!path.empty()) ctx.err << fmt::format("policydb: wrote the chart to {}\n", path);
  return kExitOk;
}

}  // namespace

void add_report_commands(std::vector<Command>& commands) {
  commands.push_back(
      {{"report",
        "Write an HTML report of target progress (inline SVG charts, prints on A4)",
        {{"region", "NAME", "a region to report (repeatable; any name: 河南, 豫, 410000)", true},
         {"all", "", "every region with a target (the default without --region)"},
         {"metric", "NAME", "only targets of this metric (repeatable; code, alias or label)", true},
         {"out", "FILE.html", "write to FILE instead of stdout"}},
        "",
        0,
        0,
        "The page is self-contained (no script, no network): per region, targets by deadline\n"
        "with status and a chart; per metric, provinces compared; and a table of sources.\n"
        "Example: policydb report --region 河南 --out henan.html"},
       run_report});
  commands.push_back({{"chart",
                       "Write one indicator's chart as standalone SVG or Vega-Lite JSON",
                       {{"region", "NAME", "the region (any name)"},
                        {"metric", "NAME", "the metric (code, alias or label)"},
                        {"format", "FORMAT", "svg (default) or vega-lite"},
                        {"out", "FILE", "write to FILE instead of stdout"}},
                       "",
                       0,
                       0,
                       "Example: policydb chart --region 河南 --metric 5G基站 --out 5g.svg"},
                      run_chart});
}

}  // namespace policydb::cli
