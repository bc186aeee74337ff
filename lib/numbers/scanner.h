// The quantity scanner behind QuantityScanner::scan. One Scan object walks one
// text once, left to right; at each character that can start a quantity (a
// digit, a Chinese numeral, a bound word, 第, 翻, a quote) it tries the forms in
// turn and jumps past what it recognised, quantity or name, so nothing overlaps.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "numbers/numeral.h"
#include "numbers/unit_matcher.h"
#include "numbers/utf8.h"
#include "policydb/quantity.h"

namespace policydb::numbers_detail {

class Scan {
 public:
  Scan(std::string_view text, const UnitMatcher& units) : text_(text), units_(units) {}
  std::vector<Quantity> run();

 private:
  struct Step {
    std::optional<Quantity> quantity;
    std::size_t next = 0;  // where scanning resumes; 0: nothing recognised here
  };

  Step dispatch(std::size_t pos, CodePoint c);
  Step bounded(std::size_t pos);
  Step number(std::size_t begin, std::size_t pos, Comparator comparator);
  // Forms in scanner_forms.cpp.
  Step ordinal(std::size_t pos);
  Step first_place(std::size_t pos);
  Step doubling(std::size_t pos);
  Step per_cent_words(std::size_t begin, std::size_t pos, Comparator comparator);
  std::optional<std::size_t> skip_quoted(std::size_t pos, CodePoint open) const;
  std::size_t skip_ascii_run(std::size_t pos) const;
  std::size_t skip_code_run(std::size_t pos) const;
  bool rank_verb_before(std::size_t pos) const;

  // Pieces of number().
  std::optional<std::size_t> name_or_code(const Numeral& n, std::size_t pos) const;
  bool is_lone_word(const Numeral& n, std::size_t pos) const;
  bool is_bare_year(const Numeral& n) const;
  std::size_t take_approx(Quantity& q, std::size_t pos) const;
  std::size_t take_unit(Quantity& q, const Numeral& n, std::size_t pos) const;
  std::size_t take_range(Quantity& q, const Numeral& n, std::size_t pos, bool* period) const;
  std::size_t take_half(Quantity& q, std::size_t pos, double half) const;
  std::size_t take_suffix_bound(Quantity& q, std::size_t pos) const;
  bool starts_numeral(std::size_t pos) const;

  std::string_view text_;
  const UnitMatcher& units_;
};

// Is `c` a character at which a quantity, or a name to skip, may begin?
bool may_start(char32_t c);

}  // namespace policydb::numbers_detail
