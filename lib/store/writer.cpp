#include "store/writer.h"

#include <fmt/format.h>

#include "policydb/error.h"

namespace policydb::detail {
namespace {

constexpr const char* kInsertFact =
    "INSERT INTO fact (document_id, region_id, subregion, metric_id, label, kind, measure,"
    " value, unit_id, comparator, period, period_start, period_end, period_grain, target_type,"
    " versus, span_start, span_end, quote, confidence, extractor_version, id)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

std::int64_t day_key(const Date& d) { return d.year * 10000LL + d.month * 100 + d.day; }

template <typename T>
void bind_optional(SQLite::Statement& q, int index, const std::optional<T>& value) {
  if (value) {
    q.bind(index, *value);
  } else {
    q.bind(index);
  }
}


}  // namespace

ScopedPragma::ScopedPragma(SQLite::Database& db, const char* name, int value)
    : db_(db), name_(name), was_(db.execAndGet(fmt::format("PRAGMA {}", name)).getInt()), changed_(was_ != value) {
  // Changing temp_store drops TEMP objects; the write connection keeps none
  // outside migrations, which run before any write.
  if (changed_) db_.exec(fmt::format("PRAGMA {} = {}", name_, value));
}

ScopedPragma::~ScopedPragma() {
  // Never throws: a failure leaves the setting as it was made (foreign keys off,
  // journals in memory) for this connection only, until it is opened again.
  if (changed_) db_.tryExec(fmt::format("PRAGMA {} = {}", name_, was_).c_str());
}

bool is_measure_word(std::string_view unit) {
  // Decode UTF-8 by hand: CJK Unified Ideographs (and extension A) only.
  std::size_t count = 0;
  for (std::size_t i = 0; i < unit.size();) {
    const auto c = static_cast<unsigned char>(unit[i]);
    if ((c & 0xF0) != 0xE0 || i + 3 > unit.size()) return false;
    const auto c1 = static_cast<unsigned char>(unit[i + 1]);
    const auto c2 = static_cast<unsigned char>(unit[i + 2]);
    if ((c1 & 0xC0) != 0x80 || (c2 & 0xC0) != 0x80) return false;
    const char32_t cp = ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
    if (!((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))) return false;
    i += 3;
    ++count;
  }
  return count >= 1 && count <= 4;
}

bool unit_acceptable(const Catalog& catalog, std::string_view unit) {
  if (catalog.find_unit(unit) != nullptr) return true;
  for (const auto& [surface, code] : catalog.unit_surfaces()) {
    if (surface == unit) return true;
  }
  return is_measure_word(unit);
}

FactWriter::FactWriter(SQLite::Database& db, std::shared_ptr<const Catalog> catalog)
    : db_(db), catalog_(std::move(catalog)), insert_fact_(db, kInsertFact) {
  SQLite::Statement regions(db_, "SELECT code, id FROM region");
  while (regions.executeStep()) {
    region_ids_.emplace(regions.getColumn(0).getString(), regions.getColumn(1).getInt64());
  }
  SQLite::Statement units(db_, "SELECT code, id, dimension FROM unit");
  while (units.executeStep()) {
    const std::int64_t id = units.getColumn(1).getInt64();
    unit_ids_.emplace(units.getColumn(0).getString(), id);
    unit_dimension_.emplace(id, units.getColumn(2).getString());
  }
  // Codes win over surfaces: emplace keeps the first.
  SQLite::Statement surfaces(db_, "SELECT surface, unit_id FROM unit_surface");
  while (surfaces.executeStep()) {
    unit_ids_.emplace(surfaces.getColumn(0).getString(), surfaces.getColumn(1).getInt64());
  }
  SQLite::Statement metrics(db_, "SELECT code, id FROM metric");
  while (metrics.executeStep()) {
    metric_ids_.emplace(metrics.getColumn(0).getString(), metrics.getColumn(1).getInt64());
  }
}

SQLite::Statement& FactWriter::statement(const std::string& sql) {
  auto& slot = statements_[sql];
  if (!slot) {
    slot = std::make_unique<SQLite::Statement>(db_, sql);
  } else {
    slot->reset();
    slot->clearBindings();
  }
  return *slot;
}

std::pair<std::int64_t, std::string> FactWriter::resolve_region(const std::string& name) const {
  const Region* region = catalog_->find_region(name);
  if (region == nullptr) {
    throw Error(ErrorCode::invalid_argument, fmt::format("unknown region \"{}\"", name));
  }
  std::string implied;
  if (region->level == RegionLevel::prefecture && !region->parent_code.empty()) {
    // A city given as the region: keep the province, the city becomes the subregion.
    implied = region->short_name;
    region = catalog_->region_by_code(region->parent_code);
  }
  const auto it = region != nullptr ? region_ids_.find(region->code) : region_ids_.end();
  if (it == region_ids_.end()) {
    throw Error(ErrorCode::invalid_argument, fmt::format("region \"{}\" is not stored", name));
  }
  return {it->second, implied};
}

std::int64_t FactWriter::region_id(const FactRecord& f, std::string& subregion) const {
  auto it = region_names_.find(f.region);
  if (it == region_names_.end()) it = region_names_.emplace(f.region, resolve_region(f.region)).first;
  subregion = f.subregion.empty() ? it->second.second : f.subregion;
  return it->second.first;
}

std::int64_t FactWriter::unit_id(std::string_view unit) {
  const std::string key(unit);
  if (const auto it = unit_ids_.find(key); it != unit_ids_.end()) return it->second;
  if (!is_measure_word(unit)) {
    throw Error(ErrorCode::invalid_argument, fmt::format("unknown unit \"{}\"", unit));
  }
  // FORMAT.md: an unseen measure word is a count unit of its own.
  SQLite::Statement& q = statement(
      "INSERT INTO unit (code, dimension, label_zh, to_base) VALUES (?, 'count', ?, 1)");
  q.bind(1, key);
  q.bind(2, key);
  q.exec();
  const std::int64_t id = db_.getLastInsertRowid();
  unit_ids_.emplace(key, id);
  unit_dimension_.emplace(id, "count");
  ++units_created_;
  return id;
}

std::int64_t FactWriter::metric_id(const FactRecord& f, std::int64_t unit) {
  if (!f.metric_code.empty()) {
    if (const auto it = metric_ids_.find(f.metric_code); it != metric_ids_.end()) return it->second;
  }
  if (const auto it = label_ids_.find(f.metric); it != label_ids_.end()) return it->second;
  std::int64_t id = 0;
  if (const Metric* m = catalog_->find_metric(f.metric); m != nullptr && metric_ids_.count(m->code)) {
    id = metric_ids_.at(m->code);
  } else {
    std::string key = normalize_metric_label(f.metric);
    if (key.empty()) key = f.metric;
    const std::string code = "uncurated:" + key;
    const auto it = metric_ids_.find(code);
    id = it != metric_ids_.end() ? it->second : create_metric(code, f, unit);
    add_alias(id, f.metric);
  }
  label_ids_.emplace(f.metric, id);
  return id;
}

std::int64_t FactWriter::create_metric(const std::string& code, const FactRecord& f,
                                       std::int64_t unit) {
  SQLite::Statement& q = statement(
      "INSERT INTO metric (code, name_zh, measure, dimension, default_unit_id, curated)"
      " VALUES (?, ?, ?, ?, ?, 0)");
  q.bind(1, code);
  q.bind(2, f.metric);
  q.bind(3, std::string(to_string(f.measure)));
  q.bind(4, unit_dimension_[unit]);
  q.bind(5, unit);
  q.exec();
  const std::int64_t id = db_.getLastInsertRowid();
  metric_ids_.emplace(code, id);
  ++metrics_created_;
  return id;
}

void FactWriter::add_alias(std::int64_t metric, const std::string& label) {
  SQLite::Statement& q = statement(
      "INSERT OR IGNORE INTO metric_alias (alias, metric_id, source) VALUES (?, ?, 'catalog')");
  q.bind(1, label);
  q.bind(2, metric);
  aliases_added_ += static_cast<std::size_t>(q.exec());
}

std::optional<std::int64_t> FactWriter::existing_document(const DocumentWrite& doc, bool replace,
                                                          DocumentOutcome& outcome) {
  SQLite::Statement& same = statement("SELECT id FROM document WHERE sha256 = ?");
  same.bind(1, doc.sha256);
  if (same.executeStep()) {
    outcome = DocumentOutcome::already_present;
    const std::int64_t id = same.getColumn(0).getInt64();
    same.reset();
    return id;
  }
  outcome = DocumentOutcome::added;
  if (replace) {
    // Facts first: the bulk loader runs with foreign keys (and so cascades) off.
    SQLite::Statement facts(db_,
        "DELETE FROM fact WHERE document_id IN"
        " (SELECT id FROM document WHERE source = ? AND origin = ?)");
    facts.bind(1, doc.source);
    facts.bind(2, doc.origin);
    facts.exec();
    SQLite::Statement old(db_, "DELETE FROM document WHERE source = ? AND origin = ?");
    old.bind(1, doc.source);
    old.bind(2, doc.origin);
    if (old.exec() > 0) outcome = DocumentOutcome::replaced;
  }
  return std::nullopt;
}

std::int64_t FactWriter::insert_document(const DocumentWrite& doc) {
  SQLite::Statement& q = statement(
      "INSERT INTO document (sha256, source, title, publisher, published_on, home_region_id,"
      " script, origin, extractor_version, text) VALUES (?,?,?,?,?,?,?,?,?,?)");
  q.bind(1, doc.sha256);
  q.bind(2, doc.source);
  bind_optional(q, 3, doc.title);
  bind_optional(q, 4, doc.publisher);
  bind_optional(q, 5, doc.published_on ? std::optional(doc.published_on->to_string()) : std::nullopt);
  const Region* home = doc.home_region.empty() ? nullptr : catalog_->find_region(doc.home_region);
  const auto it = home != nullptr ? region_ids_.find(home->code) : region_ids_.end();
  bind_optional(q, 6, it != region_ids_.end() ? std::optional(it->second) : std::nullopt);
  bind_optional(q, 7, doc.script);
  q.bind(8, doc.origin);
  bind_optional(q, 9, doc.extractor_version);
  bind_optional(q, 10, doc.text);
  q.exec();
  return db_.getLastInsertRowid();
}

void FactWriter::insert_fact(std::int64_t document_id, std::int64_t id, const DocumentWrite& doc,
                             const FactRecord& f) {
  std::string subregion;
  const std::int64_t region = region_id(f, subregion);
  const std::int64_t unit = unit_id(f.unit);
  const std::int64_t metric = metric_id(f, unit);
  // Every text below lives until exec(), so SQLite need not copy it: bound
  // without a copy, which spares SQLite a malloc and a copy per column.
  const std::string kind(to_string(f.kind)), measure(to_string(f.measure)),
      comparator(to_string(f.comparator)), period = f.period.to_string(), grain(to_string(f.period.grain()));
  auto text = [](SQLite::Statement& q, int index, const std::string& value) { q.bindNoCopy(index, value); };
  auto optional_text = [&](SQLite::Statement& q, int index, const std::optional<std::string>& value) {
    value ? text(q, index, *value) : q.bind(index);
  };
  auto& q = insert_fact_;
  q.reset();
  q.clearBindings();
  q.bind(1, document_id);
  q.bind(2, region);
  subregion.empty() ? q.bind(3) : text(q, 3, subregion);
  q.bind(4, metric);
  text(q, 5, f.metric);
  text(q, 6, kind);
  text(q, 7, measure);
  q.bind(8, f.value);
  q.bind(9, unit);
  text(q, 10, comparator);
  text(q, 11, period);
  q.bind(12, day_key(f.period.start()));
  q.bind(13, day_key(f.period.end()));
  text(q, 14, grain);
  optional_text(q, 15, f.target_type);
  optional_text(q, 16, f.versus);
  bind_optional(q, 17, f.span_start ? std::optional<std::int64_t>(*f.span_start) : std::nullopt);
  bind_optional(q, 18, f.span_end ? std::optional<std::int64_t>(*f.span_end) : std::nullopt);
  text(q, 19, f.quote);
  bind_optional(q, 20, f.confidence);
  optional_text(q, 21, doc.extractor_version);
  q.bind(22, id);
  q.exec();
}

WriteResult FactWriter::write(const DocumentWrite& doc, const std::vector<FactRecord>& facts,
                              bool replace_same_source) {
  WriteResult result;
  if (auto id = existing_document(doc, replace_same_source, result.outcome)) {
    result.document_id = *id;
    return result;
  }
  result.document_id = insert_document(doc);
  // fact is a WITHOUT ROWID table (schema/0009): ids are given here, as SQLite
  // gave rowids before — one past the largest, read inside this write
  // transaction, so no other writer can take the same ids.
  SQLite::Statement& last = statement("SELECT coalesce(max(id), 0) FROM fact");
  last.executeStep();
  std::int64_t next_id = last.getColumn(0).getInt64() + 1;
  last.reset();
  for (const FactRecord& f : facts) {
    insert_fact(result.document_id, next_id++, doc, f);
    ++result.facts_written;
  }
  return result;
}

}  // namespace policydb::detail
