// Readers running typed queries and views while one writer loads and ingests:
// no errors, no busy failures reaching the caller, and no reader ever sees a
// document with part of its facts. Built again with -DPOLICYDB_SANITIZE=thread
// (the `tsan` preset) to look for data races.
#include <catch2/catch.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "policydb/database.h"
#include "policydb/extract.h"
#include "reliability_support.h"

using policydb::Database;
namespace t = policydb::testing;

namespace {

constexpr int kReaders = 4;

// Shared between the threads: the expected fact count of every document and the
// problems the readers met.
struct Board {
  std::map<std::string, long long> expected;  // written before the threads start
  std::atomic<bool> writer_done{false};
  std::atomic<long> reads{0};
  std::atomic<long> documents_seen{0};
  std::mutex mutex;
  std::vector<std::string> problems;

  void problem(const std::string& what) {
    std::lock_guard lock(mutex);
    if (problems.size() < 20) problems.push_back(what);
  }
  // A document seen by a reader must have all its facts.
  void seen(const std::string& source, long long facts) {
    documents_seen.fetch_add(1, std::memory_order_relaxed);
    const auto it = expected.find(source);
    if (it == expected.end()) return problem("unknown document " + source);
    if (it->second != facts) {
      problem(source + " seen with " + std::to_string(facts) + " of " + std::to_string(it->second) +
              " facts");
    }
  }
};

std::string report_text(int n) {
  std::ostringstream out;
  out << "江苏省发展改革委\n2024年3月" << (1 + n % 28) << "日\n"
      << "2023年，全省5G基站达到" << (150000 + n) << "个，新建智能工厂" << (40 + n) << "家。\n"
      << "到2026年，力争数据中心机架达到" << (90000 + n) << "架。\n";
  return out.str();
}

void reader(const Database& db, Board& board, int which) {
  long round = 0;
  while (!board.writer_done.load() || round < 3) {
    ++round;
    try {
      std::map<std::string, long long> counts;
      switch ((which + round) % 4) {
        case 0:  // typed query: every fact, grouped by document
          for (const auto& fact : db.facts().list()) ++counts[fact.document.source];
          break;
        case 1:  // the facts view through the sandbox
          for (const auto& row :
               db.query_readonly("SELECT document, count(*) FROM facts GROUP BY document_id").rows) {
            counts[*row[0]] += std::stoll(*row[1]);
          }
          break;
        case 2:  // streamed typed query of targets, and target_progress over the views
          (void)db.target_progress();
          db.facts().each([&](const policydb::Fact& f) {
            ++counts[f.document.source];
            return true;
          });
          break;
        default:  // one document at a time
          for (const auto& [source, n] : board.expected) {
            if (round % 7 != 0 && source.back() != '5') continue;
            const auto c = db.facts().document(source).count();
            if (c > 0) counts[source] = static_cast<long long>(c);
          }
          (void)db.query_readonly("SELECT * FROM latest LIMIT 20");
      }
      for (const auto& [source, n] : counts) board.seen(source, n);
      board.reads.fetch_add(1);
    } catch (const std::exception& e) {
      board.problem(std::string("reader ") + std::to_string(which) + ": " + e.what());
    }
  }
}

}  // namespace

TEST_CASE("Readers never see a partial document or an error while one writer works",
          "[reliability][concurrency]") {
  const int documents = t::env_count("POLICYDB_RELIABILITY_DOCUMENTS", 40);
  t::TempDir dir;
  auto db = Database::open(dir / "concurrent.db");
  Board board;
  {
    const policydb::Extractor extractor(db.catalog());
    for (int n = 0; n < documents; ++n) {
      board.expected[t::document_name(n)] = t::facts_in_document(n);
      policydb::ExtractOptions options;
      options.source_name = "report_" + std::to_string(n) + ".txt";
      const auto facts = extractor.extract(report_text(n), options).facts.size();
      REQUIRE(facts > 0);
      board.expected[options.source_name] = static_cast<long long>(facts);
    }
  }
  std::vector<std::thread> readers;
  for (int r = 0; r < kReaders; ++r) readers.emplace_back(reader, std::cref(db), std::ref(board), r);
  std::string writer_error;
  std::thread writer([&] {
    try {
      for (int n = 0; n < documents; ++n) {
        std::istringstream in(t::document_jsonl(t::document_name(n), t::facts_in_document(n)));
        if (!db.load_jsonl(in).ok()) writer_error = "load of document " + std::to_string(n) + " not ok";
        policydb::ExtractOptions options;
        options.source_name = "report_" + std::to_string(n) + ".txt";
        (void)db.ingest_bytes(report_text(n), options);
      }
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
    board.writer_done = true;
  });
  writer.join();
  for (auto& r : readers) r.join();

  INFO("reads " << board.reads.load() << ", documents seen " << board.documents_seen.load());
  CHECK(writer_error.empty());
  for (const auto& p : board.problems) FAIL_CHECK(p);
  CHECK(board.reads.load() >= kReaders * 3);
  CHECK(board.documents_seen.load() > 0);
  // The end state: everything there once.
  std::map<std::string, long long> final_counts;
  for (const auto& fact : db.facts().list()) ++final_counts[fact.document.source];
  CHECK(final_counts == board.expected);
}
