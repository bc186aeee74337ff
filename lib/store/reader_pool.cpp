#include "store/reader_pool.h"

#include <cstdint>

#include <sqlite3.h>
#include <fmt/format.h>

#include "policydb/error.h"
#include "store/sqlite_error.h"

namespace policydb::detail {

namespace {

// Distinct statements a connection keeps; the SQL of a fact read depends only on
// which filters are set, so real use stays far below this.
constexpr std::size_t kMaxCachedStatements = 64;

}  // namespace

PreparedStatement::~PreparedStatement() {
  if (statement_ == nullptr) return;
  statement_->reset();
  if (in_use_ != nullptr) *in_use_ = false;
}

ReadLease::~ReadLease() {
  if (pool_ != nullptr) pool_->release(std::move(owned_));
}

PreparedStatement ReadLease::prepare(const std::string& sql) {
  auto uncached = [&] {
    auto statement = std::make_unique<Statement>(*db_, sql);
    Statement* raw = statement.get();
    return PreparedStatement(raw, nullptr, std::move(statement));
  };
  if (owned_ == nullptr) return uncached();  // the writer's connection: no cache
  auto& cache = owned_->statements;
  auto it = cache.find(sql);
  if (it == cache.end()) {
    if (cache.size() >= kMaxCachedStatements) {
      std::erase_if(cache, [](const auto& entry) { return !entry.second.in_use; });
    }
    it = cache.emplace(sql, ReaderConnection::Cached{std::make_unique<Statement>(*db_, sql), false})
             .first;
  } else if (it->second.in_use) {  // nested use of the same query: a private copy
    return uncached();
  }
  it->second.in_use = true;
  return PreparedStatement(it->second.statement.get(), &it->second.in_use, nullptr);
}

ReaderPool::ReaderPool(Database::Impl& impl)
    : impl_(impl), memory_(impl.path.string() == ":memory:") {}

ReadLease ReaderPool::acquire() {
  if (memory_) {
    // Nested lease on the thread that already holds the write mutex.
    if (owner_.load() != std::this_thread::get_id()) {
      impl_.write_mutex.lock();
      owner_.store(std::this_thread::get_id());
    }
    ++depth_;
    return ReadLease(this, impl_.connection.get(), nullptr);
  }
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      SQLite::Database* raw = connection->db.get();
      return ReadLease(this, raw, std::move(connection));
    }
  }
  try {
    auto connection = std::make_unique<ReaderConnection>();
    connection->db = std::make_unique<SQLite::Database>(
        impl_.path.string(), SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    SQLite::Database& db = *connection->db;
    configure_connection(db, impl_.options);
    db.exec("PRAGMA query_only = ON");
    if (impl_.options.read_mmap_mib > 0) {
      db.exec(fmt::format("PRAGMA mmap_size = {}", std::int64_t{impl_.options.read_mmap_mib} << 20));
    }
    SQLite::Database* raw = connection->db.get();
    return ReadLease(this, raw, std::move(connection));
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, fmt::format("cannot open a read connection to {}", impl_.path.string()));
  }
}

void ReaderPool::release(std::unique_ptr<ReaderConnection> connection) {
  if (connection == nullptr) {  // in-memory lease
    if (--depth_ == 0) {
      owner_.store(std::thread::id());
      impl_.write_mutex.unlock();
    }
    return;
  }
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(connection));
}

ReaderPool& reader_pool(const Database::Impl& impl) {
  std::lock_guard lock(impl.readers_mutex);
  if (!impl.readers) {
    impl.readers = std::make_shared<ReaderPool>(const_cast<Database::Impl&>(impl));
  }
  return *impl.readers;
}

}  // namespace policydb::detail
