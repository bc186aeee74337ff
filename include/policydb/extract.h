// policydb/extract.h: from one report's bytes to the facts it states — region,
// indicator, value, unit, period, actual or target — each with its source span.
//
//   policydb::Extractor extractor(policydb::Catalog::builtin());
//   policydb::ExtractOptions options;
//   options.source_name = "henan-2024.txt";
//   policydb::ExtractResult r = extractor.extract(bytes, options);
//   for (const auto& f : r.facts) std::cout << policydb::to_jsonl(f) << '\n';
//
// The extractor does no I/O and keeps no state between calls: one Extractor may
// serve any number of threads at once (every method is const and touches no
// shared mutable data). Problems with a document (no date found, an
// undecodable byte) are diagnostics in the result, never exceptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policydb/catalog.h"
#include "policydb/export.h"
#include "policydb/fact_record.h"
#include "policydb/period.h"
#include "policydb/text.h"

namespace policydb {

// Identifies the rules that made a fact; stored with every extracted fact so
// that `policydb reextract` knows which documents an upgrade would change.
inline constexpr std::string_view kExtractorVersion = "extract-1.0";

// What the caller knows about the document beyond its bytes. Defaults: nothing.
struct ExtractOptions {
  std::optional<Date> date;             // publication date; else found in the text
  std::optional<std::string> province;  // home province (any region name); else inferred
  std::string source_name;              // written to FactRecord::doc
};

// One problem with one document. Codes are stable:
//   date_inferred     no publication date given or found; `message` says what was used
//   no_date           no date at all: relative periods fall back to the latest year named
//   no_home_province  no province named; facts without a region in context are dropped
//   bad_province      ExtractOptions::province is not a region name (it is ignored)
//   text:<code>       a TextDiagnostic of normalize_document (decoding, size)
struct Diagnostic {
  std::string code;
  std::string message;
  std::size_t byte_offset = 0;  // in the original bytes, when it applies
};

struct ExtractResult {
  std::vector<FactRecord> facts;  // document order; FactRecord::doc = source_name
  std::vector<Diagnostic> diagnostics;
  DocumentMetadata metadata;      // as normalize_document found it
  Date report_date;               // the date relative periods were resolved against
  std::string date_source;        // "option", "metadata", "dateline", "inferred", "none"
  std::string home_province;      // short name (河南); empty when none was found
  Script script = Script::hans;
  std::string text;               // the normalized text (stored by ingest)
};

class POLICYDB_EXPORT Extractor {
 public:
  // Indexes the catalog's region names and units once. Throws
  // Error(invalid_argument) when `catalog` is null.
  explicit Extractor(std::shared_ptr<const Catalog> catalog);
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Facts of one document (UTF-8, GB18030 or Big5; plain text, Markdown or
  // HTML). Never throws for any input bytes; see Diagnostic for what is reported.
  [[nodiscard]] ExtractResult extract(std::string_view bytes, const ExtractOptions& options) const;

  const std::shared_ptr<const Catalog>& catalog() const;

  struct Impl;  // lib/extract/extractor_impl.h

 private:
  std::unique_ptr<const Impl> impl_;
};

// What Database::ingest did with one document.
struct IngestReport {
  std::string source;      // the document's source name
  std::string sha256;      // of the original bytes: the document's identity
  bool stored = false;     // false: the same bytes were stored before (a no-op)
  std::int64_t document_id = 0;
  std::size_t facts = 0;   // facts stored (0 when skipped)
  std::vector<Diagnostic> diagnostics;  // the extraction's diagnostics
  std::string extractor_version;        // kExtractorVersion of the facts stored
};

// One FORMAT.md JSON line (no trailing newline) for `fact`: doc, region,
// subregion (when set), metric, metric_code (when set), kind, measure, value,
// unit, period, comparator, published (when set), quote, versus (when set).
// Never throws.
POLICYDB_EXPORT std::string to_jsonl(const FactRecord& fact);

}  // namespace policydb
