// policydb: the command-line tool. Dispatches to one subcommand; catches every
// error at this one place, prints `policydb: <message>` and a hint to stderr and
// exits 1 (2 for a mistake in the command line itself).
#include <iostream>
#include <string>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "policydb/error.h"

#include "commands.h"

namespace policydb::cli {
namespace {

std::vector<Command> all_commands() {
  std::vector<Command> commands;
  add_ingest_commands(commands);
  add_curation_commands(commands);
  add_text_commands(commands);
  add_load_commands(commands);
  add_query_commands(commands);
  add_report_commands(commands);
  add_catalog_commands(commands);
  add_database_commands(commands);
  return commands;
}

std::string overview(const std::vector<Command>& commands) {
  std::string text =
      "policydb: indicators of Chinese provincial policy reports in an SQLite database\n\n"
      "Usage: policydb COMMAND [options] [arguments]\n\nCommands:\n";
  for (const auto& c : commands) text += fmt::format("  {:<10}  {}\n", c.spec.name, c.spec.summary);
  text +=
      "\nEvery command takes --db PATH (default: $POLICYDB_DB, else ./policydb.db) and --help.\n"
      "Commands that print rows take --format table|csv|json|jsonl: an aligned table when\n"
      "stdout is a terminal, CSV (RFC 4180) otherwise.\n";
  return text;
}

// What the user can do about an error, by its code.
std::string hint(ErrorCode code) {
  switch (code) {
    case ErrorCode::not_found:
      return "check the --db path, or list known names with `policydb regions` / `policydb "
             "metrics`";
    case ErrorCode::io:
      return "check that the path exists and is readable/writable";
    case ErrorCode::busy:
      return "another process holds the database; retry when it has finished";
    case ErrorCode::corrupt:
      return "the file is damaged or not SQLite; restore it from a backup";
    case ErrorCode::not_policydb:
      return "point --db at a policydb database or at a new file name";
    case ErrorCode::schema_too_new:
      return "the file was left untouched; use a newer policydb";
    case ErrorCode::checksum_mismatch:
      return "the file was migrated by a different build of policydb; use that build";
    case ErrorCode::migration_failed:
      return "the file stays at its previous version; report this";
    case ErrorCode::read_only:
      return "run `policydb migrate --db PATH` first";
    case ErrorCode::sql_denied:
      return "only read-only SELECT statements are allowed";
    case ErrorCode::sql_interrupted:
      return "narrow the query with WHERE or LIMIT";
    case ErrorCode::parse:
      return "fix the input at the position given above";
    case ErrorCode::invalid_argument:
      return "see `policydb COMMAND --help`";
    case ErrorCode::database:
      return "run `policydb check` on the file";
  }
  return "see `policydb --help`";
}

// `message` without the "policydb: " prefix Error::what() already carries.
std::string strip_prefix(std::string message) {
  const std::string prefix = "policydb: ";
  if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
  return message;
}

int dispatch(const std::vector<std::string>& words) {
  const auto commands = all_commands();
  if (words.empty()) {
    std::cerr << overview(commands);
    return kExitUsage;
  }
  if (words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    std::cout << overview(commands);
    return kExitOk;
  }
  const std::string name = words[0] == "--version" ? "version" : words[0];
  const Command* command = nullptr;
  for (const auto& c : commands) {
    if (c.spec.name == name) command = &c;
  }
  if (command == nullptr) {
    throw UsageError(fmt::format("unknown command '{}'", name));
  }
  const std::vector<std::string> rest(words.begin() + 1, words.end());
  try {
    const Args args = parse_args(command->spec, rest);
    if (args.help()) {
      std::cout << usage_text(command->spec);
      return kExitOk;
    }
    Context ctx{args, std::cout, std::cerr, isatty(STDOUT_FILENO) != 0, isatty(STDERR_FILENO) != 0};
    return command->run(ctx);
  } catch (const UsageError& e) {
    throw UsageError(fmt::format("{}\nRun `policydb {} --help` for usage.", e.what(), name));
  }
}

}  // namespace
}  // namespace policydb::cli

int main(int argc, char** argv) {
  using namespace policydb::cli;
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> words(argv + 1, argv + argc);
  try {
    const int status = dispatch(words);
    std::cout.flush();
    return status;
  } catch (const UsageError& e) {
    std::cerr << "policydb: " << e.what() << '\n';
    if (words.empty() || std::string(e.what()).find("--help") == std::string::npos) {
      std::cerr << "Run `policydb --help` for the list of commands.\n";
    }
    return kExitUsage;
  } catch (const policydb::Error& e) {
    std::cout.flush();
    std::cerr << "policydb: " << strip_prefix(e.what()) << '\n'
              << "hint: " << hint(e.code()) << '\n';
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "policydb: " << e.what() << '\n';
    return kExitFailure;
  }
}
