#include <catch2/catch.hpp>

#include <regex>

#include "query_support.h"

using namespace policydb::testing;

TEST_CASE("The example queries of docs/SCHEMA.md run on the gold seeds", "[query][docs][seeds]") {
  const std::string doc = read_file(source_dir() / "docs" / "SCHEMA.md");
  const std::regex block("```sql\\n([^`]*)```");
  std::vector<std::string> queries;
  for (std::sregex_iterator it(doc.begin(), doc.end(), block), end; it != end; ++it) {
    queries.push_back((*it)[1].str());
  }
  REQUIRE(queries.size() == 5);
  const auto db = seeded_database();
  for (const auto& sql : queries) {
    CAPTURE(sql);
    CHECK_NOTHROW((void)db.query_readonly(sql));
  }
  // The first answers "every 2025 target of 河南 and how far it is".
  const auto first = db.query_readonly(queries[0]);
  const auto expected = db.facts()
                            .region("河南", policydb::Subregions::include)
                            .kind(policydb::Kind::target).since(2025).until(2025).count();
  CHECK(first.rows.size() == expected);
  CHECK(first.columns.back() == "status");
  CHECK_FALSE(db.query_readonly(queries[1]).rows.empty());
}

TEST_CASE("The latest view keeps one row per indicator", "[query][docs][seeds]") {
  const auto db = seeded_database();
  const auto dup = db.query_readonly(
      "SELECT count(*) FROM (SELECT region_id, coalesce(subregion, ''), metric_id, measure, kind,"
      " count(*) AS n FROM latest GROUP BY 1, 2, 3, 4, 5 HAVING n > 1)");
  CHECK(*dup.rows[0][0] == "0");
  const auto groups = db.query_readonly(
      "SELECT count(*) FROM (SELECT DISTINCT region_id, coalesce(subregion, ''), metric_id,"
      " measure, kind FROM facts)");
  const auto latest = db.query_readonly("SELECT count(*) FROM latest");
  CHECK(*latest.rows[0][0] == *groups.rows[0][0]);
}
