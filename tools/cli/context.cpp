#include <cstdlib>

#include <fmt/format.h>

#include "policydb/error.h"

#include "commands.h"

namespace policydb::cli {

std::filesystem::path Context::db_path() const {
  if (auto db = args.value("db")) return *db;
  if (const char* env = std::getenv("POLICYDB_DB"); env != nullptr && *env != '\0') return env;
  return "policydb.db";
}

OutputFormat Context::format() const {
  if (auto text = args.value("format")) {
    if (auto parsed = parse_output_format(*text)) return *parsed;
    throw UsageError(fmt::format("unknown --format {} (use table, csv, json or jsonl)", *text));
  }
  return default_output_format(stdout_is_terminal);
}

Database Context::open_for_reading() const {
  const auto path = db_path();
  if (!std::filesystem::exists(path)) {
    throw Error(ErrorCode::not_found,
                fmt::format("no database at {} (create one with `policydb migrate --db {}` or "
                            "`policydb load --db {} FILE`)",
                            path.string(), path.string(), path.string()));
  }
  Options options;
  options.read_only = true;
  return Database::open(path, options);
}

Database Context::open_for_writing() const { return Database::open(db_path()); }

void Context::print(const Table& table) const { write_table(out, table, format()); }

FlagSpec format_flag() {
  return {"format", "FORMAT", "table, csv, json or jsonl (default: table on a terminal, else csv)"};
}

}  // namespace policydb::cli
