#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "policydb/catalog.h"

#include "catalog/catalog_fixture.h"

using policydb::testing::schema_catalog;

namespace {

std::set<std::pair<std::string, std::string>> running(const policydb::Catalog& c) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& n : c.running_text_names()) out.emplace(n.text, n.region_code);
  return out;
}

}  // namespace

TEST_CASE("the compiled-in catalog holds the same reference data as schema/*.csv", "[catalog]") {
  const auto builtin = policydb::Catalog::builtin();
  const auto& csv = schema_catalog();
  CHECK(builtin->regions().size() == csv.regions().size());
  CHECK(builtin->metrics().size() == csv.metrics().size());
  for (const auto& m : csv.metrics()) {
    const auto* found = builtin->find_metric(m.code);
    REQUIRE(found != nullptr);
    CHECK(found->name_zh == m.name_zh);
    CHECK(found->default_unit == m.default_unit);
  }
  CHECK(builtin->region("豫").code == "410000");
  // region_aliases.csv rows with in_running_text 0 must win over the names the
  // migration derives from the region row (朝阳市's short name 朝阳).
  const auto want = running(csv);
  std::string extra;  // spotted by the compiled-in catalog only
  for (const auto& [text, code] : running(*builtin)) {
    if (!want.contains({text, code})) extra += text + "(" + code + ") ";
  }
  CHECK(extra == "");
  CHECK(running(*builtin).size() == want.size());
}
