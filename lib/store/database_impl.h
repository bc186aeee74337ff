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

struct Database::Impl {
  std::filesystem::path path;
  Options options;
  // The one read-write connection. REQUIRES: write_mutex held while writing.
  std::unique_ptr<SQLite::Database> connection;
  std::mutex write_mutex;

  mutable std::mutex catalog_mutex;
  mutable std::shared_ptr<const Catalog> catalog;  // loaded on first use

  // Drops the cached catalog so the next catalog() call re-reads aliases.
  void invalidate_catalog() {
    std::lock_guard lock(catalog_mutex);
    catalog.reset();
  }
};

namespace detail {
// Applies the connection settings policydb relies on (defensive mode, untrusted
// schema, foreign keys, busy timeout, cache size) to a fresh connection.
void configure_connection(SQLite::Database& db, const Options& options);
}  // namespace detail

}  // namespace policydb
