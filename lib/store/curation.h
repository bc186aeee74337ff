// Curation helpers shared by ingest (lib/store/ingest.cpp) and re-extraction
// (lib/store/reextract.cpp). Private to lib/store.
#pragma once

#include <cstdint>
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

}  // namespace policydb::detail
