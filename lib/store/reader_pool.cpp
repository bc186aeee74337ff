#include "store/reader_pool.h"

#include <sqlite3.h>

#include <fmt/format.h>

#include "policydb/error.h"
#include "store/sqlite_error.h"

namespace policydb::detail {

ReadLease::~ReadLease() {
  if (pool_ != nullptr) pool_->release(std::move(owned_));
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
      auto db = std::move(idle_.back());
      idle_.pop_back();
      SQLite::Database* raw = db.get();
      return ReadLease(this, raw, std::move(db));
    }
  }
  try {
    auto db = std::make_unique<SQLite::Database>(
        impl_.path.string(), SQLite::OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
    configure_connection(*db, impl_.options);
    db->exec("PRAGMA query_only = ON");
    SQLite::Database* raw = db.get();
    return ReadLease(this, raw, std::move(db));
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, fmt::format("cannot open a read connection to {}", impl_.path.string()));
  }
}

void ReaderPool::release(std::unique_ptr<SQLite::Database> db) {
  if (db == nullptr) {  // in-memory lease
    if (--depth_ == 0) {
      owner_.store(std::thread::id());
      impl_.write_mutex.unlock();
    }
    return;
  }
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdle) idle_.push_back(std::move(db));
}

ReaderPool& reader_pool(const Database::Impl& impl) {
  std::lock_guard lock(impl.readers_mutex);
  if (!impl.readers) {
    impl.readers = std::make_shared<ReaderPool>(const_cast<Database::Impl&>(impl));
  }
  return *impl.readers;
}

}  // namespace policydb::detail
