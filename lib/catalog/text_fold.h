// Private text helpers of the catalog: UTF-8 code points, folding of lookup keys
// (Latin case and width, traditional script) and a similarity score for
// "did you mean" suggestions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace policydb::catalog_internal {

// Code points of UTF-8 text; an invalid byte becomes U+FFFD.
std::u32string to_code_points(std::string_view text);
std::string to_utf8(std::u32string_view text);

// Full-width ASCII (Ｇ５) → ASCII, ideographic space → space, ASCII upper → lower.
char32_t fold_width_and_case(char32_t c);

// Traditional-only characters (those outside GB 2312) become simplified; every
// other character is kept, so simplified text passes unchanged (显著 stays 显著,
// which ICU's Hant-Hans over the whole label would turn into 显着).
std::u32string fold_traditional(std::u32string_view text);

// True for characters that are whitespace or punctuation in either script.
bool is_space(char32_t c);
bool is_quote(char32_t c);        // “”‘’"'「」『』《》〈〉
bool is_punctuation(char32_t c);  // is_quote plus ，。、：；！？()（）【】[] etc.

// The key a region name is indexed under: trimmed, width and case folded, and
// for Latin names spaces, hyphens and apostrophes removed (Hong Kong = hongkong).
std::string region_key(std::string_view name);

// Dice coefficient over characters and character bigrams, in [0, 1].
double similarity(std::u32string_view a, std::u32string_view b);

}  // namespace policydb::catalog_internal
