// Properties of the normalized shared corpus (read at run time, never copied).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "policydb/text.h"
#include "test_support.h"
#include "text/script.h"
#include "text/utf8.h"
#include "text_test_support.h"

namespace fs = std::filesystem;
using policydb::normalize_document;

namespace {

std::string corpus_file(const std::string& prefix) {
  const fs::path dir = policydb::testing::shared_dir() / "corpus";
  if (!fs::exists(dir)) return {};
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind(prefix, 0) == 0) {
      return policydb::testing::read_file(entry.path());
    }
  }
  return {};
}

std::size_t traditional_chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 0;
    n += policydb::text::is_traditional_char(policydb::text::decode_at(s, i, &len));
    i += len;
  }
  return n;
}

}  // namespace

TEST_CASE("the traditional corpus report comes out simplified and maps back", "[text]") {
  const std::string input = corpus_file("001_");
  REQUIRE_FALSE(input.empty());  // the shared corpus is part of the checkout
  REQUIRE(traditional_chars(input) > 100);
  const auto doc = normalize_document(input);
  CHECK(doc.script() == policydb::Script::hant);
  CHECK(traditional_chars(doc.text()) == 0);
  REQUIRE(doc.metadata().date);
  CHECK(doc.metadata().date->to_string() == "2024-01-25");
  for (const auto& s : policydb::split_sentences(doc.text())) {
    const auto [b, e] = doc.original_span(s.begin, s.end);
    REQUIRE(e <= input.size());
    // The quote is the original (traditional) text, which normalizes back to the sentence.
    CHECK(normalize_document(input.substr(b, e - b)).text() ==
          doc.text().substr(s.begin, s.end - s.begin));
  }
}

TEST_CASE("simplified corpus reports keep their characters", "[text]") {
  for (const char* prefix : {"000_", "002_", "003_", "004_"}) {
    const std::string input = corpus_file(prefix);
    REQUIRE_FALSE(input.empty());  // the shared corpus is part of the checkout
    const auto doc = normalize_document(input);
    INFO(prefix);
    CHECK(doc.script() == policydb::Script::hans);
    CHECK(doc.diagnostics().empty());
    for (const auto& s : policydb::split_sentences(doc.text())) {
      const auto [b, e] = doc.original_span(s.begin, s.end);
      REQUIRE(b <= e);
      REQUIRE(e <= input.size());
    }
  }
}

TEST_CASE("the offset map of a large simplified text stays small", "[text]") {
  const std::string one = corpus_file("000_") + corpus_file("003_");
  REQUIRE_FALSE(one.empty());  // the shared corpus is part of the checkout
  std::string input;
  while (input.size() < (4u << 20)) input += one;
  const auto doc = normalize_document(input);
  CHECK(doc.map_memory_bytes() < input.size());
}
