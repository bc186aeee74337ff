#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "query_support.h"

using policydb::Database;
using namespace policydb::testing;

TEST_CASE("Readers run concurrently with the writer and see committed loads only",
          "[query][threads]") {
  TempDir dir;
  auto db = Database::open(dir / "c.db");
  constexpr int kDocs = 20;
  constexpr int kFactsPerDoc = 5;
  std::atomic<bool> done{false};
  std::atomic<int> reads{0};
  std::atomic<bool> torn{false};
  auto reader = [&] {
    std::size_t last = 0;
    while (!done.load()) {
      const std::size_t n = db.facts().count();
      // Whole documents only (one transaction per load), never going back.
      if (n % kFactsPerDoc != 0 || n < last) torn = true;
      last = n;
      ++reads;
    }
  };
  std::thread r1(reader), r2(reader);
  for (int d = 0; d < kDocs; ++d) {
    std::string text;
    for (int i = 0; i < kFactsPerDoc; ++i) {
      text += fact_line("doc" + std::to_string(d), "河南", "示范指标" + std::to_string(i), "actual",
                        d * 10 + i, "个", "2023");
    }
    load_text(db, text);
  }
  done = true;
  r1.join();
  r2.join();
  CHECK_FALSE(torn.load());
  CHECK(reads.load() > 0);
  CHECK(db.facts().count() == kDocs * kFactsPerDoc);
}
