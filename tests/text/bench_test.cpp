// Throughput of the text stage next to plain ICU on the same bytes. Hidden:
//   policydb_text_tests "[.bench]"
#include <catch2/catch.hpp>

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "policydb/text.h"
#include "test_support.h"

namespace fs = std::filesystem;

namespace {

std::string corpus(bool traditional, std::size_t target) {
  std::string one;
  for (const auto& entry : fs::directory_iterator(policydb::testing::shared_dir() / "corpus")) {
    const bool is_001 = entry.path().filename().string().rfind("001_", 0) == 0;
    if (is_001 == traditional) one += policydb::testing::read_file(entry.path()) + "\n";
  }
  std::string out;
  while (!one.empty() && out.size() < target) out += one;
  return out;
}

double mb_per_s(std::size_t bytes, const std::function<void()>& f) {
  double best = 1e9;
  for (int run = 0; run < 3; ++run) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  return static_cast<double>(bytes) / 1e6 / best;
}

std::size_t icu_sentences(const icu::UnicodeString& u) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(icu::Locale::getChinese(), status));
  it->setText(u);
  std::size_t n = 0;
  for (int32_t p = it->first(); p != icu::BreakIterator::DONE; p = it->next()) ++n;
  return n;
}

}  // namespace

TEST_CASE("throughput of normalize_document and split_sentences", "[.bench]") {
  const std::string hans = corpus(false, 50u << 20);
  REQUIRE_FALSE(hans.empty());  // the shared corpus is part of the checkout
  std::size_t sink = 0;
  std::printf("simplified input: %.1f MB\n", static_cast<double>(hans.size()) / 1e6);
  std::printf("normalize_document: %.1f MB/s\n", mb_per_s(hans.size(), [&] {
    sink += policydb::normalize_document(hans).text().size();
  }));
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::printf("ICU NFKC normalizeUTF8 (no edits): %.1f MB/s\n", mb_per_s(hans.size(), [&] {
    std::string out;
    icu::StringByteSink<std::string> bytes(&out);
    nfkc->normalizeUTF8(0, hans, bytes, nullptr, status);
    sink += out.size();
  }));
  const auto doc = policydb::normalize_document(hans);
  std::printf("normalized %.1f MB, map %.1f MB, %zu sentences\n", static_cast<double>(doc.text().size()) / 1e6,
              static_cast<double>(doc.map_memory_bytes()) / 1e6, policydb::split_sentences(doc.text()).size());
  std::printf("split_sentences (hand scan): %.1f MB/s\n", mb_per_s(doc.text().size(), [&] {
    sink += policydb::split_sentences(doc.text()).size();
  }));
  std::printf("ICU sentence BreakIterator incl. UTF-8→UTF-16: %.1f MB/s (%zu breaks)\n",
              mb_per_s(doc.text().size(), [&] { sink += icu_sentences(icu::UnicodeString::fromUTF8(doc.text())); }),
              icu_sentences(icu::UnicodeString::fromUTF8(doc.text())));
  std::size_t clauses = 0;
  std::printf("split_sentences + split_clauses: %.1f MB/s\n", mb_per_s(doc.text().size(), [&] {
    for (const auto& s : policydb::split_sentences(doc.text())) clauses += policydb::split_clauses(doc.text(), s).size();
  }));

  const std::string hant = corpus(true, 1u << 20);
  std::printf("traditional input: %.2f MB\n", static_cast<double>(hant.size()) / 1e6);
  std::printf("normalize_document (traditional): %.1f MB/s\n", mb_per_s(hant.size(), [&] {
    sink += policydb::normalize_document(hant).text().size();
  }));
  std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  std::printf("ICU Hant-Hans transliterator alone: %.1f MB/s\n", mb_per_s(hant.size(), [&] {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(hant);
    tr->transliterate(u);
    sink += static_cast<std::size_t>(u.length());
  }));
  CHECK(sink > 0);
}
