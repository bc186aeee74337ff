// Read connections for queries, so readers run concurrently with the one writer.
//
// A file database gets a small pool of read-only connections (WAL lets each see
// the last committed state while the writer works). Each pooled connection
// keeps the statements prepared on it: preparing the joins of a fact read costs
// more than running one for a point lookup. A private ":memory:" database
// cannot be opened twice, so its readers borrow the read-write connection under
// the write mutex (without a statement cache); a thread that already holds such
// a lease may nest another (a query inside each()) without deadlocking.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "store/database_impl.h"
#include "store/statement.h"

namespace policydb::detail {

class ReaderPool;

// A pooled read connection and the statements prepared on it.
struct ReaderConnection {
  std::unique_ptr<SQLite::Database> db;
  struct Cached {
    std::unique_ptr<Statement> statement;
    bool in_use = false;
  };
  std::unordered_map<std::string, Cached> statements;
};

// A statement borrowed from a lease. When it dies it is reset and unbound, so
// no read transaction outlives the query, and a cached one goes back to the cache.
class PreparedStatement {
 public:
  PreparedStatement(Statement* statement, bool* in_use, std::unique_ptr<Statement> owned)
      : statement_(statement), in_use_(in_use), owned_(std::move(owned)) {}
  PreparedStatement(PreparedStatement&& other) noexcept
      : statement_(std::exchange(other.statement_, nullptr)),
        in_use_(std::exchange(other.in_use_, nullptr)),
        owned_(std::move(other.owned_)) {}
  PreparedStatement& operator=(PreparedStatement&&) = delete;
  ~PreparedStatement();

  Statement& operator*() const { return *statement_; }
  Statement* operator->() const { return statement_; }

 private:
  Statement* statement_;
  bool* in_use_;  // the cache entry's flag; null for an uncached statement
  std::unique_ptr<Statement> owned_;
};

// One borrowed connection; given back when the lease dies. Move-only.
class ReadLease {
 public:
  ReadLease(ReaderPool* pool, SQLite::Database* db, std::unique_ptr<ReaderConnection> owned)
      : pool_(pool), db_(db), owned_(std::move(owned)) {}
  ReadLease(ReadLease&& other) noexcept
      : pool_(std::exchange(other.pool_, nullptr)), db_(other.db_), owned_(std::move(other.owned_)) {}
  ReadLease& operator=(ReadLease&&) = delete;
  ~ReadLease();

  SQLite::Database& db() const { return *db_; }
  // True when this lease is the read-write connection of an in-memory database.
  bool shares_writer() const { return owned_ == nullptr; }

  // `sql` prepared on this connection: from the connection's cache when it is
  // pooled and the statement is not already in use. The statement must die
  // before the lease. Throws SQLite::Exception.
  PreparedStatement prepare(const std::string& sql);

 private:
  ReaderPool* pool_;
  SQLite::Database* db_;
  std::unique_ptr<ReaderConnection> owned_;
};

class ReaderPool {
 public:
  explicit ReaderPool(Database::Impl& impl);
  ReadLease acquire();

 private:
  friend class ReadLease;
  void release(std::unique_ptr<ReaderConnection> connection);

  static constexpr std::size_t kMaxIdle = 4;
  Database::Impl& impl_;
  bool memory_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<ReaderConnection>> idle_;
  // In-memory mode: the thread holding write_mutex for reading, and its depth.
  std::atomic<std::thread::id> owner_{};
  int depth_ = 0;
};

// The pool of `impl`, created on first use.
ReaderPool& reader_pool(const Database::Impl& impl);

}  // namespace policydb::detail
