// The latest SQL view (schema/0011) keeps, for each indicator of a region, the
// fact docs/SCHEMA.md names: the latest period end, then the most recently
// published source, then the most recently loaded. The reference here is
// computed in C++ from every stored fact.
#include <map>
#include <set>
#include <string>
#include <tuple>

#include <catch2/catch.hpp>

#include "policydb/database.h"
#include "query_support.h"

using policydb::Database;
using policydb::Fact;
using policydb::testing::fact_line;
using policydb::testing::load_text;
using policydb::testing::varied_fact_lines;

namespace {

// True when `a` should be shown in place of `b` for their indicator.
bool later(const Fact& a, const Fact& b) {
  if (a.period.end() != b.period.end()) return b.period.end() < a.period.end();
  if (a.document.published != b.document.published) {
    if (!b.document.published) return true;
    if (!a.document.published) return false;
    return *b.document.published < *a.document.published;
  }
  return a.id > b.id;
}

std::set<std::string> ids_of(const policydb::QueryResult& result) {
  std::set<std::string> ids;
  for (const auto& row : result.rows) ids.insert(*row[0]);
  return ids;
}

// The varied file, plus growth rates beside levels of one metric, and two
// undated sources that tie on a period end.
Database varied_database() {
  auto db = Database::open(":memory:");
  load_text(db, varied_fact_lines());
  const std::string growth = R"({"measure": "growth", "published": "2024-06-01"})";
  load_text(db, fact_line("g.txt", "江西", "示范企业数量", "actual", 4.5, "%", "2023", growth) +
                    fact_line("g.txt", "江西", "示范企业数量", "actual", 5.1, "%", "2024-06", growth) +
                    fact_line("h.txt", "江西", "示范投资规模", "target", 9e8, "CNY", "2031") +
                    fact_line("i.txt", "江西", "示范投资规模", "target", 8e8, "CNY", "2031"));
  return db;
}

}  // namespace

TEST_CASE("The latest view keeps the fact docs/SCHEMA.md names for every indicator", "[query][latest]") {
  const auto db = varied_database();
  using Key = std::tuple<std::string, std::string, std::string, policydb::Measure, policydb::Kind>;
  std::map<Key, Fact> best;
  const auto all = db.facts().list();
  REQUIRE(all.size() > 140);
  for (const Fact& f : all) {
    const Key key{f.region->code, f.subregion, f.metric->code, f.measure, f.kind};
    auto it = best.find(key);
    if (it == best.end()) {
      best.emplace(key, f);
    } else if (later(f, it->second)) {
      it->second = f;
    }
  }
  std::set<std::string> expected;
  for (const auto& [key, f] : best) expected.insert(std::to_string(f.id));

  const auto view = db.query_readonly("SELECT fact_id FROM latest");
  CHECK(view.rows.size() == expected.size());
  CHECK(ids_of(view) == expected);
  // The later of the two undated 2031 targets, loaded last, wins.
  const auto tied = db.query_readonly(
      "SELECT document FROM latest WHERE region = '江西' AND metric_name = '示范投资规模' AND kind = 'target'");
  REQUIRE(tied.rows.size() == 1);
  CHECK(*tied.rows[0][0] == "i.txt");
}

TEST_CASE("A WHERE on the latest view filters its rows and changes none of them", "[query][latest]") {
  const auto db = varied_database();
  const auto all = db.query_readonly("SELECT fact_id FROM latest");
  REQUIRE(all.rows.size() > 15);
  for (const std::string& filter : {std::string("kind = 'target'"), std::string("region = '河南'"),
                                    std::string("subregion = '郑州'"), std::string("measure = 'growth'")}) {
    CAPTURE(filter);
    const auto filtered = db.query_readonly("SELECT fact_id FROM latest WHERE " + filter);
    // The LIMIT keeps SQLite from pushing the WHERE into the view: the whole
    // view is built, then filtered.
    const auto expected = db.query_readonly(
        "SELECT fact_id FROM (SELECT fact_id, kind, region, subregion, measure FROM latest LIMIT -1) WHERE " +
        filter);
    CHECK_FALSE(filtered.rows.empty());
    CHECK(ids_of(filtered) == ids_of(expected));
    CHECK(filtered.rows.size() < all.rows.size());
  }
}
