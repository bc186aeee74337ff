#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "policydb/database.h"
#include "policydb/error.h"
#include "test_support.h"

using policydb::Database;
using policydb::DocumentOutcome;
using policydb::LoadOptions;
using policydb::LoadReport;
using policydb::OnError;
using policydb::Severity;

namespace {

LoadReport load(Database& db, const std::string& text, LoadOptions options = {}) {
  std::istringstream in(text);
  return db.load_jsonl(in, options);
}

// A valid line of our own; `extra` is spliced in before the closing brace.
std::string line(const std::string& doc, const std::string& metric, double value,
                 const std::string& extra = "") {
  std::ostringstream out;
  out << R"({"doc": ")" << doc << R"(", "region": "河南", "metric": ")" << metric
      << R"(", "kind": "actual", "measure": "level", "value": )" << value
      << R"(, "unit": "个", "period": "2022", "comparator": "eq", "quote": "示例句子)" << value
      << '"' << extra << "}\n";
  return out.str();
}

std::int64_t count(const Database& db, const std::string& table) {
  return std::stoll(*db.query_readonly("SELECT count(*) FROM " + table).rows.at(0).at(0));
}

}  // namespace

TEST_CASE("Valid lines load into one document per doc value", "[store][load]") {
  auto db = Database::open(":memory:");
  const auto report = load(db, line("a.txt", "5G基站总数", 1000) + line("a.txt", "示范工厂", 12) +
                                   line("b.txt", "示范工厂", 15));
  CHECK(report.ok());
  CHECK(report.lines == 3);
  CHECK(report.facts_written == 3);
  REQUIRE(report.documents.size() == 2);
  CHECK(report.documents[0].source == "a.txt");
  CHECK(report.documents[0].facts == 2);
  CHECK(report.documents[0].sha256.size() == 64);
  CHECK(report.documents[0].outcome == DocumentOutcome::added);
  CHECK(count(db, "fact") == 3);
  CHECK(count(db, "document") == 2);
}

TEST_CASE("Loading the same file again is a reported no-op", "[store][load]") {
  auto db = Database::open(":memory:");
  const std::string text = line("a.txt", "示范工厂", 12) + line("b.txt", "示范园区", 3);
  REQUIRE(load(db, text).facts_written == 2);
  const auto again = load(db, text);
  CHECK(again.facts_written == 0);
  REQUIRE(again.documents.size() == 2);
  for (const auto& d : again.documents) CHECK(d.outcome == DocumentOutcome::already_present);
  CHECK(count(db, "fact") == 2);
}

TEST_CASE("A changed document replaces its earlier facts", "[store][load]") {
  auto db = Database::open(":memory:");
  REQUIRE(load(db, line("a.txt", "示范工厂", 12) + line("a.txt", "示范园区", 3)).ok());
  const auto report = load(db, line("a.txt", "示范工厂", 14));
  REQUIRE(report.documents.size() == 1);
  CHECK(report.documents[0].outcome == DocumentOutcome::replaced);
  CHECK(count(db, "fact") == 1);
  CHECK(*db.query_readonly("SELECT value FROM fact").rows[0][0] == "14.0");

  LoadOptions keep;
  keep.replace_changed_documents = false;
  CHECK(load(db, line("a.txt", "示范工厂", 16), keep).documents[0].outcome == DocumentOutcome::added);
  CHECK(count(db, "fact") == 2);
}

TEST_CASE("Bad lines are reported with line number and field", "[store][load]") {
  using Row = std::tuple<std::string, std::string>;
  auto [bad, field] = GENERATE(table<std::string, std::string>({
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "maybe", "measure": "level", "value": 1, "unit": "个", "period": "2022", "quote": "q"})", "kind"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "size", "value": 1, "unit": "个", "period": "2022", "quote": "q"})", "measure"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022", "comparator": "much", "quote": "q"})", "comparator"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": "12", "unit": "个", "period": "2022", "quote": "q"})", "value"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1e309, "unit": "个", "period": "2022", "quote": "q"})", ""},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022-13", "quote": "q"})", "period"},
      Row{R"({"doc": "x.txt", "region": "火星", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022", "quote": "q"})", "region"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "furlong", "period": "2022", "quote": "q"})", "unit"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022", "quote": "q"})", "metric"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022", "quote": 5})", "quote"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022", "quote": "q", "published": "2023-02-30"})", "published"},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022", "quote": "q", "versus": "moon"})", "versus"},
      Row{R"({"region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022", "quote": "q"})", "doc"},
      Row{R"({"doc": "x.txt", "doc": "y.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": 1, "unit": "个", "period": "2022", "quote": "q"})", ""},
      Row{R"({"doc": "x.txt", "region": "河南", "metric": "m", "kind": "actual", "measure": "level", "value": NaN, "unit": "个", "period": "2022", "quote": "q"})", ""},
      Row{R"(["not", "an", "object"])", ""},
      Row{R"({"doc": "x.txt", "region": "河南")", ""},
  }));
  auto db = Database::open(":memory:");
  const auto report = load(db, line("ok.txt", "示范工厂", 1) + bad + "\n" + line("ok.txt", "示范园区", 2));
  CHECK(report.lines == 3);
  CHECK(report.lines_rejected == 1);
  CHECK(report.facts_written == 2);
  REQUIRE(!report.diagnostics.empty());
  const auto& d = report.diagnostics.front();
  CHECK(d.severity == Severity::error);
  CHECK(d.line == 2);
  CHECK(d.field == field);
  CHECK(d.to_string().rfind("line 2: ", 0) == 0);
}

TEST_CASE("reject loads nothing from a file with one bad line", "[store][load]") {
  auto db = Database::open(":memory:");
  LoadOptions options;
  options.on_error = OnError::reject;
  const auto report = load(db, line("a.txt", "示范工厂", 1) + "{broken\n" + line("a.txt", "示范园区", 2),
                           options);
  CHECK(report.rejected);
  CHECK_FALSE(report.ok());
  CHECK(report.facts_written == 0);
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].line == 2);
  CHECK(count(db, "fact") == 0);
  CHECK(count(db, "document") == 0);
}

TEST_CASE("Strings over the limit are refused with a clear error", "[store][load]") {
  auto db = Database::open(":memory:");
  LoadOptions options;
  options.max_string_bytes = 64;
  const auto report = load(db, line("a.txt", std::string(30, 'x') + "示范工厂超长名称" + std::string(40, 'y'), 1),
                           options);
  REQUIRE(report.lines_rejected == 1);
  CHECK(report.diagnostics[0].field == "metric");
  CHECK(report.diagnostics[0].message.find("limit") != std::string::npos);

  options.max_line_bytes = 100;
  const auto long_line = load(db, line("a.txt", "示范工厂", 1, R"(, "indicator": ")" + std::string(200, 'z') + "\""), options);
  REQUIRE(long_line.lines_rejected == 1);
  CHECK(long_line.diagnostics[0].field.empty());
}

TEST_CASE("Unknown measure words become count units; unknown labels uncurated metrics",
          "[store][load]") {
  auto db = Database::open(":memory:");
  const std::string text =
      R"({"doc": "u.txt", "region": "江苏", "metric": "新建智慧灯杆桩位", "kind": "actual", "measure": "level", "value": 40, "unit": "桩", "period": "2023", "quote": "新建智慧灯杆桩位40桩"})"
      "\n";
  const auto report = load(db, text);
  REQUIRE(report.ok());
  CHECK(report.units_created == (db.catalog()->find_unit("桩") != nullptr ? 1u : 0u));
  CHECK(report.metrics_created == 1);
  const auto unit = db.query_readonly("SELECT dimension FROM unit WHERE code = '桩'");
  REQUIRE(unit.rows.size() == 1);
  CHECK(*unit.rows[0][0] == "count");
  const auto metric = db.query_readonly(
      "SELECT m.code, m.curated FROM fact f JOIN metric m ON m.id = f.metric_id");
  REQUIRE(metric.rows.size() == 1);
  CHECK(metric.rows[0][0]->rfind("uncurated:", 0) == 0);
  CHECK(*metric.rows[0][1] == "0");
  // The label is now an alias: the catalog resolves it, and a second load reuses the metric.
  CHECK(db.catalog()->find_metric("新建智慧灯杆桩位") != nullptr);
  const auto second = load(db, line("v.txt", "新建智慧灯杆桩位", 5));
  CHECK(second.metrics_created == 0);
}

TEST_CASE("Labels resolve to curated metrics through the catalog", "[store][load]") {
  auto db = Database::open(":memory:");
  const auto catalog = db.catalog();
  const policydb::Metric* known = catalog->find_metric("5G基站总数");
  REQUIRE(known != nullptr);
  REQUIRE(load(db, line("a.txt", "5G基站总数", 100) + line("a.txt", "累计开通5G基站", 120)).ok());
  const auto codes = db.query_readonly("SELECT DISTINCT metric_code FROM facts");
  REQUIRE(codes.rows.size() == 1);
  CHECK(*codes.rows[0][0] == known->code);
}

TEST_CASE("An unknown metric_code warns and the label decides", "[store][load]") {
  auto db = Database::open(":memory:");
  const auto report = load(db, line("a.txt", "5G基站总数", 100, R"(, "metric_code": "no_such_code")"));
  CHECK(report.ok());
  REQUIRE(report.diagnostics.size() == 1);
  CHECK(report.diagnostics[0].severity == Severity::warning);
  CHECK(report.diagnostics[0].field == "metric_code");
  CHECK(report.facts_written == 1);
}

TEST_CASE("A read-only database refuses loads", "[store][load]") {
  policydb::testing::TempDir dir;
  { auto db = Database::open(dir / "f.db"); }
  policydb::Options options;
  options.read_only = true;
  auto db = Database::open(dir / "f.db", options);
  std::istringstream in(line("a.txt", "示范工厂", 1));
  CHECK_THROWS_MATCHES(db.load_jsonl(in), policydb::Error,
                       Catch::Predicate<policydb::Error>([](const policydb::Error& e) {
                         return e.code() == policydb::ErrorCode::read_only;
                       }));
}

TEST_CASE("A file of many blocks loads as a line-by-line read would", "[store][load]") {
  // load_jsonl parses blocks of 8,192 lines on several threads: documents that
  // span blocks, their hashes and the diagnostics' order must not show it.
  constexpr int kLines = 20000;
  std::string text, only_b;
  std::size_t b_lines = 0;
  std::vector<std::size_t> bad_lines;
  for (int n = 1; n <= kLines; ++n) {
    if (n % 2500 == 0) {
      text += "{\"doc\": \"a.txt\", \"value\": }\n";  // not JSON
      bad_lines.push_back(std::size_t(n));
      continue;
    }
    const std::string doc = n % 3 == 0 ? "b.txt" : "a.txt";  // interleaved through every block
    const std::string l = line(doc, "示范工厂" + std::to_string(n % 7), n);
    text += l;
    if (doc == "b.txt") {
      only_b += l;
      ++b_lines;
    }
  }
  auto db = Database::open(":memory:");
  LoadOptions options;
  options.on_error = OnError::skip;
  const auto report = load(db, text, options);
  CHECK(report.lines == std::size_t(kLines));
  CHECK(report.lines_rejected == bad_lines.size());
  CHECK(report.facts_written == std::size_t(kLines) - bad_lines.size());
  std::vector<std::size_t> reported;
  for (const auto& d : report.diagnostics) reported.push_back(d.line);
  CHECK(reported == bad_lines);
  REQUIRE(report.documents.size() == 2);
  CHECK(report.documents[0].source == "a.txt");
  CHECK(report.documents[1].source == "b.txt");
  CHECK(report.documents[1].facts == b_lines);
  // b.txt's identity is the hash of its lines in order, as if read alone.
  auto alone = Database::open(":memory:");
  const auto b_alone = load(alone, only_b);
  REQUIRE(b_alone.documents.size() == 1);
  CHECK(b_alone.documents[0].sha256 == report.documents[1].sha256);
  CHECK(count(db, "fact") == std::int64_t(report.facts_written));
}
