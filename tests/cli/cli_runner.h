// Runs the built `policydb` binary in a temporary directory and captures its
// exit status, stdout and stderr.
#pragma once

#include <cstdlib>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <vector>

#include "test_support.h"

namespace policydb::testing {

struct CliResult {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `policydb <args>` in `dir` with a clean POLICYDB_DB. `args` is shell text;
// `env` ("NAME=value ...") is prepended to the command.
inline CliResult run_cli(const TempDir& dir, const std::string& args, const std::string& env = "") {
  // stdin is /dev/null unless `args` redirects it (a later redirection wins).
  const std::string command = "cd '" + dir.path().string() + "' && env -u POLICYDB_DB " + env +
                              " </dev/null '" POLICYDB_CLI_PATH "' " + args + " >.out 2>.err";
  const int raw = std::system(command.c_str());
  CliResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  result.out = read_file(dir / ".out");
  result.err = read_file(dir / ".err");
  return result;
}

// Splits output into lines, dropping the CR of CRLF line ends.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

}  // namespace policydb::testing
