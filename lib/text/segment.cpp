// Sentence and clause segmentation by a hand scan. ICU's sentence
// BreakIterator was measured against it (tests/text/bench_test.cpp): it needs a
// UTF-16 copy and still has to be supplemented with ；and newlines; the scan
// gives the same sentence ends on Chinese text at several times the speed.
#include <array>

#include "policydb/text.h"
#include "text/utf8.h"

namespace policydb {
namespace {

using text::decode_at;

bool is_sentence_end(char32_t c) {
  return c == 0x3002 || c == '!' || c == '?' || c == ';' || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B;
}

// Closing quotes and brackets that belong to the sentence they follow.
bool is_closer(char32_t c) {
  return c == 0x201D || c == 0x2019 || c == 0x300D || c == 0x300F || c == ')' || c == 0xFF09 ||
         c == 0x3011 || c == 0x300B || c == '"';
}

bool is_blank(char32_t c) { return c == '\n' || c == '\r' || text::is_space(c); }

// Appends [b, e) without surrounding white space, if anything is left.
void push_trimmed(std::string_view s, std::size_t b, std::size_t e, std::vector<Segment>* out) {
  std::size_t len = 0;
  while (b < e && is_blank(decode_at(s, b, &len))) b += len;
  while (e > b && is_blank(text::decode_before(s, e, &len))) e -= len;
  if (b < e) out->push_back({b, e});
}

// Lead bytes of everything that can end a sentence: \n ! ? ; and the 3-byte
// 。(E3) ！？；(EF).
constexpr std::array<bool, 256> kSentenceLead = [] {
  std::array<bool, 256> t{};
  t['\n'] = t['!'] = t['?'] = t[';'] = t[0xE3] = t[0xEF] = true;
  return t;
}();

}  // namespace

std::vector<Segment> split_sentences(std::string_view text) {
  std::vector<Segment> out;
  std::size_t start = 0, i = 0;
  while (i < text.size()) {
    if (!kSentenceLead[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    const char32_t c = decode_at(text, i, &len);
    if (c == '\n') {
      push_trimmed(text, start, i, &out);
      start = i = i + 1;
    } else if (is_sentence_end(c)) {
      std::size_t j = i + len;
      while (j < text.size()) {
        const char32_t d = decode_at(text, j, &len);
        if (!is_closer(d) && !is_sentence_end(d)) break;
        j += len;
      }
      push_trimmed(text, start, j, &out);
      start = i = j;
    } else {
      i += len;
    }
  }
  push_trimmed(text, start, text.size(), &out);
  return out;
}

std::vector<Segment> split_clauses(std::string_view text, Segment sentence) {
  std::vector<Segment> out;
  const std::size_t end = std::min(sentence.end, text.size());
  std::size_t start = std::min(sentence.begin, end), i = start;
  while (i < end) {
    std::size_t len = 0;
    const char32_t c = decode_at(text, i, &len);
    bool split = is_sentence_end(c) || c == 0xFF0C || c == 0x3001 || c == 0xFF1A || c == '\n';
    if (c == ',' || c == ':') {  // not inside 5,749 or 1:2
      const bool digits = i > start && text::is_ascii_digit(static_cast<unsigned char>(text[i - 1])) &&
                          i + 1 < end && text::is_ascii_digit(static_cast<unsigned char>(text[i + 1]));
      split = !digits;
    }
    if (split) {
      push_trimmed(text, start, i, &out);
      start = i + len;
    }
    i += len;
  }
  push_trimmed(text, start, end, &out);
  return out;
}

}  // namespace policydb
