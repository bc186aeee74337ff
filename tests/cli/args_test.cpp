// Unit tests of the CLI's argument parser.
#include "../../tools/cli/args.h"

#include <catch2/catch.hpp>

using policydb::cli::CommandSpec;
using policydb::cli::parse_args;
using policydb::cli::UsageError;

namespace {

CommandSpec spec() {
  return {"facts",
          "List facts",
          {{"region", "NAME", "region", true}, {"kind", "KIND", "kind"}, {"dry-run", "", "switch"}},
          "FILE...",
          0,
          2,
          ""};
}

}  // namespace

TEST_CASE("flags take their value from the next word or after =", "[cli]") {
  const auto args = parse_args(spec(), {"--kind", "target", "--db=x.db", "a.jsonl"});
  CHECK(args.value("kind") == "target");
  CHECK(args.value("db") == "x.db");
  CHECK(args.positional() == std::vector<std::string>{"a.jsonl"});
  CHECK_FALSE(args.has("region"));
  CHECK(args.value_or("region", "all") == "all");
}

TEST_CASE("repeatable flags keep every value in order", "[cli]") {
  const auto args = parse_args(spec(), {"--region", "河南", "--region=江苏"});
  CHECK(args.values("region") == std::vector<std::string>{"河南", "江苏"});
  CHECK(args.value("region") == "江苏");
}

TEST_CASE("switches take no value", "[cli]") {
  CHECK(parse_args(spec(), {"--dry-run"}).has("dry-run"));
  CHECK_THROWS_AS(parse_args(spec(), {"--dry-run=yes"}), UsageError);
}

TEST_CASE("command-line mistakes are usage errors", "[cli]") {
  CHECK_THROWS_AS(parse_args(spec(), {"--nope"}), UsageError);
  CHECK_THROWS_AS(parse_args(spec(), {"--kind"}), UsageError);
  CHECK_THROWS_AS(parse_args(spec(), {"--kind", "a", "--kind", "b"}), UsageError);
  CHECK_THROWS_AS(parse_args(spec(), {"a", "b", "c"}), UsageError);
  CHECK_THROWS_AS(parse_args(spec(), {"-x"}), UsageError);
}

TEST_CASE("a double dash ends the flags and a lone dash is positional", "[cli]") {
  const auto args = parse_args(spec(), {"-", "--", "--kind"});
  CHECK(args.positional() == std::vector<std::string>{"-", "--kind"});
}

TEST_CASE("--help skips the positional count and usage lists every flag", "[cli]") {
  CommandSpec needs_one = spec();
  needs_one.min_positional = 1;
  CHECK_THROWS_AS(parse_args(needs_one, {}), UsageError);
  CHECK(parse_args(needs_one, {"--help"}).help());
  const std::string usage = policydb::cli::usage_text(needs_one);
  CHECK(usage.find("Usage: policydb facts [options] FILE...") == 0);
  for (const char* flag : {"--region NAME", "--kind KIND", "--dry-run", "--db PATH", "--help"}) {
    CHECK(usage.find(flag) != std::string::npos);
  }
}
