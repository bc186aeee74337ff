// Bad parsed-report input (FORMAT.md JSON Lines): every bad line is reported with
// its line number; OnError::skip loads the rest, OnError::reject loads nothing.
// Hostile shapes (deep nesting, giant lines) stay within bounded time and memory.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <map>
#include <sstream>
#include <streambuf>
#include <string>

#include "policydb/database.h"
#include "policydb/error.h"
#include "reliability_support.h"

using policydb::Database;
using policydb::LoadOptions;
using policydb::LoadReport;
using policydb::OnError;
using policydb::Severity;
namespace t = policydb::testing;

namespace {

// A line with `field` replaced by `raw` JSON text (or removed when raw is empty).
std::string with_field(const std::string& field, const std::string& raw) {
  const std::pair<std::string, std::string> fields[] = {
      {"doc", R"("bad.txt")"},  {"region", R"("河南")"},   {"metric", R"("示范工厂")"},
      {"kind", R"("actual")"},  {"measure", R"("level")"}, {"value", "12"},
      {"unit", R"("个")"},      {"period", R"("2022")"},   {"comparator", R"("eq")"},
      {"quote", R"("示范工厂12个")"}};
  std::string line = "{";
  for (const auto& [name, value] : fields) {
    const std::string v = name == field ? raw : value;
    if (v.empty()) continue;
    line += (line.size() > 1 ? "," : "") + ("\"" + name + "\":") + v;
  }
  return line + "}";
}

std::int64_t fact_count(const Database& db) {
  return std::stoll(*db.query_readonly("SELECT count(*) FROM fact").rows.at(0).at(0));
}

LoadReport load(Database& db, const std::string& text, OnError mode) {
  std::istringstream in(text);
  LoadOptions options;
  options.on_error = mode;
  return db.load_jsonl(in, options);
}

// A stream made on the fly, never held whole: one valid JSON line whose quote
// is `size` bytes long, then one ordinary line.
class GiantLineBuf : public std::streambuf {
 public:
  explicit GiantLineBuf(std::size_t size)
      : chunks_(size / kChunk), filler_(kChunk, 'x'),
        head_(R"({"doc":"giant.txt","region":"河南","metric":"m","kind":"actual","measure":"level","value":1,"unit":"个","period":"2022","quote":")"),
        tail_("\"}\n" + t::fact_line("after.txt", 1)) {}

 protected:
  int_type underflow() override {
    std::string* next = nullptr;
    if (state_ == 0) {
      next = &head_;
      state_ = 1;
    } else if (state_ == 1 && chunks_ > 0) {
      next = &filler_;
      --chunks_;
    } else if (state_ <= 1) {
      next = &tail_;
      state_ = 2;
    } else {
      return traits_type::eof();
    }
    setg(next->data(), next->data(), next->data() + next->size());
    return traits_type::to_int_type(*gptr());
  }

 private:
  static constexpr std::size_t kChunk = 1 << 16;
  std::size_t chunks_;
  std::string filler_, head_, tail_;
  int state_ = 0;
};

}  // namespace

TEST_CASE("Every kind of bad line is reported at its line; skip loads the rest, reject nothing",
          "[reliability][jsonl]") {
  auto [name, bad] = GENERATE(table<std::string, std::string>({
      {"value as string", with_field("value", R"("12")")},
      {"value as bool", with_field("value", "true")},
      {"value as null", with_field("value", "null")},
      {"value as array", with_field("value", "[12]")},
      {"value as object", with_field("value", R"({"v":12})")},
      {"region as number", with_field("region", "410000")},
      {"kind as null", with_field("kind", "null")},
      {"period as number", with_field("period", "2022")},
      {"missing doc", with_field("doc", "")},
      {"missing value", with_field("value", "")},
      {"missing period", with_field("period", "")},
      {"missing quote", with_field("quote", "")},
      {"NaN", with_field("value", "NaN")},
      {"Infinity", with_field("value", "Infinity")},
      {"-Infinity", with_field("value", "-Infinity")},
      {"1e309", with_field("value", "1e309")},
      {"-1e309", with_field("value", "-1e309")},
      {"400 digits", with_field("value", std::string(400, '9'))},
      {"duplicate key", with_field("value", "12,\"value\":13")},
      {"unknown region", with_field("region", R"("亚特兰蒂斯")")},
      {"unknown unit", with_field("unit", R"("furlongs/fortnight")")},
      {"unknown kind", with_field("kind", R"("wish")")},
      {"invalid UTF-8", with_field("metric", "\"\xE7\xA4\xBA\xFF\xFE\"")},
      {"overlong UTF-8", with_field("metric", "\"\xC0\xAF\"")},
      {"NUL byte", with_field("metric", std::string("\"a\0b\"", 5))},
      {"trailing garbage", with_field("value", "12") + " {}"},
      {"not an object", R"(["doc","bad.txt"])"},
      {"bare number", "42"},
      {"half an object", R"({"doc":"bad.txt","region":"河)"},
      {"deeply nested", std::string(100000, '[') + std::string(100000, ']')},
      {"huge quote", with_field("quote", "\"" + std::string(40000, 'q') + "\"")},
  }));
  INFO(name);
  const std::string text = t::fact_line("good.txt", 1) + bad + "\n" + t::fact_line("good.txt", 2);

  auto db = Database::open(":memory:");
  const auto skipped = load(db, text, OnError::skip);
  CHECK(skipped.lines == 3);
  CHECK(skipped.lines_rejected == 1);
  CHECK(skipped.facts_written == 2);
  REQUIRE_FALSE(skipped.diagnostics.empty());
  CHECK(skipped.diagnostics.front().line == 2);
  CHECK(skipped.diagnostics.front().severity == Severity::error);
  CHECK_FALSE(skipped.diagnostics.front().message.empty());

  auto other = Database::open(":memory:");
  const auto rejected = load(other, text, OnError::reject);
  CHECK(rejected.rejected);
  CHECK(rejected.facts_written == 0);
  CHECK(fact_count(other) == 0);
  REQUIRE_FALSE(rejected.diagnostics.empty());
  CHECK(rejected.diagnostics.front().line == 2);
}

TEST_CASE("A truncated last line is reported with its number", "[reliability][jsonl]") {
  const std::string full = t::document_jsonl("cut.txt", 5);
  const std::string cut = full.substr(0, full.size() - 20);  // the 5th line lost its end
  auto db = Database::open(":memory:");
  const auto report = load(db, cut, OnError::skip);
  CHECK(report.lines == 5);
  CHECK(report.lines_rejected == 1);
  CHECK(report.facts_written == 4);
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].line == 5);
  const auto all_or_nothing = load(db, cut, OnError::reject);
  CHECK(all_or_nothing.rejected);
  CHECK(fact_count(db) == 4);
}

TEST_CASE("Unknown measure words are added as units, not rejected", "[reliability][jsonl]") {
  auto db = Database::open(":memory:");
  const auto report = load(db, with_field("unit", R"("座")") + "\n", OnError::reject);
  CHECK(report.ok());
  CHECK(report.facts_written == 1);
}

TEST_CASE("Empty and blank inputs load nothing and report nothing", "[reliability][jsonl]") {
  const std::string text = GENERATE(std::string(""), std::string("\n\n  \n"), std::string("\xEF\xBB\xBF"),
                                    std::string("\r\n\t\r\n"));
  auto db = Database::open(":memory:");
  const auto report = load(db, text, OnError::reject);
  CHECK(report.ok());
  CHECK(report.lines == 0);
  CHECK(fact_count(db) == 0);
}

TEST_CASE("A 64 MiB single line is refused in bounded time and memory", "[reliability][jsonl]") {
  constexpr std::size_t kSize = std::size_t{64} << 20;
  t::TempDir dir;
  const auto path = dir / "giant.db";
  { auto db = Database::open(path); }
  const long base_kib = [] {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
    }
    return 0L;
  }();
  const auto start = std::chrono::steady_clock::now();
  const auto exit = t::wait_child(t::fork_child([&] {
    auto db = Database::open(path);
    GiantLineBuf buf(kSize);
    std::istream in(&buf);
    const auto report = db.load_jsonl(in);
    if (report.lines_rejected != 1 || report.facts_written != 1 || report.diagnostics.empty() ||
        report.diagnostics[0].line != 1) {
      _exit(4);
    }
  }));
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(exit.code == 0);
  CHECK(elapsed < std::chrono::seconds(20) * POLICYDB_TEST_TIME_SCALE);
  // Memory: the line must not be held whole (max_line_bytes is 1 MiB).
  INFO("child peak RSS " << exit.max_rss_kib << " KiB, parent " << base_kib << " KiB");
  if (!t::kSanitized) CHECK(exit.max_rss_kib - base_kib < 32 * 1024);
  CHECK(t::facts_per_document(path) == std::map<std::string, long long>{{"after.txt", 1}});
}
