#!/usr/bin/env bash
# Command-line behaviour: exit codes, output shapes, errors naming the file.
#   run.sh CASELINT SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

run() {  # run ARGS... ; sets $out, $err, $rc
  out="$("$bin" "$@" 2>"$tmp/stderr")"
  rc=$?
  err="$(cat "$tmp/stderr")"
}

cd "$tmp"
cat > complete.md <<'DOC'
# How Zenith Freight cut costs with Amazon Aurora

**Customer:** Zenith Freight
**AWS account ID:** 4821-7730-1956
**Start date:** 2023-01-15
**End date:** 2023-06-30

## Challenge
Their Oracle database could not keep up with peak season.

## Solution
We moved it to Amazon Aurora PostgreSQL using AWS DMS.

![Architecture diagram](arch.png)

## Third-party tools
- Liquibase

## Results
Query latency fell by 60%.

## Lessons learned
Test the cut-over twice.
DOC
printf '# Title\n\nSome text\n' > thin.md
printf 'bad \xff\xfe byte\n' > invalid.md
printf 'nul\0byte\n' > binary.md

run complete.md
check "complete study exits 0" test "$rc" -eq 0
check "summary line" grep -q "1 file checked: 0 errors" <<<"$out"

run thin.md
check "deficient study exits 1" test "$rc" -eq 1
check "compiler-shaped lines" grep -Eq '^thin\.md:1:1: error: .* \[CS101 missing-customer-name\]$' <<<"$out"
check "all missing fields reported in one run" test "$(grep -c ': error: ' <<<"$out")" -ge 10
check "footer points at explain" grep -q "See: caselint explain CS104" <<<"$out"

# With no profile, a page's kind is read from its content (docs/reading.md):
# a careers page is not a case study missing its customer.
mkdir -p site/careers
printf -- '---\ntitle: Careers at Halyard\n---\n\nWe are hiring engineers who love databases. Apply now.\n' >site/careers/index.md
run --format json site/careers/index.md
check "a careers page exits 0" test "$rc" -eq 0
check "its kind is other, with the reason" python3 -c '
import json, sys
f = json.load(sys.stdin)["files"][0]
codes = [d["code"] for d in f["diagnostics"]]
assert f["kind"] == "other" and f["profile"] == "other", f
assert "careers" in f["kind_reason"], f["kind_reason"]
assert codes == ["CS001"] and f["diagnostics"][0]["severity"] == "info", codes
' <<<"$out"
run --format json --profile case-study site/careers/index.md
check "--profile checks it as a case study" grep -q '"CS101"' <<<"$out"
run --format json thin.md
check "a thin study is still a case study" grep -q '"kind": "case-study"' <<<"$out"

# A content folder: each page checked as what it is, and the output says so.
mkdir -p content/case-studies content/services content/blog
cp "$src/corpus/realistic/pages/home-hugo-shortcodes.md" content/_index.md
cp "$src/corpus/realistic/pages/practice-machine-learning-hugo.md" content/services/machine-learning.md
cp "$src/corpus/realistic/pages/blog-five-checks-before-dms-migration.md" content/blog/five-checks.md
cp "$src/corpus/realistic/studies/hugo-shortcodes-saas-cost-lessons.md" content/case-studies/brindle.md
cp "$src/corpus/realistic/studies/aws-story-payments-aurora.md" content/case-studies/lumora.md
run --format json content
check "a content folder: each page as what it is" python3 -c '
import json, sys
kinds = {f["path"]: f["kind"] for f in json.load(sys.stdin)["files"]}
assert kinds == {
    "content/_index.md": "other", "content/blog/five-checks.md": "other",
    "content/case-studies/brindle.md": "case-study", "content/case-studies/lumora.md": "case-study",
    "content/services/machine-learning.md": "landing-page"}, kinds
' <<<"$out"
run content
check "text output says how each page was read" grep -q "^content/services/machine-learning.md:1:1: note: read as a landing page: " <<<"$out"
check "the summary counts the kinds" grep -q "(read as 2 case studies, 1 landing page, 2 other)" <<<"$out"

run invalid.md complete.md
check "invalid UTF-8 exits 2" test "$rc" -eq 2
check "invalid UTF-8 names file and reason" grep -q "invalid.md: error: invalid UTF-8 at byte offset 4 (line 1)" <<<"$err"
check "other files still checked" grep -q "2 files checked" <<<"$out"

run binary.md
check "binary exits 2" test "$rc" -eq 2
check "binary reason" grep -q "binary.md: error: binary file (NUL byte" <<<"$err"

run missing-file.md
check "missing file exits 2" test "$rc" -eq 2
check "missing file named" grep -q "missing-file.md: error: no such file" <<<"$err"

run --max-file-size 10B complete.md
check "size limit exits 2" test "$rc" -eq 2
check "size limit reason" grep -q "over the size limit" <<<"$err"

run --profile auora complete.md
check "unknown profile exits 2" test "$rc" -eq 2
check "unknown profile suggests" grep -q 'did you mean "aurora"' <<<"$err"

run --format yaml complete.md
check "unknown format exits 2" test "$rc" -eq 2
check "unknown format names valid ones" grep -q "text" <<<"$err"

run --as-of 2024-13-01 complete.md
check "bad --as-of exits 2" test "$rc" -eq 2

run check --format json thin.md
check "json exit 1" test "$rc" -eq 1
check "json shape" python3 - "$out" <<'PY'
import json, sys
j = json.loads(sys.argv[1])
assert j["version"] == 1
f = j["files"][0]
assert f["path"] == "thin.md" and f["format"] == "markdown" and f["profile"] == "case-study"
d = next(d for d in f["diagnostics"] if d["code"] == "CS104")
assert d["rule"] == "missing-lessons-learned" and d["severity"] == "error"
assert d["field"] == "lessons_learned"
assert d["checklist"].endswith("Lessons Learned")
assert d["range"]["start"] == {"line": 3, "column": 1}
assert d["fix"] is None
assert j["summary"]["files"] == 1 and j["summary"]["errors"] == len(f["diagnostics"])
PY

run - --stdin-filename studies/piped.md < thin.md
check "stdin exit 1" test "$rc" -eq 1
check "stdin uses --stdin-filename" grep -q "^studies/piped.md:1:1: error" <<<"$out"

run extract complete.md
check "extract exit 0" test "$rc" -eq 0
check "extract json" python3 - "$out" <<'PY'
import json, sys
j = json.loads(sys.argv[1])
assert isinstance(j, list) and j[0]["path"] == "complete.md" and j[0]["profile"] == "case-study"
f = j[0]["fields"]
assert f["customer_name"]["value"] == "Zenith Freight" and f["customer_name"]["line"] == 3
assert f["start_date"]["value"] == "2023-01-15" and f["end_date"]["value"] == "2023-06-30"
assert f["aws_account_id"]["value"] == "4821-7730-1956"
names = [s["value"] for s in f["aws_services"]]
assert names == ["Amazon Aurora PostgreSQL-Compatible Edition", "AWS Database Migration Service"], names
assert [s["label"] for s in f["aws_services"]] == ["Amazon Aurora PostgreSQL", "AWS DMS"]
assert f["lessons_learned"]["line"] == 22
PY

run --profile ml-consulting --format json thin.md
check "ml-consulting has no account id rule" python3 - "$out" <<'PY'
import json, sys
codes = {d["code"] for d in json.loads(sys.argv[1])["files"][0]["diagnostics"]}
assert "CS102" not in codes and "CS104" not in codes and "CS101" in codes, codes
PY

run rules
check "rules lists codes" grep -q "^CS104  missing-lessons-learned" <<<"$out"
run explain CS104
check "explain exit 0" test "$rc" -eq 0
check "explain shows doc" grep -q "missing-lessons-learned" <<<"$out"
run explain CS1O4
check "explain unknown exits 2" test "$rc" -eq 2
check "explain suggests" grep -q 'did you mean "CS104"' <<<"$err"

mkdir -p repo/studies && cp thin.md repo/studies/
printf 'profle: aurora\n' > repo/.caselint.yaml
run repo/studies/thin.md
check "config typo exits 2" test "$rc" -eq 2
check "config typo names file, line, suggestion" grep -q '\.caselint\.yaml:1: unknown key "profle"; did you mean "profile"' <<<"$err"
printf 'disable: [CS102, missing-lessons-learned]\nrules:\n  CS107: warning\n' > repo/.caselint.yaml
run --format json repo/studies/thin.md
check "config disables and changes severity" python3 - "$out" <<'PY'
import json, sys
ds = json.loads(sys.argv[1])["files"][0]["diagnostics"]
codes = {d["code"]: d["severity"] for d in ds}
assert "CS102" not in codes and "CS104" not in codes, codes
assert codes["CS107"] == "warning", codes
PY

printf '<!-- caselint-disable CS102 -->\n# Title\n\ntext <!-- caselint-disable-next-line CS104 -->\nlast line\n' > suppressed.md
run --format json suppressed.md
check "inline suppression" python3 - "$out" <<'PY'
import json, sys
codes = {d["code"] for d in json.loads(sys.argv[1])["files"][0]["diagnostics"]}
assert "CS102" not in codes and "CS104" not in codes and "CS101" in codes, codes
PY

mkdir initdir
run init --profile dms initdir
check "init writes a config for the program" grep -q '^profile: dms$' initdir/.caselint.yaml
cp complete.md initdir/
run --format json initdir/complete.md
check "the written config is valid and chooses the program" python3 - "$out" <<'PY'
import json, sys
f = json.loads(sys.argv[1])["files"][0]
assert f["profile"] == "dms" and "error" not in f, f
PY
run init --profile dms initdir
check "init does not replace a config without --force" test "$rc" -eq 2
run init --profile dsm initdir --force
check "init names a misspelt program" bash -c "[ $rc -eq 2 ] && grep -q 'did you mean \"dms\"' '$tmp/stderr'"

mkdir bl
cp thin.md bl/a.md
run --baseline bl/baseline.json bl/a.md
check "a first --baseline records the findings and passes" bash -c "[ $rc -eq 0 ] && grep -q 'recorded' '$tmp/stderr' && [ -s bl/baseline.json ]"
run --baseline bl/baseline.json bl/a.md
check "known findings are not reported again" bash -c "[ $rc -eq 0 ] && ! grep -q 'error:' <<<\"\$1\"" _ "$out"
{ printf '\n\n'; cat thin.md; } > bl/a.md
run --baseline bl/baseline.json bl/a.md
check "moved text does not bring findings back" test "$rc" -eq 0
printf '# Title\n\nSome text. The new cluster is guaranteed to stay up.\n' > bl/a.md
run --baseline bl/baseline.json --format json bl/a.md
check "a new finding is reported" python3 - "$out" <<'PY'
import json, sys
codes = [d["code"] for d in json.loads(sys.argv[1])["files"][0]["diagnostics"]]
assert codes == ["ST002"], codes
PY
echo 'not json' > bl/broken.json
run --baseline bl/broken.json bl/a.md
check "a broken baseline is an error naming it" bash -c "[ $rc -eq 2 ] && grep -q 'broken.json: error' '$tmp/stderr'"
run --update-baseline bl/a.md
check "--update-baseline needs --baseline" test "$rc" -eq 2

build_dir="$(dirname "$(dirname "$bin")")"
cmake --install "$build_dir" --prefix "$tmp/prefix" > /dev/null 2>&1
check "cmake --install installs the binary and its man page" bash -c "'$tmp/prefix/bin/caselint' --version | grep -q caselint && grep -q '^.TH CASELINT 1' '$tmp/prefix/share/man/man1/caselint.1'"

finish
