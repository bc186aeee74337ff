#include "store/sqlite_error.h"

#include <sqlite3.h>

#include <fmt/format.h>

namespace policydb::detail {

ErrorCode error_code_for_sqlite(int extended_code) {
  switch (extended_code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::busy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return ErrorCode::corrupt;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM: return ErrorCode::io;
    case SQLITE_READONLY: return ErrorCode::read_only;
    case SQLITE_AUTH: return ErrorCode::sql_denied;
    case SQLITE_INTERRUPT: return ErrorCode::sql_interrupted;
    default: return ErrorCode::database;
  }
}

void throw_sqlite_error(const SQLite::Exception& e, std::string_view context) {
  const int code = e.getExtendedErrorCode();
  throw Error(error_code_for_sqlite(code), fmt::format("{}: {}", context, e.what()), code);
}

}  // namespace policydb::detail
