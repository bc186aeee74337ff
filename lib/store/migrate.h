// The migration layer: numbered SQL files under schema/, compiled in, applied in
// order. See the design note at the top of migrate.cpp.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policydb/database.h"

namespace SQLite {
class Database;
}

namespace policydb::detail {

// policydb's PRAGMA application_id: "PLDB" in ASCII.
inline constexpr int kApplicationId = 0x504C4442;

struct CsvLoad {
  std::string file;        // schema/ base name
  std::string temp_table;  // loaded into TEMP TABLE of this name
};

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;
  std::vector<CsvLoad> loads;
  std::string checksum;  // sha256 over the SQL and each loaded CSV
};

// The migrations compiled into the library (schema/NNNN_name.sql), in order.
// Versions are 1..N without gaps; throws Error(database) if the build embedded
// something else.
const std::vector<Migration>& builtin_migrations();

// Parses one migration file: version and name from "NNNN_name.sql", CSV loads
// from "-- @csv FILE AS TABLE" lines; CSV contents are looked up among the
// embedded schema files (or `csv_lookup` in tests).
Migration make_migration(std::string_view file_name, std::string_view sql);

// State of a file before migrating, read without writing anything.
struct SchemaState {
  int user_version = 0;
  int application_id = 0;
  bool has_tables = false;
};
SchemaState read_schema_state(SQLite::Database& db);

// Refuses files policydb must not touch: another application's, a newer
// version's, or one whose applied migrations no longer match `migrations`.
void validate_schema(SQLite::Database& db, const SchemaState& state,
                     const std::vector<Migration>& migrations);

// Migrations with version > the file's version.
std::vector<const Migration*> pending(const SchemaState& state,
                                      const std::vector<Migration>& migrations);

// Applies `migrations` with version in (current, up_to], each in its own
// IMMEDIATE transaction that also records it in schema_migration and sets
// user_version. Returns the applied ones. A failure rolls back that migration
// and throws Error(migration_failed); earlier ones stay applied.
std::vector<MigrationInfo> apply_migrations(SQLite::Database& db,
                                            const std::vector<Migration>& migrations,
                                            int up_to);

// Copies the database to `target` with SQLite's online backup API.
void backup_database(SQLite::Database& db, const std::filesystem::path& target);

std::vector<MigrationInfo> applied_migrations(SQLite::Database& db);

}  // namespace policydb::detail
