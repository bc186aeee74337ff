// policydb/error.h: the one exception type policydb throws.
//
// policydb throws policydb::Error for misuse, I/O and database faults. Routine
// outcomes are values instead: a missing row is a std::optional, a problem in one
// report is a Diagnostic in the ingest report. A service embedding policydb needs
// to catch exactly this type at its request boundary.
//
//   try {
//     auto db = policydb::Database::open("facts.db");
//   } catch (const policydb::Error& e) {
//     if (e.code() == policydb::ErrorCode::schema_too_new) { /* upgrade policydb */ }
//     std::cerr << e.what() << '\n';  // "policydb: schema_too_new: ..."
//   }
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "policydb/export.h"

namespace policydb {

// What went wrong, for callers that branch on it. Messages may change between
// releases; codes and the "policydb: <code>: " prefix of what() do not.
enum class ErrorCode {
  invalid_argument,   // a caller passed a value policydb cannot use (bad name, bad option)
  not_found,          // a named region, metric, unit or document does not exist
  io,                 // a file could not be read or written
  database,           // SQLite reported a fault (sqlite_code() has its code)
  busy,               // the database stayed locked longer than the busy timeout
  corrupt,            // the file is damaged or is not an SQLite database
  not_policydb,       // an SQLite file that policydb did not create
  schema_too_new,     // the file was written by a newer policydb; never modified
  checksum_mismatch,  // an applied migration differs from the library's copy
  migration_failed,   // a migration failed; the file stays at its previous version
  read_only,          // a write was asked of a read-only database, or it is behind
  sql_denied,         // the read-only SQL sandbox refused a statement
  sql_interrupted,    // a sandboxed query ran past its budget and was stopped
  parse,              // malformed input (JSON Lines, period syntax, CSV)
};

// Stable lowercase name of a code, as it appears in Error::what().
POLICYDB_EXPORT std::string_view to_string(ErrorCode code);

class POLICYDB_EXPORT Error : public std::runtime_error {
 public:
  // what() becomes "policydb: <code>: <message>".
  Error(ErrorCode code, const std::string& message, int sqlite_code = 0);

  ErrorCode code() const noexcept { return code_; }
  // The SQLite (extended) result code behind a database error, else 0.
  int sqlite_code() const noexcept { return sqlite_code_; }

 private:
  ErrorCode code_;
  int sqlite_code_;
};

}  // namespace policydb
