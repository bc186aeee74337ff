// Where and when a figure holds: region by clause, sentence, paragraph,
// section, home province; period by clause, sentence, paragraph, default.
//
// A city names a subregion only where it is the one place the clause (or, when
// the clause names no scope, the sentence) talks about: a list of cities
// (郑州、洛阳等9市) is an aggregate, and 全省/我省 widen the scope to the
// province.
#include <algorithm>
#include <set>

#include "extract/extractor_impl.h"
#include "extract/lexicon.h"

namespace policydb::extract_detail {
namespace {

const Region* province_of(const Catalog& catalog, const Region* r) {
  if (r && r->level == RegionLevel::prefecture) return catalog.region_by_code(r->parent_code);
  return r;
}

// Mentions whose start lies in [begin, end).
std::pair<std::size_t, std::size_t> mentions_in(const DocState& d, std::size_t begin, std::size_t end) {
  auto lo = std::lower_bound(d.mentions.begin(), d.mentions.end(), begin,
                             [](const RegionMention& m, std::size_t p) { return m.span.begin < p; });
  auto hi = std::lower_bound(lo, d.mentions.end(), end,
                             [](const RegionMention& m, std::size_t p) { return m.span.begin < p; });
  return {static_cast<std::size_t>(lo - d.mentions.begin()), static_cast<std::size_t>(hi - d.mentions.begin())};
}

// The mention nearest before `pos` in [begin, end), else the first after it.
const RegionMention* nearest(const DocState& d, std::size_t begin, std::size_t end, std::size_t pos) {
  // Binary searches, not a walk: a long paragraph would make this quadratic.
  auto [lo, hi] = mentions_in(d, begin, end);
  const std::size_t mid = std::clamp(mentions_in(d, pos, pos).first, lo, hi);
  if (mid > lo) return &d.mentions[mid - 1];
  return lo < hi ? &d.mentions[lo] : nullptr;
}

// The one city named in [begin, pos) with its zone suffix (郑州经开区), or
// empty when none, several, a list (郑州、洛阳) or examples (开封经开区等15个区域).
// With `subject_only`, only a city opening a clause counts (the sentence's subject).
std::string single_city(const DocState& d, std::size_t begin, std::size_t pos, bool subject_only) {
  auto [lo, hi] = mentions_in(d, begin, pos);
  std::set<std::string> cities;
  std::string name;
  for (std::size_t i = lo; i < hi; ++i) {
    const RegionMention& m = d.mentions[i];
    if (m.region->level != RegionLevel::prefecture) return {};
    std::size_t after = m.span.end;
    if (d.text.substr(after).starts_with("市")) after += 3;
    if (d.text.substr(after).starts_with("、")) return {};
    std::size_t zone = zone_suffixes().match_at(d.text, after);
    std::string_view between = d.text.substr(after + zone, pos - std::min(pos, after + zone));
    if (between.find("等") != std::string_view::npos) return {};
    if (subject_only && d.layout.clauses[d.layout.clause_at(m.span.begin)].span.begin != m.span.begin) continue;
    cities.insert(m.region->short_name);
    std::string here = m.region->short_name + std::string(d.text.substr(after, zone));
    if (name.empty() || here.size() > name.size()) name = here;
  }
  return cities.size() == 1 ? name : std::string();
}

// 北京、天津、河北三地…: the provinces listed before a figure, when they are
// exactly the members of an area, name that area.
const Region* listed_area(const DocState& d, const Catalog& catalog, std::size_t begin, std::size_t pos) {
  auto [lo, hi] = mentions_in(d, begin, pos);
  std::set<std::string> listed;
  for (std::size_t i = lo; i < hi; ++i) {
    if (d.mentions[i].region->level == RegionLevel::province) listed.insert(d.mentions[i].region->code);
  }
  if (listed.size() < 2) return nullptr;
  for (const Region& r : catalog.regions()) {
    if (r.level != RegionLevel::area) continue;
    std::set<std::string> members(r.member_codes.begin(), r.member_codes.end());
    if (members == listed) return &r;
  }
  return nullptr;
}

}  // namespace

Place attribute_place(const DocState& d, const Catalog& catalog, std::size_t pos, std::size_t clause,
                      bool national) {
  Place out;
  if (national) {
    out.region = catalog.find_region("全国");
    return out;
  }
  const Clause& c = d.layout.clauses[clause];
  const Sentence& s = d.layout.sentences[c.sentence];
  const Paragraph& p = d.layout.paragraphs[s.paragraph];
  std::string_view clause_text = d.text.substr(c.span.begin, c.span.end - c.span.begin);
  bool province_wide = province_scope().contains(clause_text);
  const RegionMention* m = nearest(d, c.span.begin, c.span.end, pos);
  // 我省, 本省: the publisher's own province, whatever else the sentence names.
  if (!m && d.home && own_province().contains(clause_text)) {
    out.region = d.home;
    return out;
  }
  if (!m) m = nearest(d, s.span.begin, s.span.end, pos);
  if (!m) m = nearest(d, p.span.begin, pos, pos);
  if (!m && d.multi_province) {
    std::size_t section_begin = d.layout.paragraphs[p.section].span.begin;
    m = nearest(d, section_begin, pos, pos);
  }
  out.region = m ? province_of(catalog, m->region) : d.home;
  if (const Region* area = listed_area(d, catalog, c.span.begin, pos)) {
    out.region = area;
    return out;
  }
  if (!province_wide) {
    out.subregion = single_city(d, c.span.begin, pos, false);
    auto [lo, hi] = mentions_in(d, c.span.begin, c.span.end);
    if (out.subregion.empty() && lo == hi) out.subregion = single_city(d, s.span.begin, pos, true);
  }
  if (!out.subregion.empty() && out.region && out.region->level != RegionLevel::province) {
    out.subregion.clear();
  }
  return out;
}

}  // namespace policydb::extract_detail
