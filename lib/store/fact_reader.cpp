#include "store/fact_reader.h"

#include <string_view>
#include <variant>
#include <vector>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include "policydb/error.h"
#include "store/database_impl.h"
#include "store/reader_pool.h"
#include "store/sqlite_error.h"

namespace policydb::detail {
namespace {

// The fact row and its document. The region, metric and unit come from
// ReferenceCache by id: a read names only a few of each, and joining their
// tables for every row made SQLite spend half as long again on a series
// (1,000 facts of 10 M: 3.3 ms at p50 with the joins, 2.1 ms without). The
// document stays joined: most facts of a series come from different documents.
constexpr const char* kColumns =
    "SELECT f.id, f.region_id, f.subregion, f.label, f.kind, f.measure, f.value, f.period,"
    " f.comparator, f.target_type, f.versus, f.quote, f.confidence, f.metric_id, f.unit_id, f.document_id,"
    " d.source, d.sha256, d.published_on, f.period_end";

// The FROM clause of a read. The targets of a region are a few among its
// facts, which the primary key (schema/0009) orders by region first: without
// statistics SQLite would walk all of them by that key rather than take the
// partial index that holds only targets, so reads of a region's targets name
// that index. Their WHERE always says kind = 'target', so it applies.
std::string from(const ReadSpec& spec) {
  const bool region_targets = spec.filter.kind == Kind::target && (spec.region_code || spec.filter.region);
  return region_targets ? " FROM fact f INDEXED BY fact_target JOIN document d ON d.id = f.document_id"
                        : " FROM fact f JOIN document d ON d.id = f.document_id";
}

constexpr const char* kRegionById = "SELECT code, name, short_name, level FROM region WHERE id = ?";
constexpr const char* kMetricById =
    "SELECT m.code, m.name_zh, m.name_en, m.measure, m.dimension, du.code, m.direction, m.curated"
    " FROM metric m LEFT JOIN unit du ON du.id = m.default_unit_id WHERE m.id = ?";
constexpr const char* kUnitById = "SELECT code, dimension, label_zh, to_base FROM unit WHERE id = ?";

using Param = std::variant<std::string, std::int64_t>;

std::int64_t day_key(const Date& d) { return d.year * 10000LL + d.month * 100 + d.day; }

// Escapes LIKE wildcards so a label substring matches literally.
std::string like_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

struct Where {
  std::vector<std::string> clauses;
  std::vector<Param> params;

  void add(std::string clause) { clauses.push_back(std::move(clause)); }
  void add(std::string clause, std::initializer_list<Param> values) {
    clauses.push_back(std::move(clause));
    params.insert(params.end(), values);
  }
  std::string sql() const {
    if (clauses.empty()) return "";
    std::string out = " WHERE ";
    for (std::size_t i = 0; i < clauses.size(); ++i) {
      out += (i ? " AND (" : "(") + clauses[i] + ")";
    }
    return out;
  }
};

constexpr const char* kRegionId = "(SELECT id FROM region WHERE code = ?)";

void add_region(const Catalog& catalog, const ReadSpec& spec, Where& w) {
  const FactFilter& f = spec.filter;
  if (spec.region_code) {
    w.add(fmt::format("f.region_id = {}", kRegionId), {*spec.region_code});
  }
  if (!f.region) return;
  const Region& region = catalog.region(*f.region);  // throws not_found with suggestions
  const bool include = f.subregions == Subregions::include;
  // Each form below names the candidate regions in one `region_id IN (…)` or
  // `=` term: SQLite then searches the primary key or fact_target once per
  // region, where an OR of region terms would make it scan (schema/0009).
  if (region.level == RegionLevel::prefecture) {
    std::string sub = "f.subregion = ? OR f.subregion = ?";
    if (include) sub += " OR f.subregion LIKE ? ESCAPE '\\'";
    w.add(fmt::format("f.region_id IN ({0}, {0})", kRegionId), {region.code, region.parent_code});
    w.add(fmt::format("f.region_id = {} OR ({})", kRegionId, sub),
          {region.code, region.short_name, region.name});
    if (include) w.params.emplace_back(std::in_place_type<std::string>, like_pattern(region.short_name).substr(1));
    return;
  }
  if (include) {
    // The region itself, its prefectures, and the members of an area.
    w.add(fmt::format(
              "f.region_id IN (SELECT id FROM region WHERE code = ?"
              " UNION ALL SELECT id FROM region WHERE parent_id = {0}"
              " UNION ALL SELECT member_id FROM region_member WHERE area_id = {0})",
              kRegionId),
          {region.code, region.code, region.code});
  } else {
    w.add(fmt::format("f.region_id = {}", kRegionId), {region.code});
    if (!f.subregion) w.add("f.subregion IS NULL");
  }
}

void add_metric(const Catalog& catalog, const ReadSpec& spec, Where& w) {
  constexpr const char* kMetricIs = "f.metric_id = (SELECT id FROM metric WHERE code = ?)";
  if (spec.metric_code) w.add(kMetricIs, {*spec.metric_code});
  if (!spec.filter.metric) return;
  const std::string& text = *spec.filter.metric;
  if (const Metric* m = catalog.find_metric(text)) {
    w.add(kMetricIs, {m->code});
  } else {
    const std::string pattern = like_pattern(text);
    w.add("f.label LIKE ? ESCAPE '\\'"
          " OR f.metric_id IN (SELECT id FROM metric WHERE name_zh LIKE ? ESCAPE '\\' OR code = ?)",
          {pattern, pattern, text});
  }
}

Where build_where(const Catalog& catalog, const ReadSpec& spec) {
  Where w;
  const FactFilter& f = spec.filter;
  add_region(catalog, spec, w);
  if (f.subregion) {
    w.add("f.subregion = ?", {*f.subregion});
  } else if (spec.exact_subregion) {
    w.add("f.subregion IS NULL");
  }
  add_metric(catalog, spec, w);
  // Enum values are written into the SQL, not bound: the planner can then use
  // the partial index on targets (schema/0006), and they come from a closed set.
  if (f.kind) w.add(fmt::format("f.kind = '{}'", to_string(*f.kind)));
  if (f.measure) w.add(fmt::format("f.measure = '{}'", to_string(*f.measure)));
  if (f.period) {
    w.add("f.period_end = ? AND f.period_start = ?", {day_key(f.period->end()), day_key(f.period->start())});
  }
  if (f.overlaps) {
    w.add("f.period_start <= ? AND f.period_end >= ?",
          {day_key(f.overlaps->end()), day_key(f.overlaps->start())});
  }
  if (f.ends_from) w.add("f.period_end >= ?", {day_key(*f.ends_from)});
  if (f.ends_to) w.add("f.period_end <= ?", {day_key(*f.ends_to)});
  if (f.as_of) w.add("f.period_start <= ? AND f.period_end >= ?", {day_key(*f.as_of), day_key(*f.as_of)});
  if (f.document) w.add("d.source = ? OR d.sha256 = ?", {*f.document, *f.document});
  return w;
}

void bind_all(Statement& q, const std::vector<Param>& params) {
  int i = 0;
  for (const auto& p : params) {
    ++i;
    if (const auto* s = std::get_if<std::string>(&p)) {
      q.bind(i, std::string_view(*s));
    } else {
      q.bind(i, std::get<std::int64_t>(p));
    }
  }
}

std::optional<std::string> optional_text(const Statement& q, int c) {
  if (q.is_null(c)) return std::nullopt;
  return std::string(q.text(c));
}

// The row's document, built in place: most facts of a series come from
// different documents, and copying a remembered one costs the same
// allocations as reading it from the row.
void read_document(const Statement& q, DocumentRef& d) {
  d.id = q.int64(15);
  d.source = std::string(q.text(16));
  d.sha256 = std::string(q.text(17));
  d.published.reset();
  if (!q.is_null(18)) d.published = Date::parse(q.text(18));
}

// Fills a fresh `f` from a row of kColumns; false when the row names a region,
// metric or unit that does not exist (a damaged file), which the joins of
// earlier versions left out too.
bool fact_of(const Statement& q, ReferenceCache& references, ReadLease& lease, Fact& f) {
  const auto* region = references.region(lease, q.int64(1));
  const auto* metric = references.metric(lease, q.int64(13));
  const auto* unit = references.unit(lease, q.int64(14));
  if (region == nullptr || metric == nullptr || unit == nullptr) return false;
  f.id = q.int64(0);
  f.region = *region;
  f.subregion = std::string(q.text(2));
  f.label = std::string(q.text(3));
  f.kind = parse_kind(q.text(4)).value_or(Kind::actual);
  f.measure = parse_measure(q.text(5)).value_or(Measure::level);
  f.value = q.real(6);
  f.period = Period::parse(q.text(7)).value_or(Period());
  f.comparator = parse_comparator(q.text(8)).value_or(Comparator::eq);
  f.target_type = optional_text(q, 9);
  f.versus = optional_text(q, 10);
  f.quote = std::string(q.text(11));
  if (!q.is_null(12)) f.confidence = q.real(12);
  f.metric = *metric;
  f.unit = *unit;
  read_document(q, f.document);
  return true;
}

std::string order_by(const ReadSpec& spec) {
  if (spec.order_by_id) return " ORDER BY f.id";
  if (spec.newest_first) {
    return " ORDER BY f.period_end DESC, d.published_on IS NULL, d.published_on DESC, f.id DESC";
  }
  return " ORDER BY f.period_end, f.region_id, f.metric_id, f.id";
}

}  // namespace

void ReferenceCache::clear() {
  regions_.clear();
  metrics_.clear();
  units_.clear();
}

namespace {

// The cached value of `id`, or the one `build` makes from the row `sql` finds
// for it (kept); null when there is no such row.
template <typename T, typename Build>
const std::shared_ptr<const T>* cached(std::unordered_map<std::int64_t, std::shared_ptr<const T>>& cache,
                                       ReadLease& lease, const char* sql, std::int64_t id, Build build) {
  if (auto it = cache.find(id); it != cache.end()) return &it->second;
  auto q = lease.prepare(sql);
  q->bind(1, id);
  if (!q->step()) return nullptr;
  return &cache.emplace(id, build(*q)).first->second;
}

}  // namespace

const std::shared_ptr<const Region>* ReferenceCache::region(ReadLease& lease, std::int64_t id) {
  return cached(regions_, lease, kRegionById, id, [&](const Statement& q) -> std::shared_ptr<const Region> {
    if (const Region* known = catalog_->region_by_code(q.text(0))) {
      return std::shared_ptr<const Region>(catalog_, known);  // owns the catalog, points at its record
    }
    auto region = std::make_shared<Region>();  // stored after the catalog snapshot was taken: what the row says
    region->code = std::string(q.text(0));
    region->name = std::string(q.text(1));
    region->short_name = std::string(q.text(2));
    region->level = parse_region_level(q.text(3)).value_or(RegionLevel::province);
    return region;
  });
}

const std::shared_ptr<const Metric>* ReferenceCache::metric(ReadLease& lease, std::int64_t id) {
  return cached(metrics_, lease, kMetricById, id, [](const Statement& q) {
    return std::make_shared<const Metric>(
        Metric{std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2)),
               parse_measure(q.text(3)).value_or(Measure::level), std::string(q.text(4)), std::string(q.text(5)),
               q.text(6) == "lower" ? Direction::lower_is_better : Direction::higher_is_better, q.int64(7) != 0});
  });
}

const std::shared_ptr<const Unit>* ReferenceCache::unit(ReadLease& lease, std::int64_t id) {
  return cached(units_, lease, kUnitById, id, [](const Statement& q) {
    return std::make_shared<const Unit>(
        Unit{std::string(q.text(0)), std::string(q.text(1)), std::string(q.text(2)), q.real(3)});
  });
}

FactReader::FactReader(const Database& db, bool snapshot)
    : catalog_(db.catalog()),  // before the lease: catalog() may use the writer
      lease_(reader_pool(db.impl_for_internal_use()).acquire()),
      references_(catalog_) {
  // An in-memory database's lease is the writer's connection, held under the
  // write mutex: nothing can change it meanwhile, and an enclosing read may
  // already have a transaction open on it.
  if (!snapshot || lease_.shares_writer()) return;
  try {
    lease_.db().exec("BEGIN");
    in_transaction_ = true;
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, "starting a read");
  }
}

FactReader::~FactReader() {
  if (!in_transaction_) return;
  try {
    lease_.db().exec("COMMIT");  // a read transaction: ends the snapshot
  } catch (const SQLite::Exception&) {
    // Nothing was written; the pooled connection's next BEGIN would fail
    // loudly if the transaction were somehow still open.
  }
}

namespace {

std::string select_sql(const ReadSpec& spec, const Where& where) {
  return std::string(kColumns) + from(spec) + where.sql() + order_by(spec);
}

}  // namespace

std::string read_sql(const Catalog& catalog, const ReadSpec& spec) {
  return select_sql(spec, build_where(catalog, spec));
}

void FactReader::read(const ReadSpec& spec, const std::function<bool(Fact&)>& row) {
  read_keyed(spec, [&](Fact& fact, const FactKey&) { return row(fact); });
}

void FactReader::read_keyed(const ReadSpec& spec, const std::function<bool(Fact&, const FactKey&)>& row) {
  const Where where = build_where(*catalog_, spec);
  // Without a snapshot another read may see renamed or curated rows.
  if (!in_transaction_) references_.clear();
  try {
    auto q = lease_.prepare(select_sql(spec, where));
    bind_all(*q, where.params);
    while (q->step()) {
      Fact fact;
      if (!fact_of(*q, references_, lease_, fact)) continue;
      if (!row(fact, FactKey{q->int64(1), q->int64(13), q->int64(19), fact.id})) break;
    }
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, "reading facts");
  }
}

std::optional<Fact> FactReader::by_id(std::int64_t id) {
  return one_fact(" WHERE f.id = ?", {id});
}

std::optional<Fact> FactReader::by_key(const FactKey& key) {
  return one_fact(" WHERE f.region_id = ? AND f.metric_id = ? AND f.period_end = ? AND f.id = ?",
                  {key.region_id, key.metric_id, key.period_end, key.id});
}

std::optional<Fact> FactReader::one_fact(const char* where, std::initializer_list<std::int64_t> values) {
  try {
    if (!in_transaction_) references_.clear();
    auto q = lease_.prepare(std::string(kColumns) + from(ReadSpec()) + where);
    int i = 0;
    for (const std::int64_t v : values) q->bind(++i, v);
    if (!q->step()) return std::nullopt;
    Fact fact;
    if (!fact_of(*q, references_, lease_, fact)) return std::nullopt;
    return fact;
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, "reading a fact");
  }
}

std::size_t FactReader::count(const ReadSpec& spec) {
  const Where where = build_where(*catalog_, spec);
  try {
    auto q = lease_.prepare(std::string("SELECT count(*)") + from(spec) + where.sql());
    bind_all(*q, where.params);
    q->step();
    return static_cast<std::size_t>(q->int64(0));
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, "counting facts");
  }
}

void read_facts(const Database& db, const ReadSpec& spec,
                const std::function<bool(Fact&)>& row) {
  FactReader(db).read(spec, row);
}

std::size_t count_facts(const Database& db, const ReadSpec& spec) { return FactReader(db).count(spec); }

}  // namespace policydb::detail
