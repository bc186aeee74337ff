#include "text/metadata.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

namespace policydb::text {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits ASCII digits at s[*i].
std::optional<int> read_number(std::string_view s, std::size_t* i, std::size_t max_digits) {
  std::size_t k = *i;
  int v = 0;
  while (k < s.size() && is_digit(s[k]) && k - *i < max_digits) v = v * 10 + (s[k++] - '0');
  if (k == *i || (k < s.size() && is_digit(s[k]))) return std::nullopt;
  *i = k;
  return v;
}

bool consume(std::string_view s, std::size_t* i, std::string_view word) {
  if (s.substr(*i, word.size()) != word) return false;
  *i += word.size();
  return true;
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

// YAML scalars as front matter writes them: "quoted", 'quoted', [a, b] (first).
std::string yaml_scalar(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && v.front() == '[' && v.back() == ']') {
    v = trim(v.substr(1, v.size() - 2));
    v = trim(v.substr(0, v.find(',')));
  }
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  return std::string(v);
}

enum class Field { title, date, source, publisher };

struct Label {
  std::string_view word;
  Field field;
};

// Labels of metadata lines in Chinese reports (after NFKC the colon is ASCII).
constexpr std::array kLabels = {
    Label{"文章来源", Field::source},  Label{"信息来源", Field::source},
    Label{"稿件来源", Field::source},  Label{"来源", Field::source},
    Label{"发布机构", Field::publisher}, Label{"发布单位", Field::publisher},
    Label{"发文机关", Field::publisher}, Label{"发布时间", Field::date},
    Label{"发布日期", Field::date},    Label{"成文日期", Field::date},
    Label{"日期", Field::date},        Label{"时间", Field::date},
};

// Words that end a labelled value when the labels share one line.
constexpr std::array<std::string_view, 10> kValueStops = {
    "作者", "编辑", "责任编辑", "责编", "记者", "发布时间", "时间", "字号", "浏览", "|"};

std::string_view cut_value(std::string_view v) {
  v = trim(v);
  std::size_t end = v.size();
  for (std::string_view stop : kValueStops) end = std::min(end, v.find(stop));
  end = std::min(end, v.find(' '));
  v = v.substr(0, end);
  while (!v.empty() && (v.back() == ')' || v.back() == ']')) v.remove_suffix(1);
  if (v.size() >= 3 && (v.substr(v.size() - 3) == "】" || v.substr(v.size() - 3) == "〕")) {
    v.remove_suffix(3);
  }
  return trim(v);
}

void set_field(Field field, std::string_view value, DocumentMetadata* meta) {
  if (value.empty()) return;
  std::size_t used = 0;
  switch (field) {
    case Field::title: if (!meta->title) meta->title = std::string(value); break;
    case Field::source: if (!meta->source) meta->source = std::string(value); break;
    case Field::publisher: if (!meta->publisher) meta->publisher = std::string(value); break;
    case Field::date:
      if (!meta->date) meta->date = parse_date_prefix(value, &used);
      break;
  }
}

void read_labels(std::string_view para, DocumentMetadata* meta) {
  if (para.size() > 300) return;
  // Most paragraphs hold no colon, and so no label: spares building and
  // seeking every label key in them.
  if (para.find(':') == std::string_view::npos && para.find("：") == std::string_view::npos) return;
  for (const Label& label : kLabels) {
    for (std::string_view colon : {":", "："}) {
      const std::string key = std::string(label.word) + std::string(colon);
      const std::size_t at = para.find(key);
      if (at == std::string_view::npos) continue;
      std::string_view value = para.substr(at + key.size());
      set_field(label.field, label.field == Field::date ? trim(value) : cut_value(value), meta);
    }
  }
}

// A paragraph that starts with a date and carries nothing sentence-like after it.
void read_dateline(std::string_view para, DocumentMetadata* meta) {
  if (meta->date || para.size() > 200) return;
  std::size_t used = 0;
  auto date = parse_date_prefix(para, &used);
  if (!date) return;
  const std::string_view rest = para.substr(used);
  if (rest.find(',') != std::string_view::npos || rest.find("。") != std::string_view::npos ||
      rest.find("，") != std::string_view::npos) {
    return;
  }
  meta->date = date;
}

}  // namespace

std::optional<Date> parse_date_prefix(std::string_view s, std::size_t* consumed) {
  std::size_t i = 0;
  const auto year = read_number(s, &i, 4);
  if (!year || i != 4 || *year < 1900 || *year > 2200) return std::nullopt;
  const bool chinese = consume(s, &i, "年");
  const char sep = chinese ? 0 : (i < s.size() ? s[i] : 0);
  if (!chinese && sep != '-' && sep != '/' && sep != '.') return std::nullopt;
  if (!chinese) ++i;
  const auto month = read_number(s, &i, 2);
  if (!month) return std::nullopt;
  if (chinese ? !consume(s, &i, "月") : !(i < s.size() && s[i++] == sep)) return std::nullopt;
  const auto day = read_number(s, &i, 2);
  if (!day) return std::nullopt;
  if (chinese && !consume(s, &i, "日")) consume(s, &i, "号");
  const Date date{*year, *month, *day};
  if (!date.valid()) return std::nullopt;
  *consumed = i;
  return date;
}

std::size_t read_front_matter(std::string_view utf8, DocumentMetadata* meta) {
  if (utf8.substr(0, 3) != "---") return 0;
  std::size_t pos = utf8.find('\n');
  if (pos == std::string_view::npos || trim(utf8.substr(3, pos - 3)) != "") return 0;
  ++pos;
  std::vector<std::pair<std::string_view, std::string_view>> fields;
  for (int lines = 0; pos < utf8.size() && lines < 200; ++lines) {
    std::size_t end = utf8.find('\n', pos);
    if (end == std::string_view::npos) end = utf8.size();
    const std::string_view line = trim(utf8.substr(pos, end - pos));
    pos = std::min(end + 1, utf8.size());
    if (line == "---" || line == "...") {
      for (const auto& [key, value] : fields) {
        const std::string v = yaml_scalar(value);
        if (key == "title") set_field(Field::title, v, meta);
        else if (key == "date") set_field(Field::date, v, meta);
        else if (key == "source" || key == "categories" || key == "category") set_field(Field::source, v, meta);
        else if (key == "publisher" || key == "author") set_field(Field::publisher, v, meta);
      }
      return pos;
    }
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos) fields.emplace_back(trim(line.substr(0, colon)), line.substr(colon + 1));
  }
  return 0;  // no closing marker: not front matter
}

void read_labelled_metadata(std::string_view normalized, DocumentMetadata* meta) {
  std::vector<std::string_view> paras;
  for (std::size_t pos = 0; pos < normalized.size();) {
    std::size_t end = normalized.find('\n', pos);
    if (end == std::string_view::npos) end = normalized.size();
    paras.push_back(normalized.substr(pos, end - pos));
    pos = end + 1;
  }
  constexpr std::size_t kTop = 12, kBottom = 6;
  for (std::size_t i = 0; i < paras.size() && i < kTop; ++i) read_dateline(paras[i], meta);
  for (std::size_t i = 0; i < paras.size(); ++i) {
    if (i < kTop || i + kBottom >= paras.size()) read_labels(paras[i], meta);
    if (i == kTop && paras.size() > kTop + kBottom) i = paras.size() - kBottom - 1;
  }
}

}  // namespace policydb::text
