#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "policydb/error.h"
#include "policydb/format.h"
#include "query_support.h"

using policydb::Database;
using policydb::Kind;
using policydb::Measure;
using policydb::Subregions;
using namespace policydb::testing;

namespace {

std::size_t seeds_where(const std::function<bool(const nlohmann::json&)>& pred) {
  std::size_t n = 0;
  for (const auto& j : seed_lines()) n += pred(j) ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("Every 2025 target of 河南 from the gold seeds", "[query][seeds]") {
  const auto db = seeded_database();
  const auto expected_province = seeds_where([](const nlohmann::json& j) {
    return j["region"] == "河南" && j["kind"] == "target" && j["period"] == "2025" &&
           !j.contains("subregion");
  });
  const auto expected_all = seeds_where([](const nlohmann::json& j) {
    return j["region"] == "河南" && j["kind"] == "target" && j["period"] == "2025";
  });
  REQUIRE(expected_province > 0);
  const auto targets = db.facts().region("河南").kind(Kind::target).since(2025).until(2025).list();
  CHECK(targets.size() == expected_province);
  for (const auto& f : targets) {
    CHECK(f.region->short_name == "河南");
    CHECK(f.subregion.empty());
    CHECK(f.kind == Kind::target);
    CHECK(f.period.end_year() == 2025);
  }
  // Any alias of the region, and subregions on request.
  CHECK(db.facts().region("河南省").kind(Kind::target).since(2025).until(2025).count() == expected_province);
  CHECK(db.facts().region("豫", Subregions::include).kind(Kind::target).since(2025).until(2025).count() ==
        expected_all);
}

TEST_CASE("Metric filter resolves aliases, else matches label substrings", "[query][seeds]") {
  const auto db = seeded_database();
  const auto catalog = db.catalog();
  const auto* metric = catalog->find_metric("5G基站");
  REQUIRE(metric != nullptr);
  const auto facts = db.facts().region("河南").metric("5G基站").list();
  REQUIRE(facts.size() >= 3);
  for (const auto& f : facts) CHECK(f.metric->code == metric->code);
  // By code, the same facts.
  CHECK(db.facts().region("河南").metric(metric->code).count() == facts.size());
  // An unresolvable text is a label substring.
  const auto expected = seeds_where([](const nlohmann::json& j) {
    return j["metric"].get<std::string>().find("智慧农业") != std::string::npos;
  });
  REQUIRE(expected > 0);
  CHECK(db.facts().metric("智慧农业").region("河南", Subregions::include).count() == expected);
}

TEST_CASE("Period filters select by the end and by overlap", "[query][seeds]") {
  const auto db = seeded_database();
  const auto span = db.facts().period_overlaps(policydb::Period::quarter(2023, 3))
                        .region("河南", Subregions::include).list();
  REQUIRE_FALSE(span.empty());
  for (const auto& f : span) CHECK(f.period.overlaps(policydb::Period::quarter(2023, 3)));
  const auto as_of = db.facts().as_of({2023, 10, 15}).region("河南").list();
  REQUIRE_FALSE(as_of.empty());
  for (const auto& f : as_of) CHECK(f.period.contains({2023, 10, 15}));
  for (const auto& f : db.facts().until(2022).list()) CHECK(f.period.end_year() <= 2022);
  for (const auto& f : db.facts().since(2027).list()) CHECK(f.period.end_year() >= 2027);
}

TEST_CASE("Facts carry their document, unit and quote", "[query][seeds]") {
  const auto db = seeded_database();
  const auto facts = db.facts().document("001_3d7927978cc75c0c.txt").list();
  REQUIRE_FALSE(facts.empty());
  for (const auto& f : facts) {
    CHECK(f.document.source == "001_3d7927978cc75c0c.txt");
    CHECK(f.document.sha256.size() == 64);
    CHECK_FALSE(f.quote.empty());
    CHECK_FALSE(f.unit->dimension.empty());
  }
  CHECK(db.facts().document(facts[0].document.sha256).count() == facts.size());
}

TEST_CASE("each streams and stops when the callback says so", "[query][seeds]") {
  const auto db = seeded_database();
  std::size_t seen = 0;
  db.facts().each([&](const policydb::Fact&) { return ++seen < 5; });
  CHECK(seen == 5);
  seen = 0;
  db.facts().region("北京").each([&](const policydb::Fact& f) {
    CHECK(f.region->short_name == "北京");
    // A nested query from inside the callback does not deadlock.
    CHECK(db.facts().region("北京").count() > 0);
    ++seen;
    return true;
  });
  CHECK(seen == db.facts().region("北京").count());
}

TEST_CASE("Hostile filter values are bound, never spliced into SQL", "[query]") {
  const auto db = seeded_database();
  CHECK(db.facts().metric("x' OR '1'='1").count() == 0);
  CHECK(db.facts().metric("%").count() == 0);
  CHECK(db.facts().document("'; DROP TABLE fact; --").count() == 0);
  CHECK(db.facts().count() == seed_lines().size());
}

TEST_CASE("An unknown region name is an error that suggests names", "[query]") {
  const auto db = Database::open(":memory:");
  CHECK_THROWS_MATCHES(db.facts().region("河喃").list(), policydb::Error,
                       Catch::Predicate<policydb::Error>([](const policydb::Error& e) {
                         return e.code() == policydb::ErrorCode::not_found;
                       }));
}

TEST_CASE("A prefecture name finds the facts of that city", "[query]") {
  auto db = Database::open(":memory:");
  load_text(db, fact_line("c.txt", "河南", "示范园区", "actual", 4, "个", "2023", R"({"subregion": "郑州"})") +
                    fact_line("c.txt", "郑州", "示范工厂", "actual", 9, "个", "2023") +
                    fact_line("c.txt", "河南", "示范园区", "actual", 30, "个", "2023"));
  const auto city = db.facts().region("郑州市").list();
  REQUIRE(city.size() == 2);
  for (const auto& f : city) {
    CHECK(f.region->short_name == "河南");
    CHECK(f.subregion == "郑州");
  }
  CHECK(db.facts().region("河南").count() == 1);
  CHECK(db.facts().region("河南", Subregions::include).count() == 3);
  CHECK(db.facts().subregion("郑州").count() == 2);
}

TEST_CASE("Facts format for people", "[query]") {
  auto db = Database::open(":memory:");
  load_text(db, fact_line("f.txt", "河南", "示范工厂", "target", 150, "个", "2025",
                          R"({"comparator": "ge"})"));
  const auto f = db.facts().list().at(0);
  CHECK(fmt::format("{}", f) == "河南 示范工厂 ≥ 150 个 [target level, 2025]");
  CHECK(fmt::format("{}|{}|{}", f.period, f.kind, *f.region) == "2025|target|河南");
}

TEST_CASE("Facts share their region, metric and unit, and keep them after the database closes", "[query]") {
  std::vector<policydb::Fact> facts;
  std::shared_ptr<const policydb::Catalog> catalog;
  {
    auto db = Database::open(":memory:");
    load_text(db, fact_line("a.txt", "河南", "5G基站总数", "actual", 150000, "个", "2022") +
                      fact_line("b.txt", "河南", "累计开通5G基站", "actual", 187000, "个", "2023"));
    facts = db.facts().list();
    catalog = db.catalog();
  }
  REQUIRE(facts.size() == 2);
  // One record per region, metric and unit, not a copy in each fact; the
  // region is the catalog's own.
  CHECK(facts[0].region == facts[1].region);
  CHECK(facts[0].metric == facts[1].metric);
  CHECK(facts[0].unit == facts[1].unit);
  CHECK(facts[0].region.get() == catalog->region_by_code("410000"));
  catalog.reset();
  // Valid after the Database and every other owner of its catalog are gone
  // (AddressSanitizer reports a dangling record).
  CHECK(facts[1].region->short_name == "河南");
  CHECK(facts[1].region->name_en == "Henan Province");
  CHECK(facts[1].metric->code == "5g_base_stations");
  CHECK(facts[1].unit->dimension == "count");
  CHECK(fmt::format("{}", facts[1]) == "河南 累计开通5G基站 = 187000 个 [actual level, 2023]");
}

TEST_CASE("A fact built by hand without references still formats and converts", "[query]") {
  policydb::Fact f;
  f.label = "手工";
  f.value = 3;
  CHECK(fmt::format("{}", f) == " 手工 = 3  [actual level, ]");
  CHECK_FALSE(f.value_in(policydb::Unit{"个", "count", "个", 1}).has_value());
}

TEST_CASE("An exact period filter matches that period only", "[query][seeds]") {
  const auto db = seeded_database();
  const auto expected = seeds_where([](const nlohmann::json& j) {
    return j["region"] == "河南" && j["period"] == "2023-10" && !j.contains("subregion");
  });
  REQUIRE(expected > 0);
  const auto month = db.facts().region("河南").period(policydb::Period::month(2023, 10)).list();
  CHECK(month.size() == expected);
  for (const auto& f : month) CHECK(f.period == policydb::Period::month(2023, 10));
  // The year 2023 is another period, though it ends later and contains October.
  for (const auto& f : db.facts().region("河南").period(policydb::Period::year(2023)).list()) {
    CHECK(f.period.to_string() == "2023");
  }
}

TEST_CASE("Pooled read connections reuse statements without mixing reads", "[query]") {
  TempDir dir;
  auto db = Database::open(dir / "pool.db");
  {
    std::ifstream in(seeds_path());
    REQUIRE(db.load_jsonl(in).ok());
  }
  const auto total = db.facts().region("河南").count();
  REQUIRE(total > 3);
  // The same query nested inside itself: the inner one cannot take the
  // statement the outer one is stepping, and both see every row.
  std::size_t outer = 0, inner_rows = 0;
  db.facts().region("河南").each([&](const policydb::Fact&) {
    if (outer++ == 0) db.facts().region("河南").each([&](const policydb::Fact&) { return ++inner_rows > 0; });
    return true;
  });
  CHECK(outer == total);
  CHECK(inner_rows == total);
  // Stopping early leaves no read open: a load after it is seen by the same query.
  db.facts().region("河南").each([](const policydb::Fact&) { return false; });
  load_text(db, fact_line("later.txt", "河南", "示范指标", "actual", 1, "个", "2024"));
  CHECK(db.facts().region("河南").count() == total + 1);
}
