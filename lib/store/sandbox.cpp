// Database::query_readonly: untrusted SQL in a sandbox.
//
// Layers, each enough on its own for the main threat and together for the rest:
//  1. a read-only connection (query_only) from the reader pool;
//  2. an authorizer that allows an allow-list of actions only: SELECT, reading
//     columns, recursive CTEs, functions other than load_extension & co, and
//     PRAGMAs that only report (with no argument, or a table name for the
//     table/index introspection ones). Everything else — writes, DDL,
//     transactions, ATTACH/DETACH — is denied at prepare time;
//  3. sqlite3_stmt_readonly() must agree;
//  4. a progress handler that interrupts after max_steps VM steps or max_time,
//     SQLITE_LIMIT_LENGTH against giant strings/blobs, and a row cap.
// The handlers and limits are removed again before the connection goes back.
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <string>

#include <fmt/format.h>

#include "policydb/database.h"
#include "policydb/error.h"
#include "store/database_impl.h"
#include "store/reader_pool.h"

namespace policydb {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kStepsPerCallback = 1000;

struct SandboxState {
  std::string denied;  // what the authorizer refused, for the message
  long long steps = 0;
  long long max_steps = 0;
  Clock::time_point deadline;
  bool timed_out = false;
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

template <std::size_t N>
bool among(const std::array<std::string_view, N>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool pragma_allowed(const char* name, const char* arg) {
  static constexpr std::array<std::string_view, 7> kIntrospection = {
      "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
      "foreign_key_list"};
  static constexpr std::array<std::string_view, 13> kReportOnly = {
      "user_version",   "application_id", "schema_version", "data_version", "page_count",
      "page_size",      "freelist_count", "encoding",       "database_list", "collation_list",
      "function_list",  "pragma_list",    "compile_options"};
  const std::string n = lower(name != nullptr ? name : "");
  return among(kIntrospection, n) || (arg == nullptr && among(kReportOnly, n));
}

bool function_allowed(const char* name) {
  // printf/format: one call such as printf('%.*c', 2000000000, 'x') builds its
  // whole result before SQLite checks the length limit, running for seconds
  // where the progress handler cannot stop it. Analysts can concatenate (||).
  static constexpr std::array<std::string_view, 8> kDenied = {
      "load_extension", "fts3_tokenizer", "readfile", "writefile", "edit", "sqlite_dbpage",
      "printf",         "format"};
  return !among(kDenied, lower(name != nullptr ? name : ""));
}

int authorize(void* context, int action, const char* a, const char* b, const char*, const char*) {
  auto* state = static_cast<SandboxState*>(context);
  switch (action) {
    case SQLITE_SELECT:
    case SQLITE_READ:
    case SQLITE_RECURSIVE:
      return SQLITE_OK;
    case SQLITE_FUNCTION:
      if (function_allowed(b)) return SQLITE_OK;
      state->denied = fmt::format("the function {}()", b != nullptr ? b : "");
      return SQLITE_DENY;
    case SQLITE_PRAGMA:
      if (pragma_allowed(a, b)) return SQLITE_OK;
      state->denied = fmt::format("PRAGMA {}{}", a != nullptr ? a : "", b != nullptr ? " = …" : "");
      return SQLITE_DENY;
    case SQLITE_ATTACH:
    case SQLITE_DETACH:
      state->denied = "ATTACH/DETACH";
      return SQLITE_DENY;
    default:
      state->denied = fmt::format("a statement that writes or changes state (action {})", action);
      return SQLITE_DENY;
  }
}

int progress(void* context) {
  auto* state = static_cast<SandboxState*>(context);
  state->steps += kStepsPerCallback;
  if (state->steps > state->max_steps) return 1;
  if (Clock::now() > state->deadline) {
    state->timed_out = true;
    return 1;
  }
  return 0;
}

// Installs the sandbox on a connection and removes it again on scope exit.
class SandboxGuard {
 public:
  SandboxGuard(sqlite3* db, SandboxState& state, int max_length)
      : db_(db), old_length_(sqlite3_limit(db, SQLITE_LIMIT_LENGTH, max_length)) {
    sqlite3_set_authorizer(db_, authorize, &state);
    sqlite3_progress_handler(db_, kStepsPerCallback, progress, &state);
  }
  ~SandboxGuard() {
    sqlite3_set_authorizer(db_, nullptr, nullptr);
    sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    sqlite3_limit(db_, SQLITE_LIMIT_LENGTH, old_length_);
  }
  SandboxGuard(const SandboxGuard&) = delete;
  SandboxGuard& operator=(const SandboxGuard&) = delete;

 private:
  sqlite3* db_;
  int old_length_;
};

struct StatementCloser {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementCloser>;

[[noreturn]] void fail(sqlite3* db, int rc, const SandboxState& state, const SandboxOptions& o) {
  const int primary = rc & 0xFF;
  // A denied function fails prepare with SQLITE_ERROR ("not authorized to use
  // function"), not SQLITE_AUTH: the authorizer's record tells them apart.
  if (primary == SQLITE_AUTH || !state.denied.empty()) {
    throw Error(ErrorCode::sql_denied,
                fmt::format("the sandbox allows reads only; {} is not allowed", state.denied), rc);
  }
  if (primary == SQLITE_INTERRUPT) {
    throw Error(ErrorCode::sql_interrupted,
                state.timed_out
                    ? fmt::format("the query ran longer than {} ms and was stopped", o.max_time.count())
                    : fmt::format("the query took more than {} steps and was stopped; narrow it "
                                  "(WHERE, LIMIT)", o.max_steps), rc);
  }
  if (primary == SQLITE_TOOBIG) {
    throw Error(ErrorCode::sql_interrupted,
                fmt::format("a value grew past the sandbox's limit of {} bytes", o.max_value_bytes),
                rc);
  }
  throw Error(primary == SQLITE_ERROR ? ErrorCode::parse : ErrorCode::database,
              fmt::format("SQL error: {}", sqlite3_errmsg(db)), rc);
}

bool only_whitespace_or_comments(std::string_view tail) {
  // sqlite3_complete("") is false, so test by preparing would be heavier: accept
  // whitespace and ';' only; anything else means a second statement.
  return tail.find_first_not_of(" \t\r\n;") == std::string_view::npos;
}

StatementPtr prepare(sqlite3* db, std::string_view sql, SandboxState& state,
                     const SandboxOptions& o) {
  sqlite3_stmt* raw = nullptr;
  const char* tail = nullptr;
  const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), 0, &raw, &tail);
  StatementPtr stmt(raw);
  if (rc != SQLITE_OK) fail(db, rc, state, o);
  if (stmt == nullptr) throw Error(ErrorCode::parse, "no SQL statement given");
  if (!only_whitespace_or_comments(std::string_view(tail, sql.data() + sql.size() - tail))) {
    throw Error(ErrorCode::sql_denied, "the sandbox runs one statement at a time");
  }
  if (!sqlite3_stmt_readonly(stmt.get())) {
    throw Error(ErrorCode::sql_denied, "the sandbox allows reads only");
  }
  return stmt;
}

std::optional<std::string> column_text(sqlite3_stmt* s, int i) {
  if (sqlite3_column_type(s, i) == SQLITE_NULL) return std::nullopt;
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(s, i));
  const int n = sqlite3_column_bytes(s, i);
  if (sqlite3_column_type(s, i) != SQLITE_BLOB) {
    bytes = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  }
  return std::string(bytes != nullptr ? bytes : "", static_cast<std::size_t>(n));
}

}  // namespace

QueryResult Database::query_readonly(std::string_view sql, const SandboxOptions& options) const {
  auto lease = detail::reader_pool(*impl_).acquire();
  sqlite3* db = lease.db().getHandle();
  SandboxState state;
  state.max_steps = options.max_steps;
  state.deadline = Clock::now() + options.max_time;
  SandboxGuard guard(db, state, options.max_value_bytes);
  StatementPtr stmt = prepare(db, sql, state, options);
  QueryResult result;
  const int columns = sqlite3_column_count(stmt.get());
  for (int i = 0; i < columns; ++i) result.columns.emplace_back(sqlite3_column_name(stmt.get(), i));
  int rc;
  while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
    if (result.rows.size() >= options.max_rows) {
      throw Error(ErrorCode::sql_interrupted,
                  fmt::format("the query returned more than {} rows; add a LIMIT", options.max_rows));
    }
    auto& row = result.rows.emplace_back();
    for (int i = 0; i < columns; ++i) row.push_back(column_text(stmt.get(), i));
  }
  if (rc != SQLITE_DONE) fail(db, rc, state, options);
  return result;
}

}  // namespace policydb
