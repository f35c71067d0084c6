#!/usr/bin/env bash
# Entry point of the `caselint-build` pre-commit hook: builds caselint once in
# this checkout (pre-commit's clone of it), then checks the staged files.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="$here/build/src/caselint"
if [ ! -x "$bin" ]; then
  echo "caselint: building (first run only)..." >&2
  cmake -S "$here" -B "$here/build" -DCMAKE_BUILD_TYPE=Release -DCASELINT_TESTS=OFF >/dev/null
  cmake --build "$here/build" --target caselint -j "$(nproc)" >/dev/null
fi
exec "$bin" "$@"
