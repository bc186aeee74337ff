// Throughput of find_periods on the shared report corpus, repeated to ~50 MB.
// Hidden ([.bench]): run with `policydb_periods_tests "[.bench]"`.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <string>

#include "policydb/periods.h"
#include "test_support.h"

TEST_CASE("find_periods scans report text at well over 10 MB/s", "[periods][.bench]") {
  std::string corpus;
  for (const auto& entry : std::filesystem::directory_iterator(policydb::testing::shared_dir() / "corpus")) {
    if (entry.path().extension() == ".txt") corpus += policydb::testing::read_file(entry.path());
  }
  REQUIRE_FALSE(corpus.empty());
  std::string text;
  while (text.size() < 50u * 1000 * 1000) text += corpus;
  const auto start = std::chrono::steady_clock::now();
  const auto found = policydb::find_periods(text, policydb::Date{2023, 11, 20});
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  const double mb_per_s = static_cast<double>(text.size()) / 1e6 / seconds.count();
  WARN("find_periods: " << text.size() / 1000000 << " MB in " << seconds.count() << " s = "
                        << mb_per_s << " MB/s, " << found.size() << " periods");
  CHECK(mb_per_s >= 10.0);
}
