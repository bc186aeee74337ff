#!/usr/bin/env bash
# Renders the target-progress report of 河南 from the seed gold with headless
# Chromium and saves the screenshot the README shows, docs/report.png.
#
#   cmake --build build --target policydb_cli
#   scripts/screenshot.sh                 # uses build/tools/cli/policydb
#   scripts/screenshot.sh BUILD_DIR       # another build directory
#
# What it does: loads ../shared/gold/seeds.jsonl into a temporary database with
# `policydb load`, writes `policydb report --region 河南 --out report.html`, and
# runs `chromium --headless --screenshot --window-size=1200,1600` on it.
# Needs the Debian packages chromium and fonts-noto-cjk (for the Chinese
# glyphs). Environment: POLICYDB (the CLI binary), GOLD (the JSONL file),
# CHROMIUM (the browser binary), OUT (the PNG; default docs/report.png).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
policydb=${POLICYDB:-$build/tools/cli/policydb}
gold=${GOLD:-$root/../shared/gold/seeds.jsonl}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
out=${OUT:-$root/docs/report.png}

[ -x "$policydb" ] || { echo "screenshot.sh: no policydb binary at $policydb (build policydb_cli)" >&2; exit 1; }
[ -n "$chromium" ] || { echo "screenshot.sh: chromium not found (apt-get install chromium fonts-noto-cjk)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$policydb" load --db "$work/facts.db" "$gold" >/dev/null
"$policydb" report --db "$work/facts.db" --region 河南 --out "$work/report.html"
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$work/profile" --screenshot="$out" --window-size=1200,1600 \
  "file://$work/report.html" >/dev/null 2>&1
[ -s "$out" ] || { echo "screenshot.sh: chromium wrote no screenshot" >&2; exit 1; }
echo "screenshot.sh: wrote $out" >&2
