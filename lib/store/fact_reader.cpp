#include "store/fact_reader.h"

#include <variant>
#include <vector>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include "policydb/error.h"
#include "store/database_impl.h"
#include "store/reader_pool.h"
#include "store/sqlite_error.h"

namespace policydb::detail {
namespace {

constexpr const char* kColumns =
    "SELECT f.id, r.code, f.subregion, f.label, f.kind, f.measure, f.value, f.period,"
    " f.comparator, f.target_type, f.versus, f.quote, f.confidence,"
    " m.code, m.name_zh, m.name_en, m.measure, m.dimension, du.code, m.direction, m.curated,"
    " u.code, u.dimension, u.label_zh, u.to_base,"
    " d.id, d.source, d.sha256, d.published_on,"
    " r.name, r.short_name, r.level";

constexpr const char* kFrom =
    " FROM fact f JOIN region r ON r.id = f.region_id JOIN metric m ON m.id = f.metric_id"
    " LEFT JOIN unit du ON du.id = m.default_unit_id JOIN unit u ON u.id = f.unit_id"
    " JOIN document d ON d.id = f.document_id";

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
  if (region.level == RegionLevel::prefecture) {
    std::string sub = "f.subregion = ? OR f.subregion = ?";
    if (include) sub += " OR f.subregion LIKE ? ESCAPE '\\'";
    w.add(fmt::format("f.region_id = {} OR (f.region_id = {} AND ({}))", kRegionId, kRegionId, sub),
          {region.code, region.parent_code, region.short_name, region.name});
    if (include) w.params.push_back(like_pattern(region.short_name).substr(1));
    return;
  }
  if (include) {
    // The region itself, its prefectures, and the members of an area.
    w.add(fmt::format(
              "f.region_id = {0} OR f.region_id IN (SELECT id FROM region WHERE parent_id = {0})"
              " OR f.region_id IN (SELECT member_id FROM region_member WHERE area_id = {0})",
              kRegionId),
          {});
    w.params.insert(w.params.end(), {region.code, region.code, region.code});
  } else {
    w.add(fmt::format("f.region_id = {}", kRegionId), {region.code});
    if (!f.subregion) w.add("f.subregion IS NULL", {});
  }
}

void add_metric(const Catalog& catalog, const ReadSpec& spec, Where& w) {
  if (spec.metric_code) w.add("m.code = ?", {*spec.metric_code});
  if (!spec.filter.metric) return;
  const std::string& text = *spec.filter.metric;
  if (const Metric* m = catalog.find_metric(text)) {
    w.add("m.code = ?", {m->code});
  } else {
    const std::string pattern = like_pattern(text);
    w.add("f.label LIKE ? ESCAPE '\\' OR m.name_zh LIKE ? ESCAPE '\\' OR m.code = ?",
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
    w.add("f.subregion IS NULL", {});
  }
  add_metric(catalog, spec, w);
  if (f.kind) w.add("f.kind = ?", {std::string(to_string(*f.kind))});
  if (f.measure) w.add("f.measure = ?", {std::string(to_string(*f.measure))});
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

void bind_all(SQLite::Statement& q, const std::vector<Param>& params) {
  int i = 0;
  for (const auto& p : params) {
    ++i;
    if (const auto* s = std::get_if<std::string>(&p)) {
      q.bind(i, *s);
    } else {
      q.bind(i, static_cast<int64_t>(std::get<std::int64_t>(p)));
    }
  }
}

std::string text(const SQLite::Statement& q, int c) {
  return q.getColumn(c).isNull() ? std::string() : q.getColumn(c).getString();
}
std::optional<std::string> opt_text(const SQLite::Statement& q, int c) {
  if (q.getColumn(c).isNull()) return std::nullopt;
  return q.getColumn(c).getString();
}

Region region_of(const Catalog& catalog, const SQLite::Statement& q) {
  if (const Region* r = catalog.region_by_code(text(q, 1))) return *r;
  Region r;  // stored after the catalog snapshot was taken: what the row says
  r.code = text(q, 1);
  r.name = text(q, 29);
  r.short_name = text(q, 30);
  r.level = parse_region_level(text(q, 31)).value_or(RegionLevel::province);
  return r;
}

Fact fact_of(const Catalog& catalog, const SQLite::Statement& q) {
  Fact f;
  f.id = q.getColumn(0).getInt64();
  f.region = region_of(catalog, q);
  f.subregion = text(q, 2);
  f.label = text(q, 3);
  f.kind = parse_kind(text(q, 4)).value_or(Kind::actual);
  f.measure = parse_measure(text(q, 5)).value_or(Measure::level);
  f.value = q.getColumn(6).getDouble();
  f.period = Period::parse(text(q, 7)).value_or(Period());
  f.comparator = parse_comparator(text(q, 8)).value_or(Comparator::eq);
  f.target_type = opt_text(q, 9);
  f.versus = opt_text(q, 10);
  f.quote = text(q, 11);
  if (!q.getColumn(12).isNull()) f.confidence = q.getColumn(12).getDouble();
  f.metric = {text(q, 13), text(q, 14), text(q, 15),
              parse_measure(text(q, 16)).value_or(Measure::level), text(q, 17), text(q, 18),
              text(q, 19) == "lower" ? Direction::lower_is_better : Direction::higher_is_better,
              q.getColumn(20).getInt() != 0};
  f.unit = {text(q, 21), text(q, 22), text(q, 23), q.getColumn(24).getDouble()};
  f.document.id = q.getColumn(25).getInt64();
  f.document.source = text(q, 26);
  f.document.sha256 = text(q, 27);
  if (auto d = opt_text(q, 28)) f.document.published = Date::parse(*d);
  return f;
}

std::string order_by(const ReadSpec& spec) {
  if (spec.order_by_id) return " ORDER BY f.id";
  if (spec.newest_first) {
    return " ORDER BY f.period_end DESC, d.published_on IS NULL, d.published_on DESC, f.id DESC";
  }
  return " ORDER BY f.period_end, r.id, m.id, f.id";
}

}  // namespace

void read_facts(const Database& db, const ReadSpec& spec,
                const std::function<bool(const Fact&)>& row) {
  const auto catalog = db.catalog();  // before the lease: catalog() may use the writer
  const Where where = build_where(*catalog, spec);
  auto lease = reader_pool(db.impl_for_internal_use()).acquire();
  try {
    SQLite::Statement q(lease.db(), std::string(kColumns) + kFrom + where.sql() + order_by(spec));
    bind_all(q, where.params);
    while (q.executeStep()) {
      if (!row(fact_of(*catalog, q))) break;
    }
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, "reading facts");
  }
}

std::size_t count_facts(const Database& db, const ReadSpec& spec) {
  const auto catalog = db.catalog();
  const Where where = build_where(*catalog, spec);
  auto lease = reader_pool(db.impl_for_internal_use()).acquire();
  try {
    SQLite::Statement q(lease.db(), std::string("SELECT count(*)") + kFrom + where.sql());
    bind_all(q, where.params);
    q.executeStep();
    return static_cast<std::size_t>(q.getColumn(0).getInt64());
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, "counting facts");
  }
}

}  // namespace policydb::detail
