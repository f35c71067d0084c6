# The literal prefilter (src/extract/prefilter.h) only skips patterns that
# cannot match: checking the corpus with it and without it
# (CASELINT_NO_PREFILTER=1) gives byte-identical JSON under every profile
# that the studies name, and under the forced profiles below.
source "$(dirname "$0")/lib.sh"
cd "$src"

same() {  # same NAME ARGS...: the JSON of `check ARGS` is the same either way
  local name="$1"
  shift
  "$bin" check --format json --as-of 2026-06-30 "$@" >"$tmp/on.json" 2>"$tmp/on.err"
  local on=$?
  CASELINT_NO_PREFILTER=1 "$bin" check --format json --as-of 2026-06-30 "$@" >"$tmp/off.json" 2>"$tmp/off.err"
  local off=$?
  check "$name: same exit status ($on, $off)" test "$on" -eq "$off"
  check "$name: same findings" cmp -s "$tmp/on.json" "$tmp/off.json"
  check "$name: findings were made" grep -q '"rule"' "$tmp/on.json"
  cmp -s "$tmp/on.json" "$tmp/off.json" || diff <(python3 -m json.tool "$tmp/on.json") \
    <(python3 -m json.tool "$tmp/off.json") | head -n 20
}

same "corpus/studies" corpus/studies
for p in aurora dms ml-consulting ml-technology landing-page; do
  same "corpus/studies --profile $p" --profile "$p" corpus/studies
done
same "corpus/studies --public" --public corpus/studies
finish
