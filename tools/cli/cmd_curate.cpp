// The curation subcommands: reextract, alias, documents, remove.
//
// They change a database that already exists: a missing --db file is an error
// that says how to create one, never a new empty database.
#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "policydb/database.h"
#include "policydb/error.h"

#include "commands.h"

namespace policydb::cli {
namespace {

constexpr std::size_t kShortSha = 12;

Database open_existing(const Context& ctx) {
  if (!std::filesystem::exists(ctx.db_path())) (void)ctx.open_for_reading();  // throws not_found
  return ctx.open_for_writing();
}

unsigned jobs_of(const Args& args) {
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  const auto text = args.value("jobs");
  if (!text) return hardware;
  try {
    const int n = std::stoi(*text);
    if (n >= 1 && n <= 256) return static_cast<unsigned>(n);
  } catch (const std::exception&) {
  }
  throw UsageError(fmt::format("--jobs wants a number from 1 to 256, not '{}'", *text));
}

int run_reextract(Context& ctx) {
  ReextractOptions options;
  options.force = ctx.args.has("force");
  options.jobs = jobs_of(ctx.args);
  if (ctx.stderr_is_terminal) {
    options.on_progress = [&ctx](std::size_t done, std::size_t total) {
      ctx.err << fmt::format("\rre-extracting: {}/{} documents", done, total) << std::flush;
    };
  }
  auto db = open_existing(ctx);
  const ReextractReport report = db.reextract(options);
  if (ctx.stderr_is_terminal && !report.documents.empty()) ctx.err << '\n';
  for (const auto& d : report.documents) {
    if (!d.error.empty())
      ctx.err << fmt::format("{} (#{}): failed: {}\n", d.source, d.document_id, d.error);
  }
  ctx.out << fmt::format(
      "documents: {} re-extracted, {} already at {}, {} failed; facts: {} before, {} after\n",
      report.documents.size() - report.failed(), report.skipped, kExtractorVersion, report.failed(),
      report.facts_before(), report.facts_after());
  return report.failed() == 0 ? kExitOk : kExitFailure;
}

int run_alias(Context& ctx) {
  const auto& words = ctx.args.positional();
  if (ctx.args.has("remove")) {
    if (words.size() != 1) throw UsageError("alias --remove takes one LABEL");
    auto db = open_existing(ctx);
    if (!db.remove_metric_alias(words[0])) {
      throw Error(ErrorCode::not_found,
                  fmt::format("no alias \"{}\" of yours to remove", words[0]));
    }
    ctx.out << fmt::format("removed alias \"{}\" (facts linked through it stay linked)\n",
                           words[0]);
    return kExitOk;
  }
  if (words.size() != 2) throw UsageError("alias takes LABEL and METRIC");
  auto db = open_existing(ctx);
  const std::size_t relinked = db.add_metric_alias(words[0], words[1]);
  const Metric& metric = db.catalog()->metric(words[1]);
  ctx.out << fmt::format("alias \"{}\" → {} ({}); facts re-linked: {}\n", words[0], metric.code,
                         metric.name_zh, relinked);
  return kExitOk;
}

Table documents_table(const std::vector<DocumentInfo>& documents, bool short_sha) {
  Table table{{"id", "source", "sha256", "title", "published_on", "home_region", "origin",
               "extractor_version", "ingested_at", "facts"},
              {}};
  const auto or_null = [](const std::optional<std::string>& s) -> nlohmann::json {
    return s ? nlohmann::json(*s) : nlohmann::json();
  };
  for (const auto& d : documents) {
    table.rows.push_back(
        {d.id, d.source, short_sha ? d.sha256.substr(0, kShortSha) : d.sha256, or_null(d.title),
         d.published_on ? nlohmann::json(d.published_on->to_string()) : nlohmann::json(),
         d.home_region.empty() ? nlohmann::json() : nlohmann::json(d.home_region), d.origin,
         or_null(d.extractor_version), d.ingested_at, d.facts});
  }
  return table;
}

int run_documents(Context& ctx) {
  const OutputFormat format = ctx.format();  // a bad --format is a usage error before I/O
  const auto db = ctx.open_for_reading();
  ctx.print(documents_table(db.documents(), format == OutputFormat::table));
  return kExitOk;
}

int run_remove(Context& ctx) {
  auto db = open_existing(ctx);
  const auto removed = db.remove_documents(ctx.args.positional());
  std::size_t facts = 0;
  for (const auto& d : removed) {
    facts += d.facts;
    ctx.out << fmt::format("removed #{} {} ({}, {} facts)\n", d.id, d.source,
                           d.sha256.substr(0, kShortSha), d.facts);
  }
  ctx.out << fmt::format("documents removed: {}; facts removed: {}\n", removed.size(), facts);
  return kExitOk;
}

}  // namespace

void add_curation_commands(std::vector<Command>& commands) {
  commands.push_back(
      {{"reextract",
        "Run the current extractor again over the stored reports",
        {{"force", "", "also re-extract documents already made by this extractor version"},
         {"jobs", "N", "extract N documents in parallel (default: one per CPU)"}},
        "",
        0,
        0,
        "Each ingested document's facts are replaced in one transaction, from the text\n"
        "stored at ingest and with the --date/--province given then. Loaded JSON Lines\n"
        "are not touched. Exit status 1 when a document could not be re-extracted\n"
        "(it keeps its old facts)."},
       run_reextract});
  commands.push_back(
      {{"alias",
        "Add your own name for a catalog indicator and re-link its facts",
        {{"remove", "", "remove your alias LABEL instead (shipped aliases stay)"}},
        "LABEL METRIC",
        1,
        2,
        "METRIC is a curated metric's code or any of its names (`policydb metrics`).\n"
        "Facts of the uncurated metric whose label normalizes like LABEL move to METRIC,\n"
        "in one transaction. Your aliases are kept by upgrades."},
       run_alias});
  commands.push_back(
      {{"documents",
        "List stored documents with their fact counts",
        {format_flag()},
        "",
        0,
        0,
        "The table format shows the first 12 digits of each sha256; csv and json show all."},
       run_documents});
  commands.push_back(
      {{"remove",
        "Delete documents and their facts",
        {},
        "DOC...",
        1,
        -1,
        "DOC is a document id, a source name (every stored version of it) or a sha256\n"
        "prefix of at least 6 digits, as `policydb documents` lists them. All are\n"
        "deleted in one transaction; if one DOC names nothing, nothing is deleted."},
       run_remove});
}

}  // namespace policydb::cli
