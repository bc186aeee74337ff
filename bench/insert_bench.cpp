// Insert ceiling vs load_jsonl (issue 7, figures 1 and 2).
//
// Ceiling: N synthetic facts inserted into policydb's own `fact` table (same
// columns, same indexes, same WAL settings and page cache) through the raw
// SQLite C API with one prepared statement in one transaction — the fastest
// this schema can be filled on this machine. Loading: the same N facts written
// as FORMAT.md JSON Lines (names, not ids: region 河南, metric name and code,
// unit code) and loaded with Database::load_jsonl, as a ratio of the ceiling.
// Both store the same rows: the same documents (kFactsPerDocument facts each),
// labels, values, units, periods and quotes. Opening (migrating) the file is
// outside the timing; parsing the JSON text is inside it.
//
//   build-bench/bench/insert_bench [N]   (default N = 1000000; small scale 50000)
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "policydb/database.h"

namespace fs = std::filesystem;
namespace bench = policydb::bench;

namespace {

constexpr std::size_t kFactsPerDocument = 1000;

struct RegionRow { int id; std::string name; };
struct MetricRow { int id; std::string name, code, measure; int unit_id; std::string unit; };
struct SyntheticFact { const RegionRow* region; const MetricRow* metric; int year; double value; };

struct Dataset {
  std::vector<RegionRow> regions;
  std::vector<MetricRow> metrics;
  std::vector<SyntheticFact> facts;
};

Dataset make_dataset(const fs::path& schema_db, std::size_t n) {
  Dataset data;
  sqlite3* db = nullptr;
  sqlite3_open(schema_db.string().c_str(), &db);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, short_name FROM region WHERE level = 'province' ORDER BY id", -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW) {
    data.regions.push_back({sqlite3_column_int(q, 0), reinterpret_cast<const char*>(sqlite3_column_text(q, 1))});
  }
  sqlite3_finalize(q);
  sqlite3_prepare_v2(db,
      "SELECT m.id, m.name_zh, m.code, m.measure, u.id, u.code FROM metric m"
      " JOIN unit u ON u.id = m.default_unit_id WHERE m.curated = 1 ORDER BY m.id", -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW) {
    auto text = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, i))); };
    data.metrics.push_back({sqlite3_column_int(q, 0), text(1), text(2), text(3), sqlite3_column_int(q, 4), text(5)});
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  std::mt19937 rng(42);
  data.facts.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    data.facts[i] = {&data.regions[i % data.regions.size()],
                     &data.metrics[(i / data.regions.size()) % data.metrics.size()], 2001 + int(i % 20),
                     double(rng() % 1000000) / 10.0};
  }
  return data;
}

std::string doc_name(std::size_t d) {
  char name[32];
  std::snprintf(name, sizeof name, "synthetic_%06zu.txt", d);
  return name;
}

std::string quote_of(const SyntheticFact& f) { return f.metric->name + "达到" + std::to_string(int(f.value)); }

[[noreturn]] void fail(sqlite3* db, const char* what) {
  std::fprintf(stderr, "insert_bench: %s: %s\n", what, sqlite3_errmsg(db));
  std::exit(1);
}

// Inserts the documents and facts with the raw C API in one transaction.
void insert_raw(sqlite3* db, const Dataset& data) {
  sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_stmt* doc = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO document (sha256, source, origin) VALUES (printf('%064d', ?), ?, 'jsonl')",
                     -1, &doc, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db,
      "INSERT INTO fact (document_id, region_id, metric_id, label, kind, measure, value, unit_id,"
      " comparator, period, period_start, period_end, period_grain, quote, id)"
      " VALUES (?, ?, ?, ?, 'actual', ?, ?, ?, 'eq', ?, ?, ?, 'year', ?, ?)", -1, &insert, nullptr);
  sqlite3_int64 document_id = 0;
  for (std::size_t i = 0; i < data.facts.size(); ++i) {
    if (i % kFactsPerDocument == 0) {
      const std::string name = doc_name(i / kFactsPerDocument);
      sqlite3_bind_int64(doc, 1, sqlite3_int64(i));
      sqlite3_bind_text(doc, 2, name.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(doc) != SQLITE_DONE) fail(db, "inserting a document");
      sqlite3_reset(doc);
      document_id = sqlite3_last_insert_rowid(db);
    }
    const SyntheticFact& f = data.facts[i];
    const std::string period = std::to_string(f.year), quote = quote_of(f);
    sqlite3_bind_int64(insert, 1, document_id);
    sqlite3_bind_int(insert, 2, f.region->id);
    sqlite3_bind_int(insert, 3, f.metric->id);
    sqlite3_bind_text(insert, 4, f.metric->name.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(insert, 5, f.metric->measure.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_double(insert, 6, f.value);
    sqlite3_bind_int(insert, 7, f.metric->unit_id);
    sqlite3_bind_text(insert, 8, period.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(insert, 9, f.year * 10000 + 101);
    sqlite3_bind_int(insert, 10, f.year * 10000 + 1231);
    sqlite3_bind_text(insert, 11, quote.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 12, sqlite3_int64(i + 1));  // the table has no rowid (schema/0009)
    if (sqlite3_step(insert) != SQLITE_DONE) fail(db, "inserting a fact");
    sqlite3_reset(insert);
  }
  sqlite3_finalize(insert);
  sqlite3_finalize(doc);
  sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
}

// The same facts as FORMAT.md lines (what `policydb export` would write).
std::string to_jsonl(const Dataset& data) {
  std::string out;
  for (std::size_t i = 0; i < data.facts.size(); ++i) {
    const SyntheticFact& f = data.facts[i];
    nlohmann::json line = {{"doc", doc_name(i / kFactsPerDocument)}, {"region", f.region->name},
                           {"metric", f.metric->name},  {"metric_code", f.metric->code},
                           {"kind", "actual"},          {"measure", f.metric->measure},
                           {"value", f.value},          {"unit", f.metric->unit},
                           {"period", std::to_string(f.year)}, {"comparator", "eq"},
                           {"quote", quote_of(f)}};
    out += line.dump();
    out += '\n';
  }
  return out;
}

fs::path fresh_database(const fs::path& dir, const char* name) {
  const fs::path path = dir / name;
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  { (void)policydb::Database::open(path); }  // the real schema, migrated
  return path;
}

double ceiling_run(const fs::path& dir, const Dataset& data) {
  const fs::path path = fresh_database(dir, "ceiling.db");
  sqlite3* db = nullptr;
  sqlite3_open(path.string().c_str(), &db);
  // What Database::open sets for its writer (options.h): WAL, NORMAL, 16 MiB.
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-16384;", nullptr,
               nullptr, nullptr);
  const auto start = std::chrono::steady_clock::now();
  insert_raw(db, data);
  const double seconds = bench::seconds_since(start);
  sqlite3_close(db);
  return seconds;
}

double load_run(const fs::path& dir, const std::string& jsonl, std::size_t expected) {
  const fs::path path = fresh_database(dir, "load.db");
  auto db = policydb::Database::open(path);
  std::istringstream in(jsonl);
  const auto start = std::chrono::steady_clock::now();
  const policydb::LoadReport report = db.load_jsonl(in);
  const double seconds = bench::seconds_since(start);
  if (report.facts_written != expected) {
    std::fprintf(stderr, "load_jsonl wrote %zu of %zu facts; first diagnostic: %s\n", report.facts_written,
                 expected, report.diagnostics.empty() ? "-" : report.diagnostics[0].to_string().c_str());
    std::exit(1);
  }
  return seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n =
      argc > 1 ? std::strtoull(argv[1], nullptr, 10) : (bench::small_scale() ? 50000 : 1000000);
  const int runs = bench::runs_from_env(5);
  const fs::path dir = fs::temp_directory_path() / "policydb-insert-bench";
  fs::create_directories(dir);
  const Dataset data = make_dataset(fresh_database(dir, "schema.db"), n);
  const std::string jsonl = to_jsonl(data);
  std::printf("insert_bench: N = %zu facts (%zu documents, %.1f MB of JSON Lines), %d runs after a warm-up\n", n,
              (n + kFactsPerDocument - 1) / kFactsPerDocument, double(jsonl.size()) / 1e6, runs);

  const auto [ceiling, load] = bench::alternate(
      runs, [&] { return ceiling_run(dir, data); }, [&] { return load_run(dir, jsonl, n); });
  bench::print_rate("1. insert ceiling (raw C API, same table+indexes)", double(n), ceiling, "rows/s");
  bench::print_rate("2. load_jsonl (FORMAT.md lines, same rows)", double(n), load, "facts/s");
  const double ratio = ceiling.median / load.median;
  bench::print_note("2. load_jsonl / insert ceiling", 100 * ratio, "%",
                    ratio >= 0.5 ? "(target >= 50 %: met)" : "(target >= 50 %: MISSED)");
  fs::remove_all(dir);
  return 0;
}
