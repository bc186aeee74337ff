#include "numbers/unit_matcher.h"

#include <algorithm>

#include "numbers/utf8.h"
#include "policydb/catalog.h"

namespace policydb::numbers_detail {

UnitMatcher::UnitMatcher(const Catalog& catalog) {
  std::unordered_map<std::string, std::size_t> code_index;
  auto add = [&](const std::string& surface, const std::string& code) {
    const CodePoint first = decode_at(surface, 0);
    if (first.size == 0 || first.cp == kInvalid) return;
    auto [it, inserted] = code_index.emplace(code, codes_.size());
    if (inserted) codes_.push_back(code);
    auto& list = by_first_[first.cp];
    const bool known = std::any_of(list.begin(), list.end(),
                                   [&](const Entry& e) { return e.surface == surface; });
    if (!known) list.push_back({surface, it->second});
  };
  for (const auto& [surface, code] : catalog.unit_surfaces()) add(surface, code);
  // A unit's own label is always one of its surfaces (元 for CNY).
  for (const Unit& unit : catalog.units()) add(unit.label_zh, unit.code);
  for (auto& [cp, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
      return a.surface.size() > b.surface.size();
    });
  }
}

std::optional<UnitMatcher::Match> UnitMatcher::match(std::string_view text, std::size_t pos) const {
  const CodePoint first = decode_at(text, pos);
  if (first.size == 0) return std::nullopt;
  const auto it = by_first_.find(first.cp);
  if (it == by_first_.end()) return std::nullopt;
  for (const Entry& e : it->second) {
    if (!at(text, pos, e.surface)) continue;
    const auto last = static_cast<unsigned char>(e.surface.back());
    const bool latin_end = last < 0x80 && (is_ascii_letter(last) || is_ascii_digit(last));
    if (latin_end) {
      const char32_t next = decode_at(text, pos + e.surface.size()).cp;
      if (is_ascii_letter(next) || is_ascii_digit(next)) continue;
    }
    const bool single = e.surface.size() == 1 && is_ascii_letter(first.cp);
    return Match{e.surface.size(), &codes_[e.code_index], single};
  }
  return std::nullopt;
}

}  // namespace policydb::numbers_detail
