#!/usr/bin/env bash
# The benchmark suite (issue 7) in one command: builds Release, runs every
# figure and prints one table. Figures never gate anything.
#
#   scripts/bench.sh                 every figure, full size (~30 min on the 2-core machine)
#   scripts/bench.sh --small         CI size (POLICYDB_BENCH_SCALE=small, a few minutes)
#   scripts/bench.sh [--small] FIG…  only some figures: insert (1, 2), extract (3, 4),
#                                    scaling (5), memory (6), query (7)
#
# Environment: POLICYDB_BENCH_RUNS (timed runs after the warm-up, default 5),
# POLICYDB_BENCH_RSS_RUNS (runs of the 1 GB ingest, default 1: 5–15 min each),
# BENCH_BUILD_DIR (default build-bench). Scratch data (generated documents, the
# 10 M-fact database, the peer's npm install) lives in the build folder; the peer,
# Microsoft Recognizers-Text, is installed there with npm, never vendored.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BENCH_BUILD_DIR:-$root/build-bench}
if [[ ${1:-} == --small ]]; then export POLICYDB_BENCH_SCALE=small; shift; fi
figures=${*:-insert extract scaling memory query}
want() { [[ " $figures " == *" $1 "* ]]; }
runs=${POLICYDB_BENCH_RUNS:-5}
export POLICYDB_BENCH_RUNS=$runs
scratch=$build/bench-data
peer=$build/peer
log=$build/bench-results.txt  # appended to by every run
peer_version=1.3.1

"$root/scripts/setup.sh"
if ! command -v npm >/dev/null 2>&1; then
  echo "bench.sh: installing nodejs and npm for the peer benchmark" >&2
  sudo=(); [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DPOLICYDB_BUILD_BENCH=ON \
  -DPOLICYDB_BUILD_TESTS=OFF -DPOLICYDB_BUILD_EXAMPLES=OFF -DPOLICYDB_BUILD_FUZZERS=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target insert_bench extract_bench ingest_bench query_bench policydb_cli \
  >"$build/bench-build.log" 2>&1 || { tail -30 "$build/bench-build.log"; exit 1; }

if [ ! -f "$peer/node_modules/@microsoft/recognizers-text-suite/package.json" ]; then
  mkdir -p "$peer"
  [ -f "$peer/package.json" ] || echo '{"private": true}' >"$peer/package.json"
  (cd "$peer" && npm install --no-audit --no-fund --silent "@microsoft/recognizers-text-suite@$peer_version")
fi
mkdir -p "$scratch"

corpus=${POLICYDB_CORPUS:-$root/../shared/corpus}
# The peer reads the same report files; a small run feeds it only the first one.
mapfile -t corpus_files < <(find "$corpus" -maxdepth 1 -type f | sort)
if [[ ${POLICYDB_BENCH_SCALE:-} == small ]]; then corpus_files=("${corpus_files[0]}"); fi

run() { "$@" 2>&1 | tee -a "$log"; }
{
  echo "policydb benchmarks — $(date -u '+%Y-%m-%d %H:%M UTC'), scale ${POLICYDB_BENCH_SCALE:-full}, $runs runs after a warm-up"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
       "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "SQLite $(sqlite3 --version | cut -d' ' -f1), ICU $(uconv --version 2>/dev/null | grep -o 'ICU [0-9.]*' | cut -d' ' -f2)," \
       "node $(node --version), recognizers-text-suite $peer_version, $(c++ --version | head -1)"
  echo
} | tee -a "$log"

want insert && run "$build/bench/insert_bench"
if want extract; then
  run "$build/bench/extract_bench"
  peer_lines=()
  for set in all number; do
    line=$(NODE_PATH="$peer/node_modules" node "$root/bench/peer/recognizers_bench.js" "$set" "$runs" "${corpus_files[@]}")
    peer_lines+=("$line")
  done
  ours=$(awk '/^extract_mbps/ {print $2}' "$log" | tail -1)
  for line in "${peer_lines[@]}"; do
    read -r _ set median min max bytes _ found <<<"$line"
    label="number+percentage+ordinal"
    [ "$set" = all ] && label="number,pct,ordinal,currency,dimension,datetime"
    printf '%-58s %12.4f %-7s (min %.4f, max %.4f; %d bytes, %d entities)\n' \
      "4. peer Recognizers-Text ($label)" "$median" "MB/s" "$min" "$max" "$bytes" "$found" | tee -a "$log"
    note=""
    if [ "$set" = all ]; then
      note=$(awk -v o="$ours" -v p="$median" 'BEGIN { print (o / p >= 300 ? "(target >= 300x: met)" : "(target >= 300x: MISSED)") }')
    fi
    printf '%-58s %12.1f %-7s %s\n' "4. policydb extract / peer ($set)" \
      "$(awk -v o="$ours" -v p="$median" 'BEGIN { print o / p }')" "x" "$note" | tee -a "$log"
  done
fi
want scaling && run "$build/bench/ingest_bench" "$scratch/ingest" --scaling
want memory && run "$build/bench/ingest_bench" "$scratch/ingest" --memory
if ! want query; then
  :
elif [[ ${POLICYDB_BENCH_SCALE:-} == small ]]; then
  run "$build/bench/query_bench" 0.3 "$scratch/query-small.db"
else
  run "$build/bench/query_bench" 10 "$scratch/query.db"
fi
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg); results in $log" | tee -a "$log"
