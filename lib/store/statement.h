// A prepared statement on SQLite's C API, for the read paths.
//
// SQLiteCpp's Column objects copy a shared pointer on every access and its
// Statement keeps the raw handle private; decoding the ~30 columns of a fact
// row through them cost as much as SQLite's own step over a long series. This
// wrapper is what the readers' statement cache holds. Errors are thrown as
// SQLite::Exception, like SQLiteCpp's, so throw_sqlite_error maps them all.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>

namespace policydb::detail {

class Statement {
 public:
  // Prepares `sql` on `db`. Throws SQLite::Exception.
  Statement(SQLite::Database& db, const std::string& sql);
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void bind(int index, std::int64_t value);
  void bind(int index, double value);
  void bind(int index, std::string_view value);  // copied by SQLite
  void bind_null(int index);

  // Runs to the next row: true when there is one, false when done.
  // Throws SQLite::Exception on errors and interrupts.
  bool step();
  // Back to the start with no bindings, ending any read it holds open.
  void reset() noexcept;
  // Back to the start, keeping the bindings (to run again with one changed).
  void rewind() noexcept { sqlite3_reset(handle_); }

  [[nodiscard]] bool is_null(int column) const { return sqlite3_column_type(handle_, column) == SQLITE_NULL; }
  [[nodiscard]] std::int64_t int64(int column) const { return sqlite3_column_int64(handle_, column); }
  [[nodiscard]] double real(int column) const { return sqlite3_column_double(handle_, column); }
  // Valid until the next step() or reset(); empty for NULL.
  [[nodiscard]] std::string_view text(int column) const {
    const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(handle_, column));
    return bytes == nullptr ? std::string_view()
                            : std::string_view(bytes, static_cast<std::size_t>(sqlite3_column_bytes(handle_, column)));
  }

 private:
  void check(int rc) const;

  sqlite3* db_;
  sqlite3_stmt* handle_ = nullptr;
};

}  // namespace policydb::detail
