// Peer test: Microsoft Recognizers-Text's Chinese number, percentage, ordinal,
// currency, dimension and range specs (../shared/peer/recognizers-zh) run
// through find_quantities. Inputs go through the same normalization our text
// module applies (NFKC, Traditional → Simplified) before scanning.
//
// Out of scope, with the reason (each case is counted under its reason):
//  - not_supported_by_peer: the peer's own reference build fails the case; its
//    expectation is intent, sometimes wrong (README: 20万次以上 → 20000).
//  - spaced numerals (一百 五 十 二, 7 万5 千4 百): in reports a space separates
//    table cells (2021 2022), so numerals are never joined across spaces.
//  - scientific notation, powers and Latin magnitude suffixes (2e5, 2^5, 40k,
//    -2.5 M): not written in reports, and 4K/8K there are names.
//  - 兆 as 10^12: mainland reports use 兆 for mega (兆瓦, 100兆宽带).
//  - slash and mixed fractions (1 4/3, 三又三分之一), 打 (dozen): not written in
//    reports; '/' is a unit separator there (元/吨).
//  - discounts (八五折, 对折): retail wording; 折 means 折合 in reports.
//  - dates and times (1991年1月16日, 20点): periods are another module's job, and
//    a number before 年/月/日/点 is deliberately not a quantity here.
//  - ≥11-digit strings (202107211321363588510367 美元): identifiers (order and
//    phone numbers) in reports.
//  - units outside the policy unit table (Swiss franc, naira, bitcoin, 比特,
//    字节, 赫兹, 千卡, 微克, 公分, 两 as a weight): a measure unknown to the table
//    is not guessed; 两 as a unit would clash with 两 = two.
//  - compound or colloquial money (五元三毛, 两美元又三美分, 三块, $20, ￥300,
//    bare currency names): 块 is a measure word in reports, and a currency name
//    without a number is not a quantity.
//  - a lone Chinese digit inside running text (这是五那是四, 三的写法, 三双,
//    十双): reports use 一/二/三 inside words (一是, 一体化, 三农, 四川), so a lone
//    Chinese digit is a number only before a measure word or at a clause end.
//  - a numeral alone in quotes (“一”和“五”): quoted numeral tokens are names in
//    reports (“十四五”, “33618”).
//  - bare ordinals (第三, 第二百五十, 第3万回): a 第N without 位/名 after it or
//    居/排/列 before it is an enumeration or an event/sector ordinal in reports
//    (第一，…; 第二产业; 第五场), not a rank.
//  - number-model negatives on currency amounts (一美元 → nothing): the peer
//    leaves them to its currency model; we return them with their unit.
// Each family compares only the quantities of its kind: currency and dimension
// cases ignore the other numbers of the sentence, as the peer's models do.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "policydb/catalog.h"
#include "policydb/quantity.h"
#include "test_support.h"

namespace {

using nlohmann::json;
using policydb::Quantity;

std::filesystem::path peer_dir() { return policydb::testing::shared_dir() / "peer" / "recognizers-zh"; }

std::vector<json> read_jsonl(const std::string& name) {
  std::ifstream in(peer_dir() / name);
  std::vector<json> out;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(json::parse(line));
  }
  return out;
}

// NFKC and Traditional → Simplified, as lib/text does before extraction.
std::string normalize(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  static std::unique_ptr<icu::Transliterator> hant(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString s = nfkc->normalize(icu::UnicodeString::fromUTF8(text), status);
  if (hant) hant->transliterate(s);
  std::string out;
  s.toUTF8String(out);
  return out;
}

std::string family_of(const json& c) {
  const std::string source = c["source"];
  for (const char* f : {"Percent", "Ordinal", "Currency", "Dimension", "NumberRange"}) {
    if (source.find(f) != std::string::npos) {
      static const std::map<std::string, std::string> kNames = {
          {"Percent", "percentage"}, {"Ordinal", "ordinal"}, {"Currency", "currency"},
          {"Dimension", "dimension"}, {"NumberRange", "range"}};
      return kNames.at(f);
    }
  }
  return "number";
}

// Peer unit names → our unit codes, for the units the policy table has.
const std::map<std::string, std::string>& unit_codes() {
  static const std::map<std::string, std::string> kCodes = {
      {"Chinese yuan", "CNY"}, {"United States dollar", "USD"}, {"Euro", "EUR"},
      {"Hong Kong dollar", "HKD"}, {"Japanese yen", "JPY"}, {"Mu", "亩"},
      {"Kilogram", "kg"}, {"Ton", "t"}, {"Meter", "m"}, {"Kilometer", "km"},
      {"Square kilometer", "km2"}, {"Kilowatt", "kW"}, {"Jin", "斤"}};
  return kCodes;
}

bool contains_any(const std::string& text, std::initializer_list<const char*> words) {
  for (const char* w : words) {
    if (text.find(w) != std::string::npos) return true;
  }
  return false;
}

bool is_chinese_digit(char32_t c) {
  return std::u32string_view(U"〇零一二三四五六七八九两十百千").find(c) != std::u32string_view::npos;
}

bool is_cjk(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }

// Does a unit surface of the catalog begin with `c` (个, 台, 吨 …)?
bool starts_unit(char32_t c, const policydb::Catalog& catalog) {
  for (const auto& [surface, code] : catalog.unit_surfaces()) {
    if (icu::UnicodeString::fromUTF8(surface).char32At(0) == static_cast<UChar32>(c)) return true;
  }
  return false;
}

// The characters just before and after an expected entity (offsets in UTF-16, end inclusive).
std::pair<char32_t, char32_t> neighbours(const json& c, const json& e) {
  const icu::UnicodeString input = icu::UnicodeString::fromUTF8(c["input"].get<std::string>());
  const int start = e.value("start", -1), end = e.value("end", -1);
  const auto at = [&](int i) -> char32_t {
    return i >= 0 && i < input.length() ? static_cast<char32_t>(input.char32At(i)) : 0;
  };
  return {at(start - 1), at(end + 1)};
}

// Context-based reasons: lone digits inside words, quoted numerals, dates, bare ordinals.
std::string context_reason(const json& c, const json& e, const std::string& norm,
                           const policydb::Catalog& catalog) {
  const auto [before, after] = neighbours(c, e);
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(norm);
  const bool lone = u.countChar32() == 1 && is_chinese_digit(static_cast<char32_t>(u.char32At(0)));
  if (lone && before == U'“') return "quoted numeral";
  if (lone && is_cjk(after) && !starts_unit(after, catalog)) return "lone digit inside a word";
  if (std::u32string_view(U"年月日时点").find(after) != std::u32string_view::npos &&
      family_of(c) == "number") {
    return "dates and times";
  }
  if (family_of(c) == "ordinal" && !starts_unit(after, catalog) && after != U'名' && after != U'位') {
    return "bare ordinal";
  }
  return {};
}

// The reason a case is out of scope, or empty when it is in scope.
std::string out_of_scope(const json& c, const policydb::Catalog& catalog) {
  if (c.value("not_supported_by_peer", false)) return "not supported by peer";
  const std::string input = c["input"];
  if (family_of(c) == "number" && c["expected"].empty() && contains_any(input, {"美元"})) {
    return "currency left to the peer's currency model";
  }
  for (const json& e : c["expected"]) {
    const std::string text = e["text"];
    const std::string norm = normalize(text);
    if (const std::string r = context_reason(c, e, norm, catalog); !r.empty()) return r;
    if (norm.find(' ') != std::string::npos) return "spaced numeral";
    if (contains_any(norm, {"e", "E", "^", "k", "K", " m", "M"})) return "scientific or Latin suffix";
    if (contains_any(norm, {"兆"})) return "兆 as 10^12";
    if (contains_any(norm, {"/", "又", "打"})) return "slash/mixed fraction or dozen";
    if (contains_any(norm, {"折"})) return "discount";
    if (!e["unit"].is_null() && !unit_codes().count(e["unit"].get<std::string>())) {
      return "unit outside the policy table";
    }
    if (e["value"].is_null() || contains_any(norm, {"毛", "美分", "块", "$", "¥", "銭"})) {
      return "colloquial money";
    }
    const std::string digits = norm.substr(0, norm.find_first_not_of("0123456789"));
    if (digits.size() >= 11) return "identifier-length digit string";
  }
  return {};
}

double peer_value(const json& e) {
  std::string v = e["value"];
  if (!v.empty() && v.back() == '%') v.pop_back();
  return std::stod(v);
}

bool close(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); }

bool matches(const Quantity& q, const json& e, const std::string& family) {
  const double v = peer_value(e);
  if (family == "currency" || family == "dimension") {
    return close(q.value, v) && q.unit == unit_codes().at(e["unit"].get<std::string>());
  }
  if (family == "percentage") return close(q.value, v) && (q.unit == "%" || q.unit == "pp");
  if (family == "ordinal") return close(q.value, v);
  // The number model gives fractions as plain numbers (五分之一 → 0.2).
  return close(q.value, v) || (q.is_fraction_or_share && close(q.value / 100, v));
}

bool is_currency(const std::string& unit) {
  return unit == "CNY" || unit == "USD" || unit == "EUR" || unit == "HKD" || unit == "JPY";
}

// The quantities a peer model of `family` would report.
std::vector<Quantity> of_family(const std::vector<Quantity>& all, const std::string& family) {
  std::vector<Quantity> out;
  for (const Quantity& q : all) {
    bool keep = true;
    if (family == "currency") keep = is_currency(q.unit);
    if (family == "dimension") {
      keep = !is_currency(q.unit) && std::any_of(unit_codes().begin(), unit_codes().end(),
                                                 [&](const auto& m) { return m.second == q.unit; });
    }
    if (family == "percentage") keep = q.unit == "%" || q.unit == "pp";
    if (family == "ordinal") keep = q.is_rank;
    if (keep) out.push_back(q);
  }
  return out;
}

struct Tally {
  int in_scope = 0, passed = 0;
  std::map<std::string, int> out_of_scope;
  std::vector<std::string> failures;
};

void run_case(const json& c, const policydb::Catalog& catalog, std::map<std::string, Tally>& tallies) {
  const std::string family = family_of(c);
  Tally& t = tallies[family];
  if (const std::string reason = out_of_scope(c, catalog); !reason.empty()) {
    ++t.out_of_scope[reason];
    return;
  }
  ++t.in_scope;
  const auto found = of_family(policydb::find_quantities(normalize(c["input"]), catalog), family);
  bool ok = found.size() == c["expected"].size();
  for (std::size_t i = 0; ok && i < found.size(); ++i) ok = matches(found[i], c["expected"][i], family);
  if (ok) {
    ++t.passed;
  } else {
    std::string got;
    for (const Quantity& q : found) got += std::to_string(q.value) + q.unit + " ";
    t.failures.push_back(c["input"].get<std::string>() + " → " + got);
  }
}

double report(const std::string& file, const std::map<std::string, Tally>& tallies) {
  int in_scope = 0, passed = 0;
  for (const auto& [family, t] : tallies) {
    in_scope += t.in_scope;
    passed += t.passed;
    std::cout << "[peer " << file << "] " << family << ": " << t.passed << "/" << t.in_scope
              << " in scope passed";
    for (const auto& [reason, n] : t.out_of_scope) std::cout << "; out of scope (" << reason << "): " << n;
    std::cout << "\n";
    for (const std::string& f : t.failures) std::cout << "    failed: " << f << "\n";
  }
  return in_scope == 0 ? 0 : static_cast<double>(passed) / in_scope;
}

double run_file(const std::string& file) {
  const auto catalog = policydb::Catalog::builtin();
  std::map<std::string, Tally> tallies;
  for (const json& c : read_jsonl(file)) run_case(c, *catalog, tallies);
  return report(file, tallies);
}

}  // namespace

TEST_CASE("peer number, percentage and ordinal specs pass at 95 % or better", "[numbers][peer]") {
  const double rate = run_file("number.jsonl");
  WARN("number.jsonl in-scope pass rate: " << rate * 100 << " %");
  REQUIRE(rate >= 0.95);
}

TEST_CASE("peer currency and dimension specs pass at 95 % or better", "[numbers][peer]") {
  const double rate = run_file("number_with_unit.jsonl");
  WARN("number_with_unit.jsonl in-scope pass rate: " << rate * 100 << " %");
  REQUIRE(rate >= 0.95);
}

namespace {

// Does our quantity express the peer's interval ("(20,)", "[30,)", "(,100]", "[20,100)")?
bool matches_interval(const Quantity& q, const std::string& interval) {
  const auto comma = interval.find(',');
  if (comma == std::string::npos || interval.size() < 3) return false;
  const std::string low = interval.substr(1, comma - 1);
  const std::string high = interval.substr(comma + 1, interval.size() - comma - 2);
  using policydb::Comparator;
  if (!low.empty() && !high.empty()) {
    if (low == high) return close(q.value, std::stod(low)) && q.comparator == Comparator::eq;
    return q.range_high && close(q.value, std::stod(low)) && close(*q.range_high, std::stod(high));
  }
  if (!low.empty()) {
    const Comparator want = interval.front() == '[' ? Comparator::ge : Comparator::gt;
    return close(q.value, std::stod(low)) && q.comparator == want;
  }
  const Comparator want = interval.back() == ']' ? Comparator::le : Comparator::lt;
  return !high.empty() && close(q.value, std::stod(high)) && q.comparator == want;
}

}  // namespace

TEST_CASE("peer number ranges are reported (comparators and ranges)", "[numbers][peer]") {
  const auto catalog = policydb::Catalog::builtin();
  int in_scope = 0, passed = 0;
  for (const json& c : read_jsonl("number_range.jsonl")) {
    if (c.value("not_supported_by_peer", false)) continue;
    ++in_scope;
    const auto found = policydb::find_quantities(normalize(c["input"]), *catalog);
    const json& expected = c["expected"];
    bool ok = found.size() == expected.size();
    for (std::size_t i = 0; ok && i < found.size(); ++i) {
      ok = matches_interval(found[i], expected[i]["value"].get<std::string>());
    }
    passed += ok ? 1 : 0;
  }
  // Informational: most peer range cases are comparative phrases (大于…小于…,
  // 在…之间) that the extractor does not need; only the FORMAT.md bound words are ours.
  std::cout << "[peer number_range.jsonl] range: " << passed << "/" << in_scope
            << " passed (not gated)\n";
  WARN("number_range.jsonl pass rate: " << (in_scope ? 100.0 * passed / in_scope : 0) << " %");
  CHECK(in_scope > 0);
}
