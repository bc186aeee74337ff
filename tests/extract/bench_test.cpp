// Extraction speed: the development corpus repeated to at least 50 MB, one
// document at a time on one thread. Hidden ([.bench]); run it explicitly:
//   policydb_extract_tests "[.bench]"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <catch2/catch.hpp>

#include "policydb/catalog.h"
#include "policydb/extract.h"
#include "test_support.h"

TEST_CASE("extraction runs at 10 MB/s or more per core", "[.bench]") {
  namespace fs = std::filesystem;
  std::vector<std::string> docs;
  for (const auto& e : fs::directory_iterator(policydb::testing::shared_dir() / "corpus")) {
    docs.push_back(policydb::testing::read_file(e.path()));
  }
  REQUIRE_FALSE(docs.empty());
  const policydb::Extractor extractor(policydb::Catalog::builtin());
  policydb::ExtractOptions options;
  options.date = policydb::Date{2024, 1, 25};
  constexpr std::size_t kTarget = 50u << 20;
  std::size_t bytes = 0, facts = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; bytes < kTarget; ++i) {
    const std::string& doc = docs[i % docs.size()];
    facts += extractor.extract(doc, options).facts.size();
    bytes += doc.size();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double mb_per_s = static_cast<double>(bytes) / (1 << 20) / seconds;
  std::printf("extract: %.1f MB in %.2f s = %.1f MB/s, %zu facts\n", static_cast<double>(bytes) / (1 << 20),
              seconds, mb_per_s, facts);
  CHECK(mb_per_s >= 10.0);
}
