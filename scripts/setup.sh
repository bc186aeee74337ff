#!/usr/bin/env bash
# Installs the Debian packages policydb needs to build, test and run.
# Idempotent and quiet when everything is present; works as root or through sudo.
#   scripts/setup.sh            build and test dependencies
#   scripts/setup.sh --fuzz     also clang and its runtime (libFuzzer, sanitizers)
set -euo pipefail

packages=(
  build-essential cmake pkg-config git python3
  libsqlite3-dev sqlite3 libsqlitecpp-dev libicu-dev icu-devtools libfmt-dev
  nlohmann-json3-dev libsimdjson-dev catch2 ccache
  # The report test renders HTML in headless Chromium; CJK fonts for its screenshots.
  chromium fonts-noto-cjk
)
if [ "${1:-}" = --fuzz ]; then
  packages+=(clang libclang-rt-14-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "setup.sh: missing packages (${missing[*]}) and neither root nor sudo available" >&2
  exit 1
fi

echo "setup.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
