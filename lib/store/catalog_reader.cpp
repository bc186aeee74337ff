#include "store/catalog_reader.h"

#include <algorithm>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "policydb/error.h"
#include "store/migrate.h"
#include "store/sqlite_error.h"

namespace policydb::detail {
namespace {

std::string text(const SQLite::Statement& q, int column) {
  return q.getColumn(column).isNull() ? std::string() : q.getColumn(column).getString();
}

void read_regions(SQLite::Database& db, CatalogData& data) {
  SQLite::Statement q(db,
      "SELECT r.code, r.name, r.short_name, r.name_hant, r.pinyin, r.name_en, r.abbreviation,"
      " r.level, p.code FROM region r LEFT JOIN region p ON p.id = r.parent_id ORDER BY r.id");
  while (q.executeStep()) {
    Region r;
    r.code = text(q, 0);
    r.name = text(q, 1);
    r.short_name = text(q, 2);
    r.name_hant = text(q, 3);
    r.pinyin = text(q, 4);
    r.name_en = text(q, 5);
    r.abbreviation = text(q, 6);
    r.level = parse_region_level(text(q, 7)).value_or(RegionLevel::province);
    r.parent_code = text(q, 8);
    data.regions.push_back(std::move(r));
  }
  SQLite::Statement members(db,
      "SELECT a.code, m.code FROM region_member x JOIN region a ON a.id = x.area_id"
      " JOIN region m ON m.id = x.member_id ORDER BY a.id, m.id");
  while (members.executeStep()) {
    const std::string area = text(members, 0);
    auto it = std::find_if(data.regions.begin(), data.regions.end(),
                           [&](const Region& r) { return r.code == area; });
    if (it != data.regions.end()) it->member_codes.push_back(text(members, 1));
  }
  SQLite::Statement aliases(db,
      "SELECT a.alias, r.code, a.in_running_text FROM region_alias a"
      " JOIN region r ON r.id = a.region_id ORDER BY r.id, a.alias");
  while (aliases.executeStep()) {
    data.region_names.push_back(
        {text(aliases, 0), text(aliases, 1), aliases.getColumn(2).getInt() != 0});
  }
}

void read_units(SQLite::Database& db, CatalogData& data) {
  SQLite::Statement q(db, "SELECT code, dimension, label_zh, to_base FROM unit ORDER BY id");
  while (q.executeStep()) {
    data.units.push_back({text(q, 0), text(q, 1), text(q, 2), q.getColumn(3).getDouble()});
  }
  // Longest surface first, so a scanner can take the first match.
  SQLite::Statement s(db,
      "SELECT s.surface, u.code FROM unit_surface s JOIN unit u ON u.id = s.unit_id"
      " ORDER BY length(s.surface) DESC, s.surface");
  while (s.executeStep()) data.unit_surfaces.emplace_back(text(s, 0), text(s, 1));
}

void read_metrics(SQLite::Database& db, CatalogData& data) {
  SQLite::Statement q(db,
      "SELECT m.code, m.name_zh, m.name_en, m.measure, m.dimension, u.code, m.direction,"
      " m.curated FROM metric m LEFT JOIN unit u ON u.id = m.default_unit_id ORDER BY m.id");
  while (q.executeStep()) {
    Metric m;
    m.code = text(q, 0);
    m.name_zh = text(q, 1);
    m.name_en = text(q, 2);
    m.measure = parse_measure(text(q, 3)).value_or(Measure::level);
    m.dimension = text(q, 4);
    m.default_unit = text(q, 5);
    m.direction = parse_direction(text(q, 6)).value_or(Direction::higher_is_better);
    m.curated = q.getColumn(7).getInt() != 0;
    data.metrics.push_back(std::move(m));
  }
  // User aliases after catalog ones, so an analyst's alias is seen last and wins
  // where a Catalog resolves conflicts by order.
  SQLite::Statement a(db,
      "SELECT a.alias, m.code FROM metric_alias a JOIN metric m ON m.id = a.metric_id"
      " ORDER BY a.source = 'user', m.id, a.alias");
  while (a.executeStep()) data.metric_aliases.emplace_back(text(a, 0), text(a, 1));
}

}  // namespace

CatalogData read_catalog_data(SQLite::Database& db) {
  CatalogData data;
  try {
    read_regions(db, data);
    read_units(db, data);
    read_metrics(db, data);
  } catch (const SQLite::Exception& e) {
    throw_sqlite_error(e, "reading the catalog");
  }
  return data;
}

}  // namespace policydb::detail

namespace policydb {

std::shared_ptr<const Catalog> Catalog::builtin() {
  // Built once per process from the compiled-in schema; immutable afterwards.
  static const std::shared_ptr<const Catalog> catalog = [] {
    try {
      SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec("PRAGMA foreign_keys = ON");
      const auto& migrations = detail::builtin_migrations();
      detail::apply_migrations(db, migrations, migrations.back().version);
      return std::make_shared<const Catalog>(detail::read_catalog_data(db));
    } catch (const SQLite::Exception& e) {
      detail::throw_sqlite_error(e, "building the compiled-in catalog");
    }
  }();
  return catalog;
}

}  // namespace policydb
