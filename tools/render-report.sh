#!/usr/bin/env bash
# Renders a `caselint report --format html` or `caselint site --format html`
# page to a PNG with headless Chromium, to look at it as a reader would. Not
# part of the test suite (Chromium is large); installs Debian's chromium when
# it is missing.
#
#   tools/render-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#
# OUT.png defaults to REPORT.png; the window defaults to 1280x4000 (a tall
# window, so one screenshot shows most of the page).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  echo "usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]" >&2
  exit 2
fi
html="$(realpath "$1")"
out="${2:-${1%.html}.png}"
size="${3:-1280x4000}"
[ -f "$html" ] || { echo "$0: $1: no such file" >&2; exit 2; }
[[ "$size" =~ ^[0-9]+x[0-9]+$ ]] || { echo "$0: window size \"$size\" is not WIDTHxHEIGHT" >&2; exit 2; }

if ! command -v chromium >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "render-report: installing chromium" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

# A scratch profile, so a running browser's profile is never touched.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --screenshot="$(realpath -m "$out")" --window-size="${size/x/,}" "file://$html" 2>/dev/null
[ -s "$out" ] || { echo "$0: chromium wrote no screenshot" >&2; exit 1; }
echo "$out"
