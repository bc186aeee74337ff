// Throughput of the quantity scanner on the shared corpus repeated to ~50 MB.
// Hidden ([.bench]); run with: policydb_numbers_tests "[.bench]"
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>

#include "policydb/catalog.h"
#include "policydb/quantity.h"
#include "test_support.h"

TEST_CASE("find_quantities scans the corpus at 10 MB/s or more", "[numbers][.bench]") {
  std::string corpus;
  for (const auto& entry : std::filesystem::directory_iterator(policydb::testing::shared_dir() / "corpus")) {
    if (entry.path().extension() == ".txt") corpus += policydb::testing::read_file(entry.path());
  }
  REQUIRE_FALSE(corpus.empty());
  constexpr std::size_t kTarget = 50u << 20;
  std::string text;
  text.reserve(kTarget + corpus.size());
  while (text.size() < kTarget) text += corpus;

  const auto catalog = policydb::Catalog::builtin();
  const policydb::QuantityScanner scanner(*catalog);
  const auto start = std::chrono::steady_clock::now();
  const auto found = scanner.scan(text);
  const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;
  const double mb_per_s = static_cast<double>(text.size()) / (1 << 20) / seconds.count();
  std::cout << "find_quantities: " << text.size() / (1 << 20) << " MiB in " << seconds.count()
            << " s = " << mb_per_s << " MiB/s, " << found.size() << " quantities\n";
  CHECK(mb_per_s >= 10);
}
