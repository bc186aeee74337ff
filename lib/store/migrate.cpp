// Design note: the migration layer.
//
// A policydb file's schema is the result of applying the numbered migrations
// schema/0001_*.sql … schema/NNNN_*.sql (compiled into the library) in order.
// Invariants, for every file policydb has written:
//   (1) PRAGMA user_version equals the highest applied migration, and
//       schema_migration holds exactly one row for each of 1..user_version.
//   (2) PRAGMA application_id is kApplicationId once migration 1 is applied.
//   (3) Each migration is applied in one IMMEDIATE transaction together with its
//       schema_migration row and the user_version update, so a crash or a failing
//       statement leaves the file at the previous version, never between.
//   (4) An applied migration is never edited: schema_migration keeps its sha256,
//       and a file whose recorded checksums differ from the library's copy is
//       refused (checksum_mismatch) rather than guessed at.
//   (5) Nothing is written to a file before it has been validated: a file from a
//       newer library (user_version > N), from another application, or with a
//       mismatched checksum is refused byte-for-byte untouched. That is why WAL
//       mode is switched on only after validation (it rewrites the header).
// States: empty (version 0) → 1 → … → N (current). Pending migrations are
// (version, N]; plan() lists them without a transaction.
#include "store/migrate.h"

#include <algorithm>
#include <charconv>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "policydb/error.h"
#include "store/embedded_files.h"
#include "store/sqlite_error.h"
#include "util/csv.h"
#include "util/sha256.h"

namespace policydb::detail {
namespace {

std::string_view embedded_file(std::string_view name) {
  for (const auto& file : embedded_schema_files()) {
    if (file.name == name) return file.content;
  }
  throw Error(ErrorCode::database, fmt::format("schema file {} is not compiled in", name));
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

// A line "-- @csv regions.csv AS csv_region" → {regions.csv, csv_region}.
std::vector<CsvLoad> parse_loads(std::string_view sql) {
  std::vector<CsvLoad> loads;
  std::size_t pos = 0;
  constexpr std::string_view kMarker = "-- @csv ";
  while ((pos = sql.find(kMarker, pos)) != std::string_view::npos) {
    const auto eol = sql.find('\n', pos);
    if (pos != 0 && sql[pos - 1] != '\n') {  // a directive starts its line
      pos = eol == std::string_view::npos ? sql.size() : eol;
      continue;
    }
    const std::string line = trim(sql.substr(pos + kMarker.size(), eol - pos - kMarker.size()));
    const auto as = line.find(" AS ");
    if (as == std::string::npos) {
      throw Error(ErrorCode::database, fmt::format("bad @csv directive: {}", line));
    }
    loads.push_back({trim(line.substr(0, as)), trim(line.substr(as + 4))});
    pos = eol == std::string_view::npos ? sql.size() : eol;
  }
  return loads;
}

void load_csv(SQLite::Database& db, const CsvLoad& load) {
  const CsvTable table = parse_csv(embedded_file(load.file), load.file);
  std::string columns, placeholders;
  for (const auto& name : table.header) {
    columns += fmt::format("{}\"{}\" TEXT", columns.empty() ? "" : ", ", name);
    placeholders += placeholders.empty() ? "?" : ", ?";
  }
  db.exec(fmt::format("CREATE TEMP TABLE \"{}\" ({})", load.temp_table, columns));
  SQLite::Statement insert(
      db, fmt::format("INSERT INTO temp.\"{}\" VALUES ({})", load.temp_table, placeholders));
  for (const auto& row : table.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) insert.bind(int(i) + 1, row[i]);
    insert.exec();
    insert.reset();
  }
}

void apply_one(SQLite::Database& db, const Migration& m) {
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migration ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL,"
      " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))");
  for (const auto& load : m.loads) load_csv(db, load);
  db.exec(m.sql);
  for (const auto& load : m.loads) db.exec(fmt::format("DROP TABLE temp.\"{}\"", load.temp_table));
  SQLite::Statement record(db, "INSERT INTO schema_migration (version, name, checksum) VALUES (?, ?, ?)");
  record.bind(1, m.version);
  record.bind(2, m.name);
  record.bind(3, m.checksum);
  record.exec();
  db.exec(fmt::format("PRAGMA application_id = {}", kApplicationId));
  db.exec(fmt::format("PRAGMA user_version = {}", m.version));
  tx.commit();
}

}  // namespace

Migration make_migration(std::string_view file_name, std::string_view sql) {
  Migration m;
  int version = 0;
  const auto [ptr, ec] = std::from_chars(file_name.data(), file_name.data() + file_name.size(), version);
  const std::size_t digits = std::size_t(ptr - file_name.data());
  if (ec != std::errc{} || digits != 4 || file_name.size() < 10 || file_name[4] != '_' ||
      !file_name.ends_with(".sql")) {
    throw Error(ErrorCode::database, fmt::format("bad migration file name {}", file_name));
  }
  m.version = version;
  m.name = std::string(file_name.substr(5, file_name.size() - 9));
  m.sql = std::string(sql);
  m.loads = parse_loads(sql);
  Sha256 sha;
  sha.update(sql);
  for (const auto& load : m.loads) {
    sha.update(load.file);
    sha.update(embedded_file(load.file));
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  for (std::uint8_t byte : sha.finish()) {
    m.checksum += kDigits[byte >> 4];
    m.checksum += kDigits[byte & 15];
  }
  return m;
}

const std::vector<Migration>& builtin_migrations() {
  static const std::vector<Migration> migrations = [] {
    std::vector<Migration> list;
    for (const auto& file : embedded_schema_files()) {
      if (file.name.ends_with(".sql")) list.push_back(make_migration(file.name, file.content));
    }
    std::sort(list.begin(), list.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].version != int(i) + 1) {
        throw Error(ErrorCode::database,
                    fmt::format("migration versions must be 1..N; found {}", list[i].version));
      }
    }
    return list;
  }();
  return migrations;
}

SchemaState read_schema_state(SQLite::Database& db) {
  SchemaState state;
  state.user_version = db.execAndGet("PRAGMA user_version").getInt();
  state.application_id = db.execAndGet("PRAGMA application_id").getInt();
  state.has_tables = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0;
  return state;
}

void validate_schema(SQLite::Database& db, const SchemaState& state,
                     const std::vector<Migration>& migrations) {
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (state.application_id != 0 && state.application_id != kApplicationId) {
    throw Error(ErrorCode::not_policydb,
                fmt::format("{} belongs to another application (application_id {:#x})",
                            db.getFilename(), unsigned(state.application_id)));
  }
  if (state.application_id == 0 && (state.has_tables || state.user_version != 0)) {
    throw Error(ErrorCode::not_policydb,
                fmt::format("{} is an SQLite database policydb did not create", db.getFilename()));
  }
  if (state.user_version > latest) {
    throw Error(ErrorCode::schema_too_new,
                fmt::format("{} is at schema version {}, newer than this library's {}; "
                            "use a newer policydb (the file was not modified)",
                            db.getFilename(), state.user_version, latest));
  }
  if (state.user_version == 0) return;
  for (const auto& applied : applied_migrations(db)) {
    if (applied.version < 1 || applied.version > latest) {
      throw Error(ErrorCode::checksum_mismatch,
                  fmt::format("{} records migration {} that this library does not have",
                              db.getFilename(), applied.version));
    }
    const auto& mine = migrations[std::size_t(applied.version) - 1];
    if (applied.checksum != mine.checksum) {
      throw Error(ErrorCode::checksum_mismatch,
                  fmt::format("migration {:04}_{} applied to {} differs from this library's copy "
                              "(checksum {} vs {})",
                              applied.version, applied.name, db.getFilename(),
                              applied.checksum.substr(0, 12), mine.checksum.substr(0, 12)));
    }
  }
}

std::vector<const Migration*> pending(const SchemaState& state,
                                      const std::vector<Migration>& migrations) {
  std::vector<const Migration*> out;
  for (const auto& m : migrations) {
    if (m.version > state.user_version) out.push_back(&m);
  }
  return out;
}

std::vector<MigrationInfo> apply_migrations(SQLite::Database& db,
                                            const std::vector<Migration>& migrations, int up_to) {
  std::vector<MigrationInfo> applied;
  for (const auto& m : migrations) {
    // Re-read inside the loop: another process may have migrated meanwhile.
    if (m.version > up_to || m.version <= read_schema_state(db).user_version) continue;
    try {
      apply_one(db, m);
    } catch (const SQLite::Exception& e) {
      throw Error(ErrorCode::migration_failed,
                  fmt::format("migration {:04}_{} failed; {} stays at version {}: {}", m.version,
                              m.name, db.getFilename(), m.version - 1, e.what()),
                  e.getExtendedErrorCode());
    } catch (const Error& e) {
      throw Error(ErrorCode::migration_failed,
                  fmt::format("migration {:04}_{} failed; {} stays at version {}: {}", m.version,
                              m.name, db.getFilename(), m.version - 1, e.what()));
    }
    applied.push_back({m.version, m.name, m.checksum, std::nullopt});
  }
  return applied;
}

void backup_database(SQLite::Database& db, const std::filesystem::path& target) {
  try {
    SQLite::Database copy(target.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    SQLite::Backup backup(copy, db);
    backup.executeStep();
  } catch (const SQLite::Exception& e) {
    throw Error(ErrorCode::io,
                fmt::format("backup of {} to {} failed: {}", db.getFilename(), target.string(),
                            e.what()),
                e.getExtendedErrorCode());
  }
}

std::vector<MigrationInfo> applied_migrations(SQLite::Database& db) {
  std::vector<MigrationInfo> out;
  if (!db.tableExists("schema_migration")) return out;
  SQLite::Statement query(db, "SELECT version, name, checksum, applied_at FROM schema_migration ORDER BY version");
  while (query.executeStep()) {
    out.push_back({query.getColumn(0).getInt(), query.getColumn(1).getString(),
                   query.getColumn(2).getString(), query.getColumn(3).getString()});
  }
  return out;
}

}  // namespace policydb::detail
