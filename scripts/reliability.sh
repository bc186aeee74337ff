#!/usr/bin/env bash
# The full-count reliability runs of docs/RELIABILITY.md. CI runs the same tests
# with small counts; this script runs the counts the guarantees are stated for.
#
#   scripts/reliability.sh              everything below
#   scripts/reliability.sh kills        60 batch kills, 50 migration kills, 100 MiB line
#   scripts/reliability.sh tsan         the reliability suite under ThreadSanitizer
#   scripts/reliability.sh fuzz         every fuzz/*_fuzzer.cpp for FUZZ_SECONDS (600) with clang
#
# Environment: KILLS (60), MIGRATION_KILLS (50), FUZZ_SECONDS (600), FUZZ_PARALLEL (nproc).
# A summary is written to build-fuzz/reliability-summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
jobs=$(nproc)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
mkdir -p build-fuzz
summary=build-fuzz/reliability-summary.txt
[ "$what" = all ] && : >"$summary"
log() { echo "$*" | tee -a "$summary"; }

run_kills() {
  cmake -S . -B build-reliability -DPOLICYDB_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOLICYDB_BUILD_FUZZERS=ON "${launcher[@]}" >/dev/null
  cmake --build build-reliability -j "$jobs" --target policydb_reliability_tests policydb_cli
  local start=$SECONDS
  POLICYDB_RELIABILITY_KILLS=${KILLS:-60} \
  POLICYDB_RELIABILITY_MIGRATION_KILLS=${MIGRATION_KILLS:-50} \
  POLICYDB_RELIABILITY_LINE_MIB=100 \
  POLICYDB_RELIABILITY_DOCUMENTS=200 \
    build-reliability/tests/policydb_reliability_tests --order rand -s -r compact \
    | grep -E "passed|failed|Failed|warning" | tail -n 40 | tee -a "$summary"
  log "kills: ${KILLS:-60} batch kills, ${KILLS:-60}/3 CLI kills, ${MIGRATION_KILLS:-50}" \
      "migration kills, 100 MiB line: $((SECONDS - start)) s"
}

run_tsan() {
  cmake --preset tsan "${launcher[@]}" >/dev/null
  cmake --build build-tsan -j "$jobs" --target policydb_reliability_tests policydb_cli
  TSAN_OPTIONS=halt_on_error=1 POLICYDB_RELIABILITY_DOCUMENTS=120 \
    build-tsan/tests/policydb_reliability_tests "[concurrency],[sql],[open]" -r compact \
    | tail -n 5 | tee -a "$summary"
}

# One fuzzer for FUZZ_SECONDS on a scratch copy of its corpus (the committed seeds
# stay as they are); prints the executions reached.
fuzz_one() {
  local name=$1 seconds=$2
  local corpus=build-fuzz/corpus-work/$name
  mkdir -p "$corpus" build-fuzz/artifacts
  cp -n fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  local out=build-fuzz/$name.log
  if build-fuzz/fuzz/"${name}_fuzzer" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix=build-fuzz/artifacts/"$name"- -rss_limit_mb=4096 -timeout=30 \
      "$corpus" >"$out" 2>&1; then
    local execs
    execs=$(grep -m1 'stat::number_of_executed_units' "$out" | awk '{print $2}')
    log "fuzz ${name}: ${seconds} s, ${execs:-?} executions, no finding"
  else
    log "fuzz ${name}: FINDING after $(grep -c . "$out") log lines, see $out and build-fuzz/artifacts/"
    return 1
  fi
}

run_fuzz() {
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPOLICYDB_BUILD_FUZZERS=ON -DPOLICYDB_BUILD_TESTS=OFF -DPOLICYDB_BUILD_EXAMPLES=OFF \
    -DPOLICYDB_SANITIZE=address,undefined "${launcher[@]}" >/dev/null
  local names=() failed=0
  for source in fuzz/*_fuzzer.cpp; do names+=("$(basename "$source" _fuzzer.cpp)"); done
  cmake --build build-fuzz -j "$jobs" --target "${names[@]/%/_fuzzer}"
  local parallel=${FUZZ_PARALLEL:-$jobs} running=0
  for name in "${names[@]}"; do
    fuzz_one "$name" "${FUZZ_SECONDS:-600}" &
    running=$((running + 1))
    if [ "$running" -ge "$parallel" ]; then wait -n || failed=1; running=$((running - 1)); fi
  done
  while [ "$running" -gt 0 ]; do wait -n || failed=1; running=$((running - 1)); done
  return $failed
}

case $what in
  kills) run_kills ;;
  tsan) run_tsan ;;
  fuzz) run_fuzz ;;
  all) run_kills; run_tsan; run_fuzz ;;
  *) echo "usage: $0 [all|kills|tsan|fuzz]" >&2; exit 2 ;;
esac
