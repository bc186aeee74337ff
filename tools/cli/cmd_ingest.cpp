// `policydb ingest`: extract reports in parallel and store them from one writer.
//
// Workers extract documents in input order; the main thread stores each result
// as soon as it and every earlier one are ready, so the database sees the files
// in a stable order. Workers run at most kWindow documents ahead of the writer,
// which bounds the memory held by extracted-but-unstored documents.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <fstream>
#include <iterator>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "policydb/error.h"
#include "policydb/extract.h"

#include "commands.h"

namespace policydb::cli {
namespace {

constexpr std::size_t kWindow = 16;

struct Slot {
  std::string bytes;
  ExtractResult result;
  std::exception_ptr error;
  bool done = false;
};

struct Totals {
  std::size_t added = 0, skipped = 0, failed = 0, facts = 0, diagnostics = 0;
};

// Files a directory contributes: reports, not whatever else lies beside them.
bool is_report_file(const std::filesystem::path& path) {
  static const std::set<std::string> kExtensions = {".txt", ".md", ".markdown", ".html", ".htm"};
  const auto name = path.filename().string();
  return !name.empty() && name[0] != '.' && kExtensions.count(path.extension().string()) > 0;
}

std::vector<std::filesystem::path> input_files(const std::vector<std::string>& args) {
  std::vector<std::filesystem::path> files;
  for (const auto& arg : args) {
    if (!std::filesystem::is_directory(arg)) {
      files.emplace_back(arg);
      continue;
    }
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(arg)) {
      if (entry.is_regular_file() && is_report_file(entry.path())) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(ErrorCode::io, fmt::format("cannot read {}", file.string()));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

ExtractOptions options_for(const Args& args, const std::filesystem::path& file) {
  ExtractOptions options;
  if (auto text = args.value("date")) {
    options.date = Date::parse(*text);
    if (!options.date) throw UsageError(fmt::format("--date wants YYYY-MM-DD, not '{}'", *text));
  }
  options.province = args.value("province");
  options.source_name = file.filename().string();
  return options;
}

void draw_progress(std::ostream& err, std::size_t done, std::size_t total) {
  constexpr int kBar = 30;
  const int filled = total == 0 ? kBar : static_cast<int>(kBar * done / total);
  err << fmt::format("\r[{}{}] {}/{} documents", std::string(filled, '#'),
                     std::string(kBar - filled, ' '), done, total)
      << std::flush;
}

unsigned jobs_flag(const Args& args) {
  const unsigned hardware = std::max(1U, std::thread::hardware_concurrency());
  auto text = args.value("jobs");
  if (!text) return hardware;
  try {
    const int n = std::stoi(*text);
    if (n >= 1 && n <= 256) return static_cast<unsigned>(n);
  } catch (const std::exception&) {
  }
  throw UsageError(fmt::format("--jobs wants a number from 1 to 256, not '{}'", *text));
}

void store_one(Context& ctx, Database& db, const std::filesystem::path& file, Slot& slot,
               Totals& totals) {
  const bool bar = ctx.stderr_is_terminal;
  try {
    if (slot.error) std::rethrow_exception(slot.error);
    const auto report = db.store_extraction(slot.bytes, slot.result, options_for(ctx.args, file));
    report.stored ? ++totals.added : ++totals.skipped;
    totals.facts += report.facts;
    totals.diagnostics += report.diagnostics.size();
    for (const auto& d : report.diagnostics) {
      ctx.err << (bar ? "\r\033[K" : "")
              << fmt::format("{}: {}: {}\n", file.string(), d.code, d.message);
    }
  } catch (const Error& e) {
    if (e.code() != ErrorCode::io && e.code() != ErrorCode::parse) throw;  // database faults stop
    ++totals.failed;
    ctx.err << (bar ? "\r\033[K" : "") << fmt::format("{}: failed: {}\n", file.string(), e.what());
  }
  slot = Slot{};  // free the document's memory
}

int run_ingest(Context& ctx) {
  const auto files = input_files(ctx.args.positional());
  const unsigned jobs =
      std::min<unsigned>(jobs_flag(ctx.args), std::max<std::size_t>(1, files.size()));
  (void)options_for(ctx.args, {});  // validate --date before starting threads
  auto db = ctx.open_for_writing();
  const Extractor extractor(db.catalog());

  std::vector<Slot> slots(files.size());
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t stored = 0;  // guarded by mutex
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return i < stored + kWindow; });
      }
      Slot slot;
      try {
        slot.bytes = read_bytes(files[i]);
        slot.result = extractor.extract(slot.bytes, options_for(ctx.args, files[i]));
      } catch (...) {
        slot.error = std::current_exception();
      }
      slot.done = true;
      std::lock_guard lock(mutex);
      slots[i] = std::move(slot);
      changed.notify_all();
    }
  };
  std::vector<std::jthread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);

  Totals totals;
  for (std::size_t i = 0; i < files.size(); ++i) {
    Slot slot;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return slots[i].done; });
      slot = std::move(slots[i]);
    }
    try {
      store_one(ctx, db, files[i], slot, totals);
    } catch (...) {
      std::lock_guard lock(mutex);
      stored = files.size() + kWindow;  // let waiting workers finish
      next = files.size();
      changed.notify_all();
      throw;
    }
    std::lock_guard lock(mutex);
    stored = i + 1;
    changed.notify_all();
    if (ctx.stderr_is_terminal) draw_progress(ctx.err, i + 1, files.size());
  }
  if (ctx.stderr_is_terminal) ctx.err << '\n';
  ctx.out << fmt::format(
      "documents: {} new, {} skipped (already stored), {} failed; facts: {}; diagnostics: {}\n",
      totals.added, totals.skipped, totals.failed, totals.facts, totals.diagnostics);
  return totals.failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void add_ingest_commands(std::vector<Command>& commands) {
  commands.push_back(
      {{"ingest",
        "Extract report files and store their facts in the database",
        {{"date", "YYYY-MM-DD", "the reports' publication date (default: found in each text)"},
         {"province", "NAME", "the reports' home province (default: inferred)"},
         {"jobs", "N", "extract N documents in parallel (default: one per CPU)"}},
        "FILE...|DIR",
        1,
        -1,
        "A directory is read recursively for .txt, .md, .markdown, .html and .htm files\n"
        "(hidden files skipped); files named on the command line are read whatever\n"
        "their name. Each document is stored\n"
        "in one transaction; the same bytes twice are skipped. A progress bar is drawn on\n"
        "stderr when it is a terminal. Exit status 1 when a file could not be read."},
       run_ingest});
}

}  // namespace policydb::cli
