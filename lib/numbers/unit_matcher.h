// Longest-match lookup of unit surfaces (个百分点, 平方公里, 台(套), Gbps) taken
// from the catalog's unit table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace policydb {
class Catalog;
}

namespace policydb::numbers_detail {

class UnitMatcher {
 public:
  explicit UnitMatcher(const Catalog& catalog);

  struct Match {
    std::size_t length = 0;         // bytes of the surface
    const std::string* code = nullptr;
    bool single_latin = false;      // a one-letter surface (T, G, P): easily a name (5G)
  };

  // The longest surface at `pos`. A surface ending in a Latin letter or digit
  // must not be followed by another one (PB but not PBX).
  std::optional<Match> match(std::string_view text, std::size_t pos) const;
  bool starts_at(std::string_view text, std::size_t pos) const { return match(text, pos).has_value(); }

 private:
  struct Entry {
    std::string surface;
    std::size_t code_index = 0;
  };
  std::vector<std::string> codes_;
  std::unordered_map<char32_t, std::vector<Entry>> by_first_;  // each list longest first
};

}  // namespace policydb::numbers_detail
