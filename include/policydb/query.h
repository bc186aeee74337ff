// policydb/query.h: typed queries over stored facts — a filter builder with
// list / streaming / count terminals, and time series of one indicator.
//
//   auto targets = db.facts().region("河南").metric("5G基站")
//                      .kind(policydb::Kind::target).since(2024).list();
//   std::size_t n = db.facts().region("豫", policydb::Subregions::include).count();
//   db.facts().metric("数字经济").each([](const policydb::Fact& f) { return true; });
//   policydb::Series s = db.series("河南", "5g_base_stations");
//
// Every value reaches SQL as a bound parameter. A FactQuery borrows its
// Database: use it while the Database lives. Queries run on a read connection
// of their own, concurrently with the writer.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policydb/export.h"
#include "policydb/fact.h"
#include "policydb/period.h"
#include "policydb/vocabulary.h"

namespace policydb {

class Database;

// Whether a region filter also matches figures given for its cities and zones.
enum class Subregions {
  exclude,  // province-level figures only (subregion empty) — default
  include,  // also facts with a subregion below it
};

// The conditions of a fact query; all are ANDed. Plain data, so the same filter
// can drive list(), export_jsonl() and target_progress().
struct FactFilter {
  // Region by any name (河南, 河南省, 豫, 410000, Henan). A prefecture name
  // (郑州) matches facts whose subregion is that city. Unknown → Error(not_found).
  std::optional<std::string> region{};
  Subregions subregions = Subregions::exclude;
  std::optional<std::string> subregion{};   // exact subregion text (郑州航空港)
  // Metric code, alias or label: when it resolves through the catalog's metric
  // resolver, facts of that metric; otherwise facts whose label contains it.
  std::optional<std::string> metric{};
  std::optional<Kind> kind{};
  std::optional<Measure> measure{};
  std::optional<Period> period{};        // exactly this period (2023, 2023-Q3, 2023-10)
  std::optional<Period> overlaps{};      // period overlaps this span
  std::optional<Date> ends_from{};       // period ends on or after (since)
  std::optional<Date> ends_to{};         // period ends on or before (until)
  std::optional<Date> as_of{};           // period contains this day
  std::optional<std::string> document{}; // document source (file name) or sha256
};

class POLICYDB_EXPORT FactQuery {
 public:
  explicit FactQuery(const Database& db) : db_(&db) {}

  FactQuery& region(std::string_view name, Subregions subregions = Subregions::exclude);
  FactQuery& subregion(std::string_view name);
  FactQuery& metric(std::string_view code_alias_or_label);
  FactQuery& kind(Kind value);
  FactQuery& measure(Measure value);
  FactQuery& period(const Period& period);  // exactly this period
  FactQuery& period_overlaps(const Period& period);
  FactQuery& since(int year);   // period ends in `year` or later
  FactQuery& until(int year);   // period ends in `year` or earlier
  FactQuery& as_of(Date day);   // period contains `day`
  FactQuery& document(std::string_view source_or_sha256);

  const FactFilter& filter() const { return filter_; }

  // Matching facts ordered by period end, then region, metric and fact id.
  // Throws Error(not_found) for an unknown region name, Error(database) on faults.
  [[nodiscard]] std::vector<Fact> list() const;
  // Streams the same rows without materializing them; `callback` returns false
  // to stop early. The read connection is held while streaming: do not write to
  // the same in-memory database from inside the callback.
  void each(const std::function<bool(const Fact&)>& callback) const;
  [[nodiscard]] std::size_t count() const;

 private:
  const Database* db_;
  FactFilter filter_;
};

// One period of a Series: the value that wins (most recently published source,
// then most recently loaded) and the other sources' values for the same period.
struct SeriesPoint {
  Period period;
  Fact fact;                       // the winning source
  std::vector<Fact> alternatives;  // other documents reporting the same period
  // Some alternative differs from the winner by more than 0.5 % (relative, after
  // unit conversion) or cannot be converted to its unit.
  bool disagreement = false;
};

struct Series {
  Region region;
  Metric metric;
  Kind kind = Kind::actual;
  Measure measure = Measure::level;
  std::vector<SeriesPoint> points;  // ordered by period end, then start
};

struct SeriesOptions {
  Kind kind = Kind::actual;
  // Default: the metric's own measure (level for 5G基站数).
  std::optional<Measure> measure;
  // Facts of this subregion instead of province-level ones.
  std::optional<std::string> subregion;
};

// Export formats of Database::export_facts.
enum class ExportFormat {
  jsonl,  // FORMAT.md lines
  csv,    // header + one row per fact, RFC 4180 quoting
  json,   // one JSON array of FORMAT.md objects
};

}  // namespace policydb
