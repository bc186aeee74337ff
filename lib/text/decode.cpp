// Decoding. Valid UTF-8 is the common case and is copied in runs; the map of a
// clean UTF-8 input is a single copy segment. Legacy encodings go through ICU
// converters with per-unit source offsets, so each character maps to its bytes.
#include "text/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <utility>

#include "text/utf8.h"

namespace policydb::text {
namespace {

constexpr std::size_t kMaxDiagnostics = 20;  // per kind; then one summary

// Length of the well-formed sequence at s[i], or 0 with *bad = the length of the
// maximal ill-formed subpart (Unicode's "U+FFFD per maximal subpart" practice).
std::size_t valid_sequence(std::string_view s, std::size_t i, std::size_t* bad) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t need = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) need = 1;
  else if (b0 == 0xE0) need = 2, lo = 0xA0;
  else if (b0 == 0xED) need = 2, hi = 0x9F;  // no surrogates
  else if (b0 >= 0xE1 && b0 <= 0xEF) need = 2;
  else if (b0 == 0xF0) need = 3, lo = 0x90;  // no overlongs
  else if (b0 >= 0xF1 && b0 <= 0xF3) need = 3;
  else if (b0 == 0xF4) need = 3, hi = 0x8F;  // nothing past U+10FFFF
  if (need == 0) {
    *bad = 1;
    return 0;
  }
  for (std::size_t k = 1; k <= need; ++k) {
    const auto c = i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0;
    const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
    if (i + k >= s.size() || c < l || c > h) {
      *bad = k;
      return 0;
    }
  }
  return need + 1;
}

struct Utf8Result {
  std::size_t invalid_sequences = 0;
  std::size_t invalid_bytes = 0;
  std::size_t non_ascii_bytes = 0;
};

std::string hex_bytes(std::string_view s, std::size_t i, std::size_t n) {
  std::string out;
  char buf[8];
  for (std::size_t k = 0; k < n && i + k < s.size(); ++k) {
    std::snprintf(buf, sizeof buf, k ? " %02X" : "%02X", static_cast<unsigned char>(s[i + k]));
    out += buf;
  }
  return out;
}

Utf8Result decode_utf8(std::string_view bytes, std::size_t start, Decoded* out) {
  Utf8Result r;
  MapBuilder map;
  out->utf8.reserve(bytes.size() - start);
  std::size_t i = start, run = start;
  auto flush = [&](std::size_t end) {
    out->utf8.append(bytes.data() + run, end - run);
    map.add_copy(end - run, run);
  };
  while (i < bytes.size()) {
    const auto b0 = static_cast<unsigned char>(bytes[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    // Fast path for the common 3-byte sequences (U+1000..U+CFFF, U+E000..U+FFFF).
    if (b0 >= 0xE1 && b0 != 0xED && b0 <= 0xEF && i + 2 < bytes.size() &&
        (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(bytes[i + 2]) & 0xC0) == 0x80) {
      r.non_ascii_bytes += 3;
      i += 3;
      continue;
    }
    std::size_t bad = 0;
    const std::size_t n = valid_sequence(bytes, i, &bad);
    r.non_ascii_bytes += n ? n : bad;
    if (n) {
      i += n;
      continue;
    }
    flush(i);
    if (r.invalid_sequences++ < kMaxDiagnostics) {
      out->diagnostics.push_back({"invalid_utf8",
                                  (i + bad == bytes.size() ? "truncated UTF-8 sequence " : "invalid UTF-8 bytes ") +
                                      hex_bytes(bytes, i, bad) + " replaced by U+FFFD",
                                  i});
    }
    r.invalid_bytes += bad;
    out->utf8 += "\xEF\xBF\xBD";
    map.add(3, i, bad);
    i += bad;
    run = i;
  }
  flush(i);
  if (r.invalid_sequences > kMaxDiagnostics) {
    out->diagnostics.push_back({"invalid_utf8",
                                std::to_string(r.invalid_sequences - kMaxDiagnostics) +
                                    " more invalid UTF-8 sequences replaced by U+FFFD",
                                bytes.size()});
  }
  out->map = map.finish(bytes.size());
  return r;
}

// Binary files carry NULs and C0 controls that text never has.
bool looks_binary(std::string_view bytes) {
  const std::size_t n = std::min<std::size_t>(bytes.size(), 1 << 16);
  std::size_t nul = 0, control = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) ++nul;
    else if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1B) ++control;
  }
  return nul * 100 > n || (nul + control) * 10 > n;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Converts bytes[start..] from `charset`; returns false if ICU refuses.
// *replaced counts substitution characters in the output.
bool decode_legacy(std::string_view bytes, std::size_t start, const char* charset, Decoded* out,
                   std::size_t* replaced);

// What ICU's detector says about the two legacy charsets we accept.
struct LegacyGuess {
  const char* first = "GB18030";  // the one it prefers
  int32_t gb18030_confidence = 0;  // 0..100; 0 when not listed at all
  int32_t big5_confidence = 0;
};

LegacyGuess detect_legacy(std::string_view bytes) {
  LegacyGuess guess;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return guess;
  const auto n = static_cast<int32_t>(std::min<std::size_t>(bytes.size(), 1 << 18));
  ucsdet_setText(det, bytes.data(), n, &status);
  int32_t count = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &count, &status);
  bool seen = false;
  for (int32_t i = 0; U_SUCCESS(status) && i < count; ++i) {
    const std::string_view name = ucsdet_getName(matches[i], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if (name != "GB18030" && name != "Big5") continue;
    (name == "Big5" ? guess.big5_confidence : guess.gb18030_confidence) = confidence;
    if (!seen) guess.first = name == "Big5" ? "Big5" : "GB18030";
    seen = true;
  }
  ucsdet_close(det);
  return guess;
}

// Legacy-encoded reports are text: C0 controls other than layout ones (and
// DEL) only occur in binary data, which any multibyte converter would accept.
bool has_stray_controls(std::string_view bytes) {
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && (c < '\t' || c > '\r')) || c == 0x7F) return true;
  }
  return false;
}

// Characters a Chinese report is made of: ASCII, CJK ideographs and
// punctuation, full-width forms and the symbols GB2312/Big5 reports use
// (°±×, Greek letters, quotes and dashes, ℃, Roman and circled numerals, bullets).
bool common_in_reports(char32_t c) {
  constexpr std::pair<char32_t, char32_t> kRanges[] = {
      {0x09, 0x0D},     {0x20, 0x7E},     {0xA0, 0xFF},     {0x391, 0x3C9},
      {0x2010, 0x206F}, {0x2100, 0x218F}, {0x2460, 0x25FF}, {0x3000, 0x303F},
      {0x4E00, 0x9FFF}, {0xFF00, 0xFFEF},
  };
  for (const auto& [lo, hi] : kRanges) {
    if (c >= lo && c <= hi) return true;
  }
  return false;
}

// Random bytes convert without error into a mix of rare characters, symbols,
// private-use code points and U+FFFD: about 85 % common as GB18030, 50–70 % as
// Big5. Real text is nearly all common characters.
bool plausible_text(std::string_view utf8) {
  constexpr std::size_t kMinCommonPercent = 95;
  std::size_t total = 0, common = 0;
  for (std::size_t i = 0, len = 0; i < utf8.size(); i += len) {
    ++total;
    if (common_in_reports(decode_at(utf8, i, &len))) ++common;
  }
  return common * 100 >= total * kMinCommonPercent;
}

// Tries the detector's choice, then the other charset. Returns false when the
// input is not convincingly text in either (the caller reports binary); leaves
// *out alone when neither converts better than UTF-8 did.
bool try_legacy(std::string_view bytes, std::size_t start, std::size_t utf8_invalid, Decoded* out) {
  const LegacyGuess guess = detect_legacy(bytes);
  const char* second = std::string_view(guess.first) == "Big5" ? "GB18030" : "Big5";
  Decoded best;
  std::size_t best_replaced = utf8_invalid;
  bool found = false;
  for (const char* charset : {guess.first, second}) {
    Decoded candidate;
    std::size_t replaced = 0;
    if (!decode_legacy(bytes, start, charset, &candidate, &replaced)) continue;
    // The detector's choice wins unless it is clearly worse than the other.
    if (!found ? replaced < best_replaced : replaced * 4 < best_replaced) {
      best = std::move(candidate);
      best_replaced = replaced;
      found = true;
    }
    if (found && best_replaced == 0) break;
  }
  if (!found) return true;
  const bool big5 = best.encoding == "Big5";
  // ICU gives valid multibyte text at least 10; below that it saw invalid
  // sequences or none of the charset's structure.
  constexpr int32_t kMinConfidence = 10;
  const int32_t confidence = big5 ? guess.big5_confidence : guess.gb18030_confidence;
  if (confidence < kMinConfidence || has_stray_controls(bytes.substr(start)) ||
      !plausible_text(best.utf8)) {
    return false;
  }
  best.diagnostics.insert(best.diagnostics.begin(),
                          {big5 ? "decoded_big5" : "decoded_gb18030", "not UTF-8; decoded as " + best.encoding, 0});
  *out = std::move(best);
  return true;
}

Decoded binary(std::size_t input_size) {
  Decoded out;
  out.diagnostics.push_back({"binary", "the input looks like a binary file; no text extracted", 0});
  out.map = MapBuilder().finish(input_size);
  return out;
}

}  // namespace

Decoded decode(std::string_view bytes) {
  Decoded out;
  std::size_t start = 0;
  const auto starts_with = [&](std::string_view p) { return bytes.substr(0, p.size()) == p; };
  if (starts_with("\xEF\xBB\xBF")) start = 3;
  if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
    std::size_t replaced = 0;
    const char* charset = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    if (decode_legacy(bytes, 2, charset, &out, &replaced)) {
      out.encoding = "UTF-16";
      out.diagnostics.insert(out.diagnostics.begin(), {"decoded_utf16", "decoded as UTF-16", 0});
      return out;
    }
  }
  if (looks_binary(bytes.substr(start))) return binary(bytes.size());
  const Utf8Result r = decode_utf8(bytes, start, &out);
  // A legacy encoding only when there is enough non-ASCII text to judge and
  // most of it is not UTF-8: a few stray bytes stay UTF-8 errors.
  constexpr std::size_t kMinLegacyBytes = 16;
  if (r.non_ascii_bytes >= kMinLegacyBytes && r.invalid_bytes * 2 >= r.non_ascii_bytes &&
      !try_legacy(bytes, start, r.invalid_sequences, &out)) {
    return binary(bytes.size());
  }
  return out;
}

namespace {

// Appends UTF-16 code units, pairing surrogates; each code point maps to the
// source bytes from its own offset to the next one's.
class Utf16Sink {
 public:
  Utf16Sink(Decoded* out, std::size_t* replaced) : out_(out), replaced_(replaced) {}

  void unit(char16_t u, std::size_t src) {
    if (u >= 0xDC00 && u <= 0xDFFF && lead_) {
      const char32_t c = 0x10000 + ((char32_t{lead_} - 0xD800) << 10) + (u - 0xDC00);
      lead_ = 0;
      push(c, lead_src_);
      return;
    }
    if (lead_) push(0xFFFD, lead_src_), lead_ = 0;
    if (u >= 0xD800 && u <= 0xDBFF) {
      lead_ = u;
      lead_src_ = src;
      return;
    }
    push(u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : char32_t{u}, src);
  }

  void finish(std::size_t src_end) {
    if (lead_) push(0xFFFD, lead_src_), lead_ = 0;
    emit(src_end);
    out_->map = map_.finish(src_end);
  }

 private:
  void push(char32_t c, std::size_t src) {
    emit(std::max(src, pending_src_));
    pending_ = c;
    pending_src_ = std::max(src, pending_src_);
    has_pending_ = true;
  }
  void emit(std::size_t src_end) {
    if (!has_pending_) return;
    if (pending_ == 0xFFFD || pending_ == 0x1A) ++*replaced_;
    const std::size_t before = out_->utf8.size();
    append_utf8(out_->utf8, pending_);
    map_.add(out_->utf8.size() - before, pending_src_, src_end - pending_src_);
    has_pending_ = false;
  }

  Decoded* out_;
  std::size_t* replaced_;
  MapBuilder map_;
  char16_t lead_ = 0;
  std::size_t lead_src_ = 0;
  char32_t pending_ = 0;
  std::size_t pending_src_ = 0;
  bool has_pending_ = false;
};

}  // namespace

namespace {

bool decode_legacy(std::string_view bytes, std::size_t start, const char* charset, Decoded* out,
                   std::size_t* replaced) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) return false;
  out->encoding = charset;
  out->utf8.reserve((bytes.size() - start) * 3 / 2);
  constexpr std::size_t kChunk = 1 << 15;
  std::vector<UChar> units(kChunk);
  std::vector<int32_t> offsets(kChunk);
  Utf16Sink sink(out, replaced);
  const char* src = bytes.data() + start;
  const char* limit = bytes.data() + bytes.size();
  std::size_t last = start;
  do {
    status = U_ZERO_ERROR;
    const char* call_src = src;
    UChar* target = units.data();
    ucnv_toUnicode(conv.get(), &target, units.data() + kChunk, &src, limit, offsets.data(), true,
                   &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) return false;
    const std::size_t base = static_cast<std::size_t>(call_src - bytes.data());
    for (std::ptrdiff_t k = 0; k < target - units.data(); ++k) {
      if (offsets[k] >= 0) last = base + static_cast<std::size_t>(offsets[k]);
      sink.unit(units[k], last);
    }
  } while (status == U_BUFFER_OVERFLOW_ERROR);
  sink.finish(bytes.size());
  return true;
}

}  // namespace

}  // namespace policydb::text
