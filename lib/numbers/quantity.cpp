// Public entry points. find_quantities keeps one QuantityScanner per catalog in
// a small cache guarded by a shared mutex: the extractor calls it from many
// threads, and building a scanner (indexing the unit surfaces) per call would
// dominate short clauses.
#include "policydb/quantity.h"

#include <map>
#include <mutex>
#include <shared_mutex>
#include <tuple>

#include "numbers/numeral.h"
#include "numbers/scanner.h"
#include "numbers/unit_matcher.h"
#include "policydb/catalog.h"

namespace policydb {

QuantityScanner::QuantityScanner(const Catalog& catalog)
    : units_(std::make_unique<numbers_detail::UnitMatcher>(catalog)) {}

QuantityScanner::~QuantityScanner() = default;

std::vector<Quantity> QuantityScanner::scan(std::string_view text) const {
  return numbers_detail::Scan(text, *units_).run();
}

namespace {

// A catalog is identified by its address and its unit table's storage, so a new
// catalog allocated where a dead one lived does not reuse a stale scanner.
using CatalogKey = std::tuple<const Catalog*, const void*, std::size_t, const void*, std::size_t>;
constexpr std::size_t kMaxCachedScanners = 16;

std::shared_ptr<const QuantityScanner> scanner_for(const Catalog& catalog) {
  static std::shared_mutex mutex;
  static std::map<CatalogKey, std::shared_ptr<const QuantityScanner>> cache;
  const CatalogKey key{&catalog, catalog.unit_surfaces().data(), catalog.unit_surfaces().size(),
                       catalog.units().data(), catalog.units().size()};
  {
    std::shared_lock lock(mutex);
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto scanner = std::make_shared<const QuantityScanner>(catalog);
  std::unique_lock lock(mutex);
  // Callers hold their own reference while scanning, so evicting is safe.
  if (cache.size() >= kMaxCachedScanners) cache.erase(cache.begin());
  return cache.try_emplace(key, std::move(scanner)).first->second;
}

}  // namespace

std::vector<Quantity> find_quantities(std::string_view text, const Catalog& catalog) {
  return scanner_for(catalog)->scan(text);
}

std::optional<double> parse_number(std::string_view text) {
  using numbers_detail::decode_at;
  double sign = 1;
  std::size_t pos = 0;
  const char32_t first = decode_at(text, 0).cp;
  if (first == '-' || first == U'−' || first == U'负') {
    sign = -1;
    pos = decode_at(text, 0).size;
  }
  const auto n = numbers_detail::read_numeral(text, pos, nullptr);
  if (!n || n->end != text.size()) return std::nullopt;
  return sign * n->value;
}

}  // namespace policydb
