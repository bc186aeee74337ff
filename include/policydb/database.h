// policydb/database.h: a policydb database file — open, migrate, check.
//
//   auto db = policydb::Database::open("facts.db");      // creates and migrates
//   auto report = db.check();                            // quick_check + versions
//   const policydb::Region& r = db.catalog()->region("豫"); // 河南
//
// Thread-safety: a Database may be shared between threads. Reads run
// concurrently on per-thread connections; writes are serialized (one writer).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
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
  // (sha256 of the original bytes, normalized text, metadata, publication date,
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
  // ---- end of the ingestion block --------------------------------------------

  // Private implementation, defined in lib/store/database_impl.h.
  struct Impl;
  Impl& impl_for_internal_use() { return *impl_; }
  const Impl& impl_for_internal_use() const { return *impl_; }

 private:
  explicit Database(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace policydb
