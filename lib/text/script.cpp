// Traditional→Simplified. ICU's Hant-Hans transliterator runs at ~4.5 MB/s and
// also rewrites characters that are correct simplified text (显著 → 显着), so it
// is run once, over its own source set, to build a character table; documents
// are then converted by table lookup, paragraph by paragraph, and only where the
// paragraph is traditional. Every Hant-Hans mapping in ICU 72 is one BMP
// character to one BMP character (2855 of them); anything else is left out of
// the table.
#include "text/script.h"

#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>
#include <unicode/bytestream.h>

#include <array>
#include <memory>
#include <vector>

#include "text/utf8.h"

namespace policydb::text {
namespace {

// Characters Hant-Hans maps although simplified text uses them as they are
// (著 in 显著/著作): never converted, never evidence.
constexpr std::u32string_view kNeverConvert = U"著";
// Converted in traditional paragraphs, but too common in simplified text
// (乾隆, 瞭望, 狼藉, 同夥) to count as evidence of traditional text.
constexpr std::u32string_view kWeakEvidence = U"乾瞭藉夥於";

enum : std::uint8_t { kTraditional = 1, kWeak = 2, kSimplifiedOnly = 4 };

class HanTable {
 public:
  static const HanTable& instance() {
    static const HanTable table;
    return table;
  }
  std::uint8_t flags(char32_t c) const { return c < 0x10000 ? flags_[c] : 0; }
  char32_t to_simplified(char32_t c) const { return c < 0x10000 && target_[c] ? target_[c] : c; }

 private:
  HanTable() : flags_(0x10000), target_(0x10000) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) return;  // no table: nothing is converted
    icu::UnicodeSet source;
    tr->getSourceSet(source);
    icu::UnicodeString all;  // one character per line: no context crosses lines
    for (int32_t r = 0; r < source.getRangeCount(); ++r) {
      for (UChar32 c = source.getRangeStart(r); c <= source.getRangeEnd(r) && c < 0x10000; ++c) {
        all.append(c).append(u'\n');
      }
    }
    icu::UnicodeString converted = all;
    tr->transliterate(converted);
    fill(all, converted);
  }

  void fill(const icu::UnicodeString& all, const icu::UnicodeString& converted) {
    for (int32_t a = 0, b = 0; a < all.length() && b < converted.length();) {
      const int32_t ea = all.indexOf(u'\n', a), eb = converted.indexOf(u'\n', b);
      if (ea < 0 || eb < 0) break;
      const UChar32 from = all.char32At(a);
      const UChar32 to = eb - b == 1 ? converted.char32At(b) : from;
      if (to != from && from >= 0x800 && to >= 0x800 && !U_IS_SURROGATE(to) &&
          kNeverConvert.find(static_cast<char32_t>(from)) == std::u32string_view::npos) {
        target_[from] = static_cast<char16_t>(to);
        flags_[from] |= kWeakEvidence.find(static_cast<char32_t>(from)) == std::u32string_view::npos
                            ? kTraditional : kWeak;
      }
      a = ea + 1;
      b = eb + 1;
    }
    for (std::size_t c = 0; c < target_.size(); ++c) {
      if (target_[c] && !target_[target_[c]]) flags_[target_[c]] |= kSimplifiedOnly;
    }
  }

  std::vector<std::uint8_t> flags_;
  std::vector<char16_t> target_;
};

struct Counts {
  std::size_t traditional = 0, simplified = 0;
};

// Only 3-byte sequences can be in the table (all of it is U+0800..U+FFFF).
template <typename F>
void for_each_bmp3(std::string_view s, F&& f) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0xE0) continue;
    if (b >= 0xF0 || i + 2 >= s.size()) { i += 3; continue; }
    const char32_t c = ((b & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                       (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    f(c, i);
    i += 2;
  }
}

Counts count(const HanTable& table, std::string_view para) {
  Counts n;
  for_each_bmp3(para, [&](char32_t c, std::size_t) {
    const std::uint8_t f = table.flags(c);
    n.traditional += (f & kTraditional) != 0;
    n.simplified += (f & kSimplifiedOnly) != 0;
  });
  return n;
}

void convert(const HanTable& table, char* para, std::size_t size) {
  for_each_bmp3(std::string_view(para, size), [&](char32_t c, std::size_t i) {
    const char32_t t = table.to_simplified(c);
    if (t == c) return;
    para[i] = static_cast<char>(0xE0 | (t >> 12));
    para[i + 1] = static_cast<char>(0x80 | ((t >> 6) & 0x3F));
    para[i + 2] = static_cast<char>(0x80 | (t & 0x3F));
  });
}

}  // namespace

bool is_traditional_char(char32_t c) { return (HanTable::instance().flags(c) & kTraditional) != 0; }

std::string nfkc(std::string_view in, OffsetMap* map) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* norm = icu::Normalizer2::getNFKCInstance(status);
  std::string out;
  out.reserve(in.size());
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  if (U_SUCCESS(status)) {
    norm->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink, &edits,
                        status);
  }
  if (U_FAILURE(status)) {  // cannot happen on valid UTF-8; keep the text unchanged
    *map = OffsetMap::identity(in.size());
    return std::string(in);
  }
  MapBuilder builder;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    if (it.hasChange()) {
      builder.add(static_cast<std::size_t>(it.newLength()), static_cast<std::size_t>(it.sourceIndex()),
                  static_cast<std::size_t>(it.oldLength()));
    } else {
      builder.add_copy(static_cast<std::size_t>(it.oldLength()), static_cast<std::size_t>(it.sourceIndex()));
    }
  }
  *map = builder.finish(in.size());
  return out;
}

Script convert_traditional(std::string* text) {
  const HanTable& table = HanTable::instance();
  std::size_t converted = 0, left = 0;
  for (std::size_t pos = 0; pos < text->size();) {
    std::size_t end = text->find('\n', pos);
    if (end == std::string::npos) end = text->size();
    const Counts n = count(table, std::string_view(*text).substr(pos, end - pos));
    if (n.traditional > n.simplified) {
      convert(table, text->data() + pos, end - pos);
      converted += n.traditional;
    } else {
      left += n.simplified;
    }
    pos = end + 1;
  }
  if (converted == 0) return Script::hans;
  return left * 10 <= converted ? Script::hant : Script::mixed;
}

}  // namespace policydb::text
