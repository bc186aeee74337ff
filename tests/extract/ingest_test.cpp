// Database::ingest: one transaction per document, idempotent on identical bytes,
// a new vintage for changed bytes of the same source.
#include <fstream>

#include <catch2/catch.hpp>

#include "policydb/database.h"
#include "policydb/error.h"
#include "test_support.h"

namespace {

std::size_t count(policydb::Database& db, const std::string& sql) {
  auto result = db.query_readonly(sql);
  REQUIRE(result.rows.size() == 1);
  return static_cast<std::size_t>(std::stoll(result.rows[0][0].value_or("0")));
}

const char* kReport =
    "江西省工业和信息化厅\n2024年1月22日\n"
    "2023年,全省规上工业增加值增长5.4%,累计开通5G基站8.6万个。到2025年,全省数字经济增加值突破1.6万亿元。";

}  // namespace

TEST_CASE("ingesting a report stores the document and its facts once", "[extract][ingest]") {
  policydb::testing::TempDir dir;
  auto db = policydb::Database::open(dir / "facts.db");
  const auto path = dir / "jiangxi.txt";
  std::ofstream(path) << kReport;

  auto first = db.ingest(path);
  CHECK(first.stored);
  CHECK(first.source == "jiangxi.txt");
  CHECK(first.facts >= 3);
  CHECK(first.sha256.size() == 64);
  CHECK(count(db, "SELECT count(*) FROM document") == 1);
  CHECK(count(db, "SELECT count(*) FROM fact") == first.facts);
  CHECK(count(db, "SELECT count(*) FROM document WHERE extractor_version IS NOT NULL") == 1);

  auto again = db.ingest(path);
  CHECK_FALSE(again.stored);
  CHECK(again.document_id == first.document_id);
  CHECK(count(db, "SELECT count(*) FROM fact") == first.facts);
}

TEST_CASE("new bytes under the same source name are a new vintage beside the old", "[extract][ingest]") {
  policydb::testing::TempDir dir;
  auto db = policydb::Database::open(dir / "facts.db");
  policydb::ExtractOptions options;
  options.source_name = "report.txt";
  auto v1 = db.ingest_bytes(kReport, options);
  auto v2 = db.ingest_bytes(std::string(kReport) + "全省新增上云企业1.2万家。", options);
  CHECK(v1.stored);
  CHECK(v2.stored);
  CHECK(v1.document_id != v2.document_id);
  CHECK(count(db, "SELECT count(*) FROM document WHERE source = 'report.txt'") == 2);
}

TEST_CASE("ingesting a missing file throws io and writes nothing", "[extract][ingest]") {
  policydb::testing::TempDir dir;
  auto db = policydb::Database::open(dir / "facts.db");
  CHECK_THROWS_AS(db.ingest(dir / "missing.txt"), policydb::Error);
  CHECK(count(db, "SELECT count(*) FROM document") == 0);
}

TEST_CASE("a batch stores each document whole; one that cannot be stored is left out alone",
          "[extract][ingest]") {
  policydb::testing::TempDir dir;
  auto db = policydb::Database::open(dir / "facts.db");
  const policydb::Extractor extractor(db.catalog());
  policydb::ExtractOptions options;
  options.source_name = "jiangxi.txt";
  const std::string good = kReport;
  const auto good_result = extractor.extract(good, options);
  REQUIRE(good_result.facts.size() >= 3);
  // A result whose fact names no region policydb knows: the writer refuses it.
  const std::string bad = std::string(kReport) + "\n(修订)";
  auto bad_result = extractor.extract(bad, options);
  bad_result.facts.back().region = "不存在的省";
  const std::string other = "湖南省统计局\n2024年3月1日\n2023年,全省工业投资增长9.8%。";
  const auto other_result = extractor.extract(other, options);

  const std::vector<policydb::ExtractedDocument> batch = {
      {good, &good_result, options}, {bad, &bad_result, options},
      {other, &other_result, options}, {good, &good_result, options}};
  const auto stored = db.store_extractions(batch);
  REQUIRE(stored.size() == 4);
  CHECK(stored[0].error.empty());
  CHECK(stored[0].report.stored);
  CHECK(stored[0].report.facts == good_result.facts.size());
  CHECK_FALSE(stored[1].error.empty());  // left out, nothing of it written
  CHECK_FALSE(stored[1].report.stored);
  CHECK(stored[2].report.stored);
  CHECK_FALSE(stored[3].report.stored);  // the same bytes again, inside the batch
  CHECK(count(db, "SELECT count(*) FROM document") == 2);
  CHECK(count(db, "SELECT count(*) FROM fact") == good_result.facts.size() + other_result.facts.size());
  // The kept writer was dropped with the failed document and works afterwards.
  const std::string later = "广东省统计局\n2024年3月1日\n2023年,全省工业投资增长6.1%。";
  const auto later_result = extractor.extract(later, options);
  CHECK(db.store_extraction(later, later_result, options).stored);
  // One document alone throws what the batch reports.
  CHECK_THROWS_AS(db.store_extraction(bad, bad_result, options), policydb::Error);
  CHECK(count(db, "SELECT count(*) FROM document") == 3);
}

TEST_CASE("a refusal late in a batch keeps what the documents before it created", "[extract][ingest]") {
  // The batch is written once without a savepoint per document, rolled back at
  // the refusal and written again document by document: the new metric the
  // first document made must be made again, once, and be known afterwards.
  policydb::testing::TempDir dir;
  auto db = policydb::Database::open(dir / "facts.db");
  const policydb::Extractor extractor(db.catalog());
  policydb::ExtractOptions options;
  options.source_name = "jiangxi.txt";
  const std::string novel = std::string(kReport) + "\n(一)";
  auto novel_result = extractor.extract(novel, options);
  REQUIRE_FALSE(novel_result.facts.empty());
  novel_result.facts.front().metric = "示范性算力调度平台接入量";
  novel_result.facts.front().metric_code.clear();
  const std::string bad = std::string(kReport) + "\n(二)";
  auto bad_result = extractor.extract(bad, options);
  bad_result.facts.back().region = "不存在的省";

  const std::vector<policydb::ExtractedDocument> batch = {{novel, &novel_result, options},
                                                          {bad, &bad_result, options}};
  const auto stored = db.store_extractions(batch);
  CHECK(stored[0].error.empty());
  CHECK(stored[0].report.stored);
  CHECK_FALSE(stored[1].error.empty());
  CHECK(count(db, "SELECT count(*) FROM document") == 1);
  CHECK(count(db, "SELECT count(*) FROM fact") == novel_result.facts.size());
  CHECK(count(db, "SELECT count(*) FROM metric WHERE name_zh = '示范性算力调度平台接入量'") == 1);
  CHECK(count(db, "SELECT count(*) FROM fact f JOIN metric m ON m.id = f.metric_id"
                  " WHERE m.name_zh = '示范性算力调度平台接入量'") == 1);
  CHECK(db.catalog()->find_metric("示范性算力调度平台接入量") != nullptr);
}
