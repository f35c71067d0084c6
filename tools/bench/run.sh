#!/usr/bin/env bash
# The speed benchmark: generates a synthetic corpus, then times caselint,
# markdownlint-cli2 and the cmark-gfm parser on the same files and prints
# throughput, peak memory, ratios and each target as met or not met (also the
# scaling of each shape of text and the peak memory of each output format).
#   tools/bench/run.sh            the full benchmark (2,000 studies, 50 MiB document; minutes)
#   tools/bench/run.sh --quick    a smoke run over a few files
#   tools/bench/run.sh --runs 9   more rounds per measurement (default 5; the median counts)
# Not part of the test suite: timings belong on a quiet machine, not in ctest.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The peers: cmark-gfm's command-line parser from Debian, python3 for the
# generator and the timing, GNU time for peak memory, markdownlint-cli2 from the npm registry into
# tools/bench/npm (a benchmark tool, never a dependency of caselint).
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
wanted=(cmark-gfm python3 time)
command -v npm >/dev/null || wanted+=(nodejs npm)
need=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if ((${#need[@]})); then
  echo "bench: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
[ -x tools/bench/npm/node_modules/.bin/markdownlint-cli2 ] ||
  npm ci --prefix tools/bench/npm --no-audit --no-fund --loglevel=error

# caselint itself, built with the project's default (optimised) flags.
[ -x build/src/caselint ] || tools/setup.sh build

exec python3 tools/bench/bench.py "$@"
