// policydb/sandbox.h: running untrusted SQL against a policydb database.
//
//   policydb::QueryResult r = db.query_readonly(
//       "SELECT region, value FROM targets WHERE deadline = 2025");
//   for (const auto& row : r.rows) fmt::print("{} {}\n", *row[0], row[1].value_or("NULL"));
//
// Database::query_readonly runs one statement on a read-only connection with an
// authorizer that allows only reads (SELECT, read functions, harmless PRAGMAs)
// and denies writes, ATTACH/DETACH, state-changing PRAGMAs and load_extension;
// a progress handler stops a runaway query when its budget is spent.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace policydb {

struct SandboxOptions {
  // Virtual-machine steps the statement may take (counted in blocks of 1000).
  // Default 200 million, a few seconds of work.
  long long max_steps = 200'000'000;
  // Wall-clock budget. Default 10 s.
  std::chrono::milliseconds max_time{10'000};
  // Rows returned at most; more → Error(sql_interrupted). Default 100 000.
  std::size_t max_rows = 100'000;
  // Largest string or blob a value may reach (SQLITE_LIMIT_LENGTH). Default 16 MiB.
  int max_value_bytes = 16 << 20;
};

struct QueryResult {
  std::vector<std::string> columns;
  // Each value as text (numbers in SQLite's text form; blobs as their bytes);
  // std::nullopt for NULL.
  std::vector<std::vector<std::optional<std::string>>> rows;
};

}  // namespace policydb
