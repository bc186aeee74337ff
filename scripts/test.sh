#!/usr/bin/env bash
# Builds policydb with warnings as errors and runs the whole test suite.
#   scripts/test.sh              optimized build in build/
#   scripts/test.sh --sanitize   AddressSanitizer + UndefinedBehaviorSanitizer build in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

build_dir=build
config=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=build-asan
  config=(-DCMAKE_BUILD_TYPE=Debug -DPOLICYDB_SANITIZE=address,undefined)
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
fi

jobs=$(nproc)
launcher=()
# ccache, when present, with paths relative to the checkout so clones share hits.
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$PWD"
fi
cmake -S . -B "$build_dir" -DPOLICYDB_WERROR=ON -DPOLICYDB_BUILD_FUZZERS=ON "${config[@]}" "${launcher[@]}" >/dev/null
cmake --build "$build_dir" -j "$jobs"
# A hung test fails after 10 minutes instead of stalling the whole run.
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 600

# The extraction gate's scorer table, printed whether or not ctest showed it.
echo
echo "== extraction quality on ../shared/corpus (tests/extract/corpus_gate_test.cpp) =="
"$build_dir/tests/policydb_extract_tests" "[gate]" | grep -v '^$' | grep -v '^=*$' || true
