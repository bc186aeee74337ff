// Catalog: indexes over the reference data, built once at construction.
//
// Invariants after construction:
//   - region_index_ maps the region_key() of every name of a region (derived from
//     its row, plus data.region_names) to that region. When two regions share a
//     name (the pinyin Jilin of 吉林省 and 吉林市), the higher level wins:
//     country, province, area, then prefecture; within a level, the first row.
//   - running_names_ holds every name usable in running text, longest first. A
//     name is left out when any entry for that (name, region) says
//     in_running_text = false: "not in running text" wins over the derived default.
//   - metric_index_ maps codes and normalize_metric_label() of names and aliases
//     to a metric. Names are indexed first, aliases after them in order, so a
//     later alias (an analyst's own) wins over an earlier one; codes win over all.
#include "policydb/catalog.h"

#include <algorithm>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "policydb/error.h"

#include "catalog/text_fold.h"

namespace policydb {
namespace {

using catalog_internal::region_key;
using catalog_internal::to_code_points;

int level_rank(RegionLevel level) {
  switch (level) {
    case RegionLevel::country:
      return 0;
    case RegionLevel::province:
      return 1;
    case RegionLevel::area:
      return 2;
    case RegionLevel::prefecture:
      return 3;
  }
  return 4;
}

// Names a region row carries itself, with whether they may be spotted in text.
std::vector<RegionName> derived_names(const Region& r) {
  std::vector<RegionName> out{{r.name, r.code, true},         {r.short_name, r.code, true},
                              {r.name_hant, r.code, true},    {r.code, r.code, false},
                              {r.pinyin, r.code, false},      {r.name_en, r.code, false},
                              {r.abbreviation, r.code, false}};
  std::erase_if(out, [](const RegionName& n) { return n.text.empty(); });
  return out;
}

bool has_latin_letter_or_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Regions by name (region_index_) and the running-text gazetteer.
void index_regions(const CatalogData& data,
                   const std::unordered_map<std::string, std::size_t>& by_code,
                   std::unordered_map<std::string, std::size_t>& index,
                   std::vector<RegionName>& running_names) {
  std::vector<RegionName> names;
  for (const auto& r : data.regions) {
    auto derived = derived_names(r);
    names.insert(names.end(), derived.begin(), derived.end());
  }
  names.insert(names.end(), data.region_names.begin(), data.region_names.end());
  std::set<std::pair<std::string, std::string>> not_running;
  for (const auto& n : names) {
    if (!n.in_running_text) not_running.emplace(n.text, n.region_code);
  }
  std::set<std::pair<std::string, std::string>> running;
  for (const auto& n : names) {
    auto it = by_code.find(n.region_code);
    if (it == by_code.end() || n.text.empty()) continue;
    auto [slot, inserted] = index.emplace(region_key(n.text), it->second);
    if (!inserted &&
        level_rank(data.regions[it->second].level) < level_rank(data.regions[slot->second].level)) {
      slot->second = it->second;
    }
    if (n.in_running_text && !not_running.contains({n.text, n.region_code}) &&
        !has_latin_letter_or_digit(n.text)) {
      running.emplace(n.text, n.region_code);
    }
  }
  // Longest names first, so the gazetteer prefers 张家口市 over 张家口. Lengths
  // are counted once: decoding inside the comparator made this sort the
  // costliest step of opening a database.
  std::vector<std::pair<std::size_t, RegionName>> by_length;
  by_length.reserve(running.size());
  for (const auto& [text, code] : running) {
    by_length.push_back({to_code_points(text).size(), RegionName{text, code, true}});
  }
  std::stable_sort(by_length.begin(), by_length.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  running_names.reserve(running_names.size() + by_length.size());
  for (auto& entry : by_length) running_names.push_back(std::move(entry.second));
}

void index_metrics(const CatalogData& data, std::unordered_map<std::string, std::size_t>& index) {
  std::unordered_map<std::string, std::size_t> by_code;
  for (std::size_t i = 0; i < data.metrics.size(); ++i) {
    by_code.emplace(data.metrics[i].code, i);
    index.emplace(normalize_metric_label(data.metrics[i].name_zh), i);
  }
  for (const auto& [alias, code] : data.metric_aliases) {
    auto it = by_code.find(code);
    if (it != by_code.end()) index[normalize_metric_label(alias)] = it->second;
  }
  for (const auto& [code, i] : by_code) index[code] = i;
}

}  // namespace

Catalog::Catalog(CatalogData data) : data_(std::move(data)) {
  for (std::size_t i = 0; i < data_.regions.size(); ++i) {
    region_code_index_.emplace(data_.regions[i].code, i);
  }
  index_regions(data_, region_code_index_, region_index_, running_names_);
  for (std::size_t i = 0; i < data_.units.size(); ++i) unit_index_.emplace(data_.units[i].code, i);
  index_metrics(data_, metric_index_);
}

const Region* Catalog::find_region(std::string_view name) const {
  auto it = region_index_.find(region_key(name));
  if (it == region_index_.end()) {
    // Traditional script beyond the listed names (臺灣省 written 台灣省 ...).
    const std::string simplified = catalog_internal::to_utf8(
        catalog_internal::fold_traditional(to_code_points(region_key(name))));
    it = region_index_.find(simplified);
  }
  return it == region_index_.end() ? nullptr : &data_.regions[it->second];
}

const Region& Catalog::region(std::string_view name) const {
  if (const Region* r = find_region(name)) return *r;
  const auto close = suggest_regions(name);
  throw Error(ErrorCode::not_found,
              close.empty()
                  ? fmt::format("unknown region \"{}\"", name)
                  : fmt::format("unknown region \"{}\"; did you mean {}?", name, join(close)));
}

const Region* Catalog::region_by_code(std::string_view code) const {
  auto it = region_code_index_.find(std::string(code));
  return it == region_code_index_.end() ? nullptr : &data_.regions[it->second];
}

const Unit* Catalog::find_unit(std::string_view code) const {
  auto it = unit_index_.find(std::string(code));
  return it == unit_index_.end() ? nullptr : &data_.units[it->second];
}

const Metric* Catalog::find_metric(std::string_view code_or_label) const {
  auto it = metric_index_.find(std::string(code_or_label));
  if (it == metric_index_.end()) it = metric_index_.find(normalize_metric_label(code_or_label));
  return it == metric_index_.end() ? nullptr : &data_.metrics[it->second];
}

const Metric& Catalog::metric(std::string_view code_or_label) const {
  if (const Metric* m = find_metric(code_or_label)) return *m;
  const auto close = suggest_metrics(code_or_label);
  throw Error(ErrorCode::not_found, close.empty()
                                        ? fmt::format("unknown metric \"{}\"", code_or_label)
                                        : fmt::format("unknown metric \"{}\"; did you mean {}?",
                                                      code_or_label, join(close)));
}

}  // namespace policydb
