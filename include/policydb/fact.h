// policydb/fact.h: a stored fact as queries return it — a value type with its
// region, metric and unit resolved from the catalog, its period, its quote and
// the document it came from.
//
//   for (const policydb::Fact& f : db.facts().region("河南").kind(policydb::Kind::target).list()) {
//     f.region->short_name;      // "河南"
//     f.metric->code;            // "5g_base_stations" (or "uncurated:…")
//     f.value; f.unit->code;     // 220000, "个"
//     f.period.to_string();      // "2025"
//   }
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "policydb/catalog.h"
#include "policydb/period.h"
#include "policydb/vocabulary.h"

namespace policydb {

// The document a fact was read from: an ingested report or one `doc` of a
// loaded JSON Lines file.
struct DocumentRef {
  std::int64_t id = 0;
  std::string source;                // file name (FORMAT.md `doc`)
  std::string sha256;                // of the report's bytes, or of the document's lines
  std::optional<Date> published;     // publication date when known
};

// The region, metric and unit are shared, read-only records: every fact of a
// read that names 河南 points at the same Region, the catalog's own, where a
// copy in each fact made a series of 1 000 facts spend a third of its time
// copying them (and faulting in the memory). In a fact a query returns they
// are never null, and they stay valid for as long as the fact or a copy of it
// lives, after its Database is closed too.
struct Fact {
  std::int64_t id = 0;
  std::shared_ptr<const Region> region;  // province, area or 全国 the fact belongs to
  std::string subregion;      // city / zone below the province as written; empty if none
  std::shared_ptr<const Metric> metric;  // curated, or uncurated (metric->curated == false)
  std::string label;          // the indicator as the source names it
  Kind kind = Kind::actual;
  Measure measure = Measure::level;
  double value = 0;           // in `unit`; multipliers (万, 亿) already applied
  std::shared_ptr<const Unit> unit;
  Period period;              // for a target: its deadline
  Comparator comparator = Comparator::eq;
  std::optional<std::string> target_type;  // "binding" (约束性) / "anticipatory" (预期性)
  std::optional<std::string> versus;       // "national", "target", "province_average"
  std::string quote;          // verbatim source span
  DocumentRef document;
  std::optional<double> confidence;        // extractor's confidence; empty for loads

  // The value expressed in another unit of the same dimension (TB → PB);
  // std::nullopt when the dimensions differ or the fact has no unit.
  std::optional<double> value_in(const Unit& other) const {
    if (!unit || other.dimension != unit->dimension || other.to_base <= 0) return std::nullopt;
    return value * unit->to_base / other.to_base;
  }
};

}  // namespace policydb
