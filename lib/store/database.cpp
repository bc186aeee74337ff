#include "policydb/database.h"

#include <sqlite3.h>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "policydb/error.h"
#include "store/catalog_reader.h"
#include "store/database_impl.h"
#include "store/migrate.h"
#include "store/sqlite_error.h"
#include "store/writer.h"

namespace policydb {
namespace detail {

void configure_connection(SQLite::Database& db, const Options& options) {
  sqlite3* handle = db.getHandle();
  // A database file is untrusted input: no writes to sqlite_schema through SQL,
  // no functions with side effects called from views or triggers of the file.
  sqlite3_db_config(handle, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(handle, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(handle, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  db.setBusyTimeout(options.busy_timeout_ms);
  db.exec("PRAGMA foreign_keys = ON");
  db.exec(fmt::format("PRAGMA cache_size = {}", -options.cache_size_kib));
}

}  // namespace detail

Database::Impl::Impl() = default;
Database::Impl::~Impl() = default;  // here, where FactWriter is complete

void Database::Impl::reload_catalog_locked() {
  ingest_writer.reset();  // another write path changed what it cached
  auto fresh = std::make_shared<const Catalog>(detail::read_catalog_data(*connection));
  std::lock_guard lock(catalog_mutex);
  catalog = std::move(fresh);
}

namespace {

bool is_memory(const std::filesystem::path& path) { return path.string() == ":memory:"; }

std::unique_ptr<SQLite::Database> open_connection(const std::filesystem::path& path,
                                                  const Options& options) {
  if (!is_memory(path) && !std::filesystem::exists(path) &&
      (options.read_only || !options.create_if_missing)) {
    throw Error(ErrorCode::not_found, fmt::format("{} does not exist", path.string()));
  }
  const int flags = options.read_only
                        ? SQLite::OPEN_READONLY
                        : SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
  try {
    auto db = std::make_unique<SQLite::Database>(path.string(), flags | SQLITE_OPEN_NOMUTEX);
    detail::configure_connection(*db, options);
    return db;
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, fmt::format("cannot open {}", path.string()));
  }
}

void set_journal(SQLite::Database& db, const std::filesystem::path& path, const Options& options) {
  if (options.read_only) {
    db.exec("PRAGMA query_only = ON");
    return;
  }
  if (!is_memory(path)) db.exec("PRAGMA journal_mode = WAL");
  db.exec(options.durability == Durability::power_loss ? "PRAGMA synchronous = FULL"
                                                        : "PRAGMA synchronous = NORMAL");
}

// A trigger runs inside policydb's own writes, so one added by hand could
// delete or rewrite stored facts. policydb's migrations create triggers only
// under the name prefix policydb_; a file with any other is refused for
// writing (reads never fire triggers, so read-only opens are fine).
void refuse_foreign_triggers(SQLite::Database& db, const std::filesystem::path& path) {
  SQLite::Statement q(db,
      "SELECT group_concat(name, ', ') FROM sqlite_schema"
      " WHERE type = 'trigger' AND name NOT LIKE 'policydb\\_%' ESCAPE '\\'");
  if (!q.executeStep() || q.getColumn(0).isNull()) return;
  throw Error(ErrorCode::not_policydb,
              fmt::format("{} has triggers policydb did not create ({}); they would run inside "
                          "policydb's writes. Drop them, or open the file read-only",
                          path.string(), q.getColumn(0).getString()));
}

void refuse_if_behind(const detail::SchemaState& state, int latest, const std::filesystem::path& path,
                      const Options& options) {
  if (state.user_version == latest) return;
  throw Error(ErrorCode::read_only,
              fmt::format("{} is at schema version {}, this library at {}; {} "
                          "(policydb migrate --db {})",
                          path.string(), state.user_version, latest,
                          options.read_only ? "a read-only open never migrates: open it read-write"
                                            : "migrations are switched off: run them",
                          path.string()));
}

}  // namespace

Database::Database(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Database Database::open(const std::filesystem::path& path, const Options& options) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  impl->connection = open_connection(path, options);
  SQLite::Database& db = *impl->connection;
  const auto& migrations = detail::builtin_migrations();
  try {
    // Validate before writing anything (migrate.cpp, invariant 5).
    const auto state = detail::read_schema_state(db);
    detail::validate_schema(db, state, migrations);
    if (!options.read_only) refuse_foreign_triggers(db, path);
    if (options.read_only || !options.migrate) {
      refuse_if_behind(state, migrations.back().version, path, options);
    }
    set_journal(db, path, options);
    if (!detail::pending(state, migrations).empty()) {
      if (options.backup_before_migrate && state.user_version > 0) {
        detail::backup_database(db, *options.backup_before_migrate);
      }
      detail::apply_migrations(db, migrations, migrations.back().version);
    }
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, fmt::format("cannot open {}", path.string()));
  }
  return Database(std::move(impl));
}

std::vector<MigrationInfo> Database::plan(const std::filesystem::path& path) {
  const auto& migrations = detail::builtin_migrations();
  std::vector<MigrationInfo> out;
  detail::SchemaState state;
  if (std::filesystem::exists(path)) {
    Options options;
    options.read_only = true;
    auto db = open_connection(path, options);
    try {
      state = detail::read_schema_state(*db);
      detail::validate_schema(*db, state, migrations);
    } catch (const SQLite::Exception& e) {
      detail::throw_sqlite_error(e, fmt::format("cannot read {}", path.string()));
    }
  }
  for (const auto* m : detail::pending(state, migrations)) {
    out.push_back({m->version, m->name, m->checksum, std::nullopt});
  }
  return out;
}

std::vector<MigrationInfo> Database::library_migrations() {
  std::vector<MigrationInfo> out;
  for (const auto& m : detail::builtin_migrations()) {
    out.push_back({m.version, m.name, m.checksum, std::nullopt});
  }
  return out;
}

std::vector<MigrationInfo> Database::migrate(const std::optional<std::filesystem::path>& backup) {
  if (impl_->options.read_only) {
    throw Error(ErrorCode::read_only, fmt::format("{} was opened read-only", impl_->path.string()));
  }
  std::lock_guard lock(impl_->write_mutex);
  SQLite::Database& db = *impl_->connection;
  const auto& migrations = detail::builtin_migrations();
  try {
    const auto state = detail::read_schema_state(db);
    detail::validate_schema(db, state, migrations);
    if (detail::pending(state, migrations).empty()) return {};
    if (backup && state.user_version > 0) detail::backup_database(db, *backup);
    auto applied = detail::apply_migrations(db, migrations, migrations.back().version);
    impl_->reload_catalog_locked();
    return applied;
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, fmt::format("cannot migrate {}", impl_->path.string()));
  }
}

CheckReport Database::check() const {
  CheckReport report;
  report.library_version = detail::builtin_migrations().back().version;
  SQLite::Database& db = *impl_->connection;
  try {
    report.schema_version = db.execAndGet("PRAGMA user_version").getInt();
    report.applied = detail::applied_migrations(db);
    SQLite::Statement q(db, "PRAGMA quick_check");
    while (q.executeStep()) {
      const std::string line = q.getColumn(0).getString();
      if (line != "ok") report.problems.push_back(line);
    }
  } catch (const SQLite::Exception& e) {
    report.problems.push_back(e.what());
  }
  if (report.schema_version != report.library_version) {
    report.problems.push_back(fmt::format("schema version {} differs from the library's {}",
                                          report.schema_version, report.library_version));
  }
  report.ok = report.problems.empty();
  return report;
}

int Database::schema_version() const {
  try {
    return impl_->connection->execAndGet("PRAGMA user_version").getInt();
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "reading the schema version");
  }
}

const std::filesystem::path& Database::path() const { return impl_->path; }
bool Database::read_only() const { return impl_->options.read_only; }

std::shared_ptr<const Catalog> Database::catalog() const {
  {
    std::lock_guard lock(impl_->catalog_mutex);
    if (impl_->catalog) return impl_->catalog;
  }
  // The catalog is read through the writer's connection, which one thread at a
  // time may use: take the write mutex (never while holding catalog_mutex, the
  // order writers use is write_mutex then catalog_mutex).
  std::lock_guard write_lock(impl_->write_mutex);
  impl_->reload_catalog_locked();
  std::lock_guard lock(impl_->catalog_mutex);
  return impl_->catalog;
}

}  // namespace policydb
