// Fuzzes Database::open on untrusted files. A random file is almost never an
// SQLite database, so most inputs are instead read as patches to a real
// policydb file (built once, with facts in it): the bytes a corrupted page, a
// lying header, an edited schema or a damaged index would leave. The patched
// file is then opened read-only and read-write, checked and queried.
//
// Input layout:
//   first byte even: the rest is a list of patches {u32 offset, u8 length, bytes}
//                    applied to the pristine file (offset modulo its size); a
//                    patch of length 0 truncates the file at its offset;
//   first byte odd:  the rest is the whole file.
// Any input must give a policydb::Error or a working database — never a crash,
// a hang or another exception type.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "policydb/database.h"
#include "policydb/error.h"

namespace {

namespace fs = std::filesystem;

// A private scratch folder for this process. It exists only while an input
// runs (libFuzzer leaves without running atexit handlers, so nothing may be
// left in it between inputs).
const fs::path& scratch_dir() {
  static const fs::path dir = [] {
    fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
    return base / ("policydb_open_fuzzer." + std::to_string(::getpid()));
  }();
  fs::create_directories(dir);
  return dir;
}

void remove_database(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    fs::remove(path.string() + suffix, ignored);
  }
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A current policydb file holding two documents and their facts.
const std::string& pristine_file() {
  static const std::string bytes = [] {
    const fs::path path = scratch_dir() / "pristine.db";
    {
      policydb::Database db = policydb::Database::open(path);
      std::istringstream lines(
          R"({"doc":"a.txt","region":"湖南","metric":"5G基站","kind":"actual","measure":"level","value":12.5,"unit":"万个","period":"2023","quote":"5G基站12.5万个"})"
          "\n"
          R"({"doc":"a.txt","region":"湖南","metric":"5G基站","kind":"target","measure":"level","value":20,"unit":"万个","period":"2025","comparator":"ge","quote":"5G基站达到20万个以上"})"
          "\n"
          R"({"doc":"b.txt","region":"湖南","subregion":"长沙","metric":"数字经济核心产业增加值占GDP比重","kind":"actual","measure":"ratio","value":10.2,"unit":"%","period":"2024","quote":"占GDP比重10.2%"})"
          "\n");
      const policydb::LoadReport report = db.load_jsonl(lines);
      if (report.facts_written != 3) std::abort();  // the seed file must hold facts
    }
    std::string file = read_file(path);
    remove_database(path);
    return file;
  }();
  return bytes;
}

std::string patched(const std::uint8_t* data, std::size_t size) {
  std::string file = pristine_file();
  std::size_t at = 0;
  while (at + 5 <= size) {
    const std::uint32_t offset = static_cast<std::uint32_t>(data[at]) << 24 |
                                 static_cast<std::uint32_t>(data[at + 1]) << 16 |
                                 static_cast<std::uint32_t>(data[at + 2]) << 8 | data[at + 3];
    std::size_t length = data[at + 4];
    at += 5;
    if (file.empty()) break;
    const std::size_t where = offset % file.size();
    if (length == 0) {
      file.resize(where);
      continue;
    }
    if (length > size - at) length = size - at;
    for (std::size_t i = 0; i < length && where + i < file.size(); ++i) {
      file[where + i] = static_cast<char>(data[at + i]);
    }
    at += length;
  }
  return file;
}

// Everything a user might do with a file once open() accepted it.
void exercise(const policydb::Database& db) {
  (void)db.check();
  (void)db.schema_version();
  (void)db.facts().count();
  (void)db.facts().kind(policydb::Kind::target).list();
  (void)db.documents();
  std::ostringstream out;
  (void)db.export_jsonl(out);
  (void)db.target_progress();
  (void)db.query_readonly("SELECT region, metric, value FROM facts LIMIT 50");
}

void open_and_use(const fs::path& path, bool read_only) {
  policydb::Options options;
  options.read_only = read_only;
  options.create_if_missing = false;
  options.busy_timeout_ms = 0;
  try {
    policydb::Database db = policydb::Database::open(path, options);
    try {
      exercise(db);
    } catch (const policydb::Error&) {
      // A file damaged past its header may fail a query: it must say so.
    }
    if (!read_only) {
      std::istringstream line(
          R"({"doc":"c.txt","region":"四川","metric":"5G基站","kind":"actual","measure":"level","value":3,"unit":"万个","period":"2024","quote":"5G基站3万个"})"
          "\n");
      try {
        (void)db.load_jsonl(line);
      } catch (const policydb::Error&) {
      }
    }
  } catch (const policydb::Error&) {
    // Refused with a clear error: allowed.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string file = (data[0] & 1) != 0
                               ? std::string(reinterpret_cast<const char*>(data + 1), size - 1)
                               : patched(data + 1, size - 1);
  const fs::path path = scratch_dir() / "input.db";
  remove_database(path);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
  }
  open_and_use(path, /*read_only=*/true);
  open_and_use(path, /*read_only=*/false);
  remove_database(path);
  std::error_code ignored;
  fs::remove(scratch_dir(), ignored);
  return 0;
}
