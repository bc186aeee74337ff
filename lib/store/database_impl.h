// Database::Impl: the state behind policydb::Database. Private to lib/store.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include <SQLiteCpp/Database.h>

#include "policydb/catalog.h"
#include "policydb/database.h"
#include "policydb/options.h"

namespace policydb {

namespace detail {
class ReaderPool;  // lib/store/reader_pool.h (facts block, issue 3)
}  // namespace detail

struct Database::Impl {
  std::filesystem::path path;
  Options options;
  // The one read-write connection. REQUIRES: write_mutex held while writing.
  std::unique_ptr<SQLite::Database> connection;
  std::mutex write_mutex;

  mutable std::mutex catalog_mutex;
  mutable std::shared_ptr<const Catalog> catalog;  // loaded on first use

  // Read-only connections for queries, created on first use (lib/store/reader_pool.h).
  mutable std::mutex readers_mutex;
  mutable std::shared_ptr<detail::ReaderPool> readers;

  // Drops the cached catalog so the next catalog() call re-reads aliases.
  void invalidate_catalog() {
    std::lock_guard lock(catalog_mutex);
    catalog.reset();
  }
  // Re-reads the catalog (aliases may have changed) and swaps it in, so readers
  // never find the cache empty. REQUIRES: write_mutex held by the caller.
  void reload_catalog_locked();
};

namespace detail {
// Applies the connection settings policydb relies on (defensive mode, untrusted
// schema, foreign keys, busy timeout, cache size) to a fresh connection.
void configure_connection(SQLite::Database& db, const Options& options);
}  // namespace detail

}  // namespace policydb
