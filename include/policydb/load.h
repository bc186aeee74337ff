// policydb/load.h: options and report of Database::load_jsonl, which reads the
// fact format of FORMAT.md (one JSON object per line) into the database.
//
//   std::ifstream in("facts.jsonl");
//   policydb::LoadOptions options;
//   options.on_error = policydb::OnError::reject;     // all or nothing
//   policydb::LoadReport report = db.load_jsonl(in, options);
//   for (const auto& d : report.diagnostics) std::cerr << d.to_string() << '\n';
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "policydb/export.h"

namespace policydb {

// What load_jsonl does with a line that fails validation.
enum class OnError {
  skip,    // leave the line out, report it, load the rest (default)
  reject,  // load nothing from the file; every bad line is still reported
};

struct LoadOptions {
  OnError on_error = OnError::skip;
  // Name of the input for messages ("facts.jsonl"); default "<input>".
  std::string input_name = "<input>";
  // A line longer than this is refused whole. Default 1 MiB.
  std::size_t max_line_bytes = 1 << 20;
  // Any string field longer than this is refused. Default 16 KiB.
  std::size_t max_string_bytes = 16 << 10;
  // When a `doc` is already stored with other content (a re-extraction), replace
  // its facts in the same transaction. When false the new version is stored
  // beside the old one. Default: true.
  bool replace_changed_documents = true;
};

enum class Severity { error, warning };

// One problem with one line. An error drops the line (skip) or the file (reject);
// a warning is informational (an unknown field ignored, an unknown metric_code).
struct LoadDiagnostic {
  std::size_t line = 0;  // 1-based line number in the input
  std::string field;     // the offending field; empty when the line itself is bad
  std::string message;
  Severity severity = Severity::error;

  // "<line>: <field>: <message>" (the field part omitted when empty).
  POLICYDB_EXPORT std::string to_string() const;
};

enum class DocumentOutcome {
  added,            // new document, its facts stored
  already_present,  // the same content was loaded before: nothing written
  replaced,         // same `doc`, new content: the old facts were replaced
};

struct DocumentLoad {
  std::string source;   // the `doc` value
  std::string sha256;   // of the document's lines, in file order
  std::size_t facts = 0;
  DocumentOutcome outcome = DocumentOutcome::added;
};

struct LoadReport {
  std::size_t lines = 0;          // non-blank lines read
  std::size_t facts_written = 0;  // facts stored by this load
  std::size_t lines_rejected = 0; // lines with an error diagnostic
  bool rejected = false;          // on_error = reject and some line was bad: nothing written
  std::size_t metrics_created = 0;  // new uncurated metrics
  std::size_t units_created = 0;    // new count units (unseen measure words)
  std::vector<DocumentLoad> documents;
  std::vector<LoadDiagnostic> diagnostics;

  // True when every line loaded (warnings allowed).
  bool ok() const { return !rejected && lines_rejected == 0; }
};

}  // namespace policydb
