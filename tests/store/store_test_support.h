// Helpers shared by the store tests: reading a file behind the library's back
// and loading FORMAT.md lines.
#pragma once

#include <cstdint>
#include <filesystem>
#include <sstream>
#include <string>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>

#include "policydb/database.h"

namespace policydb::testing {

// The one value `sql` gives, read on a connection of its own.
inline std::int64_t scalar(const std::filesystem::path& path, const std::string& sql) {
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getInt64();
}

// Loads FORMAT.md `lines`; every line must be accepted.
inline void load(Database& db, const std::string& lines) {
  std::istringstream in(lines);
  REQUIRE(db.load_jsonl(in).ok());
}

}  // namespace policydb::testing
