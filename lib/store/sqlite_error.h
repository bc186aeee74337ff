// Translation of SQLite faults into policydb::Error, so SQLite::Exception never
// escapes lib/store.
#pragma once

#include <string_view>

#include <SQLiteCpp/Exception.h>

#include "policydb/error.h"

namespace policydb::detail {

// Maps SQLite's primary result code to the ErrorCode a caller can act on.
ErrorCode error_code_for_sqlite(int extended_code);

// Error(code for e, "<context>: <sqlite message>").
[[noreturn]] void throw_sqlite_error(const SQLite::Exception& e, std::string_view context);

}  // namespace policydb::detail
