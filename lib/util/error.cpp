#include "policydb/error.h"

#include <fmt/format.h>

namespace policydb {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::io: return "io";
    case ErrorCode::database: return "database";
    case ErrorCode::busy: return "busy";
    case ErrorCode::corrupt: return "corrupt";
    case ErrorCode::not_policydb: return "not_policydb";
    case ErrorCode::schema_too_new: return "schema_too_new";
    case ErrorCode::checksum_mismatch: return "checksum_mismatch";
    case ErrorCode::migration_failed: return "migration_failed";
    case ErrorCode::read_only: return "read_only";
    case ErrorCode::sql_denied: return "sql_denied";
    case ErrorCode::sql_interrupted: return "sql_interrupted";
    case ErrorCode::parse: return "parse";
  }
  return "unknown";
}

Error::Error(ErrorCode code, const std::string& message, int sqlite_code)
    : std::runtime_error(fmt::format("policydb: {}: {}", to_string(code), message)),
      code_(code),
      sqlite_code_(sqlite_code) {}

}  // namespace policydb
