// Curation helpers shared by ingest (lib/store/ingest.cpp) and re-extraction
// (lib/store/reextract.cpp). Private to lib/store.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "policydb/extract.h"

namespace policydb::detail {

class FactWriter;  // store/writer.h

// The text ingest stores in document.text so that reextract can run the
// extractor again: the original bytes decoded to UTF-8 (the bytes themselves for
// UTF-8 input, without a BOM). Never throws for any bytes.
std::string original_text(std::string_view bytes);

// Records what the caller gave at ingest (date, province) and the extraction's
// diagnostics for document `document_id`, replacing earlier diagnostics.
// REQUIRES: write mutex and an open transaction on `db`; migration 0005 applied.
// The FactWriter forms reuse the writer's prepared statements.
void write_document_input(SQLite::Database& db, std::int64_t document_id,
                          const ExtractOptions& options);
void write_document_input(FactWriter& writer, std::int64_t document_id, const ExtractOptions& options);
void replace_diagnostics(SQLite::Database& db, std::int64_t document_id,
                         const std::vector<Diagnostic>& diagnostics);
void replace_diagnostics(FactWriter& writer, std::int64_t document_id,
                         const std::vector<Diagnostic>& diagnostics);

// The metrics that the facts of document `document_id` name: read before those
// facts are deleted, for drop_unused_uncurated().
std::set<std::int64_t> metrics_of_document(SQLite::Database& db, std::int64_t document_id);

// Deletes the uncurated metrics among `metric_ids` that no fact names any more,
// with their aliases (an uncurated metric is made from a label and only holds
// that label's facts: once they are gone it is an empty catalog entry). Curated
// metrics are never touched. Returns how many were deleted; the caller reloads
// the catalog when that is not 0.
// REQUIRES: write mutex and an open transaction on `db`; no FactWriter of this
// transaction that has cached the ids may write afterwards.
std::size_t drop_unused_uncurated(SQLite::Database& db, const std::set<std::int64_t>& metric_ids);

}  // namespace policydb::detail
