// Helpers for the reliability tests: generated JSON Lines documents, forked
// children that are killed, and read-only inspection of database files with
// plain SQLite (so a check never goes through the code under test).
#pragma once

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

namespace policydb::testing {

// Sanitizer builds use several times the memory: skip the memory bounds there.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// Provinces the generated facts are spread over (short names, FORMAT.md).
inline const char* const kProvinces[] = {"河南", "江苏", "广东", "四川", "浙江", "山东"};

// Fact `i` of document `doc`: a valid FORMAT.md line of our own making.
inline std::string fact_line(const std::string& doc, int i) {
  std::ostringstream out;
  out << R"({"doc":")" << doc << R"(","region":")" << kProvinces[i % 6]
      << R"(","metric":"可靠性测试指标)" << (i % 9) << R"(","kind":")"
      << (i % 4 == 0 ? "target" : "actual") << R"(","measure":"level","value":)" << (100 + i)
      << R"(,"unit":"个","period":")" << (2015 + i % 10)
      << R"(","comparator":"eq","quote":"测试句子第)" << i << R"(项"})" << '\n';
  return out.str();
}

// `facts` lines of one document.
inline std::string document_jsonl(const std::string& doc, int facts) {
  std::string text;
  for (int i = 0; i < facts; ++i) text += fact_line(doc, i);
  return text;
}

// Facts in document number `n` of a generated batch: varies so that a
// partially written document cannot hide behind a common count.
inline int facts_in_document(int n) { return 5 + (n * 7) % 23; }
inline std::string document_name(int n) { return "batch_" + std::to_string(n) + ".txt"; }

// An integer from the environment, else `fallback` (the CI count).
inline int env_count(const char* name, int fallback) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return fallback;
  return std::max(1, std::atoi(value));
}

// Runs `body` in a forked child, which _exit()s 0 on return and 3 on an
// exception (so nothing of the parent's Catch2 state runs twice). The parent
// must hold no SQLite connection to files the child writes.
inline pid_t fork_child(const std::function<void()>& body) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    try {
      body();
    } catch (...) {
      _exit(3);
    }
    _exit(0);
  }
  return pid;
}

struct ChildExit {
  bool exited = false;  // by _exit, with `code`
  int code = -1;
  int signal = 0;       // the signal that ended it, else 0
  long max_rss_kib = 0;
};

inline ChildExit wait_child(pid_t pid) {
  int status = 0;
  rusage usage{};
  while (wait4(pid, &status, 0, &usage) < 0) {
  }
  ChildExit result;
  result.exited = WIFEXITED(status);
  result.code = result.exited ? WEXITSTATUS(status) : -1;
  result.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  result.max_rss_kib = usage.ru_maxrss;
  return result;
}

// Kills `pid` with SIGKILL after `delay` (unless it ended before) and reaps it.
inline ChildExit kill_after(pid_t pid, std::chrono::microseconds delay) {
  std::this_thread::sleep_for(delay);
  kill(pid, SIGKILL);
  return wait_child(pid);
}

// A plain SQLite connection, independent of policydb. Read-write by default only
// because reading a WAL file after a crash may need to rebuild its -shm index;
// the checks below never write.
class RawDb {
 public:
  explicit RawDb(const std::filesystem::path& path, int flags = SQLITE_OPEN_READWRITE) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string message = sqlite3_errmsg(db_);
      sqlite3_close(db_);
      throw std::runtime_error("cannot open " + path.string() + ": " + message);
    }
    sqlite3_busy_timeout(db_, 5000);
  }
  ~RawDb() { sqlite3_close(db_); }
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;

  // Every row of `sql`, columns joined by '|', rows by '\n'.
  std::string rows(const std::string& sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    std::string out;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        if (i > 0) out += '|';
        const auto* text = sqlite3_column_text(stmt, i);
        out += text != nullptr ? reinterpret_cast<const char*>(text) : "NULL";
      }
      out += '\n';
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    return out;
  }
  long long integer(const std::string& sql) const { return std::stoll(rows(sql)); }
  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      const std::string message = error != nullptr ? error : "?";
      sqlite3_free(error);
      throw std::runtime_error(sql + ": " + message);
    }
  }
  sqlite3* handle() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

inline std::string integrity_check(const std::filesystem::path& path) {
  RawDb db(path);
  std::string result = db.rows("PRAGMA integrity_check");
  if (!result.empty() && result.back() == '\n') result.pop_back();
  return result;
}

// A logical dump of a database: user_version, the schema and every table's rows
// in rowid order. Equal dumps ⇔ equal content, whatever WAL checkpoints did to
// the bytes of the file.
inline std::string logical_dump(const std::filesystem::path& path) {
  RawDb db(path);
  std::string dump = db.rows("PRAGMA user_version") + db.rows("PRAGMA application_id") +
                     db.rows("SELECT type, name, sql FROM sqlite_schema ORDER BY name");
  std::istringstream tables(
      db.rows("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"));
  for (std::string name; std::getline(tables, name);) {
    // Rows sorted here: some tables are WITHOUT ROWID.
    std::istringstream rows(db.rows("SELECT * FROM \"" + name + "\""));
    std::vector<std::string> sorted;
    for (std::string row; std::getline(rows, row);) sorted.push_back(row);
    std::sort(sorted.begin(), sorted.end());
    dump += "== " + name + "\n";
    for (const auto& row : sorted) dump += row + "\n";
  }
  return dump;
}

// Facts stored per document source, read with plain SQLite.
inline std::map<std::string, long long> facts_per_document(const std::filesystem::path& path) {
  RawDb db(path);
  std::map<std::string, long long> counts;
  std::istringstream rows(db.rows(
      "SELECT d.source, (SELECT count(*) FROM fact f WHERE f.document_id = d.id) FROM document d"));
  for (std::string row; std::getline(rows, row);) {
    const auto bar = row.rfind('|');
    counts[row.substr(0, bar)] += std::stoll(row.substr(bar + 1));
  }
  return counts;
}

}  // namespace policydb::testing
