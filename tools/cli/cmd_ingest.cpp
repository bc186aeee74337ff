// `policydb ingest`: extract reports in parallel and store them from one writer.
//
// --jobs N runs N threads in all (with --jobs 1, only the calling thread).
// N-1 workers extract documents; the calling thread stores them in input order,
// so the database sees the files in a stable order, and extracts too whenever
// no whole batch is ready. Documents are stored up to kBatch per transaction
// (Database::store_extractions: each stays all-or-nothing), because a commit
// costs more than a small document. Workers run at most kWindow documents (and
// about kWindowBytes of input) ahead of the writer in a ring of kWindow slots,
// and directories are walked as files are needed, so memory does not grow with
// the inputs.
#include <algorithm>
#include <condition_variable>
#include <exception>
#include <fstream>
#include <iterator>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "policydb/error.h"
#include "policydb/extract.h"

#include "commands.h"

namespace policydb::cli {
namespace {

// Documents stored per transaction at most, and documents extracted ahead of
// the writer at most: twice a batch, so that the workers fill the next batch
// while the writer stores one. Commits are what the batch saves: each rewrites
// every index page its facts touched, and more of them as the file grows (64
// instead of 16 documents per commit: 750 → 1 010 documents/s on one thread;
// 256 instead of 64, on 11 914 reports of 113 MB: 20.1 → 17.4 s with --jobs 1,
// 14.9 → 11.7 s with --jobs 2, peak RSS 43 → 59 MB; 1 024 gained little more,
// 10.8 s, for 137 MB). Both are also
// capped in bytes of input (a whole batch, or the window, may hold less), so
// that large reports do not multiply memory: the window holds at most about
// kWindowBytes of input plus its extraction, or one document larger than that.
constexpr std::size_t kBatch = 256;
constexpr std::size_t kWindow = 2 * kBatch;
constexpr std::uintmax_t kBatchBytes = 16 << 20;
constexpr std::uintmax_t kWindowBytes = 2 * kBatchBytes;

struct Slot {
  std::size_t index = 0;
  std::uintmax_t size = 0;  // the file's size when it was handed out
  std::filesystem::path file;
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

// The input files in order: each argument as given, a directory's report files
// recursively in name order. Streams: it holds the sorted entries of the
// directories on the current path only, not a list of every file.
class FileWalk {
 public:
  explicit FileWalk(std::vector<std::string> args) : args_(std::move(args)) {}

  std::optional<std::filesystem::path> next() {
    while (true) {
      if (!stack_.empty()) {
        Level& top = stack_.back();
        if (top.next == top.names.size()) {
          stack_.pop_back();
          continue;
        }
        std::filesystem::path entry = top.dir / top.names[top.next++];
        if (std::filesystem::is_directory(entry)) {
          push(entry);
        } else if (is_report_file(entry) && std::filesystem::is_regular_file(entry)) {
          return entry;
        }
        continue;
      }
      if (arg_ == args_.size()) return std::nullopt;
      std::filesystem::path arg = args_[arg_++];
      if (!std::filesystem::is_directory(arg)) return arg;  // read whatever its name
      push(arg);
    }
  }

 private:
  // One directory being walked. Its entries are kept as bare names: a
  // std::filesystem::path of a file in a folder of 100 000 costs ten times the
  // name, which made memory grow with the number of inputs.
  struct Level {
    std::filesystem::path dir;
    std::vector<std::string> names;  // sorted
    std::size_t next = 0;
  };

  void push(const std::filesystem::path& dir) {
    Level level;
    level.dir = dir;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      level.names.push_back(entry.path().filename().string());
    }
    std::sort(level.names.begin(), level.names.end());
    stack_.push_back(std::move(level));
  }

  std::vector<std::string> args_;
  std::size_t arg_ = 0;
  std::vector<Level> stack_;
};

std::size_t count_files(const std::vector<std::string>& args) {
  FileWalk walk(args);
  std::size_t n = 0;
  while (walk.next()) ++n;
  return n;
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

// Stores `slots` (in input order) in one transaction; a file that could not be
// read or extracted, or whose facts could not be stored, counts as failed.
void store_batch(Context& ctx, Database& db, std::vector<Slot>& slots, Totals& totals) {
  const bool bar = ctx.stderr_is_terminal;
  auto fail = [&](const Slot& slot, const std::string& why) {
    ++totals.failed;
    ctx.err << (bar ? "\r\033[K" : "") << fmt::format("{}: failed: {}\n", slot.file.string(), why);
  };
  std::vector<ExtractedDocument> documents;
  std::vector<const Slot*> extracted;
  for (const Slot& slot : slots) {
    if (!slot.error) {
      documents.push_back({slot.bytes, &slot.result, options_for(ctx.args, slot.file)});
      extracted.push_back(&slot);
    }
  }
  const auto stored = db.store_extractions(documents);  // database faults stop the ingest
  std::size_t k = 0;
  for (const Slot& slot : slots) {
    if (slot.error) {
      try {
        std::rethrow_exception(slot.error);
      } catch (const Error& e) {
        if (e.code() != ErrorCode::io && e.code() != ErrorCode::parse) throw;
        fail(slot, e.what());
      }
      continue;
    }
    const StoredDocument& result = stored[k++];
    if (!result.error.empty()) {
      fail(slot, result.error);
      continue;
    }
    result.report.stored ? ++totals.added : ++totals.skipped;
    totals.facts += result.report.facts;
    totals.diagnostics += result.report.diagnostics.size();
    for (const auto& d : result.report.diagnostics) {
      ctx.err << (bar ? "\r\033[K" : "") << fmt::format("{}: {}: {}\n", slot.file.string(), d.code, d.message);
    }
  }
}

void extract_into(const Context& ctx, const Extractor& extractor, Slot& slot) {
  try {
    slot.bytes = read_bytes(slot.file);
    slot.result = extractor.extract(slot.bytes, options_for(ctx.args, slot.file));
  } catch (...) {
    slot.error = std::current_exception();
  }
  slot.done = true;
}

// --jobs N: N threads in all. N-1 workers extract documents; the calling thread
// stores them in input order, kBatch per transaction, and extracts too while no
// whole batch is ready. Storing is serial, so everything waits for the writer:
// beside N extracting workers on N cores it got only part of a core (with
// --jobs 2, 1.0 s of work took 1.5 s), and most of the second core's gain was
// lost. With --jobs 1 there are no workers and no other threads.
void ingest_in_order(Context& ctx, Database& db, const Extractor& extractor, FileWalk& walk, unsigned jobs,
                     std::size_t total, Totals& totals) {
  std::vector<Slot> ring(kWindow);
  std::mutex mutex;
  std::condition_variable changed;
  // Guarded by mutex: files handed out, files stored, bytes handed out and not
  // yet stored, the walk's end or error.
  std::size_t issued = 0, stored = 0;
  std::uintmax_t pending_bytes = 0;
  bool exhausted = false, stopping = false;
  std::exception_ptr walk_error;

  // With the lock held: the next file into `slot`, or false when none may be
  // taken now (the window is full) or ever (the walk ended or failed).
  auto window_open = [&] {
    return issued < stored + kWindow && (pending_bytes < kWindowBytes || issued == stored);
  };
  auto take = [&](Slot& slot) {
    if (stopping || exhausted || !window_open()) return false;
    try {
      auto file = walk.next();
      if (!file) {
        exhausted = true;
        changed.notify_all();
        return false;
      }
      slot.file = std::move(*file);
      std::error_code unknown;  // reading the file will say what is wrong
      slot.size = std::filesystem::file_size(slot.file, unknown);
      if (unknown) slot.size = 0;
    } catch (...) {  // an unreadable directory: stop handing out files
      walk_error = std::current_exception();
      exhausted = true;
      changed.notify_all();
      return false;
    }
    slot.index = issued++;
    pending_bytes += slot.size;
    return true;
  };
  // Extracts `slot` without the lock and puts it in the ring.
  auto extract = [&](Slot slot, std::unique_lock<std::mutex>& lock) {
    lock.unlock();
    extract_into(ctx, extractor, slot);
    lock.lock();
    ring[slot.index % kWindow] = std::move(slot);
    changed.notify_all();
  };
  auto worker = [&] {
    std::unique_lock lock(mutex);
    while (true) {
      changed.wait(lock, [&] { return stopping || exhausted || window_open(); });
      Slot slot;
      if (!take(slot)) return;
      extract(std::move(slot), lock);
    }
  };
  std::vector<std::jthread> threads;
  auto stop_workers = [&] {
    {
      std::lock_guard lock(mutex);
      stopping = true;
      changed.notify_all();
    }
    threads.clear();  // joins
  };
  for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(worker);

  std::vector<Slot> batch;
  for (std::size_t i = 0;;) {
    {
      std::unique_lock lock(mutex);
      auto ready = [&](std::size_t k) { return ring[k % kWindow].done && ring[k % kWindow].index == k; };
      // A whole batch, or what is left once the walk has ended: storing
      // whatever few documents happen to be ready would commit far more often,
      // and each commit rewrites every index page its facts touched.
      auto batch_ready = [&] {
        std::size_t run = 0;
        std::uintmax_t bytes = 0;
        for (; run < kBatch && bytes < kBatchBytes && ready(i + run); ++run) bytes += ring[(i + run) % kWindow].size;
        return run == kBatch || bytes >= kBatchBytes || (exhausted && i + run >= issued);
      };
      while (!batch_ready()) {
        Slot slot;
        if (take(slot)) {
          extract(std::move(slot), lock);
        } else {  // the walk ended or the window is full: wait for the workers
          changed.wait(lock, [&] { return batch_ready() || (!exhausted && window_open()); });
        }
      }
      if (!ready(i)) break;  // every file stored
      std::uintmax_t bytes = 0;
      while (batch.size() < kBatch && bytes < kBatchBytes && ready(i)) {
        bytes += ring[i % kWindow].size;
        batch.push_back(std::move(ring[i % kWindow]));
        ring[i % kWindow] = Slot{};
        ++i;
      }
    }
    try {
      store_batch(ctx, db, batch, totals);
    } catch (...) {
      stop_workers();
      throw;
    }
    std::uintmax_t stored_bytes = 0;
    for (const Slot& slot : batch) stored_bytes += slot.size;
    batch.clear();  // free the documents' memory before taking more
    {
      std::lock_guard lock(mutex);
      stored = i;
      pending_bytes -= stored_bytes;
      changed.notify_all();
    }
    if (ctx.stderr_is_terminal) draw_progress(ctx.err, i, total);
  }
  stop_workers();
  if (walk_error) std::rethrow_exception(walk_error);
}

int run_ingest(Context& ctx) {
  const auto& args = ctx.args.positional();
  const unsigned jobs = jobs_flag(ctx.args);
  (void)options_for(ctx.args, {});  // validate --date before starting threads
  auto db = ctx.open_for_writing();
  const Extractor extractor(db.catalog());
  // The bar needs the total; a first walk counts without keeping the names.
  const std::size_t total = ctx.stderr_is_terminal ? count_files(args) : 0;
  FileWalk walk(args);
  Totals totals;
  ingest_in_order(ctx, db, extractor, walk, jobs, total, totals);
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
         {"jobs", "N", "threads in all (default: one per CPU): N-1 extract, one stores and extracts; 1: one thread"}},
        "FILE...|DIR",
        1,
        -1,
        "A directory is read recursively for .txt, .md, .markdown, .html and .htm files\n"
        "(hidden files skipped); files named on the command line are read whatever\n"
        "their name. Documents are committed 64 at a time, each stored whole or not\n"
        "at all (a savepoint each); the same bytes twice are skipped. A progress bar is drawn on\n"
        "stderr when it is a terminal. Exit status 1 when a file could not be read."},
       run_ingest});
}

}  // namespace policydb::cli
