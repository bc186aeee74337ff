// tools/cli/filter.h: the fact filter flags shared by `facts`, `export` and
// `progress` (--region, --subregion, --metric, --kind, --measure, --since,
// --until, --as-of, --document), turned into a policydb::FactFilter.
#pragma once

#include <vector>

#include "policydb/database.h"
#include "policydb/query.h"

#include "args.h"

namespace policydb::cli {

std::vector<FlagSpec> filter_flags();

// The query the flags describe, built through FactQuery's own builder so the CLI
// filters exactly as the library does; filter_from is its FactFilter. Throws
// UsageError for an unknown kind or measure or a malformed year or date.
FactQuery query_from(const Database& db, const Args& args);
FactFilter filter_from(const Database& db, const Args& args);

// A four-digit year; throws UsageError naming `flag`.
int parse_year(const std::string& flag, const std::string& text);

}  // namespace policydb::cli
