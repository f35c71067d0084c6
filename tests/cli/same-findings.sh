# Work that only saves time changes no result: checking the corpus with it
# and with it switched off by the environment variable named as the third
# argument gives byte-identical JSON under every profile that the studies
# name, and under the forced profiles below.
#   CASELINT_NO_PREFILTER=1  the literal prefilter (src/extract/prefilter.h)
#                            screens no pattern
#   CASELINT_ALL_TOPICS=1    extraction looks for every topic set, not only
#                            those the file's rules read (RuleMeta::topics)
source "$(dirname "$0")/lib.sh"
knob="$3"
cd "$src"

same() {  # same NAME ARGS...: the JSON of `check ARGS` is the same either way
  local name="$1"
  shift
  "$bin" check --format json --as-of 2026-06-30 "$@" >"$tmp/on.json" 2>"$tmp/on.err"
  local on=$?
  env "$knob=1" "$bin" check --format json --as-of 2026-06-30 "$@" >"$tmp/off.json" 2>"$tmp/off.err"
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
same "corpus" corpus
finish
