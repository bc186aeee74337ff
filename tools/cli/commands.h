// tools/cli/commands.h: what a subcommand is, and the context it runs in.
//
// Each cmd_*.cpp file adds its group of subcommands to the registry; main.cpp
// parses the command line against the chosen spec and calls run().
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "policydb/database.h"

#include "args.h"
#include "table.h"

namespace policydb::cli {

// Exit statuses: 0 success, 1 a failure the command reports (error, failed
// check), 2 a usage error.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct Context {
  const Args& args;
  std::ostream& out;
  std::ostream& err;
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;

  // --db, else $POLICYDB_DB, else ./policydb.db.
  std::filesystem::path db_path() const;
  // --format when given (UsageError when not one of `allowed`), else the default
  // for the terminal (table) or a pipe (csv).
  OutputFormat format() const;
  // Opens the database for reading. A missing file is an Error(not_found) that
  // says how to create one; a file behind the library is Error(read_only).
  Database open_for_reading() const;
  // Opens (creating and migrating) the database for writing.
  Database open_for_writing() const;
  // Prints `table` in format().
  void print(const Table& table) const;
};

struct Command {
  CommandSpec spec;
  std::function<int(Context&)> run;
};

// The --format flag for commands that print rows.
FlagSpec format_flag();

void add_database_commands(std::vector<Command>& commands);  // migrate, check, compact, version
void add_catalog_commands(std::vector<Command>& commands);   // regions, metrics
void add_load_commands(std::vector<Command>& commands);      // load, export
void add_query_commands(std::vector<Command>& commands);     // facts, series, progress, sql
void add_text_commands(std::vector<Command>& commands);      // scan, extract
void add_ingest_commands(std::vector<Command>& commands);    // ingest
void add_report_commands(std::vector<Command>& commands);    // report, chart (cmd_report.cpp)
void add_curation_commands(std::vector<Command>& commands);  // reextract, alias, documents, remove

}  // namespace policydb::cli
