// Database::load_jsonl: FORMAT.md lines → documents and facts.
//
// Two phases, so that nothing is half-written: (1) read and validate every line
// against a catalog snapshot, grouping valid lines by `doc` and hashing each
// document's lines; (2) unless the file is rejected, write all documents in ONE
// IMMEDIATE transaction with one FactWriter (prepared statements and lookup
// maps shared by the whole file).
#include <algorithm>
#include <exception>
#include <future>
#include <istream>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>

#include "policydb/database.h"
#include "policydb/error.h"
#include "store/catalog_reader.h"
#include "store/database_impl.h"
#include "store/jsonl_line.h"
#include "store/sqlite_error.h"
#include "store/writer.h"
#include "util/sha256.h"

namespace policydb {

std::string LoadDiagnostic::to_string() const {
  if (field.empty()) return fmt::format("line {}: {}", line, message);
  return fmt::format("line {}: {}: {}", line, field, message);
}

namespace {

struct PendingDocument {
  detail::DocumentWrite write;
  detail::Sha256 hash;
  std::vector<FactRecord> facts;
};

struct Pending {
  std::vector<PendingDocument> documents;
  std::unordered_map<std::string, std::size_t> by_source;

  void add(FactRecord record, std::string_view line) {
    auto [it, fresh] = by_source.emplace(record.doc, documents.size());
    if (fresh) {
      documents.emplace_back();
      documents.back().write.source = record.doc;
      documents.back().write.origin = "jsonl";
    }
    PendingDocument& doc = documents[it->second];
    doc.hash.update(line);
    doc.hash.update("\n");
    if (!doc.write.published_on && record.published) doc.write.published_on = record.published;
    doc.facts.push_back(std::move(record));
  }
};

std::string hex(const std::array<std::uint8_t, 32>& digest) {
  std::string out;
  out.reserve(64);
  for (auto b : digest) out += fmt::format("{:02x}", b);
  return out;
}

// Reads one line (without its '\n') into `line`, keeping at most `cap` + 1
// bytes so a hostile multi-megabyte line never sits in memory whole;
// `full_size` is the line's real length. Returns false at the end of input.
// istream::getline(buf, n) stops after n - 1 bytes with failbit set (no eof)
// when the line is longer, which tells the cases apart exactly.
bool read_bounded_line(std::istream& in, std::vector<char>& buffer, std::size_t cap,
                       std::string& line, std::size_t& full_size) {
  buffer.resize(cap + 2);
  const auto chunk = std::streamsize(buffer.size());
  in.getline(buffer.data(), chunk);
  auto got = std::size_t(in.gcount());
  if (got == 0 && in.eof()) return false;
  bool too_long = in.fail() && !in.eof();
  const bool ended_by_newline = !in.fail() && !in.eof();
  line.assign(buffer.data(), got - (ended_by_newline ? 1 : 0));
  full_size = line.size();
  while (too_long) {  // skip the rest of the line, counting it
    in.clear();
    in.getline(buffer.data(), chunk);
    got = std::size_t(in.gcount());
    too_long = in.fail() && !in.eof();
    full_size += (!in.fail() && !in.eof()) ? got - 1 : got;
  }
  if (in.eof()) in.clear(std::ios::eofbit);  // keep failbit off: the line was read
  return true;
}

// One input line of a block: its text, or why it was refused unread.
struct BlockLine {
  std::size_t number = 0;
  std::string text;
  std::optional<LoadDiagnostic> too_long;
  detail::ParsedLine parsed;
};

// Lines are parsed a block at a time, the block shared among threads, while
// the calling thread reads the next block and adds the one before: parsing and
// validating (nlohmann's parser with the duplicate-key check) was over half of
// a load's time, and each line stands alone. Blocks are added in input order,
// so documents, their hashes and the diagnostics are exactly those of a
// sequential read.
constexpr std::size_t kBlockLines = 8192;
constexpr std::size_t kLinesPerThreadAtLeast = 512;

unsigned parse_threads() { return std::clamp(std::thread::hardware_concurrency(), 1U, 4U); }

void parse_block(std::vector<BlockLine>& block, const Catalog& catalog, const LoadOptions& options) {
  auto parse_range = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      if (!block[i].too_long) block[i].parsed = detail::parse_fact_line(block[i].text, block[i].number, catalog, options);
    }
  };
  const std::size_t threads = std::min<std::size_t>(parse_threads(), block.size() / kLinesPerThreadAtLeast);
  if (threads <= 1) {
    parse_range(0, block.size());
    return;
  }
  const std::size_t share = (block.size() + threads - 1) / threads;
  std::vector<std::exception_ptr> errors(threads);
  {
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < threads; ++t) {
      helpers.emplace_back([&, t] {
        try {
          parse_range(t * share, std::min(block.size(), (t + 1) * share));
        } catch (...) {  // std::bad_alloc: rethrown on the calling thread
          errors[t] = std::current_exception();
        }
      });
    }
    try {
      parse_range(0, share);
    } catch (...) {
      errors[0] = std::current_exception();
    }
  }  // joins
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
}

void add_block(std::vector<BlockLine>& block, LoadReport& report, Pending& pending) {
  for (BlockLine& line : block) {
    ++report.lines;
    if (line.too_long) {
      ++report.lines_rejected;
      report.diagnostics.push_back(std::move(*line.too_long));
      continue;
    }
    for (auto& d : line.parsed.diagnostics) report.diagnostics.push_back(std::move(d));
    if (line.parsed.record) {
      pending.add(std::move(*line.parsed.record), line.text);
    } else {
      ++report.lines_rejected;
    }
  }
  block.clear();
}

void read_lines(std::istream& in, const Catalog& catalog, const LoadOptions& options,
                LoadReport& report, Pending& pending) {
  std::string line;
  std::vector<char> buffer;
  std::size_t line_no = 0;
  std::size_t full_size = 0;
  // `block` is being read; `parsing` parses `parsed` meanwhile. Declared in this
  // order so that an exception waits for the parse before freeing its block.
  std::vector<BlockLine> block, parsed;
  std::future<void> parsing;
  auto flush = [&] {
    if (parsing.valid()) {
      parsing.get();  // rethrows a failure of the parse
      add_block(parsed, report, pending);
    }
    if (block.empty()) return;
    parsed = std::move(block);
    block.clear();
    parsing = std::async(std::launch::async, [&] { parse_block(parsed, catalog, options); });
  };
  while (read_bounded_line(in, buffer, options.max_line_bytes, line, full_size)) {
    ++line_no;
    if (full_size > options.max_line_bytes) {
      BlockLine& refused = block.emplace_back();
      refused.number = line_no;
      refused.too_long = LoadDiagnostic{line_no, "", fmt::format("line of {} bytes, more than the limit of {}",
                                                                 full_size, options.max_line_bytes),
                                        Severity::error};
    } else {
      if (line_no == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);  // UTF-8 BOM
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      BlockLine& next = block.emplace_back();
      next.number = line_no;
      next.text = line;
    }
    if (block.size() == kBlockLines) flush();
  }
  if (in.bad()) throw Error(ErrorCode::io, fmt::format("cannot read {}", options.input_name));
  flush();  // the last whole block, and starts the rest
  flush();  // the rest
}

void write_pending(Database::Impl& impl, const std::shared_ptr<const Catalog>& catalog,
                   const LoadOptions& options, Pending& pending, LoadReport& report) {
  std::lock_guard lock(impl.write_mutex);
  impl.ingest_writer.reset();  // this load may create the metrics and units it has cached
  SQLite::Database& db = *impl.connection;
  // The writer takes every id from the database inside this transaction, so the
  // per-row foreign-key lookups (four per fact) only cost time; switched off for
  // the bulk insert and back on afterwards (the pragma is a no-op inside a
  // transaction, hence outside). FactWriter deletes replaced facts itself.
  const detail::ScopedPragma foreign_keys_off(db, "foreign_keys", 0);
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  detail::FactWriter writer(db, catalog);
  for (PendingDocument& doc : pending.documents) {
    doc.write.sha256 = hex(doc.hash.finish());
    const auto result = writer.write(doc.write, doc.facts, options.replace_changed_documents);
    report.documents.push_back({doc.write.source, doc.write.sha256,
                                result.outcome == DocumentOutcome::already_present
                                    ? std::size_t{0} : result.facts_written,
                                result.outcome});
    report.facts_written += result.facts_written;
  }
  tx.commit();
  report.metrics_created = writer.metrics_created();
  report.units_created = writer.units_created();
  if (writer.catalog_changed()) {
    // Rebuild while the write mutex keeps other users off the connection, then
    // swap: readers never find the cache empty (an empty cache would make
    // catalog() read through the writer's connection from their thread).
    auto fresh = std::make_shared<const Catalog>(detail::read_catalog_data(db));
    std::lock_guard catalog_lock(impl.catalog_mutex);
    impl.catalog = std::move(fresh);
  }
}

}  // namespace

LoadReport Database::load_jsonl(std::istream& in, const LoadOptions& options) {
  if (impl_->options.read_only) {
    throw Error(ErrorCode::read_only,
                fmt::format("{} was opened read-only; cannot load {}", impl_->path.string(),
                            options.input_name));
  }
  const auto snapshot = catalog();
  LoadReport report;
  Pending pending;
  read_lines(in, *snapshot, options, report, pending);
  if (options.on_error == OnError::reject && report.lines_rejected > 0) {
    report.rejected = true;
    return report;
  }
  try {
    write_pending(*impl_, snapshot, options, pending, report);
  } catch (const SQLite::Exception& e) {
    detail::throw_sqlite_error(e, fmt::format("loading {}", options.input_name));
  }
  return report;
}

}  // namespace policydb
