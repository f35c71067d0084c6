#!/usr/bin/env bash
# A real editor client: Neovim (Debian's 0.7) headless, its built-in LSP
# client attached to a Markdown buffer of a deficient study.
# usage: neovim_test.sh CASELINT SOURCE_DIR
set -u
caselint=$(realpath "$1")
src=$(realpath "$2")
if ! command -v nvim >/dev/null; then
  echo "nvim not installed (tools/test.sh installs neovim)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src/tests/lsp/study.md" "$tmp/study.md"
out="$tmp/diagnostics.txt"

CASELINT="$caselint" STUDY="$tmp/study.md" OUT="$out" HOME="$tmp" XDG_STATE_HOME="$tmp/state" \
  timeout 30 nvim --headless --clean -c "luafile $src/tests/lsp/neovim_test.lua" </dev/null >"$tmp/nvim.log" 2>&1
rc=$?
echo "nvim exited with $rc; diagnostics seen by Neovim:"
cat "$out" 2>/dev/null || { echo "no output file" >&2; cat "$tmp/nvim.log" >&2; exit 1; }

fail=0
# CS104 (no lessons learned) sits on the last line with text, 0-based.
last=$(( $(grep -n . "$tmp/study.md" | tail -1 | cut -d: -f1) - 1 ))
if ! grep -qx "CS104 $last 1 caselint" "$out"; then
  echo "FAIL: expected \"CS104 $last 1 caselint\" (error on 0-based line $last)" >&2
  fail=1
fi
# ST001 on the AWS Lamba line.
lamba=$(( $(grep -n "AWS Lamba" "$tmp/study.md" | cut -d: -f1) - 1 ))
if ! grep -q "^ST001 $lamba " "$out"; then
  echo "FAIL: expected ST001 on 0-based line $lamba" >&2
  fail=1
fi
# The client reads the server's code actions and hover.
if ! grep -qx "ACTION CS104 Insert a Lessons learned section" "$out"; then
  echo "FAIL: expected the code action inserting a Lessons learned section" >&2
  fail=1
fi
if ! grep -q "^ACTION ST001 .*AWS Lambda" "$out"; then
  echo "FAIL: expected the code action fixing AWS Lamba" >&2
  fail=1
fi
# The quick fix on a line that goes on a paragraph after four spaces edits
# exactly "AWS Lamba" (cmark-gfm drops those spaces from its columns).
if ! grep -qx "FIXED     AWS Lambda functions fed by Amazon SQS and" "$out"; then
  echo "FAIL: expected the ST001 quick fix to leave \"    AWS Lambda functions fed by Amazon SQS and\"" >&2
  fail=1
fi
if ! grep -qx "HOVER CS104" "$out"; then
  echo "FAIL: expected hover to show CS104's doc" >&2
  fail=1
fi
if grep -q "^ERROR" "$out"; then
  fail=1
fi
[ $fail = 0 ] && echo "ok: Neovim received caselint's diagnostics"
exit $fail
