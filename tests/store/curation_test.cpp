// Curation (issue 9): reextract, analysts' aliases, the document list, removal.
#include <sstream>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "policydb/database.h"
#include "policydb/error.h"

#include "store/store_test_support.h"
#include "test_support.h"

using policydb::Database;
using policydb::Error;
using policydb::ErrorCode;
using policydb::testing::load;
using policydb::testing::scalar;
using policydb::testing::TempDir;

namespace {

// Our own example reports (not corpus text).
const char* kReportA =
    "江西省工业和信息化厅\n2024年1月22日\n"
    "2023年,全省规上工业增加值增长5.4%,累计开通5G基站8.6万个。到2025年,全省数字经济增加值突破1."
    "6万亿元。";
const char* kReportB =
    "湖南省通信管理局\n2024年2月5日\n2023年,全省累计建成5G基站12.3万个,千兆宽带用户达到520万户。";

std::int64_t uncurated_facts(const std::filesystem::path& path) {
  return scalar(
      path, "SELECT count(*) FROM fact f JOIN metric m ON m.id = f.metric_id WHERE m.curated = 0");
}

void exec_raw(const std::filesystem::path& path, const std::string& sql) {
  SQLite::Database raw(path.string(), SQLite::OPEN_READWRITE);
  raw.exec(sql);
}

policydb::IngestReport ingest(Database& db, const char* text, const std::string& name) {
  policydb::ExtractOptions options;
  options.source_name = name;
  auto report = db.ingest_bytes(text, options);
  REQUIRE(report.stored);
  REQUIRE(report.facts >= 2);
  return report;
}

std::string fact_line(const std::string& doc, const std::string& metric, double value,
                      const std::string& period) {
  nlohmann::json j = {
      {"doc", doc},         {"region", "江西"},        {"metric", metric}, {"kind", "actual"},
      {"measure", "level"}, {"value", value},          {"unit", "个"},     {"period", period},
      {"comparator", "eq"}, {"quote", metric + "示例"}};
  return j.dump() + "\n";
}

// The first curated metric of the catalog whose unit is a count (个).
std::string count_metric(const Database& db) {
  for (const auto& m : db.catalog()->metrics()) {
    if (m.curated && m.dimension == "count") return m.code;
  }
  FAIL("no curated count metric in the catalog");
  return {};
}

}  // namespace

// ---- reextract ----------------------------------------------------------------

TEST_CASE("reextract replaces an old extractor's facts and records the version",
          "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  const auto first = ingest(db, kReportA, "a.txt");
  const auto ingested_at = db.documents().at(0).ingested_at;
  // Pretend an older extractor made these facts, and made one of them wrong.
  exec_raw(path, "UPDATE document SET extractor_version = 'extract-0.1'");
  exec_raw(path,
           "UPDATE fact SET value = -1, extractor_version = 'extract-0.1' WHERE id = "
           "(SELECT min(id) FROM fact)");

  SECTION("documents at the current version are skipped without force") {
    exec_raw(path, "UPDATE document SET extractor_version = '" +
                       std::string(policydb::kExtractorVersion) + "'");
    const auto report = db.reextract();
    CHECK(report.examined == 1);
    CHECK(report.skipped == 1);
    CHECK(report.documents.empty());
    CHECK(scalar(path, "SELECT count(*) FROM fact WHERE value = -1") == 1);
  }
  SECTION("an older version is re-extracted in place") {
    const auto report = db.reextract();
    REQUIRE(report.documents.size() == 1);
    CHECK(report.failed() == 0);
    CHECK(report.documents[0].document_id == first.document_id);
    CHECK(report.documents[0].facts_before == first.facts);
    CHECK(report.documents[0].facts_after == first.facts);
    CHECK(scalar(path, "SELECT count(*) FROM fact WHERE value = -1") == 0);
    CHECK(scalar(path, "SELECT count(*) FROM fact WHERE extractor_version = 'extract-0.1'") == 0);
    const auto docs = db.documents();
    REQUIRE(docs.size() == 1);  // the scratch row is gone
    CHECK(docs[0].id == first.document_id);
    CHECK(docs[0].sha256 == first.sha256);
    CHECK(docs[0].ingested_at == ingested_at);
    CHECK(docs[0].extractor_version == std::string(policydb::kExtractorVersion));
    CHECK(docs[0].facts == first.facts);
  }
}

TEST_CASE("reextract with force runs in parallel and reproduces ingest", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  const auto a = ingest(db, kReportA, "a.txt");
  const auto b = ingest(db, kReportB, "b.txt");
  std::ostringstream before;
  (void)db.export_jsonl(before);
  std::size_t progress_calls = 0;
  policydb::ReextractOptions options;
  options.force = true;
  options.jobs = 2;
  options.on_progress = [&](std::size_t done, std::size_t total) {
    ++progress_calls;
    CHECK(done <= total);
  };
  const auto report = db.reextract(options);
  CHECK(report.documents.size() == 2);
  CHECK(report.facts_after() == a.facts + b.facts);
  CHECK(progress_calls >= 1);
  std::ostringstream after;
  (void)db.export_jsonl(after);
  CHECK(after.str() == before.str());  // same text, same extractor: same facts
}

TEST_CASE("reextract gives again the date given at ingest", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  policydb::ExtractOptions options;
  options.source_name = "undated.txt";
  options.date = policydb::Date::parse("2021-03-01");
  REQUIRE(db.ingest_bytes("江西省通信管理局\n去年,全省累计开通5G基站3.2万个。", options).stored);
  const auto period_before = db.facts().list().at(0).period.to_string();
  CHECK(period_before == "2020");
  policydb::ReextractOptions force;
  force.force = true;
  SECTION("recorded by ingest") {
    CHECK(scalar(path, "SELECT count(*) FROM document_input WHERE given_date = '2021-03-01'") == 1);
  }
  SECTION("ingested before migration 0005: the stored publication date stands in") {
    exec_raw(path, "DELETE FROM document_input");
    CHECK(scalar(path, "SELECT count(*) FROM document_input") == 0);
  }
  SECTION("without any date the relative year stays unresolved (the control)") {
    exec_raw(path, "DELETE FROM document_input; UPDATE document SET published_on = NULL");
    REQUIRE(db.reextract(force).failed() == 0);
    const auto facts = db.facts().list();
    CHECK((facts.empty() || facts[0].period.to_string() != period_before));
    return;
  }
  REQUIRE(db.reextract(force).failed() == 0);
  CHECK(db.facts().list().at(0).period.to_string() == period_before);
}

TEST_CASE("a failing re-extraction leaves the document's old facts", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  ingest(db, kReportA, "a.txt");
  exec_raw(path, "UPDATE document SET extractor_version = 'extract-0.1'");
  exec_raw(path, "UPDATE fact SET value = -1");
  const auto facts = scalar(path, "SELECT count(*) FROM fact");
  // Any fact insert now fails half-way through the document's transaction.
  exec_raw(path,
           "CREATE TRIGGER no_facts BEFORE INSERT ON fact BEGIN SELECT RAISE(ABORT, 'no'); END");
  CHECK_THROWS_AS(db.reextract(), Error);
  CHECK(scalar(path, "SELECT count(*) FROM fact") == facts);
  CHECK(scalar(path, "SELECT count(*) FROM fact WHERE value = -1") == facts);
  CHECK(scalar(path, "SELECT count(*) FROM document") == 1);
  CHECK(scalar(path, "SELECT count(*) FROM document WHERE extractor_version = 'extract-0.1'") == 1);
}

TEST_CASE("ingest keeps the original text and the diagnostics", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  policydb::ExtractOptions options;
  options.source_name = "plain.txt";
  const std::string text = "全省累计开通５Ｇ基站３．２万个。";  // full-width forms NFKC would fold
  (void)db.ingest_bytes(text, options);
  SQLite::Database raw(path.string(), SQLite::OPEN_READONLY);
  CHECK(raw.execAndGet("SELECT text FROM document").getString() == text);
  CHECK(raw.execAndGet("SELECT count(*) FROM document_diagnostic").getInt() >= 1);  // no date
}

TEST_CASE("reextract refuses a read-only database", "[store][curation]") {
  TempDir dir;
  { auto db = Database::open(dir / "c.db"); }
  policydb::Options options;
  options.read_only = true;
  auto db = Database::open(dir / "c.db", options);
  try {
    (void)db.reextract();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::read_only);
  }
}

// ---- aliases ------------------------------------------------------------------

TEST_CASE("an analyst's alias re-links uncurated facts and survives re-opening",
          "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  std::string code;
  {
    auto db = Database::open(path);
    code = count_metric(db);
    load(db, fact_line("f.txt", "萤火虫观测站数量", 12, "2022") +
                 fact_line("f.txt", "累计萤火虫观测站", 15, "2023") +
                 fact_line("f.txt", "蝴蝶观测站数量", 3, "2023"));
    const auto curated_before = db.facts().metric(code).count();
    REQUIRE(uncurated_facts(path) == 3);

    CHECK(db.add_metric_alias("萤火虫观测站", code) == 2);
    CHECK(db.facts().metric(code).count() == curated_before + 2);
    CHECK(uncurated_facts(path) == 1);  // 蝴蝶 is another indicator
    CHECK(db.catalog()->metric("萤火虫观测站数量").code == code);
    CHECK(scalar(path, "SELECT count(*) FROM metric WHERE code LIKE 'uncurated:萤火虫%'") == 0);
    // Adding it again re-links nothing and is not an error.
    CHECK(db.add_metric_alias("萤火虫观测站", code) == 0);
  }
  auto db = Database::open(path);
  CHECK(db.catalog()->metric("萤火虫观测站").code == code);
  CHECK(scalar(path,
               "SELECT count(*) FROM metric_alias WHERE alias = '萤火虫观测站' AND "
               "source = 'user'") == 1);
  // New facts with the label go straight to the curated metric.
  load(db, fact_line("g.txt", "全省萤火虫观测站总数", 20, "2024"));
  CHECK(uncurated_facts(path) == 1);
  CHECK(db.remove_metric_alias("萤火虫观测站"));
  CHECK_FALSE(db.remove_metric_alias("萤火虫观测站"));
}

TEST_CASE("alias errors name the problem and change nothing", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  load(db, fact_line("f.txt", "萤火虫观测站数量", 12, "2022"));
  const auto aliases = scalar(path, "SELECT count(*) FROM metric_alias");
  const auto code_of = [&](auto&& call) {
    try {
      call();
    } catch (const Error& e) {
      return e.code();
    }
    FAIL("no error");
    return ErrorCode::database;
  };
  CHECK(code_of([&] { db.add_metric_alias("萤火虫", "no_such_metric_anywhere"); }) ==
        ErrorCode::not_found);
  CHECK(code_of([&] { db.add_metric_alias("萤火虫", "萤火虫观测站数量"); }) ==
        ErrorCode::invalid_argument);  // an uncurated metric is no target
  CHECK(code_of([&] { db.add_metric_alias("  ", count_metric(db)); }) ==
        ErrorCode::invalid_argument);
  CHECK(scalar(path, "SELECT count(*) FROM metric_alias") == aliases);
  CHECK(uncurated_facts(path) == 1);
}

// ---- documents and remove ----------------------------------------------------------

TEST_CASE("documents lists every document with its fact count", "[store][curation]") {
  TempDir dir;
  auto db = Database::open(dir / "c.db");
  const auto a = ingest(db, kReportA, "a.txt");
  load(db, fact_line("f.txt", "萤火虫观测站数量", 12, "2022") +
               fact_line("f.txt", "萤火虫观测站数量", 15, "2023"));
  const auto docs = db.documents();
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].source == "a.txt");
  CHECK(docs[0].origin == "ingest");
  CHECK(docs[0].facts == a.facts);
  CHECK(docs[0].sha256 == a.sha256);
  CHECK(docs[0].home_region == "江西");
  CHECK(docs[0].published_on == policydb::Date::parse("2024-01-22"));
  CHECK(docs[1].source == "f.txt");
  CHECK(docs[1].origin == "jsonl");
  CHECK(docs[1].facts == 2);
  CHECK_FALSE(docs[1].extractor_version);
  CHECK(docs[0].ingested_at.size() == 20);
}

TEST_CASE("remove deletes documents and their facts by id, source or sha256 prefix",
          "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  const auto a = ingest(db, kReportA, "a.txt");
  const auto b = ingest(db, kReportB, "b.txt");
  load(db, fact_line("f.txt", "萤火虫观测站数量", 12, "2022"));
  const std::string ref = GENERATE(as<std::string>{}, "id", "source", "sha");
  const std::string arg = ref == "id"       ? std::to_string(a.document_id)
                          : ref == "source" ? "a.txt"
                                            : a.sha256.substr(0, 10);
  const auto removed = db.remove_documents({arg});
  REQUIRE(removed.size() == 1);
  CHECK(removed[0].id == a.document_id);
  CHECK(removed[0].facts == a.facts);
  CHECK(scalar(path, "SELECT count(*) FROM fact") == static_cast<std::int64_t>(b.facts + 1));
  CHECK(scalar(path, "SELECT count(*) FROM fact WHERE document_id = " +
                         std::to_string(a.document_id)) == 0);
  CHECK(scalar(path, "SELECT count(*) FROM document_diagnostic WHERE document_id = " +
                         std::to_string(a.document_id)) == 0);
  CHECK(db.documents().size() == 2);
}

TEST_CASE("remove with one unknown reference deletes nothing", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  const auto a = ingest(db, kReportA, "a.txt");
  const auto facts = scalar(path, "SELECT count(*) FROM fact");
  try {
    (void)db.remove_documents({"a.txt", "nonexistent.txt"});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::not_found);
    CHECK(std::string(e.what()).find("nonexistent.txt") != std::string::npos);
  }
  CHECK(scalar(path, "SELECT count(*) FROM fact") == facts);
  CHECK(db.documents().size() == 1);
  CHECK(db.documents()[0].id == a.document_id);
}

TEST_CASE("remove deletes every vintage of a source", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  ingest(db, kReportA, "r.txt");
  ingest(db, (std::string(kReportA) + "全省新增上云企业1.2万家。").c_str(), "r.txt");
  ingest(db, kReportB, "b.txt");
  CHECK(db.remove_documents({"r.txt"}).size() == 2);
  CHECK(db.documents().size() == 1);
  CHECK(scalar(path,
               "SELECT count(*) FROM fact WHERE document_id NOT IN (SELECT id FROM document)") ==
        0);
}

TEST_CASE("remove takes along the uncurated metrics only its facts named", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  load(db, fact_line("f.txt", "萤火虫观测站数量", 12, "2022") +
               fact_line("f.txt", "蝴蝶观测站数量", 3, "2023"));
  load(db, fact_line("g.txt", "蝴蝶观测站数量", 4, "2024"));
  const auto curated = scalar(path, "SELECT count(*) FROM metric WHERE curated = 1");
  REQUIRE(db.catalog()->find_metric("萤火虫观测站数量") != nullptr);

  REQUIRE(db.remove_documents({"f.txt"}).size() == 1);
  // 萤火虫 had facts in f.txt only; 蝴蝶 keeps its g.txt fact.
  CHECK(scalar(path, "SELECT count(*) FROM metric WHERE code LIKE 'uncurated:萤火虫%'") == 0);
  CHECK(scalar(path, "SELECT count(*) FROM metric_alias WHERE alias = '萤火虫观测站数量'") == 0);
  CHECK(scalar(path, "SELECT count(*) FROM metric WHERE code LIKE 'uncurated:蝴蝶%'") == 1);
  CHECK(db.catalog()->find_metric("萤火虫观测站数量") == nullptr);
  CHECK(db.catalog()->find_metric("蝴蝶观测站数量") != nullptr);
  CHECK(scalar(path, "SELECT count(*) FROM metric WHERE curated = 1") == curated);

  // The label comes back as a new uncurated metric when a document names it again.
  load(db, fact_line("h.txt", "萤火虫观测站数量", 13, "2023"));
  CHECK(scalar(path, "SELECT count(*) FROM metric WHERE code LIKE 'uncurated:萤火虫%'") == 1);
  CHECK(db.facts().metric("萤火虫观测站数量").count() == 1);
}

TEST_CASE("reextract drops an uncurated metric that only the old facts named", "[store][curation]") {
  TempDir dir;
  const auto path = dir / "c.db";
  auto db = Database::open(path);
  const auto first = ingest(db, kReportA, "a.txt");
  // Pretend an older extractor read one label differently.
  exec_raw(path,
           "INSERT INTO metric (code, name_zh, measure, dimension, default_unit_id, curated)"
           " SELECT 'uncurated:旧标签', '旧标签', measure, dimension, default_unit_id, 0"
           " FROM metric WHERE id = (SELECT metric_id FROM fact WHERE id = (SELECT min(id) FROM fact))");
  exec_raw(path,
           "INSERT INTO metric_alias (alias, metric_id, source)"
           " SELECT '旧标签', id, 'catalog' FROM metric WHERE code = 'uncurated:旧标签'");
  exec_raw(path,
           "UPDATE fact SET metric_id = (SELECT id FROM metric WHERE code = 'uncurated:旧标签')"
           " WHERE id = (SELECT min(id) FROM fact)");
  exec_raw(path, "UPDATE document SET extractor_version = 'extract-0.1'");
  REQUIRE(scalar(path, "SELECT count(*) FROM metric WHERE code = 'uncurated:旧标签'") == 1);
  {
    auto reopened = Database::open(path);  // a catalog that knows the old label
    REQUIRE(reopened.catalog()->find_metric("旧标签") != nullptr);
    const auto report = reopened.reextract();
    REQUIRE(report.documents.size() == 1);
    CHECK(report.documents[0].error.empty());
    CHECK(report.documents[0].facts_after == first.facts);
    CHECK(reopened.catalog()->find_metric("旧标签") == nullptr);
  }
  CHECK(scalar(path, "SELECT count(*) FROM metric WHERE code = 'uncurated:旧标签'") == 0);
  CHECK(scalar(path, "SELECT count(*) FROM metric_alias WHERE alias = '旧标签'") == 0);
  CHECK(scalar(path, "SELECT count(*) FROM fact WHERE metric_id NOT IN (SELECT id FROM metric)") == 0);
}
