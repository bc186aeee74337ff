// Queries on a synthetic database of ~10 M facts (issue 7, figure 7).
//
// Shape: 34 provinces × 300 metrics (the curated catalog plus uncurated ones)
// × 20 years (2006–2025) × 17 periods a year (the year, 4 quarters, 12 months)
// × 3 sources, all actuals; plus, per province, one plan document with two
// targets (2025, 2030) for every metric: 600 targets a province. That is
// 34 × 300 × 1020 + 20 400 ≈ 10.4 M facts, ~1 000 facts per (region, metric) —
// which any 10 M-fact database of 34 provinces × 300 metrics has on average.
// Documents: one per (source, province, period), 300 facts each.
//
// Built through the raw C API into the migrated schema, in document order as a
// load writes facts (the secondary indexes dropped during the load and
// re-created with their own SQL afterwards; the table itself is clustered by
// region, metric and period, schema/0009); no ANALYZE, as a user's file would be. Timed through the public API:
//   point      db.facts().region(R).metric(M).period(month)   (3 facts, one per source)
//   series     db.series(R, M)                         (~340 points, 1 020 facts)
//   progress   db.target_progress({region = R})        (600 targets)
//   aggregate  SELECT region, count(*), avg(value) FROM facts WHERE metric_code = ?
//              AND period_grain = 'year' GROUP BY region, through query_readonly
// and, as the SQLite references of the same run, the point lookup and the series
// as plain SQL on `fact` (by region_id, metric_id[, period_end]), and db.series's
// own SQL with every column read.
//
//   build-bench/bench/query_bench [FACTS_MILLIONS] [DB]  (default 10; small: 0.3)
//   An existing DB with the expected fact count, layout and this library's schema
//   version is reused (scripts/bench.sh keeps it); any other is built again.
//   POLICYDB_BENCH_QUERIES=point,series,progress,aggregate,sql picks figures (default all).
#include <sqlite3.h>
#include <sys/resource.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_support.h"
#include "policydb/database.h"

namespace fs = std::filesystem;
namespace bench = policydb::bench;

namespace {

constexpr int kProvinces = 34, kMetrics = 300, kSources = 3, kFirstYear = 2006;
constexpr int kPeriodsPerYear = 17;  // year, Q1–Q4, 01–12
// Queries per run: enough that each run's p99 is a percentile, not its slowest
// query or two (1 000 series: the 990th). Target progress reads one province of
// 34, so more runs would repeat provinces: its p99 stays the slowest of 5.
constexpr int kSeriesPerRun = 1000;

struct Shape {
  int years;  // 20 at full scale
  long long facts() const { return 1LL * kProvinces * kMetrics * (years * kPeriodsPerYear * kSources + 2); }
};

struct PeriodRow {
  std::string text, grain;
  int start, end;  // YYYYMMDD
};

std::vector<PeriodRow> periods_of(int years) {
  auto last_day = [](int y, int m) { return policydb::Date::days_in_month(y, m); };
  std::vector<PeriodRow> out;
  char text[16];
  for (int y = kFirstYear; y < kFirstYear + years; ++y) {
    out.push_back({std::to_string(y), "year", y * 10000 + 101, y * 10000 + 1231});
    for (int q = 1; q <= 4; ++q) {
      std::snprintf(text, sizeof text, "%d-Q%d", y, q);
      const int last = q * 3;
      out.push_back({text, "quarter", y * 10000 + (last - 2) * 100 + 1, y * 10000 + last * 100 + last_day(y, last)});
    }
    for (int m = 1; m <= 12; ++m) {
      std::snprintf(text, sizeof text, "%d-%02d", y, m);
      out.push_back({text, "month", y * 10000 + m * 100 + 1, y * 10000 + m * 100 + last_day(y, m)});
    }
  }
  return out;
}

struct Ids {
  std::vector<int> regions;
  std::vector<std::string> region_names;
  std::vector<int> metrics, metric_units;
  std::vector<std::string> metric_names, metric_codes, metric_measures;
};

void exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "%s: %s\n", sql.c_str(), error ? error : "?");
    std::exit(1);
  }
}

// Tops the catalog up to kMetrics metrics with uncurated ones, then reads ids.
Ids prepare_ids(sqlite3* db) {
  exec(db,
       "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)"
       " INSERT INTO metric (code, name_zh, measure, dimension, default_unit_id, curated)"
       " SELECT 'uncurated:合成指标' || i, '合成指标' || i, 'level', 'count',"
       " (SELECT id FROM unit WHERE code = '个'), 0 FROM n"
       " WHERE i <= 300 - (SELECT count(*) FROM metric)");
  Ids ids;
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, short_name FROM region WHERE level = 'province' ORDER BY id", -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW) {
    ids.regions.push_back(sqlite3_column_int(q, 0));
    ids.region_names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
  }
  sqlite3_finalize(q);
  sqlite3_prepare_v2(db,
      "SELECT m.id, m.name_zh, m.code, m.measure, coalesce(m.default_unit_id, (SELECT id FROM unit WHERE code = '个'))"
      " FROM metric m ORDER BY m.curated DESC, m.id LIMIT 300", -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW) {
    ids.metrics.push_back(sqlite3_column_int(q, 0));
    ids.metric_names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
    ids.metric_codes.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 2)));
    ids.metric_measures.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 3)));
    ids.metric_units.push_back(sqlite3_column_int(q, 4));
  }
  sqlite3_finalize(q);
  return ids;
}

// One document per (source, province, period) in that order, then one plan per
// province; returns their ids in the same order.
std::vector<sqlite3_int64> insert_documents(sqlite3* db, const Ids& ids, const std::vector<PeriodRow>& periods) {
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db,
      "INSERT INTO document (sha256, source, published_on, home_region_id, origin)"
      " VALUES (printf('%064d', ?), ?, ?, ?, 'jsonl')", -1, &q, nullptr);
  std::vector<sqlite3_int64> out;
  char source[64], published[16];
  auto add = [&](int region, int date) {
    std::snprintf(published, sizeof published, "%04d-%02d-%02d", date / 10000, date / 100 % 100, date % 100);
    sqlite3_bind_int64(q, 1, sqlite3_int64(out.size()));
    sqlite3_bind_text(q, 2, source, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(q, 3, published, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(q, 4, region);
    sqlite3_step(q);
    sqlite3_reset(q);
    out.push_back(sqlite3_last_insert_rowid(db));
  };
  for (int s = 0; s < kSources; ++s) {
    for (int p = 0; p < kProvinces; ++p) {
      for (std::size_t k = 0; k < periods.size(); ++k) {
        std::snprintf(source, sizeof source, "source%d_%02d_%s.txt", s, p, periods[k].text.c_str());
        const int end = periods[k].end;  // published a month (+ s days) after the period
        add(ids.regions[p], end % 10000 >= 1201 ? (end / 10000 + 1) * 10000 + 110 + s : end - end % 100 + 110 + s);
      }
    }
  }
  for (int p = 0; p < kProvinces; ++p) {
    std::snprintf(source, sizeof source, "plan_%02d.txt", p);
    add(ids.regions[p], 20210301);
  }
  sqlite3_finalize(q);
  return out;
}

// Facts go in in document order, as a load would write them; ids count up the
// same way (the table has no rowid, schema/0009).
struct FactInsert {
  sqlite3* db = nullptr;
  sqlite3_stmt* q = nullptr;
  sqlite3_int64 next_id = 1;
  void prepare(sqlite3* into) {
    db = into;
    sqlite3_prepare_v2(db,
        "INSERT INTO fact (document_id, region_id, metric_id, label, kind, measure, value, unit_id, comparator,"
        " period, period_start, period_end, period_grain, quote, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        -1, &q, nullptr);
  }
  void row(sqlite3_int64 doc, int region, int metric, const Ids& ids, int mi, const char* kind, double value,
           const char* comparator, const PeriodRow& period) {
    char quote[96];
    std::snprintf(quote, sizeof quote, "%s%s%.1f", ids.metric_names[mi].c_str(), "达到", value);
    sqlite3_bind_int64(q, 1, doc);
    sqlite3_bind_int(q, 2, region);
    sqlite3_bind_int(q, 3, metric);
    sqlite3_bind_text(q, 4, ids.metric_names[mi].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 5, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 6, ids.metric_measures[mi].c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_double(q, 7, value);
    sqlite3_bind_int(q, 8, ids.metric_units[mi]);
    sqlite3_bind_text(q, 9, comparator, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 10, period.text.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 11, period.start);
    sqlite3_bind_int(q, 12, period.end);
    sqlite3_bind_text(q, 13, period.grain.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 14, quote, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(q, 15, next_id++);
    if (sqlite3_step(q) != SQLITE_DONE) {
      std::fprintf(stderr, "query_bench: inserting a fact: %s\n", sqlite3_errmsg(db));
      std::exit(1);
    }
    sqlite3_reset(q);
  }
};

// A series that grows ~6 % a year, with source noise.
double value_of(int p, int mi, int year_index, int s) {
  const double base = 100.0 * (1 + (p * 7 + mi * 13) % 50);
  double v = base;
  for (int i = 0; i < year_index; ++i) v *= 1.06;
  return v * (1 + 0.001 * s);
}

void build(const fs::path& path, const Shape& shape) {
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path.string() + suffix);
  { (void)policydb::Database::open(path); }
  sqlite3* db = nullptr;
  sqlite3_open(path.string().c_str(), &db);
  exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;");
  std::vector<std::string> index_sql;
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fact'", -1, &q, nullptr);
  std::vector<std::string> index_names;
  while (sqlite3_step(q) == SQLITE_ROW) {
    index_names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
    index_sql.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
  }
  sqlite3_finalize(q);
  exec(db, "BEGIN");
  for (const auto& name : index_names) exec(db, "DROP INDEX " + name);
  const Ids ids = prepare_ids(db);
  const auto periods = periods_of(shape.years);
  const auto docs = insert_documents(db, ids, periods);
  FactInsert insert;
  insert.prepare(db);
  for (int s = 0; s < kSources; ++s) {
    for (int p = 0; p < kProvinces; ++p) {
      for (std::size_t k = 0; k < periods.size(); ++k) {
        const sqlite3_int64 doc = docs[(std::size_t(s) * kProvinces + p) * periods.size() + k];
        for (int mi = 0; mi < kMetrics; ++mi) {
          insert.row(doc, ids.regions[p], ids.metrics[mi], ids, mi, "actual",
                     value_of(p, mi, int(k / kPeriodsPerYear), s), "eq", periods[k]);
        }
      }
    }
  }
  for (int p = 0; p < kProvinces; ++p) {
    const sqlite3_int64 plan = docs[std::size_t(kSources) * kProvinces * periods.size() + p];
    for (int mi = 0; mi < kMetrics; ++mi) {
      for (int year : {2025, 2030}) {
        const PeriodRow deadline{std::to_string(year), "year", year * 10000 + 101, year * 10000 + 1231};
        insert.row(plan, ids.regions[p], ids.metrics[mi], ids, mi, "target",
                   value_of(p, mi, year - kFirstYear, 0) * 1.02, "ge", deadline);
      }
    }
  }
  sqlite3_finalize(insert.q);
  for (const auto& sql : index_sql) exec(db, sql);
  exec(db, "COMMIT");
  exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close(db);
}

long long fact_count(const fs::path& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return -1;
  sqlite3_stmt* q = nullptr;
  long long n = -1;
  if (sqlite3_prepare_v2(db, "SELECT max(id) FROM fact", -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
    n = sqlite3_column_int64(q, 0);
  }
  sqlite3_finalize(q);
  // Files kept from builds before leap days were right do not count (one index
  // seek through fact_metric_period_region, not a scan of the whole table).
  const char* leap =
      "SELECT 1 FROM fact WHERE metric_id = (SELECT min(metric_id) FROM fact)"
      " AND period_end = 20080228 AND period = '2008-02' LIMIT 1";
  if (sqlite3_prepare_v2(db, leap, -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) n = -1;
  sqlite3_finalize(q);
  sqlite3_close(db);
  return n;
}

// The file's PRAGMA user_version; 0 when it cannot be read.
int schema_of(const fs::path& path) {
  sqlite3* db = nullptr;
  int version = 0;
  sqlite3_stmt* q = nullptr;
  if (sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
    version = sqlite3_column_int(q, 0);
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return version;
}

struct Keys {
  std::vector<std::string> regions, metrics;  // short names; curated metric codes
  std::vector<int> region_ids, metric_ids;
};

Keys read_keys(const fs::path& path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  Keys keys;
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, short_name FROM region WHERE level = 'province' ORDER BY id", -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW) {
    keys.region_ids.push_back(sqlite3_column_int(q, 0));
    keys.regions.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
  }
  sqlite3_finalize(q);
  sqlite3_prepare_v2(db, "SELECT id, code FROM metric WHERE curated = 1 ORDER BY id", -1, &q, nullptr);
  while (sqlite3_step(q) == SQLITE_ROW) {
    keys.metric_ids.push_back(sqlite3_column_int(q, 0));
    keys.metrics.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return keys;
}

// Runs `query` `count` times per run (after one warm-up run) and prints the
// median over runs of each run's p50 and p99 (nearest rank), in milliseconds.
// Minor page faults of this process so far: pages the kernel had to hand out
// (zeroed) because the allocator had returned them.
long minor_faults() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_minflt;
}

void latency(const std::string& name, int runs, int count, double target_p99_ms,
             const std::function<void(std::mt19937&)>& query) {
  std::mt19937 rng(7);
  std::vector<double> p50s, p99s;
  long faults = 0;
  for (int r = 0; r <= runs; ++r) {
    std::vector<double> ms;
    ms.reserve(static_cast<std::size_t>(count));
    const long faults_before = minor_faults();
    for (int i = 0; i < count; ++i) {
      const auto start = std::chrono::steady_clock::now();
      query(rng);
      ms.push_back(1000 * bench::seconds_since(start));
    }
    if (r == 0) continue;  // warm-up
    faults += minor_faults() - faults_before;
    std::sort(ms.begin(), ms.end());
    p50s.push_back(bench::percentile(ms, 0.50));
    p99s.push_back(bench::percentile(ms, 0.99));
  }
  const bench::Stats p50 = bench::stats_of(p50s), p99 = bench::stats_of(p99s);
  bench::print_value("7. " + name + " p50", p50.median, p50.min, p50.max, "ms");
  std::string note;
  if (target_p99_ms > 0) note = p99.median <= target_p99_ms ? " [target met]" : " [target MISSED]";
  bench::print_value("7. " + name + " p99" + note, p99.median, p99.min, p99.max, "ms");
  // What a query cost in fresh memory: the part of its time that varies most
  // with the state of a shared machine.
  bench::print_note("7. " + name + " page faults per query", double(faults) / (double(runs) * count), "");
}

// The SQLite references: the same lookups as plain SQL by ids, on a connection
// set up as the library's read connections are (memory-mapped, 16 MiB cache).
void plain_sql_figures(const fs::path& path, const Keys& keys, const Shape& shape, int runs) {
  sqlite3* raw = nullptr;
  sqlite3_open_v2(path.string().c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  exec(raw, "PRAGMA mmap_size = 2147483648; PRAGMA cache_size = -16384;");
  // `every_column`: fetch each column of each row by its type, as building a
  // Fact does (text as text, numbers as numbers).
  auto run_sql = [&](const std::string& name, int count, const char* sql, bool by_period, bool every_column) {
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(raw, sql, -1, &q, nullptr);
    const int columns = sqlite3_column_count(q);
    latency(name, runs, count, 0, [&](std::mt19937& rng) {
      sqlite3_bind_int(q, 1, keys.region_ids[rng() % keys.region_ids.size()]);
      sqlite3_bind_int(q, 2, keys.metric_ids[rng() % keys.metric_ids.size()]);
      if (by_period) sqlite3_bind_int(q, 3, (kFirstYear + int(rng() % shape.years)) * 10000 + 1231);
      int rows = 0;
      std::size_t bytes = 0;
      while (sqlite3_step(q) == SQLITE_ROW) {
        ++rows;
        for (int c = 0; every_column && c < columns; ++c) {
          switch (sqlite3_column_type(q, c)) {
            case SQLITE_TEXT:
              if (sqlite3_column_text(q, c) != nullptr) bytes += std::size_t(sqlite3_column_bytes(q, c));
              break;
            case SQLITE_INTEGER: bytes += std::size_t(sqlite3_column_int64(q, c) & 1); break;
            case SQLITE_FLOAT: bytes += sqlite3_column_double(q, c) > 0 ? 1 : 0; break;
            default: break;
          }
        }
      }
      sqlite3_reset(q);
      if (rows == 0 || (every_column && bytes == 0)) std::exit(3);
    });
    sqlite3_finalize(q);
  };
  run_sql("point lookup, plain SQL on fact [SQLite reference]", 2000,
          "SELECT id, value, quote FROM fact WHERE region_id = ? AND metric_id = ? AND period_end = ?", true, false);
  run_sql("series, plain SQL on fact [SQLite reference]", kSeriesPerRun,
          "SELECT id, value, period_end, document_id FROM fact WHERE region_id = ? AND metric_id = ?"
          " AND kind = 'actual' ORDER BY period_end", false, false);
  // What db.series asks SQLite (lib/store/fact_reader.cpp): every fact column
  // and the document's, in period order.
  run_sql("series, db.series's own SQL, every column read [SQLite reference]", kSeriesPerRun,
          "SELECT f.id, f.region_id, f.subregion, f.label, f.kind, f.measure, f.value, f.period,"
          " f.comparator, f.target_type, f.versus, f.quote, f.confidence, f.metric_id, f.unit_id,"
          " f.document_id, d.source, d.sha256, d.published_on"
          " FROM fact f JOIN document d ON d.id = f.document_id"
          " WHERE f.region_id = ? AND f.metric_id = ? AND f.subregion IS NULL AND f.kind = 'actual'"
          " AND f.measure = (SELECT measure FROM metric WHERE id = ?2)"
          " ORDER BY f.period_end, f.region_id, f.metric_id, f.id", false, true);
  sqlite3_close(raw);
}

// True when the figure `name` was asked for in POLICYDB_BENCH_QUERIES (or it is unset).
bool wanted(const std::string& name) {
  const char* list = std::getenv("POLICYDB_BENCH_QUERIES");
  if (list == nullptr || *list == '\0') return true;
  return ("," + std::string(list) + ",").find("," + name + ",") != std::string::npos;
}

// The public API: typed point lookup, series, target progress, SQL on the view.
void api_figures(const fs::path& path, const Keys& keys, const Shape& shape, int runs) {
  policydb::Options options;
  options.read_only = true;
  const auto db = policydb::Database::open(path, options);
  auto region = [&](std::mt19937& rng) { return keys.regions[rng() % keys.regions.size()]; };
  auto metric = [&](std::mt19937& rng) { return keys.metrics[rng() % keys.metrics.size()]; };
  if (wanted("point")) latency("point lookup (region, metric, month): facts() list", runs, 2000, 1.0, [&](std::mt19937& rng) {
    const int year = kFirstYear + int(rng() % shape.years), month = 1 + int(rng() % 12);
    if (db.facts().region(region(rng)).metric(metric(rng)).period(policydb::Period::month(year, month))
            .list().empty()) std::exit(3);
  });
  if (wanted("series")) latency("series (region, metric): db.series", runs, kSeriesPerRun, 5.0, [&](std::mt19937& rng) {
    if (db.series(region(rng), metric(rng)).points.empty()) std::exit(3);
  });
  const int progress_count = bench::small_scale() ? 10 : 5;
  if (wanted("progress")) latency("target_progress, one province (600 targets)", runs, progress_count, 20.0, [&](std::mt19937& rng) {
    policydb::FactFilter filter;
    filter.region = region(rng);
    if (db.target_progress(filter).empty()) std::exit(3);
  });
  if (wanted("aggregate")) latency("aggregate, one metric, all provinces (facts view)", runs, 10, 0, [&](std::mt19937& rng) {
    const std::string sql = "SELECT region, count(*), avg(value) FROM facts WHERE metric_code = '" + metric(rng) +
                            "' AND period_grain = 'year' GROUP BY region";
    if (db.query_readonly(sql).rows.size() != keys.regions.size()) std::exit(3);
  });
}

}  // namespace

int main(int argc, char** argv) {
  const double millions = argc > 1 ? std::atof(argv[1]) : (bench::small_scale() ? 0.3 : 10);
  const Shape shape{
      std::max(1, int(std::ceil(millions * 1e6 / (double(kProvinces) * kMetrics * kPeriodsPerYear * kSources))))};
  const fs::path path = argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "policydb-query-bench.db";
  const int runs = bench::runs_from_env(5);
  // A file kept from an older schema is built again rather than upgraded: the
  // figures, bytes per fact above all, are those of a file this version writes.
  const int latest_schema = policydb::Database::open(":memory:").schema_version();
  if (fact_count(path) != shape.facts() || schema_of(path) < latest_schema) {
    const auto start = std::chrono::steady_clock::now();
    build(path, shape);
    std::printf("query_bench: built %lld facts in %.0f s\n", shape.facts(), bench::seconds_since(start));
  }
  const double file_bytes = double(fs::file_size(path));
  std::printf("query_bench: %lld facts (34 provinces x 300 metrics x %d years x 17 periods x 3 sources + targets),"
              " %d runs after a warm-up\n", shape.facts(), shape.years, runs);
  bench::print_note("7. database bytes per fact", file_bytes / double(shape.facts()), "B",
                    "(" + std::to_string(int(file_bytes / 1e6)) + " MB file)");
  const Keys keys = read_keys(path);
  api_figures(path, keys, shape, runs);
  if (wanted("sql")) plain_sql_figures(path, keys, shape, runs);
  return 0;
}
