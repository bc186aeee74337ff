#include "store/statement.h"

#include <SQLiteCpp/Exception.h>

namespace policydb::detail {

Statement::Statement(SQLite::Database& db, const std::string& sql) : db_(db.getHandle()) {
  const int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size() + 1), &handle_, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(handle_);
    throw SQLite::Exception(db_, rc);
  }
}

Statement::~Statement() { sqlite3_finalize(handle_); }

void Statement::check(int rc) const {
  if (rc != SQLITE_OK) throw SQLite::Exception(db_, rc);
}

void Statement::bind(int index, std::int64_t value) { check(sqlite3_bind_int64(handle_, index, value)); }

void Statement::bind(int index, double value) { check(sqlite3_bind_double(handle_, index, value)); }

void Statement::bind(int index, std::string_view value) {
  check(sqlite3_bind_text(handle_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT));
}

void Statement::bind_null(int index) { check(sqlite3_bind_null(handle_, index)); }

bool Statement::step() {
  const int rc = sqlite3_step(handle_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SQLite::Exception(db_, rc);
}

void Statement::reset() noexcept {
  sqlite3_reset(handle_);  // returns the last step's error again; it was thrown then
  sqlite3_clear_bindings(handle_);
}

}  // namespace policydb::detail
