// policydb/database.h: a policydb database file — open, migrate, check.
//
//   auto db = policydb::Database::open("facts.db");      // creates and migrates
//   auto report = db.check();                            // quick_check + versions
//   const policydb::Region& r = db.catalog()->region("豫"); // 河南
//
// Thread-safety: a Database may be shared between threads. Reads run
// concurrently on per-thread connections; writes are serialized (one writer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "policydb/catalog.h"
#include "policydb/export.h"
#include "policydb/extract.h"
#include "policydb/load.h"
#include "policydb/options.h"
#include "policydb/progress.h"
#include "policydb/query.h"
#include "policydb/sandbox.h"

namespace policydb {

// One numbered migration under schema/ (0001_core.sql → version 1, "core").
struct MigrationInfo {
  int version = 0;
  std::string name;
  std::string checksum;                   // sha256 of the SQL and the CSVs it loads
  std::optional<std::string> applied_at;  // UTC ISO time; empty when pending
};

struct CheckReport {
  bool ok = false;                 // quick_check said "ok" and the schema is current
  std::vector<std::string> problems;  // quick_check's findings, version problems
  int schema_version = 0;          // the file's PRAGMA user_version
  int library_version = 0;         // the newest migration this library carries
  std::vector<MigrationInfo> applied;
};

// What Database::compact did. Sizes count the file and its write-ahead log.
struct CompactReport {
  std::uintmax_t bytes_before = 0;
  std::uintmax_t bytes_after = 0;
  std::size_t uncurated_metrics_removed = 0;  // uncurated metrics no fact named
};

// ---- Curation types (issue 9) — see the curation block of Database ---------

// How Database::reextract runs. Defaults: only documents made by an older
// extractor, one document at a time.
struct ReextractOptions {
  bool force = false;  // also re-extract documents already at kExtractorVersion
  unsigned jobs = 1;   // documents extracted in parallel (0: one per CPU)
  // Called after each document with (documents done, documents to do), from the
  // calling thread. Optional.
  std::function<void(std::size_t, std::size_t)> on_progress;
};

// What reextract did to one document.
struct ReextractedDocument {
  std::int64_t document_id = 0;
  std::string source;
  std::size_t facts_before = 0;
  std::size_t facts_after = 0;
  std::vector<Diagnostic> diagnostics;  // of the new extraction
  std::string error;                    // non-empty: nothing changed for this document
};

struct ReextractReport {
  std::size_t examined = 0;  // ingested documents looked at
  std::size_t skipped = 0;   // already at kExtractorVersion (without force)
  std::vector<ReextractedDocument> documents;  // re-extracted or failed, in id order
  std::size_t failed() const;
  std::size_t facts_before() const;
  std::size_t facts_after() const;
};

// One stored document, as `policydb documents` lists it.
struct DocumentInfo {
  std::int64_t id = 0;
  std::string source;
  std::string sha256;
  std::optional<std::string> title;
  std::optional<Date> published_on;
  std::string home_region;  // short name (河南); empty when unknown
  std::string origin;       // "ingest" or "jsonl"
  std::optional<std::string> extractor_version;
  std::string ingested_at;  // UTC, 2024-01-25T08:00:00Z
  std::size_t facts = 0;
};
// ---- end of the curation types ----------------------------------------------

// A report extracted by the caller, for Database::store_extractions.
struct ExtractedDocument {
  std::string_view bytes;                 // the report as read: its sha256 is its identity
  const ExtractResult* result = nullptr;  // Extractor::extract(bytes, options)
  ExtractOptions options;                 // as given to the extractor
};

// What store_extractions did with one document.
struct StoredDocument {
  IngestReport report;
  std::string error;  // non-empty: this document's facts could not be stored; it was left out
};

class POLICYDB_EXPORT Database {
 public:
  // Opens (and by default creates and migrates) the database at `path`; ":memory:"
  // gives a private in-memory database. Sets WAL, foreign_keys=ON, the busy timeout
  // and PRAGMA application_id. Throws Error with code:
  //   io / corrupt       the file cannot be opened or is not an SQLite database
  //   not_policydb       an SQLite file with another application's schema
  //   schema_too_new     written by a newer policydb (the file is left untouched)
  //   checksum_mismatch  an applied migration differs from this library's copy
  //   migration_failed   a migration failed (the file stays at its previous version)
  //   read_only          read_only or !migrate, and the file is behind this library
  static Database open(const std::filesystem::path& path, const Options& options = {});

  // The migrations that open() would apply to the file at `path`, without running
  // them (all of them for a missing file). Never writes. Throws like open().
  static std::vector<MigrationInfo> plan(const std::filesystem::path& path);

  // Every migration this library carries, in order.
  static std::vector<MigrationInfo> library_migrations();

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  ~Database();

  // Applies pending migrations (for a database opened with migrate = false).
  // Returns what was applied. Throws like open(); read_only databases throw read_only.
  std::vector<MigrationInfo> migrate(const std::optional<std::filesystem::path>& backup = {});

  // PRAGMA quick_check plus the schema version. Never throws for a damaged file:
  // damage is reported in CheckReport::problems.
  [[nodiscard]] CheckReport check() const;

  // Gives the space of deleted rows back to the file system: removes the
  // uncurated metrics no fact names, then rewrites the file without free pages
  // (SQLite VACUUM) and truncates its write-ahead log. Worth running after
  // remove_documents() or migration 0007, which leave the space of the old rows
  // inside the file. Needs free disk space about the size of the file, twice
  // (the rewrite and the log), and holds the write lock throughout; readers go
  // on. Throws Error(read_only) on a read-only database, Error(busy/io/database)
  // on faults — the file then stays as it was.
  CompactReport compact();

  [[nodiscard]] int schema_version() const;
  [[nodiscard]] const std::filesystem::path& path() const;
  [[nodiscard]] bool read_only() const;

  // The catalog of this database: the shipped reference data plus analysts' own
  // aliases, loaded on first use and reloaded after writes that change aliases.
  // The returned snapshot stays valid as long as the caller holds it.
  [[nodiscard]] std::shared_ptr<const Catalog> catalog() const;

  // ---- Facts: load, export, typed queries, sandboxed SQL (issue 3) --------
  // Implemented in lib/store/{load_jsonl,export,sandbox,fact_reader}.cpp and
  // lib/query/*.cpp.

  // Reads FORMAT.md lines from `in` and stores them in ONE transaction. Every
  // line is validated; bad lines are reported with their line number and field
  // and skipped, or make the whole file rejected (options.on_error). Documents
  // already stored with the same content are no-ops (DocumentOutcome::
  // already_present). Returns the report; throws Error(read_only) on a
  // read-only database, Error(database/busy/io) on faults (nothing written).
  [[nodiscard]] LoadReport load_jsonl(std::istream& in, const LoadOptions& options = {});

  // Writes the facts matching `filter` in `format` (FORMAT.md fields; the
  // metric is the label, metric_code is added for curated metrics, integers are
  // printed without ".0"). Returns the number of facts written.
  std::size_t export_facts(std::ostream& out, ExportFormat format = ExportFormat::jsonl,
                           const FactFilter& filter = {}) const;
  std::size_t export_jsonl(std::ostream& out, const FactFilter& filter = {}) const {
    return export_facts(out, ExportFormat::jsonl, filter);
  }

  // A query builder over the stored facts (policydb/query.h).
  [[nodiscard]] FactQuery facts() const { return FactQuery(*this); }

  // The time series of one indicator in one region (policydb/query.h).
  // Throws Error(not_found) when the region or metric is unknown.
  [[nodiscard]] Series series(std::string_view region, std::string_view metric,
                              const SeriesOptions& options = {}) const;

  // Progress of every target matching `filter` (kind is forced to target), in
  // the order of FactQuery::list(). The rule is in policydb/progress.h.
  [[nodiscard]] std::vector<TargetProgress> target_progress(const FactFilter& filter = {}) const;

  // Runs one untrusted SQL statement in the sandbox of policydb/sandbox.h.
  // Throws Error(sql_denied) for anything but a read, Error(sql_interrupted)
  // when the budget or row cap is exceeded, Error(parse) for invalid SQL.
  [[nodiscard]] QueryResult query_readonly(std::string_view sql,
                                           const SandboxOptions& options = {}) const;
  // ---- end of the facts block ----------------------------------------------

  // ---- Ingestion (issue 9) — implemented in lib/store/ingest.cpp -----------
  // Extracts the report at `file` (policydb/extract.h) and stores the document
  // (sha256 of the original bytes, original text, metadata, publication date,
  // extractor version) with its facts in ONE transaction. The same bytes twice
  // are a no-op (IngestReport::stored false, extraction skipped); the
  // same source name with other bytes is a new vintage and both stay stored.
  // options.source_name defaults to the file name. Throws Error(io) when the
  // file cannot be read, Error(read_only) on a read-only database,
  // Error(database/busy) on faults (nothing written).
  IngestReport ingest(const std::filesystem::path& file, const ExtractOptions& options = {});
  // The same for bytes already in memory; options.source_name names them.
  IngestReport ingest_bytes(std::string_view bytes, const ExtractOptions& options);
  // Stores a result extracted earlier from `bytes` (so that callers may extract
  // in parallel and write from one thread). Throws like ingest().
  IngestReport store_extraction(std::string_view bytes, const ExtractResult& result,
                                const ExtractOptions& options);
  // Stores several documents extracted earlier in ONE transaction, each inside
  // its own savepoint: a document whose facts cannot be stored is left out alone
  // (StoredDocument::error), and after a crash every document is fully stored or
  // absent. A commit costs more than writing a small document, so batches of a
  // few dozen make a bulk ingest markedly cheaper. Results are in input order.
  // Throws like ingest() for faults of the database; then none of the batch is stored.
  std::vector<StoredDocument> store_extractions(std::span<const ExtractedDocument> documents);
  // ---- end of the ingestion block --------------------------------------------

  // ---- Curation (issue 9) — implemented in lib/store/curation.cpp ----------
  // Runs the current extractor over the stored text of every ingested document
  // (origin "ingest"; loaded JSON Lines have no text) and replaces each one's
  // facts and diagnostics in ONE transaction per document: a failure leaves that
  // document as it was. Documents at kExtractorVersion are skipped unless
  // options.force. The date and province given at ingest are given again.
  // Uncurated metrics that only a document's old facts named are removed.
  // Returns what was done; a document whose new facts cannot be stored is
  // reported in ReextractedDocument::error. Throws Error(read_only) on a
  // read-only database, Error(database/busy) on faults (the current document
  // is rolled back; those before it stay re-extracted).
  ReextractReport reextract(const ReextractOptions& options = {});

  // Adds `label` as an analyst's alias (metric_alias.source = 'user', kept by
  // upgrades) of the curated metric `metric` (its code or any of its names), then
  // moves the facts of the uncurated metric whose normalized label
  // (normalize_metric_label) equals that of `label` to it — all in one
  // transaction — and reloads catalog(). Returns the number of facts re-linked.
  // Throws Error(not_found) with suggestions for an unknown metric,
  // Error(invalid_argument) when `metric` is not curated or `label` is empty or
  // already names another curated metric, Error(read_only) on a read-only database.
  std::size_t add_metric_alias(std::string_view label, std::string_view metric);

  // Deletes the analyst's alias `label` (source 'user' only; shipped aliases stay).
  // Facts linked through it stay linked. Returns false when there was none.
  bool remove_metric_alias(std::string_view label);

  // Every stored document with its fact count, in id order.
  [[nodiscard]] std::vector<DocumentInfo> documents() const;

  // Deletes the documents named by `refs` with their facts and diagnostics in
  // ONE transaction. A ref is a document id, a source name (every vintage of it)
  // or a sha256 prefix of at least 6 hex digits naming one document. Returns the
  // documents removed (with their fact counts). Throws Error(not_found) for a ref
  // that names nothing and Error(invalid_argument) for an ambiguous sha256
  // prefix — in both cases nothing is deleted; Error(read_only) as above.
  // Uncurated metrics that only the removed facts named are removed with them.
  std::vector<DocumentInfo> remove_documents(const std::vector<std::string>& refs);
  // ---- end of the curation block ---------------------------------------------

  // Private implementation, defined in lib/store/database_impl.h.
  struct Impl;
  Impl& impl_for_internal_use() { return *impl_; }
  const Impl& impl_for_internal_use() const { return *impl_; }

 private:
  explicit Database(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace policydb
