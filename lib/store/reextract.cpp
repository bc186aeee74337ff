// Database::reextract: run the current extractor over stored documents.
//
// Design: the documents to do are listed first (id, source, sha256); then, a
// batch of `jobs` documents at a time, their stored text is read, extracted in
// parallel outside the write lock, and each result is stored in ONE IMMEDIATE
// transaction:
//   1. the document's old facts are deleted;
//   2. the new facts are written by FactWriter under a scratch document row (the
//      writer only adds facts to a new document), then moved to the real
//      document, whose metadata and extractor_version are copied from the scratch
//      row before it is deleted — so the document keeps its id, sha256, text and
//      ingested_at;
//   3. its diagnostics are replaced;
//   4. the uncurated metrics only its old facts named are deleted (a label the
//      new extractor reads differently would otherwise stay behind as an empty
//      catalog entry).
// A failure inside the transaction rolls all of it back: the document keeps its
// old facts. Documents removed meanwhile are reported, not recreated.
//
// What is re-extracted: document.text. Since migration 0005, ingest stores the
// original text there (decoded to UTF-8) and a document_input row with the
// date and province the caller gave, which are given again. Documents ingested
// before hold the normalized text and no document_input row; for them the
// stored publication date stands in for the date (normalizing again is
// harmless, but spans then point into that text).
#include <algorithm>
#include <set>
#include <thread>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "policydb/database.h"
#include "policydb/error.h"

#include "store/curation.h"
#include "store/database_impl.h"
#include "store/sqlite_error.h"
#include "store/writer.h"
#include "util/sha256.h"

namespace policydb {

std::size_t ReextractReport::failed() const {
  return static_cast<std::size_t>(std::count_if(documents.begin(), documents.end(),
                                                [](const auto& d) { return !d.error.empty(); }));
}
std::size_t ReextractReport::facts_before() const {
  std::size_t n = 0;
  for (const auto& d : documents) n += d.facts_before;
  return n;
}
std::size_t ReextractReport::facts_after() const {
  std::size_t n = 0;
  for (const auto& d : documents) n += d.error.empty() ? d.facts_after : d.facts_before;
  return n;
}

namespace {

struct Job {
  std::int64_t id = 0;
  std::string source;
  std::string sha256;
  std::string text;
  ExtractOptions options;
  ExtractResult result;
};

std::vector<Job> jobs_to_do(SQLite::Database& db, bool force, ReextractReport& report) {
  SQLite::Statement q(db,
                      "SELECT id, source, sha256, extractor_version IS ? FROM document"
                      " WHERE origin = 'ingest' AND text IS NOT NULL ORDER BY id");
  q.bind(1, std::string(kExtractorVersion));
  std::vector<Job> jobs;
  while (q.executeStep()) {
    ++report.examined;
    if (!force && q.getColumn(3).getInt() != 0) {
      ++report.skipped;
      continue;
    }
    Job job;
    job.id = q.getColumn(0).getInt64();
    job.source = q.getColumn(1).getString();
    job.sha256 = q.getColumn(2).getString();
    jobs.push_back(std::move(job));
  }
  return jobs;
}

// Reads the text and the options of ingest. Returns false when the document is gone.
bool read_input(SQLite::Database& db, Job& job) {
  SQLite::Statement q(
      db,
      "SELECT d.text, i.document_id IS NOT NULL, i.given_date, i.given_province, d.published_on"
      " FROM document d LEFT JOIN document_input i ON i.document_id = d.id WHERE d.id = ?");
  q.bind(1, job.id);
  if (!q.executeStep()) return false;
  job.text = q.getColumn(0).getString();
  job.options.source_name = job.source;
  const bool recorded = q.getColumn(1).getInt() != 0;
  const int date_column = recorded ? 2 : 4;  // before 0005: the date found then
  if (!q.getColumn(date_column).isNull()) {
    job.options.date = Date::parse(q.getColumn(date_column).getString());
  }
  if (recorded && !q.getColumn(3).isNull()) job.options.province = q.getColumn(3).getString();
  return true;
}

detail::DocumentWrite scratch_document(const Job& job) {
  const ExtractResult& r = job.result;
  detail::DocumentWrite doc;
  doc.source = job.source;
  doc.sha256 = detail::Sha256::hex("policydb reextract scratch " + job.sha256);
  doc.title = r.metadata.title;
  doc.publisher = r.metadata.publisher;
  if (r.report_date.valid() && r.date_source != "inferred" && r.date_source != "none") {
    doc.published_on = r.report_date;
  }
  doc.home_region = r.home_province;
  doc.script = std::string(to_string(r.script));
  doc.origin = "ingest";
  doc.extractor_version = std::string(kExtractorVersion);
  return doc;
}

void exec_with_ids(SQLite::Database& db, const char* sql, std::int64_t a, std::int64_t b) {
  SQLite::Statement q(db, sql);
  q.bind(1, a);
  q.bind(2, b);
  q.exec();
}

// Steps 1–4 of the design note. REQUIRES: write mutex and a transaction.
std::size_t replace_facts(SQLite::Database& db, std::shared_ptr<const Catalog> catalog,
                          const Job& job, bool& catalog_changed) {
  const std::set<std::int64_t> old_metrics = detail::metrics_of_document(db, job.id);
  SQLite::Statement del(db, "DELETE FROM fact WHERE document_id = ?");
  del.bind(1, job.id);
  del.exec();
  std::int64_t scratch = 0;
  std::size_t facts_written = 0;
  {  // the writer caches metric ids: it is gone before unused metrics are dropped
    detail::FactWriter writer(db, std::move(catalog));
    const auto written = writer.write(scratch_document(job), job.result.facts, false);
    scratch = written.document_id;
    facts_written = written.facts_written;
    catalog_changed = catalog_changed || writer.catalog_changed();
  }
  exec_with_ids(db, "UPDATE fact SET document_id = ?1 WHERE document_id = ?2", job.id, scratch);
  exec_with_ids(
      db,
      "UPDATE document SET (title, publisher, published_on, home_region_id, script,"
      " extractor_version) = (SELECT title, publisher, published_on, home_region_id, script,"
      " extractor_version FROM document WHERE id = ?2) WHERE id = ?1",
      job.id, scratch);
  exec_with_ids(db, "DELETE FROM document WHERE id = ?2 AND id <> ?1", job.id, scratch);
  detail::replace_diagnostics(db, job.id, job.result.diagnostics);
  if (detail::drop_unused_uncurated(db, old_metrics) > 0) catalog_changed = true;
  return facts_written;
}

std::size_t fact_count(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT count(*) FROM fact WHERE document_id = ?");
  q.bind(1, id);
  q.executeStep();
  return static_cast<std::size_t>(q.getColumn(0).getInt64());
}

bool still_stored(SQLite::Database& db, const Job& job) {
  SQLite::Statement q(db, "SELECT 1 FROM document WHERE id = ? AND sha256 = ?");
  q.bind(1, job.id);
  q.bind(2, job.sha256);
  return q.executeStep();
}

ReextractedDocument store(Database::Impl& impl, std::shared_ptr<const Catalog> catalog,
                          const Job& job) {
  ReextractedDocument out;
  out.document_id = job.id;
  out.source = job.source;
  out.diagnostics = job.result.diagnostics;
  std::lock_guard lock(impl.write_mutex);
  SQLite::Database& db = *impl.connection;
  bool catalog_changed = false;
  {
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!still_stored(db, job)) {
      out.error = "the document was removed during re-extraction";
      return out;
    }
    out.facts_before = fact_count(db, job.id);
    try {
      out.facts_after = replace_facts(db, std::move(catalog), job, catalog_changed);
    } catch (const Error& e) {  // a fact the store cannot resolve: keep the old ones
      out.error = e.what();
      out.facts_after = out.facts_before;
      return out;  // the transaction rolls back
    }
    tx.commit();
  }
  if (catalog_changed) impl.reload_catalog_locked();
  return out;
}

void extract_batch(const Extractor& extractor, std::vector<Job>& batch) {
  if (batch.size() == 1) {
    batch[0].result = extractor.extract(batch[0].text, batch[0].options);
    return;
  }
  std::vector<std::jthread> threads;
  for (Job& job : batch) {
    threads.emplace_back(
        [&extractor, &job] { job.result = extractor.extract(job.text, job.options); });
  }
}

}  // namespace

ReextractReport Database::reextract(const ReextractOptions& options) {
  if (read_only()) throw Error(ErrorCode::read_only, "cannot re-extract into a read-only database");
  ReextractReport report;
  const Extractor extractor(catalog());
  const unsigned jobs =
      options.jobs == 0 ? std::max(1U, std::thread::hardware_concurrency()) : options.jobs;
  try {
    std::vector<Job> todo;
    {
      std::lock_guard lock(impl_->write_mutex);
      todo = jobs_to_do(*impl_->connection, options.force, report);
    }
    for (std::size_t begin = 0; begin < todo.size(); begin += jobs) {
      std::vector<Job> batch;
      {
        std::lock_guard lock(impl_->write_mutex);
        for (std::size_t i = begin; i < std::min(todo.size(), begin + jobs); ++i) {
          if (read_input(*impl_->connection, todo[i])) batch.push_back(std::move(todo[i]));
        }
      }
      extract_batch(extractor, batch);
      for (Job& job : batch) {
        report.documents.push_back(store(*impl_, catalog(), job));
        job = Job{};  // free the text
      }
      if (options.on_progress)
        options.on_progress(std::min(todo.size(), begin + jobs), todo.size());
    }
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "reextract");
  }
  return report;
}

}  // namespace policydb
