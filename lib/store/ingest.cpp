// Database::ingest: extract a report and store it with its facts.
//
// Invariants: a document and all its facts are written in one IMMEDIATE
// transaction, so a crash leaves either both or neither; the sha256 of the
// original bytes is the document's identity, checked before extraction so that
// re-ingesting unchanged files costs a hash and one lookup. Extraction runs
// outside the write lock (store_extraction takes a finished result), so
// callers may extract in parallel and write from one thread.
#include <fstream>
#include <span>
#include <sstream>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "policydb/database.h"
#include "policydb/error.h"
#include "store/catalog_reader.h"
#include "store/curation.h"
#include "store/database_impl.h"
#include "store/sqlite_error.h"
#include "store/writer.h"
#include "util/sha256.h"

namespace policydb {
namespace {

std::string script_name(Script s) { return std::string(to_string(s)); }

std::optional<std::int64_t> stored_document(Database::Impl& impl, const std::string& sha256) {
  std::lock_guard lock(impl.write_mutex);
  SQLite::Statement q(*impl.connection, "SELECT id FROM document WHERE sha256 = ?");
  q.bind(1, sha256);
  if (q.executeStep()) return q.getColumn(0).getInt64();
  return std::nullopt;
}

detail::DocumentWrite document_of(const std::string& sha256, const ExtractResult& r, const ExtractOptions& o,
                                  std::string_view bytes) {
  detail::DocumentWrite doc;
  doc.source = o.source_name.empty() ? "<input>" : o.source_name;
  doc.sha256 = sha256;
  doc.title = r.metadata.title;
  doc.publisher = r.metadata.publisher;
  if (r.report_date.valid() && r.date_source != "inferred" && r.date_source != "none") {
    doc.published_on = r.report_date;
  }
  doc.home_region = r.home_province;
  doc.script = script_name(r.script);
  doc.origin = "ingest";
  doc.extractor_version = std::string(kExtractorVersion);
  // The original text, not r.text: `policydb reextract` runs the extractor on it
  // again (lib/store/reextract.cpp).
  doc.text = detail::original_text(bytes);
  return doc;
}

// The writer kept between documents, created on first use with the current
// catalog. REQUIRES: impl.write_mutex held.
detail::FactWriter& kept_writer(Database::Impl& impl) {
  if (!impl.ingest_writer) {
    std::shared_ptr<const Catalog> snapshot;
    {
      std::lock_guard catalog_lock(impl.catalog_mutex);
      snapshot = impl.catalog;
    }
    if (!snapshot) {
      impl.reload_catalog_locked();
      std::lock_guard catalog_lock(impl.catalog_mutex);
      snapshot = impl.catalog;
    }
    impl.ingest_writer = std::make_unique<detail::FactWriter>(*impl.connection, std::move(snapshot));
  }
  return *impl.ingest_writer;
}

// Writes `documents` in one IMMEDIATE transaction and commits it. With
// isolate_documents, each document gets a savepoint: one the writer refuses
// (Error) is undone alone and reported in `out`. Without, the first refusal
// rolls the whole transaction back and returns false. SQLite faults throw.
// REQUIRES: impl.write_mutex held, no transaction open.
bool write_batch(Database::Impl& impl, std::span<const ExtractedDocument> documents,
                 const std::vector<detail::DocumentWrite>& writes, std::vector<StoredDocument>& out,
                 bool isolate_documents, bool& catalog_changed) {
  SQLite::Database& db = *impl.connection;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);  // rolls back unless committed
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const ExtractedDocument& d = documents[i];
    IngestReport& report = out[i].report;
    detail::FactWriter& writer = kept_writer(impl);
    writer.reset_counts();
    if (isolate_documents) db.exec("SAVEPOINT document");
    try {
      const detail::WriteResult written = writer.write(writes[i], d.result->facts, /*replace_same_source=*/false);
      if (written.outcome != DocumentOutcome::already_present) {
        detail::write_document_input(writer, written.document_id, d.options);
        detail::replace_diagnostics(writer, written.document_id, d.result->diagnostics);
      }
      if (isolate_documents) db.exec("RELEASE document");
      report.stored = written.outcome != DocumentOutcome::already_present;
      report.document_id = written.document_id;
      report.facts = report.stored ? written.facts_written : 0;
      catalog_changed = catalog_changed || writer.catalog_changed();
    } catch (const Error& e) {
      if (!isolate_documents) return false;
      // A fact the writer cannot resolve: this document only is undone, and the
      // writer's ids (some may have been created inside it) are read again.
      db.exec("ROLLBACK TO document");
      db.exec("RELEASE document");
      impl.ingest_writer.reset();
      out[i].error = e.what();
    }
  }
  tx.commit();
  return true;
}

}  // namespace

IngestReport Database::ingest(const std::filesystem::path& file, const ExtractOptions& options) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, fmt::format("cannot read {}", file.string()));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::io, fmt::format("cannot read {}", file.string()));
  ExtractOptions named = options;
  if (named.source_name.empty()) named.source_name = file.filename().string();
  return ingest_bytes(bytes.str(), named);
}

IngestReport Database::ingest_bytes(std::string_view bytes, const ExtractOptions& options) {
  if (read_only()) throw Error(ErrorCode::read_only, "cannot ingest into a read-only database");
  const std::string sha256 = detail::Sha256::hex(bytes);
  try {
    if (auto id = stored_document(*impl_, sha256)) {
      IngestReport report;
      report.source = options.source_name;
      report.sha256 = sha256;
      report.document_id = *id;
      return report;
    }
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "ingest");
  }
  const Extractor extractor(catalog());
  return store_extraction(bytes, extractor.extract(bytes, options), options);
}

IngestReport Database::store_extraction(std::string_view bytes, const ExtractResult& result,
                                        const ExtractOptions& options) {
  const ExtractedDocument document{bytes, &result, options};
  StoredDocument stored = std::move(store_extractions({&document, 1}).front());
  if (!stored.error.empty()) throw Error(ErrorCode::invalid_argument, stored.error);
  return std::move(stored.report);
}

std::vector<StoredDocument> Database::store_extractions(std::span<const ExtractedDocument> documents) {
  if (read_only()) throw Error(ErrorCode::read_only, "cannot ingest into a read-only database");
  std::vector<StoredDocument> out(documents.size());
  std::vector<detail::DocumentWrite> writes;
  writes.reserve(documents.size());
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const ExtractedDocument& d = documents[i];
    if (d.result == nullptr) throw Error(ErrorCode::invalid_argument, "store_extractions: a document without a result");
    IngestReport& report = out[i].report;
    report.sha256 = detail::Sha256::hex(d.bytes);
    report.diagnostics = d.result->diagnostics;
    report.extractor_version = std::string(kExtractorVersion);
    writes.push_back(document_of(report.sha256, *d.result, d.options, d.bytes));
    report.source = writes.back().source;
  }
  std::lock_guard lock(impl_->write_mutex);
  // A rolled-back document may have created ids the kept writer remembers.
  struct DropWriterUnlessCommitted {
    Database::Impl& impl;
    bool committed = false;
    ~DropWriterUnlessCommitted() {
      if (committed) return;
      impl.ingest_writer.reset();
      impl.invalidate_catalog();  // it may have been read inside the rolled-back transaction
    }
  } guard{*impl_};
  try {
    SQLite::Database& db = *impl_->connection;
    // The writer takes every id from the database, so the per-row foreign-key
    // lookups (four per fact) only cost time, as in load_jsonl; nothing here
    // deletes, so no cascade is lost. The pragma only works outside a transaction.
    const detail::ScopedPragma foreign_keys_off(db, "foreign_keys", 0);
    // A SAVEPOINT journals the original of every page it changes, and past
    // 64 KiB SQLite spills that journal to a temp file: with a savepoint per
    // document, those spills were most of an ingest's writes. In memory, the
    // journal is emptied at each RELEASE, so it holds one document's pages. Not
    // set for good: it would also hold a migration's big sorts in memory.
    const detail::ScopedPragma savepoint_journals_in_memory(db, "temp_store", 2);  // MEMORY
    // A savepoint per document keeps one refused document from undoing the
    // others, but it journals the original of every page the document changes:
    // a sixth of a one-thread ingest's time. Batches almost never hold such a
    // document, so a batch is first written without them; when one is refused,
    // that attempt is rolled back whole and the batch written again, each
    // document in its own savepoint.
    bool catalog_changed = false;
    if (!write_batch(*impl_, documents, writes, out, /*isolate_documents=*/false, catalog_changed)) {
      impl_->ingest_writer.reset();  // it may hold ids of the rolled-back attempt
      impl_->invalidate_catalog();
      catalog_changed = false;
      write_batch(*impl_, documents, writes, out, /*isolate_documents=*/true, catalog_changed);
    }
    guard.committed = true;
    // New uncurated metrics or units: queries re-read the catalog when they next
    // need it. The kept writer already knows them.
    if (catalog_changed) impl_->invalidate_catalog();
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "ingest");
  }
  return out;
}

}  // namespace policydb
