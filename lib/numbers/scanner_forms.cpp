// The forms that start with a word rather than a numeral: ranks (第5位, 首位),
// doubling (翻一番), per-cent words (百分之十五), and the spans skipped whole:
// quoted codes (“7+28+N”), titles (《…》), Latin runs (5G, URLs) and codes.
#include <array>
#include <cmath>

#include "numbers/lexicon.h"
#include "numbers/scanner.h"

namespace policydb::numbers_detail {
namespace {

constexpr std::size_t kQuotedTokenLimit = 40;   // bytes inside “…” for a code like “7+28+N”
constexpr std::size_t kTitleLimit = 300;        // bytes inside 《…》
constexpr int kRankLookback = 8;                // code points between 居/排/列 and 第

char32_t closer_of(char32_t open) {
  switch (open) {
    case U'“': return U'”';
    case U'「': return U'」';
    case U'『': return U'』';
    case U'《': return U'》';
    default: return open;  // "
  }
}

bool is_code_char(char32_t c) {
  return is_ascii_letter(c) || is_any_digit(c) || c == '+' || c == '-' || c == '.' || c == '*' ||
         c == '/' || c == U'×' || c == U'·' || c == U'＋' || c == '&' ||
         classify(c).kind != NumKind::none;
}

// Builds the start-character table once: digits, numerals, signs, the first
// characters of bound words and of the word-led forms.
std::array<std::uint64_t, 1024> build_start_table() {
  std::array<std::uint64_t, 1024> bits{};
  auto set = [&](char32_t c) { bits[c >> 6] |= std::uint64_t{1} << (c & 63); };
  for (char32_t c = '0'; c <= '9'; ++c) set(c);
  for (char32_t c = 0xFF10; c <= 0xFF19; ++c) set(c);
  for (char32_t c = 0x3000; c < 0x10000; ++c) {
    if (classify(c).kind != NumKind::none) set(c);
  }
  for (char32_t c : std::u32string_view(U"-−－负“「『《\"第首翻.")) set(c);
  // First characters of the prefix bound words (lexicon.cpp kPrefixBounds).
  for (char32_t c : std::u32string_view(U"超突逾多大高不至最低少小约近接将仅")) set(c);
  return bits;
}

}  // namespace

bool may_start(char32_t c) {
  static const std::array<std::uint64_t, 1024> kTable = build_start_table();
  return c < 0x10000 && ((kTable[c >> 6] >> (c & 63)) & 1) != 0;
}

std::optional<std::size_t> Scan::skip_quoted(std::size_t pos, CodePoint open) const {
  const char32_t closer = closer_of(open.cp);
  const bool title = open.cp == U'《';
  const std::size_t limit = pos + open.size + (title ? kTitleLimit : kQuotedTokenLimit);
  bool has_number = false;
  for (std::size_t p = pos + open.size; p < text_.size() && p <= limit;) {
    const CodePoint c = decode_at(text_, p);
    if (c.cp == closer) {
      return (title || has_number) && p > pos + open.size ? std::optional(p + c.size) : std::nullopt;
    }
    if (c.cp == '\n' || c.cp == U'。') return std::nullopt;
    if (!title && !is_code_char(c.cp)) return std::nullopt;
    has_number = has_number || is_any_digit(c.cp) || classify(c.cp).kind != NumKind::none;
    p += c.size;
  }
  return std::nullopt;
}

// Letters, digits and URL punctuation from `pos`: a name, a code or a link.
std::size_t Scan::skip_ascii_run(std::size_t pos) const {
  constexpr std::string_view kRunPunct = "_.-+/:%?=&#~@";
  while (pos < text_.size()) {
    const auto b = static_cast<unsigned char>(text_[pos]);
    const bool keep = is_ascii_letter(b) || is_ascii_digit(b) || kRunPunct.find(static_cast<char>(b)) != std::string_view::npos;
    if (!keep) break;
    ++pos;
  }
  return pos;
}

// Digits and separators of a code, phone number, date or version string.
std::size_t Scan::skip_code_run(std::size_t pos) const {
  constexpr std::string_view kCodePunct = "-./:";
  while (pos < text_.size()) {
    const auto b = static_cast<unsigned char>(text_[pos]);
    if (!is_ascii_digit(b) && !is_ascii_letter(b) && kCodePunct.find(static_cast<char>(b)) == std::string_view::npos) break;
    ++pos;
  }
  return pos;
}

bool Scan::rank_verb_before(std::size_t pos) const {
  for (int i = 0; i < kRankLookback && pos > 0; ++i) {
    const CodePoint c = decode_before(text_, pos);
    if (is_rank_verb(c.cp)) return true;
    if (!is_cjk(c.cp)) return false;  // a clause boundary or other script
    pos -= c.size;
  }
  return false;
}

// 第N: a rank after 居/排/列 or before 位/名/大; otherwise an event ordinal (第五场,
// 第二产业) whose number is skipped.
Scan::Step Scan::ordinal(std::size_t pos) {
  const std::size_t p = pos + std::string_view("第").size();
  const auto n = read_numeral(text_, p, nullptr);
  if (!n || n->run_on || n->decimal) return {std::nullopt, p};
  const std::size_t suffix = rank_suffix_at(text_, n->end);
  const bool clause_end = !is_cjk(decode_at(text_, n->end).cp);
  if (suffix == 0 && !(clause_end && rank_verb_before(pos))) return {std::nullopt, n->end};
  Quantity q;
  q.value = n->value, q.unit = "rank", q.is_rank = true;
  q.begin = pos, q.number_begin = p, q.number_end = n->end;
  q.end = n->end + (at(text_, n->end, "大") ? 0 : suffix);
  return {std::move(q), q.end};
}

Scan::Step Scan::first_place(std::size_t pos) {
  if (!at(text_, pos, "首位") || !rank_verb_before(pos)) return {};
  Quantity q;
  q.value = 1, q.unit = "rank", q.is_rank = true;
  q.begin = q.number_begin = pos;
  q.end = q.number_end = pos + std::string_view("首位").size();
  return {std::move(q), q.end};
}

// 翻番 / 翻一番 / 翻了两番: the value doubles N times.
Scan::Step Scan::doubling(std::size_t pos) {
  std::size_t p = pos + std::string_view("翻").size();
  if (at(text_, p, "了")) p += std::string_view("了").size();
  double times = 1;
  std::size_t number_begin = pos, number_end = p;
  if (const auto n = read_numeral(text_, p, nullptr); n && n->value >= 1 && n->value <= 10) {
    times = n->value, number_begin = p, number_end = n->end, p = n->end;
  }
  if (!at(text_, p, "番")) return {};
  Quantity q;
  q.value = std::pow(2.0, times), q.is_multiple = true;
  q.begin = pos, q.number_begin = number_begin, q.number_end = number_end;
  q.end = p + std::string_view("番").size();
  return {std::move(q), q.end};
}

namespace {

// The denominator of 百分之, 千分之, 百万分之 … (product of the multipliers), and
// the end of 分之; nullopt unless pos starts such a word.
std::optional<std::pair<double, std::size_t>> per_cent_denominator(std::string_view text,
                                                                   std::size_t pos) {
  double denominator = 1;
  for (int i = 0; i < 4; ++i) {
    if (at(text, pos, "分之")) break;
    const CodePoint c = decode_at(text, pos);
    const NumChar n = classify(c.cp);
    if (n.kind == NumKind::small_unit) {
      denominator *= n.value;
    } else if (n.kind == NumKind::big_unit) {
      denominator *= n.value == 4 ? 1e4 : 1e8;
    } else {
      return std::nullopt;
    }
    pos += c.size;
  }
  if (denominator < 100 || !at(text, pos, "分之")) return std::nullopt;
  return std::make_pair(denominator, pos + std::string_view("分之").size());
}

}  // namespace

// 百分之十五 → 15 %, 千分之五 → 0.5 %, 万分之三 → 0.03 %, 百万分之五 → 0.0005 %.
Scan::Step Scan::per_cent_words(std::size_t begin, std::size_t pos, Comparator comparator) {
  const auto denominator = per_cent_denominator(text_, pos);
  if (!denominator) return {};
  const double scale = 100 / denominator->first;
  const std::size_t p = denominator->second;
  auto n = read_numeral(text_, p, nullptr);
  if (!n && at(text_, p, "百")) {  // 百分之百
    n = Numeral{};
    n->value = 100, n->end = p + std::string_view("百").size();
  }
  if (!n || n->run_on) return {std::nullopt, p};
  Quantity q;
  q.value = n->value * scale, q.unit = "%", q.is_fraction_or_share = true;
  q.comparator = comparator;
  q.begin = begin, q.number_begin = pos, q.number_end = n->end;
  q.end = take_suffix_bound(q, n->end);
  return {std::move(q), q.end};
}

}  // namespace policydb::numbers_detail
