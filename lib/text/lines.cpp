// Line re-joining. A line is joined to the next kept line when all hold:
//  - no hard break (block tag, heading, list item) lies between them;
//  - the line does not end in a sentence-final mark (is_terminal) and ends in a
//    Han character, a digit or a clause mark (，、);
//  - the line is body text: it holds a clause or sentence mark (a title, a
//    byline or a masthead has none, and stays its own paragraph);
//  - the next line starts like a continuation: a Han character, a digit or an
//    opening quote, and not a list number (一、 1. 1、).
// Page lines (第 3 页, - 3 -, 3/10, a lone page number, and short lines repeated
// three or more times: running headers and footers) are dropped first, so they
// never break a sentence.
#include "text/lines.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "text/markup.h"
#include "text/utf8.h"

namespace policydb::text {
namespace {

struct Line {
  std::size_t begin = 0, end = 0;  // trimmed content
  bool hard_after = false;         // a kHardBreak follows
  bool dropped = false;
};

std::size_t skip_spaces(std::string_view s, std::size_t i, std::size_t end) {
  while (i < end) {
    std::size_t len = 0;
    if (!is_space(decode_at(s, i, &len))) break;
    i += len;
  }
  return i;
}

std::size_t trim_end(std::string_view s, std::size_t begin, std::size_t end) {
  while (end > begin) {
    std::size_t len = 0;
    if (!is_space(decode_before(s, end, &len))) break;
    end -= len;
  }
  return end;
}

std::vector<Line> split_lines(std::string_view s) {
  std::vector<Line> lines;
  std::size_t pos = 0, next_hard = s.find(kHardBreak);
  while (pos <= s.size()) {
    if (next_hard < pos) next_hard = s.find(kHardBreak, pos);
    const std::size_t end = std::min({s.find('\n', pos), next_hard, s.size()});
    Line line;
    line.begin = skip_spaces(s, pos, end);
    line.end = trim_end(s, line.begin, end);
    line.hard_after = end < s.size() && s[end] == kHardBreak;
    lines.push_back(line);
    pos = end + 1;
  }
  return lines;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view strip_ascii(std::string_view s, std::string_view chars) {
  while (!s.empty() && chars.find(s.front()) != std::string_view::npos) s.remove_prefix(1);
  while (!s.empty() && chars.find(s.back()) != std::string_view::npos) s.remove_suffix(1);
  return s;
}

// 12 | - 12 - | — 12 — | 12/40 | 第 12 页 | 第12页 共40页 | Page 12 | Page 12 of 40
bool is_page_number(std::string_view line) {
  if (line.size() > 40) return false;
  std::string_view s = strip_ascii(line, " -\t");
  if (s.substr(0, 3) == "—") s.remove_prefix(3);
  if (s.size() >= 3 && s.substr(s.size() - 3) == "—") s.remove_suffix(3);
  s = strip_ascii(s, " ");
  if (all_digits(s) && s.size() <= 4) return true;
  const std::size_t slash = s.find('/');
  if (slash != std::string_view::npos && all_digits(s.substr(0, slash)) && all_digits(s.substr(slash + 1))) {
    return s.size() <= 9;
  }
  std::string compact;
  for (char c : s) {
    if (c != ' ') compact += c;
  }
  std::string_view c = compact;
  if (c.substr(0, 4) == "Page" || c.substr(0, 4) == "page") {
    c.remove_prefix(4);
    const std::size_t of = c.find("of");
    return all_digits(c.substr(0, of)) && (of == std::string_view::npos || all_digits(c.substr(of + 2)));
  }
  if (c.substr(0, 3) != "第") return false;
  const std::size_t ye = c.find("页");
  if (ye == std::string_view::npos || !all_digits(c.substr(3, ye - 3))) return false;
  std::string_view rest = c.substr(ye + 3);
  if (rest.empty()) return true;
  return rest.substr(0, 3) == "共" && rest.size() >= 6 && rest.substr(rest.size() - 3) == "页" &&
         all_digits(rest.substr(3, rest.size() - 6));
}

bool has_terminal(std::string_view s) {
  std::size_t len = 0;
  return !s.empty() && is_terminal(decode_before(s, s.size(), &len));
}

void drop_page_lines(std::string_view s, std::vector<Line>* lines) {
  constexpr std::size_t kMaxRepeatedLine = 60;
  constexpr int kMinRepeats = 3;
  std::unordered_map<std::string_view, int> counts;
  for (const Line& l : *lines) {
    const std::string_view t = s.substr(l.begin, l.end - l.begin);
    if (!t.empty() && t.size() <= kMaxRepeatedLine && !has_terminal(t)) ++counts[t];
  }
  for (Line& l : *lines) {
    const std::string_view t = s.substr(l.begin, l.end - l.begin);
    if (t.empty()) continue;
    auto it = counts.find(t);
    l.dropped = is_page_number(t) || (it != counts.end() && it->second >= kMinRepeats && !l.hard_after);
  }
}

// Not the colon: label lines (来源:…) have one and are not body text.
bool is_clause_mark(char32_t c) {
  return c == 0xFF0C || c == ',' || c == 0x3001 || c == 0x3002 || c == 0xFF1B || c == ';';
}

// Body text holds a clause or sentence mark. Length alone is no evidence: a
// long masthead or byline line has none.
bool is_body_text(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    if (is_clause_mark(decode_at(s, i, &len))) return true;
    i += len;
  }
  return false;
}

bool is_list_number(std::string_view s) {
  std::size_t len = 0, len2 = 0;
  const char32_t first = decode_at(s, 0, &len);
  if (len >= s.size()) return false;
  const char32_t second = decode_at(s, len, &len2);
  static constexpr std::u32string_view kNumerals = U"一二三四五六七八九十";
  const bool numeral = kNumerals.find(first) != std::u32string_view::npos || is_ascii_digit(first);
  return numeral && (second == 0x3001 || (is_ascii_digit(first) && second == '.' && len + len2 < s.size() &&
                                          !is_ascii_digit(static_cast<unsigned char>(s[len + len2]))));
}

bool continues(std::string_view prev, std::string_view next) {
  std::size_t len = 0;
  const char32_t last = decode_before(prev, prev.size(), &len);
  const char32_t first = decode_at(next, 0, &len);
  const bool open_end = !is_terminal(last) && (is_han(last) || is_ascii_digit(last) || last == 0xFF0C ||
                                               last == ',' || last == 0x3001);
  const bool open_start = is_han(first) || is_ascii_digit(first) || first == 0x201C || first == 0x300A;
  return open_end && open_start && is_body_text(prev) && !is_list_number(next);
}

bool is_ascii_alnum(char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)); }

// For each lead byte: 0 if it can start a white space character (see
// is_space), else the length of the character it starts, to skip it.
constexpr std::array<unsigned char, 256> kSkip = [] {
  std::array<unsigned char, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = static_cast<unsigned char>(utf8_length(static_cast<unsigned char>(b)));
  t[' '] = t['\t'] = t['\v'] = t['\f'] = t[0xC2] = t[0xE2] = t[0xE3] = t[0xEF] = 0;
  return t;
}();

class Emitter {
 public:
  explicit Emitter(std::string_view in) : in_(in) { out_.text.reserve(in.size()); }

  // Copies in_[b, e) collapsing white space runs to one space, or to nothing
  // next to a CJK character.
  void line(std::size_t b, std::size_t e) {
    std::size_t run = b, i = b;
    while (i < e) {
      const unsigned char skip = kSkip[static_cast<unsigned char>(in_[i])];
      if (skip) {
        i += skip;
        continue;
      }
      std::size_t len = 1;
      if (is_space(decode_at(in_, i, &len))) {
        i = space_run(&run, i, e);
        continue;
      }
      i += len;
    }
    copy(run, e);
  }

  void separator(std::size_t b, std::size_t e, std::string_view text) {
    out_.text.append(text);
    map_.add(text.size(), b, e - b);
  }

  Paragraphs finish() {
    out_.map = map_.finish(in_.size());
    return std::move(out_);
  }

 private:
  void copy(std::size_t b, std::size_t e) {
    out_.text.append(in_.data() + b, e - b);
    map_.add_copy(e - b, b);
  }

  std::size_t space_run(std::size_t* run, std::size_t i, std::size_t e) {
    const std::size_t end = skip_spaces(in_, i, e);
    std::size_t len = 0;
    const char32_t before = i > 0 ? decode_before(in_, i, &len) : ' ';
    const char32_t after = end < in_.size() ? decode_at(in_, end, &len) : ' ';
    const bool drop = is_cjk(before) || is_cjk(after);
    if (drop || !(end == i + 1 && in_[i] == ' ')) {
      copy(*run, i);
      if (!drop) separator(i, end, " ");
      *run = end;
    }
    return end;
  }

  std::string_view in_;
  Paragraphs out_;
  MapBuilder map_;
};

}  // namespace

Paragraphs join_lines(std::string_view cleaned) {
  std::vector<Line> lines = split_lines(cleaned);
  drop_page_lines(cleaned, &lines);
  Emitter emit(cleaned);
  const Line* prev = nullptr;
  bool hard = false;  // a hard break since prev
  for (const Line& l : lines) {
    if (l.begin < l.end && !l.dropped) {
      if (prev != nullptr) {
        const std::string_view a = cleaned.substr(prev->begin, prev->end - prev->begin);
        const std::string_view b = cleaned.substr(l.begin, l.end - l.begin);
        std::size_t len = 0;
        const bool join = !hard && continues(a, b);
        const bool space = join && is_ascii_alnum(decode_before(a, a.size(), &len)) &&
                           is_ascii_alnum(decode_at(b, 0, &len));
        emit.separator(prev->end, l.begin, join ? (space ? " " : "") : "\n");
      }
      emit.line(l.begin, l.end);
      prev = &l;
      hard = false;
    }
    hard = hard || l.hard_after;
  }
  return emit.finish();
}

}  // namespace policydb::text
