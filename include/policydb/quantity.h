// policydb/quantity.h: numbers with units in Chinese report text — Arabic and
// Chinese numerals, the multipliers 千/万/亿/万亿 folded into the value, units
// from the catalog's unit table, bound words (超过, 以上, 左右 …), ranges, ranks,
// multiples and shares. The extractor builds facts from these.
//
//   auto catalog = policydb::Catalog::builtin();
//   auto found = policydb::find_quantities("新增5G基站超1.2万个，占比三成", *catalog);
//   // found[0]: value 12000, unit "个", comparator gt (5G is a name, not a number)
//   // found[1]: value 30, unit "%", is_fraction_or_share
//   policydb::parse_number("十八万七千");  // 187000
//
// Unit codes are those of schema/units.csv. Foreign currencies (USD 美元, EUR,
// HKD, JPY) are dimensions of their own, so no query converts them to CNY by
// accident. A multiple (1.2倍) has an empty unit and is_multiple set.
//
// Thread-safety: QuantityScanner is immutable after construction; one instance
// may be shared by any number of threads. find_quantities is thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "policydb/export.h"
#include "policydb/vocabulary.h"

namespace policydb {

class Catalog;

struct Quantity {
  double value = 0;            // in the unit below, multipliers applied (18.7万个 → 187000, unit "个")
  std::string unit;            // unit code from the unit table ("CNY", "%", "pp", "个", "Tbps"); empty for a bare number
  Comparator comparator = Comparator::eq;  // from bound/approximation words around the number
  std::optional<double> range_high;  // 3至5个 → value 3, range_high 5
  std::size_t begin = 0, end = 0;    // byte offsets [begin, end) in the scanned text, covering bound words, number, multiplier and unit
  std::size_t number_begin = 0, number_end = 0;  // the numeral alone
  bool is_rank = false;        // 第5位/第五/首位 → value 5 / 1, unit "rank"
  bool is_multiple = false;    // 1.2倍 / 翻一番 (value is the factor: 增长1.2倍 → the extractor turns it into growth 120 %)
  bool is_fraction_or_share = false;  // 三成, 百分之十五, 三分之一, 八分之一 → value in %, unit "%"
};

namespace numbers_detail {
class UnitMatcher;
}

// Finds quantities with the units of one catalog. Construct once per catalog
// (it indexes the unit surfaces) and reuse; scanning allocates only the result.
class POLICYDB_EXPORT QuantityScanner {
 public:
  // Copies what it needs from `catalog`; the catalog may die afterwards.
  explicit QuantityScanner(const Catalog& catalog);
  ~QuantityScanner();
  QuantityScanner(const QuantityScanner&) = delete;
  QuantityScanner& operator=(const QuantityScanner&) = delete;

  // Every quantity in `text`, in order, without overlaps; see find_quantities.
  std::vector<Quantity> scan(std::string_view text) const;

 private:
  std::unique_ptr<const numbers_detail::UnitMatcher> units_;
};

// Finds every quantity in UTF-8 text (already NFKC-normalized and in simplified script),
// in order, without overlaps. Numbers that are part of names are skipped: 5G,
// “7+28+N”, 二十大, 十四五, 中铁1237号, dates and times (2025年, 11月20日, 10:30,
// 2023-10-31), codes and phone numbers, event ordinals (第五场), and a lone
// Chinese digit inside a word (一体化, 四川) unless a measure word follows.
// Never throws on any input (invalid UTF-8 is skipped byte by byte); linear time.
// Keeps a QuantityScanner per catalog (keyed by its address and unit table), so
// the catalog must outlive the call; hold a QuantityScanner in hot loops.
POLICYDB_EXPORT std::vector<Quantity> find_quantities(std::string_view text, const Catalog& catalog);

// Parses a whole string as one numeral (Arabic with , and . ; Chinese 二十八, 一千零二十四, 两万,
// 十八万七千, 1.9万亿, 5.6万, 十万, 3千亿 …). std::nullopt unless the entire text is a numeral.
// Never throws.
POLICYDB_EXPORT std::optional<double> parse_number(std::string_view text);

}  // namespace policydb
