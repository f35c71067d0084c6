#!/usr/bin/env bash
# CI formats: SARIF validated by the SARIF Multitool (an independent
# validator, installed by tools/test.sh from the npm registry), JUnit read by
# Python's XML parser, GitHub workflow commands checked line by line.
#   formats.sh CASELINT SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
multitool="$src/tools/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

cd "$tmp"
mkdir studies
cp "$src/corpus/studies/alder-bank-dms.md" "$src/corpus/studies/anonymised-bank-payments.html" \
   "$src/corpus/ST001/fail-misspelt.md" studies/
printf 'nul\0byte\n' > studies/binary.md
printf '# Pipeline, with: commas\n\n100%% uptime is guaranteed.\n' > 'studies/odd name.md'

"$bin" --format json studies > check.json
"$bin" --format sarif studies > out.sarif
check "sarif exit code is the check's" test $? -eq 2

if [ -x "$multitool" ]; then
  "$multitool" validate out.sarif --output validation.sarif >validate.log 2>&1
  check "the SARIF Multitool accepts the log" python3 - validation.sarif validate.log <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
problems = [r for run in runs for r in run.get("results", []) if r.get("level", "warning") in ("error", "warning")]
assert not problems, open(sys.argv[2]).read()
PY
else
  fail=$((fail + 1))
  echo "FAIL: the SARIF Multitool is not installed ($multitool); tools/test.sh installs it (npm ci --prefix tools/npm)"
fi

check "sarif results match the findings" python3 - out.sarif check.json <<'PY'
import json, sys
log = json.load(open(sys.argv[1])); ref = json.load(open(sys.argv[2]))
run = log["runs"][0]
assert log["version"] == "2.1.0" and run["columnKind"] == "unicodeCodePoints"
rules = run["tool"]["driver"]["rules"]
assert all(r["helpUri"].endswith(r["id"] + ".md") and r["help"]["text"] for r in rules)
diags = [d for f in ref["files"] for d in f["diagnostics"]]
res = run["results"]
assert len(res) == len(diags), (len(res), len(diags))
for r, d in zip(res, diags):
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"] == d["code"]
    reg = r["locations"][0]["physicalLocation"]["region"]
    assert reg["startLine"] == d["range"]["start"]["line"] and reg["startColumn"] == d["range"]["start"]["column"]
    assert {"error": "error", "warning": "warning", "info": "note"}[d["severity"]] == r["level"]
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in res}
assert "studies/odd%20name.md" in uris, uris
fixes = [r for r in res if r["ruleId"] == "ST001"]
assert fixes and all(f["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] for f in fixes)
notes = run["invocations"][0]["toolExecutionNotifications"]
assert any("binary.md" in n["message"]["text"] for n in notes), notes
fps = [r["partialFingerprints"]["caselintFinding/v1"] for r in res]
assert len(set(fps)) == len(fps), "fingerprints must be unique"
PY

# Moving the text does not change the fingerprints.
"$bin" --format sarif studies/fail-misspelt.md > before.sarif
{ printf '\n\n\n'; cat studies/fail-misspelt.md; } > moved && mv moved studies/fail-misspelt.md
"$bin" --format sarif studies/fail-misspelt.md > after.sarif
check "fingerprints survive moved text" python3 - before.sarif after.sarif <<'PY'
import json, sys
def fp(p):
    return [(r["partialFingerprints"]["caselintFinding/v1"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in json.load(open(p))["runs"][0]["results"]]
a, b = fp(sys.argv[1]), fp(sys.argv[2])
assert a and [x for x, _ in a] == [x for x, _ in b], (a, b)
assert all(lb == la + 3 for (_, la), (_, lb) in zip(a, b))
PY

"$bin" --format json studies > check.json
"$bin" --format junit studies > out.xml
check "junit exit code is the check's" test $? -eq 2
check "junit: a suite per file, a case per rule, failures for errors" python3 - out.xml check.json <<'PY'
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot(); ref = json.load(open(sys.argv[2]))
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert [s.get("name") for s in suites] == [f["path"] for f in ref["files"]]
for s, f in zip(suites, ref["files"]):
    cases = s.findall("testcase")
    assert int(s.get("tests")) == len(cases)
    if "error" in f:
        assert cases[0].find("error") is not None and f["error"] in cases[0].find("error").get("message")
        continue
    failed = {c.get("name").split()[0] for c in cases if c.find("failure") is not None}
    errors = {d["code"] for d in f["diagnostics"] if d["severity"] == "error"}
    assert failed == errors, (f["path"], failed, errors)
    assert int(s.get("failures")) == len(errors)
    warned = {c.get("name").split()[0] for c in cases if c.find("system-out") is not None}
    assert warned == {d["code"] for d in f["diagnostics"] if d["severity"] != "error"}
assert int(root.get("tests")) == sum(int(s.get("tests")) for s in suites)
PY

"$bin" --format github studies > gh.txt
check "github: one workflow command per finding, escaped" python3 - gh.txt check.json <<'PY'
import json, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n"); ref = json.load(open(sys.argv[2]))
cmd = re.compile(r"^::(error|warning|notice) file=([^,:]+)(?:,line=(\d+),col=(\d+)(?:,endLine=\d+)?(?:,endColumn=\d+)?)?,title=([^:,]+)::(.*)$")
parsed = [cmd.match(l) for l in lines]
assert all(parsed), [l for l, p in zip(lines, parsed) if not p][:3]
diags = [d for f in ref["files"] for d in f["diagnostics"]]
errors = [f for f in ref["files"] if "error" in f]
assert len(lines) == len(diags) + len(errors), (len(lines), len(diags), len(errors))
found = [(p.group(2), int(p.group(3)), p.group(5).split("%20")[0].split(" ")[0]) for p in parsed if p.group(3)]
expected = [(d_path, d["range"]["start"]["line"], d["code"]) for f in ref["files"] for d_path, d in ((f["path"], d) for d in f["diagnostics"])]
assert found == expected, [(a, b) for a, b in zip(found, expected) if a != b][:3]
odd = [l for l in lines if "odd name.md" in l]
assert any('"100%25 uptime"' in l for l in odd) and all('%25' not in l.split('::')[1] for l in odd), odd
PY

finish
