// End-to-end tests of the curation subcommands: reextract, alias, documents, remove.
#include <fstream>

#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli_runner.h"

using policydb::testing::CliResult;
using policydb::testing::lines_of;
using policydb::testing::run_cli;
using policydb::testing::TempDir;

namespace {

// Our own example reports (not corpus text).
const char* kReportA =
    "江西省工业和信息化厅\n2024年1月22日\n"
    "2023年,全省规上工业增加值增长5.4%,累计开通5G基站8.6万个。到2025年,全省数字经济增加值突破1."
    "6万亿元。";
const char* kReportB =
    "湖南省通信管理局\n2024年2月5日\n2023年,全省累计建成5G基站12.3万个,千兆宽带用户达到520万户。";
const char* kUncurated =
    R"({"doc":"f.md","region":"江西","metric":"萤火虫观测站数量","kind":"actual","measure":"level",)"
    R"("value":12,"unit":"个","period":"2023","comparator":"eq","quote":"建成萤火虫观测站12个"})";

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::int64_t scalar(const TempDir& dir, const std::string& sql) {
  SQLite::Database raw((dir / "c.db").string(), SQLite::OPEN_READONLY);
  return raw.execAndGet(sql).getInt64();
}

// A temp dir with c.db holding two ingested reports.
struct IngestedDb {
  TempDir dir;
  IngestedDb() {
    write(dir / "a.txt", kReportA);
    write(dir / "b.txt", kReportB);
    const auto r = run_cli(dir, "ingest --db c.db a.txt b.txt");
    INFO(r.err);
    REQUIRE(r.status == 0);
  }
  CliResult run(const std::string& args) const { return run_cli(dir, args + " --db c.db"); }
};

}  // namespace

TEST_CASE("every curation subcommand prints its usage with --help", "[cli]") {
  TempDir dir;
  const std::string command = GENERATE("reextract", "alias", "documents", "remove");
  const auto r = run_cli(dir, command + " --help");
  CHECK(r.status == 0);
  CHECK(r.out.find("Usage: policydb " + command) == 0);
  CHECK(run_cli(dir, "--help").out.find("  " + command + " ") != std::string::npos);
}

TEST_CASE("documents lists stored documents with fact counts", "[cli]") {
  IngestedDb db;
  const auto r = db.run("documents --format json");
  INFO(r.err);
  REQUIRE(r.status == 0);
  const auto rows = nlohmann::json::parse(r.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["source"] == "a.txt");
  CHECK(rows[0]["sha256"].get<std::string>().size() == 64);
  CHECK(rows[0]["facts"].get<std::int64_t>() ==
        scalar(db.dir, "SELECT count(*) FROM fact WHERE document_id = " +
                           std::to_string(rows[0]["id"].get<std::int64_t>())));
  CHECK(rows[1]["home_region"] == "湖南");
  const auto csv = lines_of(db.run("documents --format csv").out);
  CHECK(csv.size() == 3);
  CHECK(csv[0].rfind("id,source,sha256,", 0) == 0);
}

TEST_CASE("documents on a missing database fails with a hint", "[cli]") {
  TempDir dir;
  const auto r = run_cli(dir, "documents --db none.db");
  CHECK(r.status == 1);
  CHECK(r.err.find("no database at none.db") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "none.db"));
}

TEST_CASE("reextract skips current documents and re-runs old ones", "[cli]") {
  IngestedDb db;
  const auto facts = scalar(db.dir, "SELECT count(*) FROM fact");
  auto first = db.run("reextract");
  INFO(first.err);
  REQUIRE(first.status == 0);
  CHECK(first.out.find("documents: 0 re-extracted, 2 already at") != std::string::npos);
  {
    SQLite::Database raw((db.dir / "c.db").string(), SQLite::OPEN_READWRITE);
    raw.exec("UPDATE document SET extractor_version = 'extract-0.1' WHERE source = 'b.txt'");
  }
  const auto second = db.run("reextract --jobs 2");
  CHECK(second.status == 0);
  CHECK(second.out.find("documents: 1 re-extracted, 1 already at") != std::string::npos);
  const auto forced = db.run("reextract --force");
  CHECK(forced.out.find("documents: 2 re-extracted") != std::string::npos);
  CHECK(forced.out.find(std::to_string(facts) + " after") != std::string::npos);
  CHECK(scalar(db.dir, "SELECT count(*) FROM fact") == facts);
  CHECK(db.run("reextract --jobs zero").status == 2);
}

TEST_CASE("alias re-links uncurated facts and reports unknown metrics", "[cli]") {
  IngestedDb db;
  write(db.dir / "f.jsonl", std::string(kUncurated) + "\n");
  REQUIRE(db.run("load f.jsonl").status == 0);
  // The first curated count metric of the catalog.
  const auto metrics = nlohmann::json::parse(db.run("metrics --format json").out);
  std::string code;
  for (const auto& m : metrics) {
    if (m.value("unit", "") == "个" && code.empty()) code = m["code"];
  }
  REQUIRE_FALSE(code.empty());
  const auto added = db.run("alias 萤火虫观测站 " + code);
  INFO(added.err);
  REQUIRE(added.status == 0);
  CHECK(added.out.find("facts re-linked: 1") != std::string::npos);
  CHECK(db.run("metrics --uncurated --format csv").out.find("萤火虫") == std::string::npos);

  const auto unknown = db.run("alias 萤火虫 no_such_metric_at_all");
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("unknown metric") != std::string::npos);
  CHECK(db.run("alias onlyone").status == 2);
  CHECK(db.run("alias --remove 萤火虫观测站").status == 0);
  CHECK(db.run("alias --remove 萤火虫观测站").status == 1);
}

TEST_CASE("remove deletes documents with their facts, or nothing", "[cli]") {
  IngestedDb db;
  const auto unknown = db.run("remove a.txt nothing.txt");
  CHECK(unknown.status == 1);
  CHECK(unknown.err.find("nothing.txt") != std::string::npos);
  CHECK(scalar(db.dir, "SELECT count(*) FROM document") == 2);

  const auto b_facts = scalar(db.dir,
                              "SELECT count(*) FROM fact f JOIN document d ON"
                              " d.id = f.document_id WHERE d.source = 'b.txt'");
  const auto r = db.run("remove a.txt");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("documents removed: 1") != std::string::npos);
  CHECK(scalar(db.dir, "SELECT count(*) FROM fact") == b_facts);
  CHECK(db.run("remove").status == 2);
}

TEST_CASE("compact after remove reports the sizes and keeps the other document", "[cli]") {
  IngestedDb db;
  write(db.dir / "f.jsonl", std::string(kUncurated) + "\n");
  REQUIRE(db.run("load f.jsonl").status == 0);
  REQUIRE(db.run("remove a.txt f.md").status == 0);
  CHECK(scalar(db.dir, "SELECT count(*) FROM metric WHERE curated = 0") == 0);
  const auto b_facts = scalar(db.dir, "SELECT count(*) FROM fact");

  const auto r = db.run("compact");
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("c.db: ") == 0);
  CHECK(r.out.find(" MB -> ") != std::string::npos);
  CHECK(r.out.find("unused uncurated metrics removed: 0") != std::string::npos);
  CHECK(scalar(db.dir, "SELECT count(*) FROM fact") == b_facts);
  CHECK(db.run("check").status == 0);
  CHECK(run_cli(db.dir, "compact --db missing.db").status == 1);
  CHECK_FALSE(std::filesystem::exists(db.dir / "missing.db"));
  CHECK(db.run("compact extra").status == 2);
}
