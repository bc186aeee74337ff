// Reads facts for the typed queries, the exporter, series and target progress:
// a FactFilter becomes one parameterized SELECT run on a read connection.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "policydb/database.h"
#include "policydb/fact.h"
#include "policydb/query.h"

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

// Calls `row` for each matching fact; `row` returns false to stop.
// Throws Error(not_found) for an unknown filter region, Error(database) on faults.
void read_facts(const Database& db, const ReadSpec& spec,
                const std::function<bool(const Fact&)>& row);

std::size_t count_facts(const Database& db, const ReadSpec& spec);

}  // namespace policydb::detail
