#include "extract/label.h"

#include <set>

#include "extract/lexicon.h"
#include "extract/utf8.h"

namespace policydb::extract_detail {
namespace {

constexpr std::size_t kMaxLabelBytes = 90;  // 30 Han characters

bool is_hard_boundary(char32_t c) {
  switch (c) {
    case U'、': case U'(': case U')': case U'[': case U']': case U'《': case U'》':
    case U'|': case U'。': case U',': case U';': case U':': case U'!': case U'?':
      return true;
    default:
      return false;
  }
}

// Strips lexicon phrases off both ends until nothing changes.
std::string_view strip_ends(std::string_view s, std::size_t* cut_front) {
  for (bool changed = true; changed && !s.empty();) {
    changed = false;
    if (std::size_t n = label_lead_strip().match_at(s, 0); n > 0 && n <= s.size()) {
      s.remove_prefix(n);
      *cut_front += n;
      changed = true;
    }
    if (std::size_t n = label_tail_strip().match_before(s, s.size()); n > 0 && n <= s.size()) {
      s.remove_suffix(n);
      changed = true;
    }
  }
  return s;
}

std::string leading_marker(std::string_view s) {
  if (s.starts_with("累计")) return "累计";
  std::size_t n = increment_markers().match_at(s, 0);
  return std::string(s.substr(0, n));
}

std::set<std::string_view> bigrams(std::string_view s) {
  std::set<std::string_view> out;
  std::size_t prev = std::string_view::npos;
  for (std::size_t i = 0; i < s.size(); i += char_length(s, i)) {
    if (prev != std::string_view::npos) out.insert(s.substr(prev, i + char_length(s, i) - prev));
    prev = i;
  }
  if (out.empty() && !s.empty()) out.insert(s);
  return out;
}

}  // namespace

std::string compact(std::string_view label) {
  std::string out;
  for (char c : label) {
    if (c != ' ' && c != '"') out.push_back(c);
  }
  // 已 is an adverb (范围内已累计建成), never part of an indicator's name.
  for (std::size_t at = out.find("已"); at != std::string::npos; at = out.find("已", at)) {
    out.erase(at, out.compare(at, 6, "已经") == 0 ? 6 : 3);
  }
  return out;
}

LabelText label_before(std::string_view phrase) {
  LabelText out;
  std::size_t cut = 0;
  for (std::size_t i = 0; i < phrase.size();) {
    std::size_t len = 0;
    char32_t c = decode_at(phrase, i, &len);
    i += len;
    if (is_hard_boundary(c)) cut = i;
  }
  if (phrase.size() - cut > kMaxLabelBytes) {
    cut = phrase.size() - kMaxLabelBytes;
    while (cut < phrase.size() && (static_cast<unsigned char>(phrase[cut]) & 0xC0) == 0x80) ++cut;
  }
  std::string_view s = phrase.substr(cut);
  out.offset = cut;
  s = strip_ends(s, &out.offset);
  if (example_markers().ends(s)) return {};  // 中信重工等: examples, not an indicator
  if (s.starts_with("连续")) return {};        // 连续7年居全国首位: a streak, not a name
  out.text = compact(s);
  out.marker = leading_marker(out.text);
  return out;
}

LabelText label_after(std::string_view phrase) {
  LabelText out;
  // 与 is left out: it joins words inside names (信息技术与制造业融合).
  static const PhraseSet kJoins{"和", "及", "或", "以及"};
  if (rank_cues().match_at(phrase, 0)) return out;  // 18.7万个,居全国…: no noun follows
  std::size_t end = 0;
  for (std::size_t i = 0; i < phrase.size();) {
    std::size_t len = 0;
    char32_t c = decode_at(phrase, i, &len);
    bool join = kJoins.match_at(phrase, i) > 0;
    if (is_hard_boundary(c) || (c >= '0' && c <= '9') ||
        (i > 0 && !join && after_label_stops().match_at(phrase, i) > 0)) {
      break;
    }
    i += len;
    end = i;
  }
  std::string_view s = phrase.substr(0, std::min(end, kMaxLabelBytes));
  out.consumed = s.size();
  // 更具辨识度和影响力的开发区集群地标: the head noun follows the last 的.
  if (std::size_t de = s.rfind("的"); de != std::string_view::npos) s.remove_prefix(de + 3);
  std::size_t join_len = 0;
  if (std::size_t j = kJoins.find(s, 3, &join_len); j != std::string_view::npos) s = s.substr(0, j);
  out.text = compact(strip_ends(s, &out.offset));
  out.marker = leading_marker(out.text);
  return out;
}

std::string with_suffix(std::string label, std::string_view suffix,
                        std::initializer_list<std::string_view> endings) {
  for (std::string_view e : endings) {
    if (std::string_view(label).ends_with(e)) return label;
  }
  return label + std::string(suffix);
}

double label_similarity(std::string_view a, std::string_view b) {
  auto x = bigrams(a), y = bigrams(b);
  if (x.empty() || y.empty()) return 0;
  std::size_t common = 0;
  for (auto g : x) common += y.count(g);
  return 2.0 * static_cast<double>(common) / static_cast<double>(x.size() + y.size());
}

}  // namespace policydb::extract_detail
