// Markup stripping in one left-to-right pass. Linear time on any input: each
// search for a closing '>', ']', ')' or newline is cached and only repeated
// after the scan has passed the cached position, and every skip moves forward.
#include "text/markup.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "text/markup_tables.h"
#include "text/metadata.h"
#include "text/utf8.h"

namespace policydb::text {
namespace {

constexpr std::size_t kNpos = std::string_view::npos;

// The next position of one byte at or after `from`, remembered between calls.
class NextByte {
 public:
  explicit NextByte(char c) : c_(c) {}
  std::size_t find(std::string_view s, std::size_t from) {
    if (!valid_ || (pos_ != kNpos && pos_ < from)) {
      pos_ = s.find(c_, from);
      valid_ = true;
    }
    return pos_;
  }

 private:
  char c_;
  std::size_t pos_ = 0;
  bool valid_ = false;
};

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

// Case-insensitive search for `needle` (lowercase) from `from`.
std::size_t find_nocase(std::string_view s, std::string_view needle, std::size_t from) {
  for (std::size_t i = s.find('<', from); i != kNpos; i = s.find('<', i + 1)) {
    if (s.size() - i < needle.size()) return kNpos;
    std::size_t k = 0;
    while (k < needle.size() && lower(s[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return kNpos;
}

class Stripper {
 public:
  Stripper(std::string_view in, Format format, Cleaned* out)
      : in_(in), html_(format != Format::plain), any_tag_(format == Format::html),
        markdown_(format == Format::automatic || format == Format::markdown), out_(out) {
    for (int c = 0; c < 0x20; ++c) special_[c] = c != '\t';
    special_[0x7F] = true;
    if (html_) special_['<'] = special_['&'] = true;
    if (markdown_) special_['['] = special_['!'] = special_['*'] = true;
  }

  void run(std::size_t start) {
    std::size_t i = run_ = start;
    if (markdown_) i = line_start(i);
    while (i < in_.size()) {
      i = skip_high_bytes(i);
      if (i >= in_.size()) break;
      if (!special_[static_cast<unsigned char>(in_[i])] && i < skip_from_) {
        ++i;
        continue;
      }
      i = handle(i);
    }
    copy_to(in_.size());
    out_->map = map_.finish(in_.size());
  }

 private:
  // Every special byte is ASCII: skip 8 non-ASCII bytes (Han text) at a time.
  std::size_t skip_high_bytes(std::size_t i) const {
    const std::size_t limit = std::min(in_.size(), skip_from_);
    while (i + 8 <= limit) {
      std::uint64_t word;
      std::memcpy(&word, in_.data() + i, 8);
      if ((word & 0x8080808080808080ULL) != 0x8080808080808080ULL) break;
      i += 8;
    }
    return i;
  }

  void copy_to(std::size_t i) {
    if (i > run_) {
      out_->text.append(in_.data() + run_, i - run_);
      map_.add_copy(i - run_, run_);
    }
  }
  // Replaces source [b, e) with `text`; the scan resumes at e.
  std::size_t replace(std::size_t b, std::size_t e, std::string_view text) {
    copy_to(b);
    out_->text.append(text);
    map_.add(text.size(), b, e - b);
    run_ = e;
    return e;
  }
  std::size_t hard_break(std::size_t b, std::size_t e) { return replace(b, e, {&kHardBreak, 1}); }

  std::size_t handle(std::size_t i) {
    if (i >= skip_from_) {  // passed a link's "](url)"; a tag may have swallowed it
      const std::size_t from = skip_from_;
      skip_from_ = kNpos;
      if (i == from) return replace(i, skip_to_, {});
      if (!special_[static_cast<unsigned char>(in_[i])]) return i + 1;
    }
    switch (in_[i]) {
      case '<': return tag(i);
      case '&': return entity(i);
      case '[': return link(i, i);
      case '!': return i + 1 < in_.size() && in_[i + 1] == '[' ? image(i) : i + 1;
      case '*': return i + 1 < in_.size() && in_[i + 1] == '*' ? replace(i, i + 2, {}) : i + 1;
      case '\n': return newline(i, i + 1);
      case '\r':
        if (i + 1 < in_.size() && in_[i + 1] == '\n') return newline(i, i + 2);
        return newline(i, i + 1);
      case '\f': return newline(i, i + 1);
      default: return replace(i, i + 1, " ");  // other control characters
    }
  }

  std::size_t newline(std::size_t b, std::size_t e) {
    if (heading_open_) {
      heading_open_ = false;
      hard_break(b, e);
    } else if (e - b > 1 || in_[b] != '\n') {
      replace(b, e, "\n");  // \r\n, \r, \f
    }  // a plain '\n' stays in the copy run
    return markdown_ ? line_start(e) : e;
  }

  std::size_t line_start(std::size_t i);
  std::size_t tag(std::size_t i);
  std::size_t skip_hidden(std::size_t i, std::size_t tag_end, std::string_view name);
  std::size_t entity(std::size_t i);
  std::size_t link(std::size_t i, std::size_t drop_from);
  std::size_t image(std::size_t i) { return link(i + 1, i); }

  std::string_view in_;
  bool html_, any_tag_, markdown_;
  Cleaned* out_;
  MapBuilder map_;
  std::array<bool, 256> special_{};
  std::size_t run_ = 0;
  std::size_t skip_from_ = kNpos, skip_to_ = kNpos;  // the "](url)" of a pending link
  bool heading_open_ = false;
  NextByte next_gt_{'>'}, next_nl_{'\n'}, next_bracket_{']'}, next_paren_{')'};
};

// Markdown block syntax at the start of a line: headings (# … ######), list
// items, block quotes and rules. Headings and items become their own paragraphs.
std::size_t Stripper::line_start(std::size_t i) {
  std::size_t j = i;
  while (j < in_.size() && j - i < 3 && in_[j] == ' ') ++j;
  std::size_t k = j;
  while (k < in_.size() && in_[k] == '#' && k - j < 7) ++k;
  if (k > j && k - j <= 6 && (k == in_.size() || in_[k] == ' ')) {
    heading_open_ = true;
    while (k < in_.size() && in_[k] == ' ') ++k;
    return hard_break(i, k);
  }
  if (j + 1 < in_.size() && (in_[j] == '-' || in_[j] == '*' || in_[j] == '+' || in_[j] == '>') &&
      in_[j + 1] == ' ') {
    return hard_break(i, j + 2);
  }
  std::size_t r = j;
  while (r < in_.size() && (in_[r] == '-' || in_[r] == '*' || in_[r] == '_' || in_[r] == ' ')) ++r;
  if (r - j >= 3 && (r == in_.size() || in_[r] == '\n' || in_[r] == '\r')) return hard_break(i, r);
  return i;
}

std::size_t Stripper::tag(std::size_t i) {
  const std::size_t gt = next_gt_.find(in_, i + 1);
  if (in_.compare(i, 4, "<!--") == 0) {
    const std::size_t end = in_.find("-->", i + 4);
    if (end == kNpos) {
      out_->diagnostics.push_back({"truncated_html", "an HTML comment runs to the end", i});
      return replace(i, in_.size(), {});
    }
    return replace(i, end + 3, {});
  }
  if (markdown_ && gt != kNpos && (in_.compare(i + 1, 7, "http://") == 0 || in_.compare(i + 1, 8, "https://") == 0) &&
      next_nl_.find(in_, i) > gt) {
    return replace(i, gt + 1, {});  // a Markdown autolink
  }
  std::size_t n = i + 1;
  if (n < in_.size() && (in_[n] == '!' || in_[n] == '?') && any_tag_ && gt != kNpos) {
    return replace(i, gt + 1, {});  // <!DOCTYPE …>, <?xml …?>
  }
  const bool closing = n < in_.size() && in_[n] == '/';
  n += closing;
  std::string name;
  while (n < in_.size() && is_alnum(in_[n]) && name.size() < 16) name += lower(in_[n++]);
  if (name.empty() || !is_alpha(name[0]) || n >= in_.size() ||
      !(in_[n] == '>' || in_[n] == '/' || in_[n] == ' ' || in_[n] == '\n' || in_[n] == '\t' || in_[n] == '\r')) {
    return i + 1;  // not a tag: `<` stays text
  }
  const TagKind kind = tag_kind(name);
  if (kind == TagKind::unknown && !any_tag_) return i + 1;
  if (gt == kNpos) {
    out_->diagnostics.push_back({"truncated_html", "an HTML tag runs to the end", i});
    return replace(i, in_.size(), {});
  }
  if (kind == TagKind::hidden && !closing) return skip_hidden(i, gt + 1, name);
  if (kind == TagKind::block) return hard_break(i, gt + 1);
  if (kind == TagKind::cell) return replace(i, gt + 1, " ");
  return replace(i, gt + 1, {});
}

// Drops <script>, <style> … through their closing tag.
std::size_t Stripper::skip_hidden(std::size_t i, std::size_t tag_end, std::string_view name) {
  const std::string close = "</" + std::string(name);
  const std::size_t at = find_nocase(in_, close, tag_end);
  const std::size_t gt = at == kNpos ? kNpos : in_.find('>', at);
  if (gt == kNpos) {
    out_->diagnostics.push_back({"truncated_html", "<" + std::string(name) + "> runs to the end", i});
    return replace(i, in_.size(), {});
  }
  return replace(i, gt + 1, {});
}

// &amp; &lt; &nbsp; &#12345; &#x4E00; — only with the closing ';'.
std::size_t Stripper::entity(std::size_t i) {
  const std::size_t found = in_.substr(i + 1, 12).find(';');  // bounded: stays linear
  if (found == kNpos || found == 0) return i + 1;
  const std::size_t semi = i + 1 + found;
  const std::string_view body = in_.substr(i + 1, semi - i - 1);
  char32_t c = 0;
  if (body[0] == '#') {
    const bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    const std::string_view digits = body.substr(hex ? 2 : 1);
    if (digits.empty()) return i + 1;
    std::uint64_t v = 0;
    for (char d : digits) {
      const int x = (d >= '0' && d <= '9') ? d - '0' : (hex && is_alpha(d) && lower(d) <= 'f') ? lower(d) - 'a' + 10 : -1;
      if (x < 0) return i + 1;
      v = std::min<std::uint64_t>(v * (hex ? 16 : 10) + static_cast<std::uint64_t>(x), 0x110000);
    }
    c = (v == 0 || v >= 0x110000 || (v >= 0xD800 && v <= 0xDFFF)) ? 0xFFFD : static_cast<char32_t>(v);
    if (c < 0x20 || c == 0x7F || c == kHardBreak) c = ' ';
  } else {
    c = named_entity(body);
    if (c == 0) return i + 1;
  }
  std::string utf8;
  append_utf8(utf8, c);
  return replace(i, semi + 1, utf8);
}

// [text](url) → text; drop_from < i drops a whole image ![alt](url).
std::size_t Stripper::link(std::size_t i, std::size_t drop_from) {
  if (skip_from_ != kNpos) return i + 1;  // no nested links
  const std::size_t close = next_bracket_.find(in_, i + 1);
  const std::size_t nl = next_nl_.find(in_, i);
  if (close == kNpos || close > nl || close + 1 >= in_.size() || in_[close + 1] != '(') return i + 1;
  const std::size_t paren = next_paren_.find(in_, close + 2);
  if (paren == kNpos || paren > nl) return i + 1;
  if (drop_from < i) return replace(drop_from, paren + 1, {});
  skip_from_ = close;
  skip_to_ = paren + 1;
  return replace(i, i + 1, {});
}

}  // namespace

Cleaned strip_markup(std::string_view utf8, Format format, DocumentMetadata* meta) {
  Cleaned out;
  out.text.reserve(utf8.size());
  std::size_t start = 0;
  if (format == Format::automatic || format == Format::markdown) {
    start = read_front_matter(utf8, meta);
  }
  Stripper(utf8, format, &out).run(start);
  return out;
}

}  // namespace policydb::text
