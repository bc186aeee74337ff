// Curation: analysts' metric aliases, the document list, removing documents.
//
// Invariants:
//  - every write runs in one IMMEDIATE transaction under the write mutex; an
//    error (unknown name, ambiguous reference) is thrown before anything is
//    written or rolls the transaction back, so a failed command changes nothing;
//  - an analyst's alias is a metric_alias row with source 'user'; migrations
//    never touch such rows, so it survives upgrades;
//  - after an alias write the catalog snapshot is reloaded while the write mutex
//    is still held, so no writer resolves labels against a stale catalog.
#include "store/curation.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "policydb/database.h"
#include "policydb/error.h"

#include "store/database_impl.h"
#include "store/reader_pool.h"
#include "store/sqlite_error.h"
#include "store/writer.h"
#include "text/decode.h"

namespace policydb {
namespace {

constexpr std::size_t kMinShaPrefix = 6;

constexpr const char* kDocumentColumns =
    "SELECT d.id, d.source, d.sha256, d.title, d.published_on, r.short_name, d.origin,"
    " d.extractor_version, d.ingested_at,"
    " (SELECT count(*) FROM fact f WHERE f.document_id = d.id)"
    " FROM document d LEFT JOIN region r ON r.id = d.home_region_id";

std::optional<std::string> optional_text(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

DocumentInfo document_of(SQLite::Statement& q) {
  DocumentInfo d;
  d.id = q.getColumn(0).getInt64();
  d.source = q.getColumn(1).getString();
  d.sha256 = q.getColumn(2).getString();
  d.title = optional_text(q.getColumn(3));
  if (auto day = optional_text(q.getColumn(4))) d.published_on = Date::parse(*day);
  d.home_region = q.getColumn(5).getString();  // "" for NULL
  d.origin = q.getColumn(6).getString();
  d.extractor_version = optional_text(q.getColumn(7));
  d.ingested_at = q.getColumn(8).getString();
  d.facts = static_cast<std::size_t>(q.getColumn(9).getInt64());
  return d;
}

void require_writable(const Database& db, std::string_view what) {
  if (db.read_only())
    throw Error(ErrorCode::read_only, fmt::format("cannot {} a read-only database", what));
}

std::string trimmed(std::string_view text) {
  const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return std::string(text);
}

bool all_of_class(std::string_view text, int (*pred)(int)) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [pred](char c) {
    return pred(static_cast<unsigned char>(c)) != 0;
  });
}

std::vector<std::int64_t> ids_where(SQLite::Database& db, const std::string& sql,
                                    const std::string& value) {
  SQLite::Statement q(db, sql);
  q.bind(1, value);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

// The documents `ref` names: a source (every vintage), an id, or a sha256 prefix.
std::vector<std::int64_t> resolve_document(SQLite::Database& db, const std::string& ref) {
  auto ids = ids_where(db, "SELECT id FROM document WHERE source = ? ORDER BY id", ref);
  if (!ids.empty()) return ids;
  if (all_of_class(ref, isdigit) && ref.size() <= 18) {
    ids = ids_where(db, "SELECT id FROM document WHERE id = CAST(? AS INTEGER)", ref);
    if (!ids.empty()) return ids;
  }
  std::string prefix = ref;
  std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  if (prefix.size() >= kMinShaPrefix && prefix.size() <= 64 && all_of_class(prefix, isxdigit)) {
    ids = ids_where(db, "SELECT id FROM document WHERE substr(sha256, 1, length(?1)) = ?1", prefix);
    if (ids.size() > 1) {
      throw Error(
          ErrorCode::invalid_argument,
          fmt::format("sha256 prefix {} names {} documents; give more digits", ref, ids.size()));
    }
    if (!ids.empty()) return ids;
  }
  throw Error(ErrorCode::not_found,
              fmt::format("no document \"{}\" (give an id, a source name or a sha256 prefix of at "
                          "least {} digits; `policydb documents` lists them)",
                          ref, kMinShaPrefix));
}

std::vector<DocumentInfo> read_documents(SQLite::Database& db, const std::set<std::int64_t>& only) {
  std::vector<DocumentInfo> out;
  SQLite::Statement q(db, std::string(kDocumentColumns) + " ORDER BY d.id");
  while (q.executeStep()) {
    DocumentInfo d = document_of(q);
    if (only.empty() || only.count(d.id) > 0) out.push_back(std::move(d));
  }
  return out;
}

void delete_document(SQLite::Database& db, std::int64_t id) {
  // Explicit deletes: correct even on a connection whose foreign keys (and so
  // cascades) are off.
  for (const char* sql :
       {"DELETE FROM fact WHERE document_id = ?",
        "DELETE FROM document_diagnostic WHERE document_id = ?",
        "DELETE FROM document_input WHERE document_id = ?", "DELETE FROM document WHERE id = ?"}) {
    SQLite::Statement q(db, sql);
    q.bind(1, id);
    q.exec();
  }
}

}  // namespace

// ---- helpers shared with ingest and reextract ---------------------------------

namespace detail {

std::string original_text(std::string_view bytes) { return text::decode(bytes).utf8; }

namespace {

constexpr const char* kInsertInput =
    "INSERT OR REPLACE INTO document_input (document_id, given_date, given_province) VALUES (?, ?, ?)";
constexpr const char* kClearDiagnostics = "DELETE FROM document_diagnostic WHERE document_id = ?";
constexpr const char* kInsertDiagnostic =
    "INSERT INTO document_diagnostic (document_id, code, message, byte_offset) VALUES (?,?,?,?)";

void bind_input(SQLite::Statement& q, std::int64_t document_id, const ExtractOptions& options) {
  q.bind(1, document_id);
  if (options.date)
    q.bind(2, options.date->to_string());
  else
    q.bind(2);
  if (options.province)
    q.bind(3, *options.province);
  else
    q.bind(3);
  q.exec();
}

void insert_diagnostics(SQLite::Statement& clear, SQLite::Statement& insert, std::int64_t document_id,
                        const std::vector<Diagnostic>& diagnostics) {
  clear.bind(1, document_id);
  clear.exec();
  for (const Diagnostic& d : diagnostics) {
    insert.reset();
    insert.bind(1, document_id);
    insert.bind(2, d.code);
    insert.bind(3, d.message);
    insert.bind(4, static_cast<std::int64_t>(d.byte_offset));
    insert.exec();
  }
}

}  // namespace

void write_document_input(SQLite::Database& db, std::int64_t document_id,
                          const ExtractOptions& options) {
  SQLite::Statement q(db, kInsertInput);
  bind_input(q, document_id, options);
}

void write_document_input(FactWriter& writer, std::int64_t document_id, const ExtractOptions& options) {
  bind_input(writer.statement(kInsertInput), document_id, options);
}

void replace_diagnostics(SQLite::Database& db, std::int64_t document_id,
                         const std::vector<Diagnostic>& diagnostics) {
  SQLite::Statement clear(db, kClearDiagnostics);
  SQLite::Statement insert(db, kInsertDiagnostic);
  insert_diagnostics(clear, insert, document_id, diagnostics);
}

void replace_diagnostics(FactWriter& writer, std::int64_t document_id,
                         const std::vector<Diagnostic>& diagnostics) {
  insert_diagnostics(writer.statement(kClearDiagnostics), writer.statement(kInsertDiagnostic), document_id,
                     diagnostics);
}

std::set<std::int64_t> metrics_of_document(SQLite::Database& db, std::int64_t document_id) {
  SQLite::Statement q(db, "SELECT DISTINCT metric_id FROM fact WHERE document_id = ?");
  q.bind(1, document_id);
  std::set<std::int64_t> ids;
  while (q.executeStep()) ids.insert(q.getColumn(0).getInt64());
  return ids;
}

std::size_t drop_unused_uncurated(SQLite::Database& db, const std::set<std::int64_t>& metric_ids) {
  // Explicit alias deletes: the bulk connection may run with foreign keys off.
  SQLite::Statement unused(db,
                           "SELECT 1 FROM metric m WHERE m.id = ? AND m.curated = 0"
                           " AND NOT EXISTS (SELECT 1 FROM fact f WHERE f.metric_id = m.id)");
  SQLite::Statement aliases(db, "DELETE FROM metric_alias WHERE metric_id = ?");
  SQLite::Statement metric(db, "DELETE FROM metric WHERE id = ? AND curated = 0");
  std::size_t dropped = 0;
  for (std::int64_t id : metric_ids) {
    unused.reset();
    unused.bind(1, id);
    if (!unused.executeStep()) continue;
    aliases.reset();
    aliases.bind(1, id);
    aliases.exec();
    metric.reset();
    metric.bind(1, id);
    dropped += static_cast<std::size_t>(metric.exec());
  }
  return dropped;
}

}  // namespace detail

// ---- documents ------------------------------------------------------------------

std::vector<DocumentInfo> Database::documents() const {
  auto lease = detail::reader_pool(*impl_).acquire();
  try {
    return read_documents(lease.db(), {});
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "documents");
  }
}

std::vector<DocumentInfo> Database::remove_documents(const std::vector<std::string>& refs) {
  require_writable(*this, "remove documents from");
  try {
    std::lock_guard lock(impl_->write_mutex);
    SQLite::Database& db = *impl_->connection;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    std::set<std::int64_t> ids;
    for (const std::string& ref : refs) {
      for (std::int64_t id : resolve_document(db, ref)) ids.insert(id);
    }
    if (ids.empty()) return {};
    auto removed = read_documents(db, ids);
    std::set<std::int64_t> metrics;
    for (std::int64_t id : ids) {
      metrics.merge(detail::metrics_of_document(db, id));
      delete_document(db, id);
    }
    const std::size_t dropped = detail::drop_unused_uncurated(db, metrics);
    tx.commit();
    if (dropped > 0) impl_->reload_catalog_locked();
    return removed;
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "remove documents");
  }
}

// ---- metric aliases ---------------------------------------------------------------

namespace {

// The uncurated metrics whose label normalizes to `key`: by their code
// (uncurated:<key>) or, should the normalizer have changed since, their name.
std::vector<std::int64_t> uncurated_matching(SQLite::Database& db, const std::string& key) {
  std::vector<std::int64_t> ids;
  SQLite::Statement q(db, "SELECT id, code, name_zh FROM metric WHERE curated = 0");
  while (q.executeStep()) {
    const std::string code = q.getColumn(1).getString();
    const std::string name = q.getColumn(2).getString();
    if (code == "uncurated:" + key || normalize_metric_label(name) == key) {
      ids.push_back(q.getColumn(0).getInt64());
    }
  }
  return ids;
}

// Moves the facts and names of uncurated metric `from` to `to`, then drops it.
std::size_t merge_metric(SQLite::Database& db, std::int64_t from, std::int64_t to) {
  SQLite::Statement facts(db, "UPDATE fact SET metric_id = ? WHERE metric_id = ?");
  facts.bind(1, to);
  facts.bind(2, from);
  const int moved = facts.exec();
  // Its labels become the analyst's aliases of the curated metric, so later
  // loads of the same label resolve there and upgrades keep them.
  SQLite::Statement aliases(
      db, "UPDATE OR IGNORE metric_alias SET metric_id = ?, source = 'user' WHERE metric_id = ?");
  aliases.bind(1, to);
  aliases.bind(2, from);
  aliases.exec();
  SQLite::Statement drop(db, "DELETE FROM metric WHERE id = ? AND curated = 0");
  drop.bind(1, from);
  drop.exec();
  return static_cast<std::size_t>(moved);
}

const Metric& curated_target(const Catalog& catalog, const std::string& label,
                             std::string_view metric) {
  const Metric& target = catalog.metric(metric);  // not_found with suggestions
  if (!target.curated) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("\"{}\" is an uncurated metric; name a curated one (policydb metrics)",
                            metric));
  }
  const Metric* current = catalog.find_metric(label);
  if (current != nullptr && current->curated && current->code != target.code) {
    throw Error(ErrorCode::invalid_argument,
                fmt::format("\"{}\" already names the curated metric {}", label, current->code));
  }
  return target;
}

}  // namespace

std::size_t Database::add_metric_alias(std::string_view label_text, std::string_view metric) {
  require_writable(*this, "add an alias to");
  const std::string label = trimmed(label_text);
  if (label.empty()) throw Error(ErrorCode::invalid_argument, "an alias needs a non-empty label");
  std::string key = normalize_metric_label(label);
  if (key.empty()) key = label;
  const auto snapshot = catalog();
  const std::string code = curated_target(*snapshot, label, metric).code;
  try {
    std::lock_guard lock(impl_->write_mutex);
    SQLite::Database& db = *impl_->connection;
    SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement id_of(db, "SELECT id FROM metric WHERE code = ?");
    id_of.bind(1, code);
    if (!id_of.executeStep())
      throw Error(ErrorCode::not_found, fmt::format("unknown metric {}", code));
    const std::int64_t target = id_of.getColumn(0).getInt64();
    SQLite::Statement add(
        db,
        "INSERT INTO metric_alias (alias, metric_id, source) VALUES (?, ?, 'user')"
        " ON CONFLICT (alias, metric_id) DO UPDATE SET source = 'user'");
    add.bind(1, label);
    add.bind(2, target);
    add.exec();
    std::size_t relinked = 0;
    for (std::int64_t from : uncurated_matching(db, key))
      relinked += merge_metric(db, from, target);
    tx.commit();
    impl_->reload_catalog_locked();
    return relinked;
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "add alias");
  }
}

bool Database::remove_metric_alias(std::string_view label_text) {
  require_writable(*this, "remove an alias from");
  const std::string label = trimmed(label_text);
  try {
    std::lock_guard lock(impl_->write_mutex);
    SQLite::Database& db = *impl_->connection;
    SQLite::Statement q(db, "DELETE FROM metric_alias WHERE alias = ? AND source = 'user'");
    q.bind(1, label);
    const bool removed = q.exec() > 0;
    if (removed) impl_->reload_catalog_locked();
    return removed;
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, "remove alias");
  }
}

}  // namespace policydb
