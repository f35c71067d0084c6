# Submissions on the command line: portfolio findings in every format, exit
# codes, --submission without a manifest, and a bad manifest named with its line.
source "$(dirname "$0")/lib.sh"

sub="$src/corpus/submissions"
for fmt in text json sarif junit github; do
  out="$("$bin" check --format "$fmt" --as-of 2024-06-30 "$sub/dms-short")"
  rc=$?
  check "$fmt: exit 1 for an error finding" test "$rc" -eq 1
  check "$fmt: the portfolio finding is reported" grep -q "PF001" <<<"$out"
  check "$fmt: the document finding is reported beside it" grep -q "CS212" <<<"$out"
  check "$fmt: the manifest is named" grep -q "caselint-submission.yaml" <<<"$out"
done

out="$("$bin" check --format json --as-of 2024-06-30 "$sub/dms-short")"
check "json: PF001 points at the program: line of the manifest" \
  python3 -c 'import json,sys; d=json.load(sys.stdin); f=[x for x in d["files"] if x["path"].endswith("caselint-submission.yaml")][0]; g=f["diagnostics"][0]; sys.exit(0 if g["code"]=="PF001" and g["range"]["start"]["line"]==2 and g["checklist"]=="dms prerequisite 2.1 AWS Customer Case Studies" else 1)' <<<"$out"

"$bin" check --as-of 2024-06-30 "$sub/dms-complete" >/dev/null
check "a complete submission exits 0" test $? -eq 0

out="$("$bin" check --as-of 2024-04-30 --submission "$sub/no-manifest-ml-technology")"
check "--submission: a folder without a manifest gets the portfolio rules" grep -q "PF003" <<<"$out"
out="$("$bin" check --as-of 2024-04-30 "$sub/no-manifest-ml-technology")"
check "without --submission or a manifest a folder is plain documents" bash -c '! grep -q PF00 <<<"$1"' _ "$out"

mkdir -p "$tmp/bad"
cp "$sub/dms-complete/"*.md "$tmp/bad/"
printf 'program: dms\nrefrences:\n  - file: alder-savings-bank.md\n' >"$tmp/bad/caselint-submission.yaml"
err="$("$bin" check "$tmp/bad" 2>&1 >/dev/null)"
rc=$?
check "a bad manifest exits 2" test "$rc" -eq 2
check "a bad manifest is named with its line and a suggestion" \
  grep -q 'caselint-submission.yaml:2: unknown key "refrences"; did you mean "references"?' <<<"$err"
printf 'program: dms\x00\x01' >"$tmp/bad/caselint-submission.yaml"
err="$("$bin" check "$tmp/bad" 2>&1 >/dev/null)"
check "a binary manifest exits 2 with a message naming it" \
  grep -q "caselint-submission.yaml.*not UTF-8 text" <<<"$err"

finish
