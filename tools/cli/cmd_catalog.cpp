// The subcommands that list the reference data: regions, metrics.
//
// They read the catalog of the --db file (which includes analysts' own aliases);
// when that file does not exist they show the catalog built into policydb, so a
// new user can look up names before creating a database.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "policydb/database.h"
#include "policydb/error.h"
#include "policydb/fact.h"

#include "commands.h"

namespace policydb::cli {
namespace {

std::shared_ptr<const Catalog> catalog_for(const Context& ctx) {
  if (!std::filesystem::exists(ctx.db_path())) return Catalog::builtin();
  return ctx.open_for_reading().catalog();
}

// Regions under `parent`: a province's prefectures, an area's member provinces,
// the country's provinces.
bool is_child(const Region& region, const Region& parent) {
  if (parent.level == RegionLevel::area) {
    return std::find(parent.member_codes.begin(), parent.member_codes.end(), region.code) !=
           parent.member_codes.end();
  }
  if (parent.level == RegionLevel::country) return region.level == RegionLevel::province;
  return region.parent_code == parent.code;
}

int run_regions(Context& ctx) {
  std::optional<RegionLevel> level;
  if (auto text = ctx.args.value("level")) {
    level = parse_region_level(*text);
    if (!level) {
      throw UsageError(
          fmt::format("unknown --level {} (use country, area, province or prefecture)", *text));
    }
  }
  const auto catalog = catalog_for(ctx);
  const Region* parent = nullptr;
  if (auto name = ctx.args.value("parent")) parent = &catalog->region(*name);  // throws not_found
  Table table{{"code", "name", "short_name", "name_hant", "pinyin", "name_en", "level", "parent"},
              {}};
  for (const auto& r : catalog->regions()) {
    if (level && r.level != *level) continue;
    if (parent != nullptr && !is_child(r, *parent)) continue;
    table.rows.push_back({r.code, r.name, r.short_name, r.name_hant, r.pinyin, r.name_en,
                          std::string(to_string(r.level)), r.parent_code});
  }
  ctx.print(table);
  return kExitOk;
}

// Uncurated metrics (created from labels the catalog did not know) with the
// number of facts that use each, most used first: the catalog's to-do list.
int run_uncurated_metrics(Context& ctx) {
  Table table{{"code", "label", "measure", "unit", "facts"}, {}};
  if (std::filesystem::exists(ctx.db_path())) {
    auto db = ctx.open_for_reading();
    std::map<std::string, std::pair<Metric, std::size_t>> counts;
    db.facts().each([&](const Fact& f) {
      if (!f.metric->curated) {
        auto& slot = counts.try_emplace(f.metric->code, *f.metric, 0).first->second;
        ++slot.second;
      }
      return true;
    });
    std::vector<std::pair<Metric, std::size_t>> sorted;
    for (auto& [code, entry] : counts) sorted.push_back(entry);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (const auto& [m, n] : sorted) {
      table.rows.push_back(
          {m.code, m.name_zh, std::string(to_string(m.measure)), m.default_unit, n});
    }
  }
  ctx.print(table);
  return kExitOk;
}

int run_metrics(Context& ctx) {
  if (ctx.args.has("uncurated")) return run_uncurated_metrics(ctx);
  const auto catalog = catalog_for(ctx);
  Table table{{"code", "name_zh", "name_en", "measure", "unit", "direction"}, {}};
  for (const auto& m : catalog->metrics()) {
    if (!m.curated) continue;
    table.rows.push_back({m.code, m.name_zh, m.name_en, std::string(to_string(m.measure)),
                          m.default_unit, std::string(to_string(m.direction))});
  }
  ctx.print(table);
  return kExitOk;
}

}  // namespace

void add_catalog_commands(std::vector<Command>& commands) {
  commands.push_back(
      {{"regions",
        "List regions of the gazetteer with their codes and names",
        {{"level", "LEVEL", "only country, area, province or prefecture"},
         {"parent", "NAME", "only regions under NAME (a province's cities, an area's provinces)"},
         format_flag()},
        "",
        0,
        0,
        "NAME may be any name of a region: 河南, 河南省, 豫, 410000, Henan.\n"
        "Without a database file, the catalog built into policydb is listed."},
       run_regions});
  commands.push_back(
      {{"metrics",
        "List the metric catalog: codes, names, measure, unit, direction",
        {{"uncurated", "", "list metrics created from unseen labels, with their fact counts"},
         format_flag()},
        "",
        0,
        0,
        "Without a database file, the catalog built into policydb is listed."},
       run_metrics});
}

}  // namespace policydb::cli
