#include "args.h"

#include <algorithm>

#include <fmt/format.h>

namespace policydb::cli {
namespace {

std::optional<FlagSpec> find_flag(const CommandSpec& spec, const std::string& name) {
  for (const auto& f : spec.flags) {
    if (f.name == name) return f;
  }
  for (const auto& f : common_flags()) {
    if (f.name == name) return f;
  }
  return std::nullopt;
}

void check_positional_count(const CommandSpec& spec, std::size_t count) {
  const auto n = static_cast<int>(count);
  if (n < spec.min_positional) {
    throw UsageError(fmt::format("{} needs {}", spec.name, spec.positional));
  }
  if (spec.max_positional >= 0 && n > spec.max_positional) {
    throw UsageError(spec.max_positional == 0 ? fmt::format("{} takes no arguments", spec.name)
                                              : fmt::format("{} takes at most {} argument(s)",
                                                            spec.name, spec.max_positional));
  }
}

}  // namespace

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::string Args::value_or(const std::string& name, const std::string& fallback) const {
  return value(name).value_or(fallback);
}

std::vector<std::string> Args::values(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::vector<FlagSpec> common_flags() {
  return {{"db", "PATH",
           "database file (default: $POLICYDB_DB, else policydb.db in the current directory)"},
          {"help", "", "show this help"}};
}

Args parse_args(const CommandSpec& spec, const std::vector<std::string>& argv) {
  Args args;
  bool flags_done = false;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& word = argv[i];
    if (flags_done || word.size() < 2 || word[0] != '-' || word == "-") {
      args.positional_.push_back(word);
      continue;
    }
    if (word == "--") {
      flags_done = true;
      continue;
    }
    if (word == "-h" || word == "--help") {
      args.help_ = true;
      continue;
    }
    if (word.rfind("--", 0) != 0) throw UsageError(fmt::format("unknown option {}", word));
    const auto eq = word.find('=');
    const std::string name = word.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
    const std::optional<FlagSpec> flag = find_flag(spec, name);
    if (!flag) {
      throw UsageError(fmt::format("{} has no option --{}", spec.name, name));
    }
    std::string value;
    if (flag->value_name.empty()) {
      if (eq != std::string::npos) throw UsageError(fmt::format("--{} takes no value", name));
    } else if (eq != std::string::npos) {
      value = word.substr(eq + 1);
    } else if (i + 1 < argv.size()) {
      value = argv[++i];
    } else {
      throw UsageError(fmt::format("--{} needs a value ({})", name, flag->value_name));
    }
    auto& slot = args.values_[name];
    if (!slot.empty() && !flag->repeated) {
      throw UsageError(fmt::format("--{} given more than once", name));
    }
    slot.push_back(std::move(value));
  }
  if (!args.help_) check_positional_count(spec, args.positional_.size());
  return args;
}

std::string usage_text(const CommandSpec& spec) {
  std::string out = fmt::format("Usage: policydb {} [options]{}{}\n\n{}\n\nOptions:\n", spec.name,
                                spec.positional.empty() ? "" : " ", spec.positional, spec.summary);
  std::vector<FlagSpec> all = spec.flags;
  const auto common = common_flags();
  all.insert(all.end(), common.begin(), common.end());
  std::size_t width = 0;
  for (const auto& f : all) {
    width = std::max(width, f.name.size() + (f.value_name.empty() ? 0 : f.value_name.size() + 1));
  }
  for (const auto& f : all) {
    const std::string left =
        f.value_name.empty() ? f.name : fmt::format("{} {}", f.name, f.value_name);
    out +=
        fmt::format("  --{:<{}}  {}{}\n", left, width, f.help, f.repeated ? " (repeatable)" : "");
  }
  if (!spec.details.empty()) out += "\n" + spec.details + "\n";
  return out;
}

}  // namespace policydb::cli
