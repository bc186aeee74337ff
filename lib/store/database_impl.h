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
class FactWriter;  // lib/store/writer.h
}  // namespace detail

struct Database::Impl {
  std::filesystem::path path;
  Options options;
  // The one read-write connection. REQUIRES: write_mutex held while writing.
  std::unique_ptr<SQLite::Database> connection;
  std::mutex write_mutex;
  // The writer store_extraction keeps between documents, with its ids and
  // prepared statements (lib/store/ingest.cpp). Dropped by any other write that
  // may change what it has cached, and after a rolled-back ingest. Declared
  // after `connection` so its statements are finalized first. REQUIRES: write_mutex.
  std::unique_ptr<detail::FactWriter> ingest_writer;

  mutable std::mutex catalog_mutex;
  mutable std::shared_ptr<const Catalog> catalog;  // loaded on first use

  // Read-only connections for queries, created on first use (lib/store/reader_pool.h).
  mutable std::mutex readers_mutex;
  mutable std::shared_ptr<detail::ReaderPool> readers;

  Impl();
  ~Impl();

  // Drops the cached catalog so the next catalog() call re-reads aliases. Keeps
  // ingest_writer: only its own writes changed the catalog.
  void invalidate_catalog() {
    std::lock_guard lock(catalog_mutex);
    catalog.reset();
  }
  // Re-reads the catalog (aliases may have changed) and swaps it in, so readers
  // never find the cache empty; drops ingest_writer. REQUIRES: write_mutex held.
  void reload_catalog_locked();
};

namespace detail {
// Applies the connection settings policydb relies on (defensive mode, untrusted
// schema, foreign keys, busy timeout, cache size) to a fresh connection.
void configure_connection(SQLite::Database& db, const Options& options);
}  // namespace detail

}  // namespace policydb
