// Reads facts for the typed queries, the exporter, series and target progress:
// a FactFilter becomes one parameterized SELECT run on a read connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <unordered_map>

#include "policydb/database.h"
#include "policydb/fact.h"
#include "policydb/query.h"
#include "store/reader_pool.h"

namespace policydb::detail {

// A FactFilter plus the exact conditions internal callers need.
struct ReadSpec {
  FactFilter filter;
  std::optional<std::string> region_code;  // exact region, no subregions
  std::optional<std::string> metric_code;  // exact metric
  bool exact_subregion = false;            // subregion = filter.subregion, or NULL when unset
  bool newest_first = false;               // order by period end descending
  bool order_by_id = false;                // insertion order (the exporter)
};

// The region, metric and unit rows a read's facts name, by id, each read from
// the database once and shared by every fact that names it. Returns null for
// an id with no row.
class ReferenceCache {
 public:
  explicit ReferenceCache(std::shared_ptr<const Catalog> catalog) : catalog_(std::move(catalog)) {}
  void clear();
  const std::shared_ptr<const Region>* region(ReadLease& lease, std::int64_t id);
  const std::shared_ptr<const Metric>* metric(ReadLease& lease, std::int64_t id);
  const std::shared_ptr<const Unit>* unit(ReadLease& lease, std::int64_t id);

 private:
  // Full Region records, by code. A region the catalog knows is shared with
  // it (the pointer owns the catalog): no copy of its names per read.
  std::shared_ptr<const Catalog> catalog_;
  std::unordered_map<std::int64_t, std::shared_ptr<const Region>> regions_;
  std::unordered_map<std::int64_t, std::shared_ptr<const Metric>> metrics_;
  std::unordered_map<std::int64_t, std::shared_ptr<const Unit>> units_;
};

// A fact's primary key (schema/0009): reading by it is one search of the
// table, where reading by id first searches the fact_id index.
struct FactKey {
  std::int64_t region_id = 0;
  std::int64_t metric_id = 0;
  std::int64_t period_end = 0;  // YYYYMMDD
  std::int64_t id = 0;
};

// The SELECT that FactReader::read runs for `spec`, before its parameters are
// bound: tests read its query plan. Throws Error(not_found) for an unknown region.
std::string read_sql(const Catalog& catalog, const ReadSpec& spec);

// Reads on one borrowed read connection, whose prepared statements are reused:
// for callers that run many reads in a row (target progress). One thread only;
// destroy it before writing to an in-memory database from the same thread.
class FactReader {
 public:
  // With `snapshot`, every read sees the same committed state (one read
  // transaction on a pooled connection, which also spares SQLite taking and
  // dropping its file locks around each statement).
  explicit FactReader(const Database& db, bool snapshot = false);
  ~FactReader();
  FactReader(const FactReader&) = delete;
  FactReader& operator=(const FactReader&) = delete;

  // Calls `row` for each matching fact, which it may move from; `row` returns
  // false to stop. Throws Error(not_found) for an unknown filter region, Error(database) on faults.
  void read(const ReadSpec& spec, const std::function<bool(Fact&)>& row);
  // As read, with each fact's key.
  void read_keyed(const ReadSpec& spec, const std::function<bool(Fact&, const FactKey&)>& row);
  // The fact with this id, if there is one.
  std::optional<Fact> by_id(std::int64_t id);
  // The fact with this key, if there is one.
  std::optional<Fact> by_key(const FactKey& key);
  std::size_t count(const ReadSpec& spec);

  const Catalog& catalog() const { return *catalog_; }
  ReadLease& lease() { return lease_; }

 private:
  // The one fact `where` (" WHERE …" with `values` bound in order) selects.
  std::optional<Fact> one_fact(const char* where, std::initializer_list<std::int64_t> values);

  std::shared_ptr<const Catalog> catalog_;
  ReadLease lease_;
  ReferenceCache references_;  // kept across reads only within a snapshot
  bool in_transaction_ = false;
};

// One read through a FactReader of its own.
// Calls `row` for each matching fact; `row` returns false to stop.
// Throws Error(not_found) for an unknown filter region, Error(database) on faults.
void read_facts(const Database& db, const ReadSpec& spec,
                const std::function<bool(Fact&)>& row);

std::size_t count_facts(const Database& db, const ReadSpec& spec);

}  // namespace policydb::detail
