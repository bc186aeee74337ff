// policydb/catalog.h: the reference data that turns text into normalized rows —
// regions (GB/T 2260 gazetteer plus multi-province areas), units and the curated
// metric catalog — with lookups by any name.
//
// The data lives under schema/ and is loaded by migrations; the same data is
// compiled into the library, so Catalog::builtin() needs no database file.
//
//   auto catalog = policydb::Catalog::builtin();
//   const policydb::Region& henan = catalog->region("豫");   // also 河南, 河南省, 410000, Henan
//   henan.short_name;                                        // "河南"
//   catalog->find_metric("累计开通5G基站")->code;             // "5g_base_stations"
//
// Thread-safety: a Catalog is immutable after construction; share it freely.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "policydb/export.h"
#include "policydb/vocabulary.h"

namespace policydb {

struct Region {
  std::string code;         // GB/T 2260 six digits; "000000" for 全国; "area:<id>" for areas
  std::string name;         // full simplified name: 河南省, 郑州市, 全国, 长江三角洲
  std::string short_name;   // the FORMAT.md name: 河南, 郑州, 内蒙古, 全国, 长三角
  std::string name_hant;    // traditional script: 河南省
  std::string pinyin;       // Henan
  std::string name_en;      // Henan Province
  std::string abbreviation; // one character (豫); resolves user input only, never running text
  RegionLevel level = RegionLevel::province;
  std::string parent_code;  // province of a prefecture; empty otherwise
  std::vector<std::string> member_codes;  // provinces of an area
};

struct Unit {
  std::string code;       // CNY, %, pp, 个, PB, Gbps, km2 ...
  std::string dimension;  // currency, ratio, count, data, bandwidth, compute, area, ...
  std::string label_zh;   // 元, 个百分点 ...
  double to_base = 1;     // factor to the dimension's base unit (TB → PB: 0.001)
};

struct Metric {
  std::string code;        // snake_case: 5g_base_stations
  std::string name_zh;     // 5G基站数
  std::string name_en;     // 5G base stations
  Measure measure = Measure::level;  // the measure of the level/ratio the metric names
  std::string dimension;   // of its default unit
  std::string default_unit;
  Direction direction = Direction::higher_is_better;
  bool curated = true;     // false: created from an unseen label, awaiting curation
};

// One name of a region as it may appear in text or user input.
struct RegionName {
  std::string text;
  std::string region_code;
  bool in_running_text = true;  // false for one-character abbreviations and codes
};

// Everything a Catalog is built from. Filled by the store from a database (which
// adds analysts' own aliases) or from the compiled-in schema.
struct CatalogData {
  std::vector<Region> regions;
  std::vector<RegionName> region_names;  // extra names beyond those derivable from Region
  std::vector<Unit> units;
  std::vector<std::pair<std::string, std::string>> unit_surfaces;  // 个百分点 → pp
  std::vector<Metric> metrics;
  std::vector<std::pair<std::string, std::string>> metric_aliases;  // alias → metric code
};

class POLICYDB_EXPORT Catalog {
 public:
  explicit Catalog(CatalogData data);

  // The catalog compiled into this library (schema/ at build time). Built once,
  // on first use, by applying the migrations to an in-memory database.
  // Throws Error(database) only if the compiled-in schema is broken.
  static std::shared_ptr<const Catalog> builtin();

  // Region by any name: full or short name in either script, GB/T code, pinyin,
  // English name, one-character abbreviation. Whitespace and case are ignored for
  // Latin names. find_region returns nullptr when nothing matches; region()
  // throws Error(not_found) whose message suggests close matches.
  const Region* find_region(std::string_view name) const;
  const Region& region(std::string_view name) const;
  const Region* region_by_code(std::string_view code) const;
  const std::vector<Region>& regions() const { return data_.regions; }
  // Every name usable to spot a region in running text (no abbreviations, no
  // codes), longest first, for gazetteer matching.
  const std::vector<RegionName>& running_text_names() const { return running_names_; }

  const Unit* find_unit(std::string_view code) const;
  const std::vector<Unit>& units() const { return data_.units; }
  // Unit surfaces as written in text (个百分点, 平方公里, T), longest first.
  const std::vector<std::pair<std::string, std::string>>& unit_surfaces() const {
    return data_.unit_surfaces;
  }

  // Metric by code, or by a label normalized by the metric resolver (scope words,
  // counters and verbs removed; see resolve_metric_label). nullptr when unknown.
  const Metric* find_metric(std::string_view code_or_label) const;
  const Metric& metric(std::string_view code_or_label) const;  // throws not_found
  const std::vector<Metric>& metrics() const { return data_.metrics; }

  // Up to `limit` names closest to `text` (for "did you mean" messages).
  std::vector<std::string> suggest_regions(std::string_view text, std::size_t limit = 3) const;
  std::vector<std::string> suggest_metrics(std::string_view text, std::size_t limit = 3) const;

 private:
  CatalogData data_;
  std::unordered_map<std::string, std::size_t> region_index_;  // folded name → regions index
  std::unordered_map<std::string, std::size_t> region_code_index_;
  std::vector<RegionName> running_names_;
  std::unordered_map<std::string, std::size_t> unit_index_;
  std::unordered_map<std::string, std::size_t> metric_index_;  // code and normalized aliases
};

// The metric resolver's normalizer: the key under which a metric label is looked
// up. Removes scope words (累计, 全省), counters (总数, 数量, 总量), carrying verbs
// (开通, 建成) and punctuation, and folds traditional script, so 5G基站总数,
// 累计开通5G基站 and 5G基站 share one key. Used by load_jsonl, the extractor and
// user lookups alike.
POLICYDB_EXPORT std::string normalize_metric_label(std::string_view label);

}  // namespace policydb
