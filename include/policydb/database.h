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
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "policydb/catalog.h"
#include "policydb/export.h"
#include "policydb/options.h"

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

  // Private implementation, defined in lib/store/database_impl.h.
  struct Impl;
  Impl& impl_for_internal_use() { return *impl_; }
  const Impl& impl_for_internal_use() const { return *impl_; }

 private:
  explicit Database(std::unique_ptr<Impl> impl);

  std::unique_ptr<Impl> impl_;
};

}  // namespace policydb
