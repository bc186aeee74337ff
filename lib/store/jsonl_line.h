// Validation of one FORMAT.md line into a FactRecord (used by load_jsonl).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "policydb/catalog.h"
#include "policydb/fact_record.h"
#include "policydb/load.h"

namespace policydb::detail {

struct ParsedLine {
  std::optional<FactRecord> record;  // empty when any error diagnostic was given
  std::vector<LoadDiagnostic> diagnostics;
};

// Parses and validates `line` (number `line_no`): JSON object without duplicate
// keys, every field typed and in range, region resolvable, unit known or a
// measure word. Never throws for bad input.
ParsedLine parse_fact_line(std::string_view line, std::size_t line_no, const Catalog& catalog,
                           const LoadOptions& options);

}  // namespace policydb::detail
