// Bad report input through the text decoder, the extractor and ingest: each
// gives a clear diagnostic or a correct result, never a crash, a non-finite
// value or a quote that is not in the source, in bounded time and memory.
//
// The long line is 16 MiB in CI; POLICYDB_RELIABILITY_LINE_MIB=100 (the full
// run in scripts/reliability.sh) makes it 100 MiB.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "policydb/database.h"
#include "policydb/extract.h"
#include "policydb/text.h"
#include "reliability_support.h"

using policydb::Database;
using policydb::ExtractOptions;
using policydb::Extractor;
namespace t = policydb::testing;

namespace {

// 广东省2023年新建5G基站2.5万个，数字经济规模达到6.9万亿元。 (our sentence), in three encodings.
const std::string kUtf8Sentence = "广东省2023年新建5G基站2.5万个，数字经济规模达到6.9万亿元。\n";
const std::string kGb18030Sentence =
    "\xB9\xE3\xB6\xAB\xCA\xA1\x32\x30\x32\x33\xC4\xEA\xD0\xC2\xBD\xA8\x35\x47\xBB\xF9\xD5\xBE\x32"
    "\x2E\x35\xCD\xF2\xB8\xF6\xA3\xAC\xCA\xFD\xD7\xD6\xBE\xAD\xBC\xC3\xB9\xE6\xC4\xA3\xB4\xEF\xB5"
    "\xBD\x36\x2E\x39\xCD\xF2\xD2\xDA\xD4\xAA\xA1\xA3\x0A";
// The same in traditional characters (廣東省…萬個…萬億元), Big5.
const std::string kBig5Sentence =
    "\xBC\x73\xAA\x46\xAC\xD9\x32\x30\x32\x33\xA6\x7E\xB7\x73\xAB\xD8\x35\x47\xB0\xF2\xAF\xB8\x32"
    "\x2E\x35\xB8\x55\xAD\xD3\xA1\x41\xBC\xC6\xA6\x72\xB8\x67\xC0\xD9\xB3\x57\xBC\xD2\xB9\x46\xA8"
    "\xEC\x36\x2E\x39\xB8\x55\xBB\xF5\xA4\xB8\xA1\x43\x0A";

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string random_bytes(std::size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string out(n, '\0');
  for (auto& c : out) c = static_cast<char>(rng() & 0xFF);
  return out;
}

ExtractOptions options_for(const std::string& name) {
  ExtractOptions options;
  options.source_name = name;
  options.date = policydb::Date{2024, 2, 1};
  options.province = "广东";
  return options;
}

bool has_code(const std::vector<policydb::Diagnostic>& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}

// Properties every extraction must have, whatever the input.
void check_sane(const policydb::ExtractResult& result) {
  for (const auto& f : result.facts) {
    INFO(f.quote);
    CHECK(std::isfinite(f.value));
    CHECK_FALSE(f.quote.empty());
    if (f.span_start && f.span_end) {
      CHECK(*f.span_start <= *f.span_end);
    }
  }
}

using Tuple = std::tuple<double, std::string, std::string>;
std::vector<Tuple> figures(const policydb::ExtractResult& result) {
  std::vector<Tuple> out;
  for (const auto& f : result.facts) out.emplace_back(f.value, f.unit, f.period.to_string());
  return out;
}

}  // namespace

TEST_CASE("Hostile report bytes give diagnostics or sane facts, never a crash",
          "[reliability][report]") {
  auto [name, bytes, code] = GENERATE(table<std::string, std::string, std::string>({
      {"empty", "", "text:empty"},
      {"white space and markup only", " \n\t<p> </p>\n<br/>", "text:empty"},
      {"binary garbage", random_bytes(200000, 1), "text:binary"},
      {"ELF header", std::string("\x7F" "ELF\x02\x01\x01\0", 8) + random_bytes(5000, 2), "text:binary"},
      {"invalid UTF-8", kUtf8Sentence + "\xFF\xFE\xC3\x28 \xE2\x82 " + kUtf8Sentence,
       "text:invalid_utf8"},
      {"truncated UTF-8 at the end", kUtf8Sentence + "\xE5\xB9", "text:invalid_utf8"},
      {"nested HTML", repeat("<div><span>", 100000) + kUtf8Sentence + repeat("</span></div>", 100000), ""},
      {"unclosed tags", repeat("<div class=\"", 50000) + kUtf8Sentence, ""},
      {"400-digit number", "广东省2023年新建5G基站" + std::string(400, '9') + "个。\n", ""},
      {"1e309", "广东省2023年数字经济规模达到1e309亿元，增长1e309%。\n", ""},
      {"huge Chinese numeral", "广东省2023年新建基站" + repeat("九千九百九十九万", 200) + "个。\n", ""},
      {"mixed scripts", "广东省2023年新建5G基站2.5万个，數字經濟規模達到6.9萬億元。ロボット 로봇 روبوت 🚀𝟝𝟚\n",
       ""},
      {"NUL bytes", std::string("广东省\0" "2023年\0新建5G基站2.5万个。\n", 40), ""},
      {"only digits", repeat("1234567890", 100000), ""},
  }));
  INFO(name);
  auto db = Database::open(":memory:");
  const Extractor extractor(db.catalog());
  const auto start = std::chrono::steady_clock::now();
  const auto result = extractor.extract(bytes, options_for(name));
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10) * POLICYDB_TEST_TIME_SCALE);
  std::string codes;
  for (const auto& d : result.diagnostics) codes += d.code + " ";
  INFO("diagnostics: " << codes << "; facts: " << result.facts.size());
  check_sane(result);
  if (!code.empty()) CHECK(has_code(result.diagnostics, code));
  // The end-to-end path stores it whole or reports, but does not throw.
  const auto report = db.ingest_bytes(bytes, options_for(name));
  CHECK(report.facts == result.facts.size());
  CHECK(db.facts().document(name).count() == result.facts.size());
}

TEST_CASE("GB18030 and Big5 reports give the same figures as UTF-8", "[reliability][report]") {
  auto db = Database::open(":memory:");
  const Extractor extractor(db.catalog());
  const auto utf8 = extractor.extract(repeat(kUtf8Sentence, 3), options_for("u.txt"));
  REQUIRE(utf8.facts.size() >= 2);
  auto [encoding, bytes, code] = GENERATE_COPY(table<std::string, std::string, std::string>({
      {"GB18030", repeat(kGb18030Sentence, 3), "text:decoded_gb18030"},
      {"Big5", repeat(kBig5Sentence, 3), "text:decoded_big5"},
  }));
  INFO(encoding);
  const auto result = extractor.extract(bytes, options_for("e.txt"));
  CHECK(has_code(result.diagnostics, code));
  CHECK(figures(result) == figures(utf8));
  // Quotes are in the original script, decoded to UTF-8.
  const auto text = policydb::normalize_document(bytes);
  for (const auto& f : result.facts) CHECK(text.original_utf8().find(f.quote) != std::string::npos);
}

namespace {

struct LongLineRun {
  double normalize_s = 0, extract_s = 0, peak_mib = 0;
  int exit_code = -1;
};

// Normalizes and extracts one line of `mib` MiB (our sentence repeated, no
// newline) in a child; times each stage and the child's peak memory.
LongLineRun run_long_line(double mib, const std::filesystem::path& log) {
  const auto size = static_cast<std::size_t>(mib * double(1 << 20));
  std::string line;
  line.reserve(size);
  while (line.size() + kUtf8Sentence.size() < size) {
    line.append(kUtf8Sentence, 0, kUtf8Sentence.size() - 1);  // no newline: one line
  }
  const long parent_kib = [] {
    std::ifstream status("/proc/self/status");
    for (std::string l; std::getline(status, l);) {
      if (l.rfind("VmRSS:", 0) == 0) return std::stol(l.substr(6));
    }
    return 0L;
  }();
  const auto exit = t::wait_child(t::fork_child([&] {
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const auto text = policydb::normalize_document(line);
    const auto t1 = Clock::now();
    if (text.text().size() < line.size() / 2) _exit(4);
    auto db = Database::open(":memory:");
    const Extractor extractor(db.catalog());
    const auto result = extractor.extract(line, options_for("long.txt"));
    const auto t2 = Clock::now();
    std::ofstream(log) << std::chrono::duration<double>(t1 - t0).count() << ' '
                       << std::chrono::duration<double>(t2 - t1).count() << '\n';
    if (result.facts.empty()) _exit(5);
  }));
  LongLineRun run;
  run.exit_code = exit.code;
  std::ifstream(log) >> run.normalize_s >> run.extract_s;
  run.peak_mib = double(exit.max_rss_kib - parent_kib) / 1024;
  return run;
}

}  // namespace

TEST_CASE("A very long single line is handled in linear time and bounded memory",
          "[reliability][report]") {
  // CI: 0.5 and 2 MiB. The full run (scripts/reliability.sh) sets
  // POLICYDB_RELIABILITY_LINE_MIB=100: 25 and 100 MiB.
  const double big = t::env_count("POLICYDB_RELIABILITY_LINE_MIB", 2);
  const double small = big / 4;
  t::TempDir dir;
  const auto a = run_long_line(small, dir / "small.log");
  const auto b = run_long_line(big, dir / "big.log");
  INFO(small << " MiB: normalize " << a.normalize_s << " s, extract " << a.extract_s << " s, peak "
       << a.peak_mib << " MiB");
  INFO(big << " MiB: normalize " << b.normalize_s << " s, extract " << b.extract_s << " s, peak "
       << b.peak_mib << " MiB");
  REQUIRE(a.exit_code == 0);
  REQUIRE(b.exit_code == 0);
  // Four times the input may take at most ~8 times as long (linear: 4; quadratic: 16).
  CHECK(b.normalize_s < 8 * a.normalize_s + 0.2);
  CHECK(b.extract_s < 8 * a.extract_s + 0.2);
  if (!t::kSanitized) CHECK(b.peak_mib < 40.0 * big + 200);
}
