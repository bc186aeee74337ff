// "Did you mean" suggestions for unknown region and metric names: a character
// and bigram Dice score against every name, best first. Only run on a miss, so a
// linear scan is fine.
#include <algorithm>
#include <map>

#include "policydb/catalog.h"

#include "catalog/text_fold.h"

namespace policydb {
namespace {

using catalog_internal::similarity;
using catalog_internal::to_code_points;

struct Scored {
  double score = 0;
  std::size_t order = 0;  // tie-break: the catalog's own order
  std::string label;
};

std::vector<std::string> best(std::map<std::string, Scored> by_label, std::size_t limit) {
  std::vector<Scored> all;
  for (auto& [label, s] : by_label) {
    if (s.score > 0) all.push_back(std::move(s));
  }
  std::sort(all.begin(), all.end(), [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.order < b.order;
  });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < all.size() && out.size() < limit; ++i) out.push_back(all[i].label);
  return out;
}

void consider(std::map<std::string, Scored>& by_label, const std::string& label, double score,
              std::size_t order) {
  auto& slot = by_label[label];
  if (slot.label.empty() || score > slot.score) slot = {score, order, label};
}

int region_level_order(RegionLevel level) { return level == RegionLevel::prefecture ? 1 : 0; }

}  // namespace

std::vector<std::string> Catalog::suggest_regions(std::string_view text, std::size_t limit) const {
  const std::u32string query = to_code_points(catalog_internal::region_key(text));
  std::map<std::string, Scored> by_label;
  for (std::size_t i = 0; i < data_.regions.size(); ++i) {
    const Region& r = data_.regions[i];
    // Provinces before cities on equal scores: they are what people mostly type.
    const std::size_t order = region_level_order(r.level) * data_.regions.size() + i;
    for (const std::string* name : {&r.name, &r.short_name, &r.pinyin}) {
      if (name->empty()) continue;
      const double score = similarity(query, to_code_points(catalog_internal::region_key(*name)));
      consider(by_label, r.short_name, score, order);
    }
  }
  return best(std::move(by_label), limit);
}

std::vector<std::string> Catalog::suggest_metrics(std::string_view text, std::size_t limit) const {
  const std::u32string query = to_code_points(normalize_metric_label(text));
  std::map<std::string, std::size_t> index_of_code;
  for (std::size_t i = 0; i < data_.metrics.size(); ++i) index_of_code[data_.metrics[i].code] = i;
  std::map<std::string, Scored> by_label;
  auto score_name = [&](const std::string& name, std::size_t i) {
    const double score = similarity(query, to_code_points(normalize_metric_label(name)));
    consider(by_label, data_.metrics[i].name_zh, score, i);
  };
  for (std::size_t i = 0; i < data_.metrics.size(); ++i) score_name(data_.metrics[i].name_zh, i);
  for (const auto& [alias, code] : data_.metric_aliases) {
    if (auto it = index_of_code.find(code); it != index_of_code.end())
      score_name(alias, it->second);
  }
  return best(std::move(by_label), limit);
}

}  // namespace policydb
