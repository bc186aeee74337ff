// Peer test: Microsoft Recognizers-Text's Chinese date specs
// (../shared/peer/recognizers-zh/datetime.jsonl, read at run time) through
// find_periods, for the families a policy report uses.
//
// Conversions (see that folder's README.md):
//  * Peer ranges are end-exclusive. A named period (2018年10月, 上半年) ends the day
//    before the peer's end. In an explicit span (三月到五月, 2010年至2018年) the peer's
//    end is the START of the last named unit, which our closed span includes, so
//    the closed end is the end of that unit (the unit is the timex's P…Y/M/D).
//  * A peer date without a year (XXXX-03) comes with past and future readings;
//    either counts, since we resolve against the reference year by design.
//  * Before/until/since/after (Mod): we report the anchor (2018年以前 → 2018, a
//    deadline); the anchor is compared, and before/until must be deadline or as_of.
//  * Durations and sets are in scope as negatives: no period may be found on them.
//  * A spec date the peer itself leaves "not resolved" (2019年2月29日) must not be found.
//
// Out of scope (declared per entity below, with the reason):
//  * times of day (timex with T…): facts in reports hold for days or longer;
//  * weeks and weekdays (timex with W): reports count months, quarters, years;
//  * seasons (今年夏天): not a statistical period in Chinese reports;
//  * lunar dates (农历, 正月, 初一) and imperial/republican era years (康熙三年):
//    not used for indicators in provincial reports;
//  * decades and centuries (九十年代, 19世纪70年代): no indicator holds for them;
//  * windows anchored on the reference DAY (近三年 as 2014-03-22..2017-03-21,
//    过去十年, 后1年, 上2个月, 未来两天, 5年前, 最近): we resolve 近N年 to whole completed
//    calendar years on purpose, since reports count calendar years;
//  * month-first/day-first numeric dates (10/1/2017, 1/2/2020, 12/1, 12-11-10):
//    Chinese reports write year first;
//  * bare numbers as years (2018 看起来是一个年份, = 2019): in reports a bare
//    number is a quantity far more often than a year.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "policydb/periods.h"
#include "test_support.h"

using nlohmann::json;
using policydb::Date;
using policydb::Period;
using policydb::PeriodMatch;

namespace {

struct Tally {
  int passed = 0, total = 0;
};

bool contains_any(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (text.find(w) != std::string::npos) return true;
  }
  return false;
}

std::string timex_of(const json& entity) {
  const json& v = entity["value"];
  return v.is_array() ? v[0].get<std::string>() : v.get<std::string>();
}

// The reason an entity is out of scope, or "" when it is in scope.
std::string out_of_scope(const json& entity, const std::string& input) {
  const auto text = entity["text"].get<std::string>();
  const auto type = entity["type"].get<std::string>();
  const auto kind = type.substr(type.rfind('.') + 1);  // date, daterange, time, datetime …
  const auto timex = timex_of(entity);
  if ((kind != "date" && kind != "daterange") || timex.find('T') != std::string::npos) {
    return "times of day";
  }
  if (contains_any(text, {"後", "個", "週", "禮"})) return "traditional script (we read simplified)";
  if (timex.find('W') != std::string::npos ||
      (contains_any(text, {"周", "星期", "礼拜"}) && text.find(",星期") == std::string::npos)) {
    return "weeks and weekdays";
  }
  if (contains_any(timex, {"SU", "WI", "FA", "SP"})) return "seasons";
  if (contains_any(input, {"农历", "正月", "初一", "大年"})) return "lunar dates";
  if (contains_any(text, {"康熙", "雍正", "民国", "神龙", "元年"})) return "era years";
  if (contains_any(text, {"世纪", "年代"})) return "decades and centuries";
  if (contains_any(text, {"近", "过去", "后1年", "上2个月", "未来", "年前", "天前", "最近"}) &&
      !contains_any(text, {"年以前", "年之前"}) && text.find("2015年前") == std::string::npos) {
    return "windows anchored on the reference day";
  }
  if (std::regex_search(text, std::regex("^[0-9]{1,2}[/-][0-9]{1,2}"))) {
    return "month-first or day-first numeric dates";
  }
  if (text.find_first_not_of("0123456789= ") == std::string::npos) return "bare numbers as years";
  return "";
}

std::string family_of(const json& entity) {
  const auto text = entity["text"].get<std::string>();
  if (entity.contains("mod")) return "before/after anchors";
  if (contains_any(text, {"至", "到", "-", "–", "—", "与", "和"})) return "spans";
  if (contains_any(text, {"今", "去年", "明", "上", "下", "本月", "昨"})) return "relative";
  if (text.find("季") != std::string::npos) return "quarters";
  if (text.find("半") != std::string::npos) return "half-years";
  if (contains_any(text, {"日", "号", "/"})) return "days";
  if (text.find("月") != std::string::npos) return "months";
  return "years";
}

// Byte offsets of the UTF-16 range [start, end] (inclusive) of `input`.
std::pair<std::size_t, std::size_t> byte_range(const std::string& input, int start, int end) {
  std::size_t byte = 0, begin_byte = input.size(), end_byte = input.size();
  for (int unit = 0; byte < input.size(); ++unit) {
    const auto b = static_cast<unsigned char>(input[byte]);
    const std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (unit == start) begin_byte = byte;
    if (len == 4) ++unit;  // a surrogate pair
    byte += len;
    if (unit == end) end_byte = byte;
  }
  return {begin_byte, end_byte};
}

Date parse_date(const json& value) {
  return Date::parse(value.get<std::string>().substr(0, 10)).value_or(Date{});
}

// The closed end of an explicit span whose last unit starts at `start_of_last`.
Date end_of_unit(Date start_of_last, const std::string& timex) {
  const char unit = timex.size() >= 2 ? timex[timex.size() - 2] : 'D';
  if (unit == 'Y') return Date{start_of_last.year, 12, 31};
  if (unit == 'M') return Date::last_of_month(start_of_last.year, start_of_last.month);
  return start_of_last;
}

Date day_before(Date d) {
  if (--d.day > 0) return d;
  if (--d.month == 0) d.month = 12, --d.year;
  d.day = Date::days_in_month(d.year, d.month);
  return d;
}

// Each acceptable closed [start, end] for the entity.
std::vector<std::pair<Date, Date>> expected_spans(const json& entity, bool explicit_span) {
  std::vector<std::pair<Date, Date>> spans;
  if (entity.contains("mod")) {
    if (auto anchor = Period::parse(timex_of(entity))) spans.emplace_back(anchor->start(), anchor->end());
    return spans;
  }
  // The TIMEX is the peer's canonical value: 今年 → "2018" although the resolution
  // runs only to the reference day.
  if (auto named = Period::parse(timex_of(entity))) spans.emplace_back(named->start(), named->end());
  const json& res = entity["resolution"];
  std::vector<json> items;
  if (res.is_array()) items.assign(res.begin(), res.end());
  for (const char* key : {"future", "past"}) {
    if (res.is_object() && res.contains(key)) items.push_back(json{{"start", res[key]["startDate"]}, {"end", res[key]["endDate"]}, {"timex", entity["value"]}});
  }
  for (const json& r : items) {
    if (r.contains("value")) {
      const Date d = parse_date(r["value"]);
      if (d.valid()) spans.emplace_back(d, d);
    } else if (r.contains("start") && r.contains("end")) {
      const Date s = parse_date(r["start"]), e = parse_date(r["end"]);
      const std::string timex = r["timex"].is_string() ? r["timex"].get<std::string>() : "";
      spans.emplace_back(s, explicit_span ? end_of_unit(e, timex) : day_before(e));
    }
  }
  return spans;
}

bool matches(const std::vector<PeriodMatch>& found, std::pair<std::size_t, std::size_t> range,
             const json& entity) {
  const auto text = entity["text"].get<std::string>();
  const bool explicit_span = family_of(entity) == "spans";
  const auto spans = expected_spans(entity, explicit_span);
  const bool unresolved = !entity["resolution"].is_object() && !entity["resolution"].empty() &&
                          entity["resolution"][0].value("value", "") == "not resolved";
  for (const PeriodMatch& m : found) {
    if (m.end <= range.first || m.begin >= range.second) continue;
    if (unresolved) return false;
    const std::string mod = entity.value("mod", "");
    if ((mod == "before" || mod == "until") && m.role != policydb::PeriodRole::deadline &&
        m.role != policydb::PeriodRole::as_of) {
      continue;
    }
    for (const auto& [s, e] : spans) {
      if (m.period.start() == s && m.period.end() == e) return true;
    }
  }
  return unresolved;
}

bool overlaps_any(const std::vector<PeriodMatch>& found, std::pair<std::size_t, std::size_t> r) {
  for (const PeriodMatch& m : found) {
    if (m.end > r.first && m.begin < r.second) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Recognizers-Text Chinese date specs pass for the in-scope families", "[periods][peer]") {
  std::ifstream in(policydb::testing::shared_dir() / "peer/recognizers-zh/datetime.jsonl");
  REQUIRE(in.good());
  std::map<std::string, Tally> families;
  std::map<std::string, int> skipped;
  std::string misses;  // shown when the pass rate check fails
  std::string line;
  while (std::getline(in, line)) {
    const json c = json::parse(line);
    const auto input = c["input"].get<std::string>();
    const Date ref = c["reference_time"].is_string() ? parse_date(c["reference_time"]) : Date{};
    const auto found = policydb::find_periods(input, ref);
    if (c["expected"].empty()) {
      families["negatives (nothing to find)"].total++;
      families["negatives (nothing to find)"].passed += found.empty();
      continue;
    }
    for (const json& entity : c["expected"]) {
      const auto range = byte_range(input, entity["start"], entity["end"]);
      const auto type = entity["type"].get<std::string>();
      if (type.find("duration") != std::string::npos || type.find("set") != std::string::npos) {
        families["durations and sets (not periods)"].total++;
        families["durations and sets (not periods)"].passed += !overlaps_any(found, range);
        continue;
      }
      if (const auto reason = out_of_scope(entity, input); !reason.empty()) {
        skipped[reason]++;
        continue;
      }
      Tally& t = families[family_of(entity)];
      t.total++;
      const bool ok = matches(found, range, entity);
      t.passed += ok;
      if (!ok) misses += input + " → " + timex_of(entity) + "\n";
    }
  }
  Tally all;
  for (const auto& [name, t] : families) {
    WARN(name << ": " << t.passed << "/" << t.total);
    all.passed += t.passed, all.total += t.total;
  }
  for (const auto& [reason, n] : skipped) WARN("out of scope, " << reason << ": " << n);
  WARN("in scope overall: " << all.passed << "/" << all.total);
  REQUIRE(all.total >= 150);
  INFO("in-scope misses:\n" << misses);
  CHECK(all.passed * 100 >= all.total * 85);
}
