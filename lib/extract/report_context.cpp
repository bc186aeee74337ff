// Report date, home province and the default year of undated actual figures.
//
// The dateline scan reads only the top of the document (kDatelineBytes), where
// newspapers and press releases print it; deeper dates are events (11月10日
// 召开…) and only feed the inference fallback.
#include "extract/report_context.h"

#include <algorithm>
#include <initializer_list>
#include <map>
#include <vector>

#include "extract/utf8.h"
#include "policydb/catalog.h"

namespace policydb::extract_detail {
namespace {

constexpr std::size_t kDatelineBytes = 1500;
constexpr std::size_t kTitleBytes = 240;
constexpr int kReviewMonths = 4;  // reports this early in a year may review the last

// Reads 1–4 ASCII digits at s[i]; returns the count read (0: none).
std::size_t read_int(std::string_view s, std::size_t i, int* value, std::size_t max_digits = 4) {
  std::size_t n = 0;
  int v = 0;
  while (i + n < s.size() && n < max_digits && s[i + n] >= '0' && s[i + n] <= '9') {
    v = v * 10 + (s[i + n] - '0');
    ++n;
  }
  if (i + n < s.size() && s[i + n] >= '0' && s[i + n] <= '9') return 0;  // longer number
  *value = v;
  return n;
}

bool preceded_by_digit(std::string_view s, std::size_t i) { return i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'; }

// A digit at s[i] that no digit precedes: where full_date_at can match.
bool starts_number(std::string_view s, std::size_t i) {
  return s[i] >= '0' && s[i] <= '9' && !preceded_by_digit(s, i);
}

// A full date at s[i]: 2024-01-25 or 2025年1月9日.
std::optional<Date> full_date_at(std::string_view s, std::size_t i) {
  int y = 0, m = 0, d = 0;
  std::size_t n = read_int(s, i, &y);
  if (n != 4 || preceded_by_digit(s, i)) return std::nullopt;
  std::size_t p = i + 4;
  bool dash = p < s.size() && (s[p] == '-' || s[p] == '/' || s[p] == '.');
  bool han = s.substr(p).starts_with("年");
  if (!dash && !han) return std::nullopt;
  p += dash ? 1 : 3;
  if (!(n = read_int(s, p, &m, 2))) return std::nullopt;
  p += n;
  if (dash ? !(p < s.size() && s[p] == s[i + 4]) : !s.substr(p).starts_with("月")) return std::nullopt;
  p += dash ? 1 : 3;
  if (!read_int(s, p, &d, 2)) return std::nullopt;
  Date date{y, m, d};
  if (!date.valid()) return std::nullopt;
  return date;
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return s.starts_with(p); });
}

bool ends_with_any(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view p) { return s.ends_with(p); });
}

// A year that names the future, not the time of writing: a deadline (到2027年,
// 力争2025年, 2030年前, 2025年底前) or what will be done by then (2030年将建成).
bool future_mention(std::string_view before, std::string_view after) {
  return ends_with_any(before, {"到", "至", "力争", "争取"}) || starts_with_any(after, {"前", "底前", "将", "力争"});
}

// The text after 年 names a part of that year still running, or months of it:
// 2023年1-9月, 2023年前三季度, 2023年上半年, 2023年以来.
bool part_of_year(std::string_view after) {
  return (!after.empty() && after[0] >= '0' && after[0] <= '9') ||
         starts_with_any(after, {"前", "第", "上半年", "下半年", "一季度", "二季度", "三季度", "以来", "一至"});
}

struct YearMention {
  int year = 0;
  std::string_view before, after;  // the text around "YYYY年"
};

// Every 19xx/20xx年 of `s` with its context, in text order.
std::vector<YearMention> year_mentions(std::string_view s) {
  std::vector<YearMention> out;
  for (std::size_t i = s.find("年"); i != std::string_view::npos; i = s.find("年", i + 1)) {
    int y = 0;
    if (i < 4 || read_int(s, i - 4, &y) != 4 || preceded_by_digit(s, i - 4) || y < 1990 || y > 2100) continue;
    out.push_back({y, s.substr(0, i - 4), s.substr(i + 3)});
  }
  return out;
}

// A whole year reported as done: 2022年营业收入达到2579亿元, 2022年,全省…突破1.9万亿元
// (an achievement verb and a figure in the clause, and no month or quarter).
bool completed_year(const YearMention& m) {
  std::string_view clause = m.after;
  if (clause.starts_with(",")) clause.remove_prefix(1);
  if (clause.starts_with("，")) clause.remove_prefix(3);
  if (part_of_year(clause) || future_mention(m.before, clause)) return false;
  std::size_t end = clause.size();
  for (std::string_view stop : {",", "，", "。", ";", "；", "\n"}) end = std::min(end, clause.find(stop));
  clause = clause.substr(0, end);
  for (std::string_view verb : {"达到", "实现", "完成", "突破", "增长", "超过", "累计"}) {
    const std::size_t at = clause.find(verb);
    if (at == std::string_view::npos) continue;
    const std::string_view rest = clause.substr(at);
    if (std::any_of(rest.begin(), rest.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
  }
  return false;
}

// 今年 with a month, a quarter or a half: the year of writing is still running
// (截至今年10月底, 今年前三季度, 今年上半年).
bool current_year_running(std::string_view s) {
  for (std::size_t i = s.find("今年"); i != std::string_view::npos; i = s.find("今年", i + 1)) {
    if (part_of_year(s.substr(i + 6))) return true;
  }
  return false;
}

// The year of writing, guessed from the years a text names: the one named most
// often, leaving out those that name the future. A text that reports this year
// as still running (今年前三季度) and some year as done (2022年…达到…) was
// written after that year, whatever it names most. 0 when no year is named.
int year_of_writing(std::string_view s) {
  const std::vector<YearMention> mentions = year_mentions(s);
  std::map<int, int> counts;
  int last_completed = 0;
  for (const YearMention& m : mentions) {
    if (future_mention(m.before, m.after)) continue;
    ++counts[m.year];
    if (completed_year(m)) last_completed = std::max(last_completed, m.year);
  }
  int best = 0, best_count = 0;
  for (auto [y, c] : counts) {
    if (c >= best_count) best = y, best_count = c;
  }
  if (best != 0 && last_completed >= best && current_year_running(s)) return last_completed + 1;
  return best;
}

// 新华社杭州7月5日电: a month-day followed by 电 near the top.
std::optional<Date> wire_dateline(std::string_view top, int year) {
  for (std::size_t i = top.find("日电"); i != std::string_view::npos; i = top.find("日电", i + 1)) {
    std::size_t j = top.rfind("月", i);
    if (j == std::string_view::npos || i - j > 5) continue;
    int d = 0, m = 0;
    std::size_t dn = read_int(top, j + 3, &d, 2);
    std::size_t k = j;
    while (k > 0 && top[k - 1] >= '0' && top[k - 1] <= '9' && j - k < 2) --k;
    if (!dn || k == j || !read_int(top, k, &m, 2)) continue;
    Date date{year, m, d};
    if (date.valid()) return date;
  }
  return std::nullopt;
}

Date inferred_date(std::string_view text) {
  std::optional<Date> latest;
  for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
    if (!starts_number(text, i)) continue;  // most bytes: spares the call
    if (auto d = full_date_at(text, i); d && (!latest || *d > *latest)) latest = d;
  }
  if (latest) return *latest;
  int year = year_of_writing(text);
  return year ? Date{year, 12, 31} : Date{};
}

}  // namespace

ReportDate find_report_date(std::string_view text, const DocumentMetadata& metadata,
                            const ExtractOptions& options, std::vector<Diagnostic>& diagnostics) {
  if (options.date && options.date->valid()) return {*options.date, "option"};
  if (metadata.date && metadata.date->valid()) return {*metadata.date, "metadata"};
  std::string_view top = text.substr(0, std::min(text.size(), kDatelineBytes));
  for (std::size_t i = 0; i + 4 <= top.size(); ++i) {
    if (!starts_number(top, i)) continue;
    if (auto d = full_date_at(top, i)) return {*d, "dateline"};
  }
  if (int year = year_of_writing(text)) {
    if (auto d = wire_dateline(top, year)) return {*d, "dateline"};
  }
  Date guess = inferred_date(text);
  if (!guess.valid()) {
    diagnostics.push_back({"no_date", "no date found: relative periods (今年, 去年) are not resolved, and figures with no "
                           "stated year are skipped; give the report date (--date)", 0});
    return {Date{}, "none"};
  }
  diagnostics.push_back({"date_inferred", "no publication date given or found; using " + guess.to_string(), 0});
  return {guess, "inferred"};
}

const Region* find_home_province(const Catalog& catalog, const ExtractOptions& options,
                                 const std::vector<RegionMention>& mentions, const Layout& layout,
                                 std::vector<Diagnostic>& diagnostics) {
  if (options.province) {
    const Region* r = catalog.find_region(*options.province);
    if (r && r->level == RegionLevel::prefecture) r = catalog.region_by_code(r->parent_code);
    if (r && r->level == RegionLevel::province) return r;
    diagnostics.push_back({"bad_province", "not a province: " + *options.province, 0});
  }
  std::map<const Region*, int> counts;
  std::size_t title_end = layout.paragraphs.empty() ? 0 : std::max(layout.paragraphs[0].span.end, kTitleBytes);
  for (const RegionMention& m : mentions) {
    const Region* r = m.region;
    if (r->level == RegionLevel::prefecture) r = catalog.region_by_code(r->parent_code);
    if (r == nullptr || r->level != RegionLevel::province) continue;
    counts[r] += m.span.begin < title_end ? 3 : 1;
  }
  const Region* best = nullptr;
  int best_count = 0;
  for (auto [r, c] : counts) {
    if (c > best_count) best = r, best_count = c;
  }
  if (!best) diagnostics.push_back({"no_home_province", "no province named in the text", 0});
  return best;
}

int default_actual_year(std::string_view text, const Layout& layout, const Date& report_date) {
  if (!report_date.valid()) return year_of_writing(text);
  if (report_date.month > kReviewMonths) return report_date.year;
  const std::string previous = std::to_string(report_date.year - 1) + "年";
  // A title naming the year before (2023年…统计公报) reviews that year.
  if (!layout.paragraphs.empty() && layout.paragraphs[0].heading &&
      text.substr(layout.paragraphs[0].span.begin).starts_with(previous)) {
    return report_date.year - 1;
  }
  for (const Sentence& s : layout.sentences) {
    std::string_view head = text.substr(s.span.begin, std::min<std::size_t>(s.span.end - s.span.begin, 16));
    if (head.starts_with(previous) || head.starts_with("去年")) {
      std::string_view after = head.substr(head.starts_with("去年") ? 6 : previous.size());
      if (after.starts_with(",") || after.starts_with("以来") || after.starts_with("全年")) {
        return report_date.year - 1;
      }
    }
  }
  return report_date.year;
}

}  // namespace policydb::extract_detail
