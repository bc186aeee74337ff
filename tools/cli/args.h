// tools/cli/args.h: the command line of one subcommand, parsed against its spec.
//
// Each subcommand declares its flags (`--name VALUE` or a boolean `--name`) and its
// positional arguments; parse_args accepts `--flag value`, `--flag=value`, repeated
// flags where the spec allows them, and `--` to end the flags. Anything else is a
// UsageError, which main() turns into exit status 2 with the usage text.
//
//   CommandSpec spec{"regions", "List regions", {{"level", "LEVEL", "..."}}};
//   Args args = parse_args(spec, {"--level", "province"});
//   args.value("level");  // "province"
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace policydb::cli {

// A mistake in the command line itself: exit status 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct FlagSpec {
  std::string name;        // without the leading dashes: "db"
  std::string value_name;  // "PATH"; empty for a boolean switch
  std::string help;
  bool repeated = false;  // may be given more than once
};

struct CommandSpec {
  std::string name;     // "regions"
  std::string summary;  // one line for `policydb --help`
  std::vector<FlagSpec> flags;
  std::string positional;  // how the usage line names positionals: "FILE..."; empty for none
  int min_positional = 0;
  int max_positional = 0;  // -1: unlimited
  std::string details;     // extra paragraphs for `policydb CMD --help`
};

class Args {
 public:
  bool help() const { return help_; }
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  // The flag's value (the last one when repeated), or nullopt when absent.
  std::optional<std::string> value(const std::string& name) const;
  std::string value_or(const std::string& name, const std::string& fallback) const;
  // Every value of a repeated flag, in command-line order.
  std::vector<std::string> values(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  friend Args parse_args(const CommandSpec&, const std::vector<std::string>&);
  bool help_ = false;
  std::map<std::string, std::vector<std::string>> values_;  // switches hold ""
  std::vector<std::string> positional_;
};

// The flags every subcommand accepts: --db PATH and --help.
std::vector<FlagSpec> common_flags();

// Parses `argv` (the words after the subcommand name). Throws UsageError for an
// unknown flag, a missing value, a repeated single flag or a wrong number of
// positional arguments. `--help`/`-h` short-circuits the positional count check.
Args parse_args(const CommandSpec& spec, const std::vector<std::string>& argv);

// The text of `policydb CMD --help`.
std::string usage_text(const CommandSpec& spec);

}  // namespace policydb::cli
