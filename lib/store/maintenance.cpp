// Database::compact: give the space of deleted rows back to the file system.
//
// SQLite keeps the pages of deleted rows as free pages inside the file: after
// remove_documents() or migration 0007 (which rebuilds `fact`) the file stays as
// large as before, or larger. VACUUM rewrites it without them. In WAL mode the
// rewrite goes through the log like any write transaction, so readers keep their
// snapshots meanwhile; a TRUNCATE checkpoint then copies it into the file, which
// shrinks, and empties the log.
#include <set>
#include <system_error>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "policydb/database.h"
#include "policydb/error.h"
#include "store/curation.h"
#include "store/database_impl.h"
#include "store/sqlite_error.h"
#include "store/writer.h"

namespace policydb {
namespace {

// The bytes of the file and its write-ahead log; 0 for an in-memory database.
std::uintmax_t bytes_on_disk(const std::filesystem::path& path) {
  std::uintmax_t total = 0;
  for (const auto& file : {path, std::filesystem::path(path.string() + "-wal")}) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error) total += size;
  }
  return total;
}

std::set<std::int64_t> uncurated_metrics(SQLite::Database& db) {
  SQLite::Statement q(db, "SELECT id FROM metric WHERE curated = 0");
  std::set<std::int64_t> ids;
  while (q.executeStep()) ids.insert(q.getColumn(0).getInt64());
  return ids;
}

}  // namespace

CompactReport Database::compact() {
  if (read_only()) throw Error(ErrorCode::read_only, "cannot compact a read-only database");
  CompactReport report;
  report.bytes_before = bytes_on_disk(impl_->path);
  try {
    std::lock_guard lock(impl_->write_mutex);
    SQLite::Database& db = *impl_->connection;
    // VACUUM refuses to run beside a statement of this connection that is still
    // stepping; the ingest writer's cached statements are the only ones kept.
    impl_->ingest_writer.reset();
    {
      SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
      report.uncurated_metrics_removed = detail::drop_unused_uncurated(db, uncurated_metrics(db));
      tx.commit();
    }
    if (report.uncurated_metrics_removed > 0) impl_->reload_catalog_locked();
    db.exec("VACUUM");
    // Busy readers may keep the checkpoint from finishing; the file is then
    // smaller at a later checkpoint, and nothing is lost either way.
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "compacting the database");
  }
  report.bytes_after = bytes_on_disk(impl_->path);
  return report;
}

}  // namespace policydb
