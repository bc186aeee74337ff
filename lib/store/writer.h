// The bulk writer: stores one document and its facts, resolving region, unit
// and metric names to catalog rows. Shared by Database::load_jsonl and
// Database::ingest (extraction).
//
//   std::lock_guard lock(impl.write_mutex);
//   SQLite::Transaction tx(*impl.connection, SQLite::TransactionBehavior::IMMEDIATE);
//   detail::FactWriter writer(*impl.connection, impl_catalog);
//   auto result = writer.write(document, facts);   // repeat per document
//   tx.commit();
//   if (writer.catalog_changed()) impl.invalidate_catalog();
//
// Resolution rules (FORMAT.md):
//   region   any alias through Catalog::find_region; a prefecture given as the
//            region is stored under its province with the city as subregion.
//   unit     a unit code (CNY, %, 个) or a surface (元, 个百分点); an unknown
//            measure word made of CJK characters becomes a new count unit.
//   metric   metric_code when the catalog has it; else the label through the
//            metric resolver (Catalog::find_metric); else an uncurated metric
//            "uncurated:<normalized label>" with the label as its alias.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "policydb/catalog.h"
#include "policydb/fact_record.h"
#include "policydb/load.h"
#include "policydb/period.h"

namespace policydb::detail {

// The document row of a write.
struct DocumentWrite {
  std::string source;                     // file name (FORMAT.md `doc`)
  std::string sha256;                     // 64 lowercase hex digits: identity
  std::optional<std::string> title;
  std::optional<std::string> publisher;
  std::optional<Date> published_on;
  std::string home_region;                // any region name; empty when unknown
  std::optional<std::string> script;      // "hans", "hant", "mixed"
  std::string origin = "ingest";          // "ingest" or "jsonl"
  std::optional<std::string> extractor_version;
  std::optional<std::string> text;        // the original text (ingest)
};

struct WriteResult {
  DocumentOutcome outcome = DocumentOutcome::added;
  std::int64_t document_id = 0;
  std::size_t facts_written = 0;
};

// Sets an integer PRAGMA of the connection for its lifetime and restores the
// value it found: foreign_keys and temp_store, which only take effect outside
// a transaction, so it must be made before the transaction begins. `name` is
// one of policydb's own pragma names, never user input.
class ScopedPragma {
 public:
  ScopedPragma(SQLite::Database& db, const char* name, int value);
  ~ScopedPragma();
  ScopedPragma(const ScopedPragma&) = delete;
  ScopedPragma& operator=(const ScopedPragma&) = delete;

 private:
  SQLite::Database& db_;
  const char* name_;
  int was_;
  bool changed_;
};

// True for a measure word FORMAT.md lets loaders add: 1–4 CJK ideographs.
bool is_measure_word(std::string_view unit);

// True when `unit` is a unit code or surface of `catalog`, or a measure word.
bool unit_acceptable(const Catalog& catalog, std::string_view unit);

class FactWriter {
 public:
  // REQUIRES: the caller holds the write mutex and an open transaction on `db`
  // whenever it calls the writer; `catalog` is the database's catalog. The
  // writer keeps the ids it has read or created, so it may serve several
  // transactions in a row (Database::store_extraction keeps one) only while
  // every one of them commits and nothing else writes regions, units, metrics
  // or aliases; after a rollback it must be dropped.
  FactWriter(SQLite::Database& db, std::shared_ptr<const Catalog> catalog);

  // Stores `doc` and `facts`. The same sha256 twice → already_present, nothing
  // written. With replace_same_source, documents of the same source and origin
  // but other content are deleted first (their facts cascade) → replaced.
  // Throws Error(invalid_argument) for a fact whose region or unit cannot be
  // resolved (callers validate first) and SQLite::Exception on faults.
  WriteResult write(const DocumentWrite& doc, const std::vector<FactRecord>& facts,
                    bool replace_same_source = true);

  std::size_t metrics_created() const { return metrics_created_; }
  std::size_t units_created() const { return units_created_; }
  // New metrics, aliases or units were written: the catalog must be reloaded.
  bool catalog_changed() const { return metrics_created_ + units_created_ + aliases_added_ > 0; }
  // Starts counting metrics, units and aliases created afresh (a writer kept
  // across documents reports per document).
  void reset_counts() { metrics_created_ = units_created_ = aliases_added_ = 0; }

  // `sql` prepared once on the writer's connection, reset and unbound.
  SQLite::Statement& statement(const std::string& sql);

 private:
  std::int64_t region_id(const FactRecord& f, std::string& subregion) const;
  std::pair<std::int64_t, std::string> resolve_region(const std::string& name) const;
  std::int64_t unit_id(std::string_view unit);
  std::int64_t metric_id(const FactRecord& f, std::int64_t unit_id);
  std::int64_t create_metric(const std::string& code, const FactRecord& f, std::int64_t unit_id);
  void add_alias(std::int64_t metric_id, const std::string& label);
  std::optional<std::int64_t> existing_document(const DocumentWrite& doc, bool replace,
                                                DocumentOutcome& outcome);
  std::int64_t insert_document(const DocumentWrite& doc);
  void insert_fact(std::int64_t document_id, std::int64_t id, const DocumentWrite& doc, const FactRecord& f);

  SQLite::Database& db_;
  std::shared_ptr<const Catalog> catalog_;
  std::unordered_map<std::string, std::int64_t> region_ids_;   // code → id
  // region text → (id, subregion implied by a prefecture name): resolved once per load.
  mutable std::unordered_map<std::string, std::pair<std::int64_t, std::string>> region_names_;
  std::unordered_map<std::string, std::int64_t> unit_ids_;     // code and surface → id
  std::unordered_map<std::int64_t, std::string> unit_dimension_;  // id → dimension
  std::unordered_map<std::string, std::int64_t> metric_ids_;   // code → id
  std::unordered_map<std::string, std::int64_t> label_ids_;    // label|code hint → id
  SQLite::Statement insert_fact_;
  std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
  std::size_t metrics_created_ = 0;
  std::size_t units_created_ = 0;
  std::size_t aliases_added_ = 0;
};

}  // namespace policydb::detail
