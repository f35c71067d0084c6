#!/usr/bin/env bash
# Installs, builds with warnings as errors, and runs the whole test suite;
# then builds again with AddressSanitizer + UndefinedBehaviorSanitizer and
# runs the suite once more. Exit status is non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

# The command-line tests read JSON with python3.
if ! command -v python3 >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3 >/dev/null
fi

# Test-only tools from the npm registry: the SARIF Multitool validates the
# SARIF output (tests/cli/formats.sh). Never a dependency of caselint.
if ! command -v npm >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --prefix tools/npm --no-audit --no-fund --loglevel=error

tools/setup.sh build -DCASELINT_WERROR=ON
ctest --test-dir build --output-on-failure -j "$(nproc)"

echo "== AddressSanitizer + UndefinedBehaviorSanitizer ==" >&2
tools/setup.sh build-asan -DCASELINT_WERROR=ON -DCASELINT_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
