#!/usr/bin/env bash
# Installs, builds with warnings as errors, and runs the whole test suite;
# then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and
# runs the suite once more. Exit status is non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# Test tools from Debian: python3 reads JSON and XML in the command-line
# tests, pre-commit runs the hook as a case-study repository would, Neovim is
# the real editor client of the language server test, git and node/npm for the
# rest. clang and its libFuzzer runtime build the fuzz targets (fuzz/).
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
wanted=(python3 pre-commit git neovim clang libclang-rt-14-dev)
# npm may come from elsewhere than Debian (the machine's Node.js); install
# Debian's only when there is none.
command -v npm >/dev/null || wanted+=(nodejs npm)
need=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if ((${#need[@]})); then
  echo "test: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Test-only tools from the npm registry: the SARIF Multitool validates the
# SARIF output (tests/cli/formats.sh). Never a dependency of caselint.
npm ci --prefix tools/npm --no-audit --no-fund --loglevel=error

tools/setup.sh build -DCASELINT_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer ==" >&2
tools/setup.sh build-asan -DCASELINT_WERROR=ON -DCASELINT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"

echo "== fuzz targets (libFuzzer, 25 s each) ==" >&2
tools/fuzz.sh 25
