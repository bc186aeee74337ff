#include "catalog/text_fold.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "text/utf8.h"

namespace policydb::catalog_internal {
namespace {

constexpr char32_t kHanFirst = 0x4E00;
constexpr char32_t kHanLast = 0x9FFF;

// Which CJK Unified Ideographs GB 2312 encodes: the simplified-safe set. Built
// once (about 21k one-character conversions) and read without locking.
const std::vector<bool>& gb2312_han() {
  static const std::vector<bool> table = [] {
    std::vector<bool> in(kHanLast - kHanFirst + 1, false);
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open("GB2312", &status);
    if (U_FAILURE(status)) return in;  // no converter: treat everything as simplified
    ucnv_setFromUCallBack(conv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    for (char32_t c = kHanFirst; c <= kHanLast; ++c) {
      UChar unit = static_cast<UChar>(c);
      char out[8];
      status = U_ZERO_ERROR;
      ucnv_fromUChars(conv, out, sizeof out, &unit, 1, &status);
      in[c - kHanFirst] = U_SUCCESS(status);
    }
    ucnv_close(conv);
    return in;
  }();
  return table;
}

bool needs_folding(char32_t c) {
  return c >= kHanFirst && c <= kHanLast && !gb2312_han()[c - kHanFirst];
}

// ICU transliterators are not safe for concurrent use; one instance and a cache
// of converted characters share a mutex. Only traditional-only characters get here.
std::u32string fold_one(char32_t c) {
  static std::mutex mutex;
  static std::unordered_map<char32_t, std::u32string> cache;
  static std::unique_ptr<icu::Transliterator> hant_to_hans;
  std::lock_guard<std::mutex> lock(mutex);
  if (auto it = cache.find(c); it != cache.end()) return it->second;
  std::u32string result(1, c);
  if (!hant_to_hans) {
    UErrorCode status = U_ZERO_ERROR;
    hant_to_hans.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) hant_to_hans.reset();
  }
  if (hant_to_hans) {
    icu::UnicodeString text(static_cast<UChar32>(c));
    hant_to_hans->transliterate(text);
    std::string utf8;
    text.toUTF8String(utf8);
    result = to_code_points(utf8);
  }
  cache.emplace(c, result);
  return result;
}

bool is_latin_text(const std::u32string& text) {
  return std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x80; });
}

}  // namespace

std::u32string to_code_points(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > text.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t c = len == 1 ? b : b & (0x7F >> len);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      const auto cont = static_cast<unsigned char>(text[i + k]);
      ok = ok && (cont >> 6) == 2;
      c = (c << 6) | (cont & 0x3F);
    }
    out.push_back(ok ? c : 0xFFFD);
    i += ok ? len : 1;
  }
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) text::append_utf8(out, c);
  return out;
}

char32_t fold_width_and_case(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // full-width ASCII block
  if (c == 0x3000) c = U' ';
  if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
  return c;
}

std::u32string fold_traditional(std::u32string_view text) {
  if (std::none_of(text.begin(), text.end(), needs_folding)) return std::u32string(text);
  std::u32string out;
  for (char32_t c : text) {
    if (needs_folding(c)) {
      out += fold_one(c);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool is_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0xA0 ||
         c == 0xFEFF || c == 0x200B;
}

bool is_quote(char32_t c) {
  static constexpr std::u32string_view kQuotes = U"\"'“”‘’「」『』《》〈〉〝〞＂＇";
  return kQuotes.find(c) != std::u32string_view::npos;
}

bool is_punctuation(char32_t c) {
  static constexpr std::u32string_view kMarks =
      U",.;:!?()[]{}<>，。、；：！？（）【】〔〕［］｛｝…—-－·•・/／\\|~～";
  return is_quote(c) || kMarks.find(c) != std::u32string_view::npos;
}

std::string region_key(std::string_view name) {
  std::u32string folded;
  for (char32_t c : to_code_points(name)) folded.push_back(fold_width_and_case(c));
  const auto first = std::find_if_not(folded.begin(), folded.end(), is_space);
  const auto last = std::find_if_not(folded.rbegin(), folded.rend(), is_space).base();
  std::u32string trimmed = first < last ? std::u32string(first, last) : std::u32string();
  if (is_latin_text(trimmed)) {
    std::erase_if(trimmed,
                  [](char32_t c) { return c == U' ' || c == U'-' || c == U'\'' || c == U'.'; });
  }
  return to_utf8(trimmed);
}

double similarity(std::u32string_view a, std::u32string_view b) {
  auto grams = [](std::u32string_view s) {
    std::vector<std::u32string> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      out.emplace_back(1, s[i]);
      if (i + 1 < s.size()) out.emplace_back(s.substr(i, 2));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto ga = grams(a);
  const auto gb = grams(b);
  if (ga.empty() || gb.empty()) return 0;
  std::vector<std::u32string> common;
  std::set_intersection(ga.begin(), ga.end(), gb.begin(), gb.end(), std::back_inserter(common));
  return 2.0 * static_cast<double>(common.size()) / static_cast<double>(ga.size() + gb.size());
}

}  // namespace policydb::catalog_internal
