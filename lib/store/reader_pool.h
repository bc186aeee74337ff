// Read connections for queries, so readers run concurrently with the one writer.
//
// A file database gets a small pool of read-only connections (WAL lets each see
// the last committed state while the writer works). A private ":memory:"
// database cannot be opened twice, so its readers borrow the read-write
// connection under the write mutex; a thread that already holds such a lease
// may nest another (a query inside each()) without deadlocking.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "store/database_impl.h"

namespace policydb::detail {

class ReaderPool;

// One borrowed connection; given back when the lease dies. Move-only.
class ReadLease {
 public:
  ReadLease(ReaderPool* pool, SQLite::Database* db, std::unique_ptr<SQLite::Database> owned)
      : pool_(pool), db_(db), owned_(std::move(owned)) {}
  ReadLease(ReadLease&& other) noexcept
      : pool_(std::exchange(other.pool_, nullptr)), db_(other.db_), owned_(std::move(other.owned_)) {}
  ReadLease& operator=(ReadLease&&) = delete;
  ~ReadLease();

  SQLite::Database& db() const { return *db_; }
  // True when this lease is the read-write connection of an in-memory database.
  bool shares_writer() const { return owned_ == nullptr; }

 private:
  ReaderPool* pool_;
  SQLite::Database* db_;
  std::unique_ptr<SQLite::Database> owned_;
};

class ReaderPool {
 public:
  explicit ReaderPool(Database::Impl& impl);
  ReadLease acquire();

 private:
  friend class ReadLease;
  void release(std::unique_ptr<SQLite::Database> db);

  static constexpr std::size_t kMaxIdle = 4;
  Database::Impl& impl_;
  bool memory_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<SQLite::Database>> idle_;
  // In-memory mode: the thread holding write_mutex for reading, and its depth.
  std::atomic<std::thread::id> owner_{};
  int depth_ = 0;
};

// The pool of `impl`, created on first use.
ReaderPool& reader_pool(const Database::Impl& impl);

}  // namespace policydb::detail
