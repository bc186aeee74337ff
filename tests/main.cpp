// The Catch2 runner for policydb_tests (Catch2 v2, as Debian packages it).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
