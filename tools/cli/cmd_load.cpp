// The subcommands that move FORMAT.md facts in and out: load, export.
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "policydb/error.h"

#include "commands.h"
#include "filter.h"

namespace policydb::cli {
namespace {

struct LoadTotals {
  std::size_t added = 0, already_present = 0, replaced = 0, facts = 0, rejected_lines = 0;
  std::size_t rejected_files = 0;
};

void count_documents(const LoadReport& report, LoadTotals& totals) {
  for (const auto& d : report.documents) {
    if (d.outcome == DocumentOutcome::added) ++totals.added;
    if (d.outcome == DocumentOutcome::already_present) ++totals.already_present;
    if (d.outcome == DocumentOutcome::replaced) ++totals.replaced;
  }
  totals.facts += report.facts_written;
  totals.rejected_lines += report.lines_rejected;
  if (report.rejected) ++totals.rejected_files;
}

LoadReport load_one(Database& db, const std::string& file, OnError on_error) {
  LoadOptions options;
  options.on_error = on_error;
  options.input_name = file == "-" ? "<stdin>" : file;
  if (file == "-") return db.load_jsonl(std::cin, options);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, fmt::format("cannot read {}", file));
  return db.load_jsonl(in, options);
}

void print_file_summary(Context& ctx, const std::string& name, const LoadReport& r) {
  for (const auto& d : r.diagnostics) {
    // FILE:LINE: FIELD: message, as compilers print it, so editors can jump there.
    ctx.err << fmt::format("{}:{}: {}{}{}\n", name, d.line, d.field.empty() ? "" : d.field + ": ",
                           d.message, d.severity == Severity::error ? "" : " (warning)");
  }
  ctx.out << fmt::format("{}: {} line(s), {} fact(s) written, {} line(s) rejected{}\n", name,
                         r.lines, r.facts_written, r.lines_rejected,
                         r.rejected ? " — file rejected, nothing written" : "");
  for (const auto& d : r.documents) {
    const char* outcome = d.outcome == DocumentOutcome::added ? "new"
                          : d.outcome == DocumentOutcome::already_present
                              ? "already loaded, skipped"
                              : "replaced";
    ctx.out << fmt::format("  {}  {} fact(s)  {}\n", d.source, d.facts, outcome);
  }
}

int run_load(Context& ctx) {
  OnError on_error = OnError::skip;
  const std::string mode = ctx.args.value_or("on-error", "skip");
  if (mode == "reject") {
    on_error = OnError::reject;
  } else if (mode != "skip") {
    throw UsageError(fmt::format("unknown --on-error {} (skip or reject)", mode));
  }
  auto db = ctx.open_for_writing();
  LoadTotals totals;
  for (const auto& file : ctx.args.positional()) {
    const LoadReport report = load_one(db, file, on_error);
    print_file_summary(ctx, file == "-" ? "<stdin>" : file, report);
    count_documents(report, totals);
  }
  ctx.out << fmt::format(
      "total: documents {} new, {} skipped, {} replaced; {} fact(s) written; {} line(s) "
      "rejected\n",
      totals.added, totals.already_present, totals.replaced, totals.facts, totals.rejected_lines);
  if (totals.rejected_lines > 0 || totals.rejected_files > 0) {
    ctx.err << "policydb: some lines were not loaded; fix them at the line numbers above and "
               "load the file again (loaded documents are skipped)\n";
    return kExitFailure;
  }
  return kExitOk;
}

int run_export(Context& ctx) {
  const std::string name = ctx.args.value_or("format", "jsonl");
  ExportFormat format = ExportFormat::jsonl;
  if (name == "csv") {
    format = ExportFormat::csv;
  } else if (name == "json") {
    format = ExportFormat::json;
  } else if (name != "jsonl") {
    throw UsageError(fmt::format("export writes --format jsonl, csv or json, not {}", name));
  }
  auto db = ctx.open_for_reading();
  const FactFilter filter = filter_from(db, ctx.args);
  auto out_path = ctx.args.value("out");
  if (!out_path) {
    db.export_facts(ctx.out, format, filter);
    return kExitOk;
  }
  std::ofstream file(*out_path, std::ios::binary | std::ios::trunc);
  if (!file) throw Error(ErrorCode::io, fmt::format("cannot write {}", *out_path));
  const std::size_t n = db.export_facts(file, format, filter);
  file.close();
  if (!file) throw Error(ErrorCode::io, fmt::format("writing {} failed", *out_path));
  ctx.err << fmt::format("{} fact(s) written to {}\n", n, *out_path);
  return kExitOk;
}

}  // namespace

void add_load_commands(std::vector<Command>& commands) {
  commands.push_back(
      {{"load",
        "Load parsed reports (FORMAT.md JSON Lines) into the database",
        {{"on-error", "MODE", "skip: load the good lines (default); reject: all or nothing"}},
        "FILE...",
        1,
        -1,
        "Each file loads in one transaction; `-` reads standard input. A document\n"
        "already loaded with the same content is skipped. Bad lines are reported on\n"
        "stderr as FILE:LINE: FIELD: problem. Exit status 1 when any line was not loaded."},
       run_load});
  std::vector<FlagSpec> export_flags = {
      {"format", "FORMAT", "jsonl (FORMAT.md lines, default), csv or json"},
      {"out", "FILE", "write to FILE instead of standard output"}};
  for (auto& f : filter_flags()) export_flags.push_back(f);
  commands.push_back({{"export", "Write stored facts as FORMAT.md JSON Lines, CSV or JSON",
                       export_flags, "", 0, 0, "The output loads back with `policydb load`."},
                      run_export});
}

}  // namespace policydb::cli
