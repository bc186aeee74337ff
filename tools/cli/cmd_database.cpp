// The subcommands that look after the database file itself: migrate, check, compact, version.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "policydb/error.h"
#include "policydb/version.h"

#include "commands.h"

namespace policydb::cli {
namespace {

std::string migration_name(const MigrationInfo& m) {
  return fmt::format("{:04d}_{}", m.version, m.name);
}

int run_migrate(Context& ctx) {
  const auto path = ctx.db_path();
  const auto pending = Database::plan(path);
  if (ctx.args.has("dry-run")) {
    if (pending.empty()) {
      ctx.out << fmt::format("{}: up to date, nothing to apply\n", path.string());
    } else {
      ctx.out << fmt::format("{}: would apply {} migration(s):\n", path.string(), pending.size());
      for (const auto& m : pending) {
        ctx.out << fmt::format("  {}  sha256 {}\n", migration_name(m), m.checksum);
      }
    }
    return kExitOk;
  }
  Options options;
  if (auto backup = ctx.args.value("backup")) options.backup_before_migrate = *backup;
  auto db = Database::open(path, options);
  if (pending.empty()) {
    ctx.out << fmt::format("{}: up to date at schema version {}\n", path.string(),
                           db.schema_version());
    return kExitOk;
  }
  ctx.out << fmt::format("{}: applied {} migration(s), now at schema version {}\n", path.string(),
                         pending.size(), db.schema_version());
  for (const auto& m : pending) ctx.out << fmt::format("  {}\n", migration_name(m));
  if (auto backup = ctx.args.value("backup")) {
    ctx.out << fmt::format("backup of the previous file: {}\n", *backup);
  }
  return kExitOk;
}

nlohmann::json check_json(const std::filesystem::path& path, const CheckReport& report) {
  nlohmann::json applied = nlohmann::json::array();
  for (const auto& m : report.applied) {
    applied.push_back({{"version", m.version},
                       {"name", m.name},
                       {"checksum", m.checksum},
                       {"applied_at", m.applied_at.value_or("")}});
  }
  return {{"database", path.string()},
          {"ok", report.ok},
          {"problems", report.problems},
          {"schema_version", report.schema_version},
          {"library_version", report.library_version},
          {"migrations", applied}};
}

void print_check_text(Context& ctx, const std::filesystem::path& path, const CheckReport& r) {
  ctx.out << fmt::format("database        {}\n", path.string());
  ctx.out << fmt::format("status          {}\n", r.ok ? "ok" : "NOT OK");
  ctx.out << fmt::format("schema version  {} (this policydb: {})\n", r.schema_version,
                         r.library_version);
  for (const auto& m : r.applied) {
    ctx.out << fmt::format("  applied       {}  {}\n", migration_name(m),
                           m.applied_at.value_or(""));
  }
  for (const auto& p : r.problems) ctx.out << fmt::format("problem         {}\n", p);
}

int run_check(Context& ctx) {
  const auto path = ctx.db_path();
  const bool json = ctx.args.value("format").value_or("") == "json";
  if (auto format = ctx.args.value("format"); format && *format != "json" && *format != "table") {
    throw UsageError("check prints --format table or json");
  }
  CheckReport report;
  if (!std::filesystem::exists(path)) (void)ctx.open_for_reading();  // throws not_found
  const auto pending = Database::plan(path);
  if (pending.empty()) {
    report = ctx.open_for_reading().check();
  } else {
    // Opening a file behind the library read-only is refused, so report from the plan.
    report.schema_version = pending.front().version - 1;
    report.library_version = pending.back().version;
    for (const auto& m : pending) {
      report.problems.push_back(fmt::format("migration {} not applied", migration_name(m)));
    }
  }
  if (json) {
    ctx.out << check_json(path, report).dump(2) << '\n';
  } else {
    print_check_text(ctx, path, report);
  }
  if (!report.ok) {
    ctx.err << "policydb: check failed"
            << (pending.empty() ? "; restore the file from a backup or re-load its sources\n"
                                : "; run `policydb migrate` to bring the schema up to date\n");
  }
  return report.ok ? kExitOk : kExitFailure;
}

std::string megabytes(std::uintmax_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

int run_compact(Context& ctx) {
  const auto path = ctx.db_path();
  if (!std::filesystem::exists(path)) (void)ctx.open_for_reading();  // throws not_found
  auto db = ctx.open_for_writing();
  const CompactReport report = db.compact();
  ctx.out << fmt::format("{}: {} -> {}; unused uncurated metrics removed: {}\n", path.string(),
                         megabytes(report.bytes_before), megabytes(report.bytes_after),
                         report.uncurated_metrics_removed);
  return kExitOk;
}

int run_version(Context& ctx) {
  const auto migrations = Database::library_migrations();
  const int schema = migrations.empty() ? 0 : migrations.back().version;
  if (ctx.args.value("format").value_or("") == "json") {
    ctx.out << nlohmann::json{{"version", kVersionString}, {"schema_version", schema}}.dump()
            << '\n';
  } else {
    ctx.out << fmt::format("policydb {} (schema version {})\n", kVersionString, schema);
  }
  return kExitOk;
}

}  // namespace

void add_database_commands(std::vector<Command>& commands) {
  commands.push_back({{"migrate",
                       "Create the database or bring its schema up to date",
                       {{"dry-run", "", "only list the migrations that would be applied"},
                        {"backup", "FILE", "copy the existing file to FILE before migrating"}},
                       "",
                       0,
                       0,
                       "A missing file is created. Applied migrations are never re-run; a file\n"
                       "written by a newer policydb is refused and left untouched."},
                      run_migrate});
  commands.push_back({{"check",
                       "Verify the database file: SQLite quick_check and schema version",
                       {{"format", "FORMAT", "table (text) or json"}},
                       "",
                       0,
                       0,
                       "Exit status 0 when the file is sound and current, 1 otherwise."},
                      run_check});
  commands.push_back({{"compact",
                       "Give the space of deleted rows back to the file system (VACUUM)",
                       {},
                       "",
                       0,
                       0,
                       "Removes uncurated metrics that no fact names, then rewrites the file without\n"
                       "free pages. Worth it after `policydb remove` or the schema upgrade to version 7,\n"
                       "which leave the old rows' space inside the file. Needs free disk space of about\n"
                       "twice the file; readers go on meanwhile, writers wait."},
                      run_compact});
  commands.push_back({{"version",
                       "Print the policydb version and the schema version it writes",
                       {{"format", "FORMAT", "table (text) or json"}},
                       "",
                       0,
                       0,
                       ""},
                      run_version});
}

}  // namespace policydb::cli
