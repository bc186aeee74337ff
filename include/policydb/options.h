// policydb/options.h: how a database is opened.
//
//   policydb::Options options;
//   options.read_only = true;                  // never writes, never migrates
//   auto db = policydb::Database::open("facts.db", options);
#pragma once

#include <filesystem>
#include <optional>

namespace policydb {

// What a committed transaction survives.
enum class Durability {
  process_crash,  // WAL + synchronous=NORMAL (default): a crash of the process loses nothing
  power_loss,     // WAL + synchronous=FULL: also survives power loss, slower commits
};

struct Options {
  // Open without writing anything. A file behind the library's schema version is
  // refused (Error read_only) instead of being migrated. Default: false.
  bool read_only = false;

  // Create the file when it does not exist. Default: true (ignored when read_only).
  bool create_if_missing = true;

  // Apply pending migrations on open. When false, a file behind the library is
  // refused with Error(read_only); run Database::migrate() or `policydb migrate`.
  // Default: true.
  bool migrate = true;

  // Before applying migrations to an existing file, copy it here with SQLite's
  // online backup API. Default: no backup.
  std::optional<std::filesystem::path> backup_before_migrate;

  // How long a statement waits for another connection's lock before the
  // operation fails with Error(busy). Default: 5000 ms.
  int busy_timeout_ms = 5000;

  Durability durability = Durability::process_crash;

  // Memory-mapped I/O for the read connections, in MiB (SQLite caps it near
  // 2 GiB). Without it, copying pages in with pread() took half the time of a
  // series query on a 1.9 GB file (bench/query_bench.cpp). 0 turns it off:
  // with a map, an I/O error on the file (a disk failing, the file truncated
  // behind SQLite's back) ends the process with SIGBUS instead of giving
  // Error(io). Default: 2048.
  int read_mmap_mib = 2048;

  // Page cache per connection, in KiB. Default: 16 MiB — inside a service's
  // memory budget, large enough to double bulk-load speed over SQLite's 2 MiB.
  int cache_size_kib = 16 * 1024;
};

}  // namespace policydb
