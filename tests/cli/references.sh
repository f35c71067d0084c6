#!/usr/bin/env bash
# A reference read as a set of documents (docs/references.md): a study's
# front matter `supporting:` brings its runbook's evidence in, a folder walk
# reads the runbook with its study and never as a case study, an unreadable
# supporting document is CS002, and documents that disagree are CS225.
source "$(dirname "$0")/lib.sh"

fixture="$src/corpus/submissions/aurora-runbooks"
mkdir -p "$tmp/ref"
cp "$fixture/fernbrook/study.md" "$fixture/fernbrook/runbook.md" "$tmp/ref/"

# The study alone (pre-commit passes one file): the runbook named in front
# matter is read with it.
out="$("$bin" check --no-color --format json --as-of 2024-09-30 "$tmp/ref/study.md")"
codes="$(python3 -c 'import json,sys; print(" ".join(sorted(d["code"] for f in json.load(sys.stdin)["files"] for d in f["diagnostics"])))' <<<"$out")"
check "the study with its runbook: only the restore testing is missing" test "$codes" = "CS121"
check "the finding names the part and where it looked" grep -q 'nothing on testing of the recovery and restore process; looked for in the study and in runbook.md' <<<"$out"
check "JSON lists the supporting documents read" python3 -c 'import json,sys; f=json.load(sys.stdin)["files"][0]; sys.exit(len(f["supporting"])!=1 or not f["supporting"][0].endswith("/runbook.md"))' <<<"$out"

# A folder walk: the runbook is read with its study, not as a case study.
out="$("$bin" check --no-color --format json --as-of 2024-09-30 "$tmp/ref")"
check "the runbook is a supporting document of its study" python3 -c '
import json,sys
files={f["path"].rsplit("/",1)[-1]: f for f in json.load(sys.stdin)["files"]}
r=files["runbook.md"]
sys.exit(not (r["kind"]=="supporting" and r["supports"].endswith("study.md") and r["diagnostics"]==[]))' <<<"$out"
out="$("$bin" check --no-color --as-of 2024-09-30 "$tmp/ref")"
check "the text summary counts it" grep -q '(1 supporting document read with their studies)' <<<"$out"

# Without the runbook, the public study gets one finding per checklist item,
# each saying the reference's documentation must give it.
sed '/^supporting:/d' "$tmp/ref/study.md" > "$tmp/alone.md"
out="$("$bin" check --no-color --format json --as-of 2024-09-30 "$tmp/alone.md")"
check "a public study alone: one finding per checklist item" python3 -c '
import json,sys,collections
c=collections.Counter(d["code"] for f in json.load(sys.stdin)["files"] for d in f["diagnostics"])
sys.exit(not (c and max(c.values())==1 and {"CS121","CS122","CS124","CS125","CS222"} <= set(c)))' <<<"$out"
check "a public study alone: its documentation must give them" grep -q "a public study seldom tells these: the reference's documentation must" <<<"$out"

# CS002: a supporting document that is not there.
sed 's/^supporting: \[runbook.md\]/supporting: [runbok.md]/' "$tmp/ref/study.md" > "$tmp/ref/typo.md"
out="$("$bin" check --no-color --as-of 2024-09-30 "$tmp/ref/typo.md")"
check "CS002 at the front matter line that names it" grep -q 'typo.md:7:.*supporting document runbok.md could not be read.*CS002 supporting-document-unreadable' <<<"$out"

# CS225: the runbook gives another size and another engine.
mkdir -p "$tmp/disagree"
cp "$tmp/ref/study.md" "$tmp/disagree/"
sed 's/| 310 GB |/| 1.4 TB |/; s/Aurora MySQL/Aurora PostgreSQL/g' "$tmp/ref/runbook.md" > "$tmp/disagree/runbook.md"
out="$("$bin" check --no-color --as-of 2024-09-30 "$tmp/disagree/study.md")"
check "CS225: the size, at the runbook's line" grep -q 'disagree/runbook.md:20:.*gives the database size as 1.4 TB (1400 GB), the study (line 18) as 310 GB (310 GB).*CS225' <<<"$out"
check "CS225: the engine, at the runbook's line" grep -q 'disagree/runbook.md:1:.*names the engine aurora-postgresql.*the study aurora-mysql.*CS225' <<<"$out"

# CS225 in a Word or PDF runbook (corpus/CS225, made by tools/gen-word-pdf):
# the finding is at the runbook's paragraph or PDF line, and its message
# names the place as a study's would (docs/reading.md), in every output.
mkdir -p "$tmp/word"
cp "$src/corpus/CS225/fail-size-word-runbook.md" "$src/corpus/CS225/fail-size-pdf-runbook.md" \
  "$src/corpus/CS225/fail-size.md" "$src/corpus/CS225/tarn-runbook."{md,docx,pdf} "$tmp/word/"
out="$("$bin" check --no-color --profile aurora --as-of 2024-09-30 "$tmp/word/fail-size-word-runbook.md")"
check "CS225 in a DOCX runbook: its paragraph, in text" grep -Eq \
  '^.*word/tarn-runbook\.docx:([0-9]+):1: error: tarn-runbook\.docx gives the database size as 2 TB .*must tell one size \(paragraph \1\) \[CS225' <<<"$out"
out="$("$bin" check --no-color --profile aurora --as-of 2024-09-30 --format json "$tmp/word/fail-size-word-runbook.md")"
check "CS225 in a DOCX runbook: its path and paragraph, in JSON" python3 -c '
import json,sys
f=json.load(sys.stdin)["files"][0]
d=[d for d in f["diagnostics"] if d["code"]=="CS225"]
assert len(d)==1, d
d=d[0]
line=d["range"]["start"]["line"]
assert line>1 and d["path"].endswith("/word/tarn-runbook.docx"), d
assert d["message"].endswith(" tell one size (paragraph %d)" % line), d
assert all("path" not in x for x in f["diagnostics"] if x is not d), f' <<<"$out"
out="$("$bin" check --no-color --profile aurora --as-of 2024-09-30 --format json "$tmp/word/fail-size-pdf-runbook.md")"
check "CS225 in a PDF runbook: its page and line, in JSON" python3 -c '
import json,sys
d=[d for d in json.load(sys.stdin)["files"][0]["diagnostics"] if d["code"]=="CS225"]
assert len(d)==1 and d[0]["path"].endswith("/word/tarn-runbook.pdf"), d
assert d[0]["message"].endswith(" tell one size (page 1, line %d)" % d[0]["range"]["start"]["line"]), d' <<<"$out"
out="$("$bin" check --no-color --profile aurora --as-of 2024-09-30 "$tmp/word/fail-size-pdf-runbook.md")"
check "CS225 in a PDF runbook: its page and line, in text" grep -Eq \
  '^.*word/tarn-runbook\.pdf:([0-9]+):1: error: .*must tell one size \(page 1, line \1\) \[CS225' <<<"$out"
out="$("$bin" check --no-color --profile aurora --as-of 2024-09-30 "$tmp/word/fail-size.md")"
check "CS225 in a Markdown runbook: its line, no place added" grep -Eq \
  '^.*word/tarn-runbook\.md:10:[0-9]+: error: .*must tell one size \[CS225' <<<"$out"
# A submission's references as folders and file lists (docs/submission.md):
# the studies name no supporting documents; the manifest says which belong
# together.
mkdir -p "$tmp/sub"
cp -r "$fixture/lakeshore" "$fixture/fernbrook" "$tmp/sub/"
sed -i '/^supporting:/d' "$tmp/sub/lakeshore/study.md" "$tmp/sub/fernbrook/study.md"
mkdir -p "$tmp/sub/practice"
printf '# Database recovery practice\n\nEvery Aurora cluster gets a restore drill each quarter.\n' >"$tmp/sub/practice/recovery.md"
printf 'program: aurora\nengines: [aurora-mysql]\nreferences:\n  - folder: lakeshore\n    public: true\n  - files: [fernbrook/runbook.md, fernbrook/study.md]\n    public: true\n' \
  >"$tmp/sub/caselint-submission.yaml"
out="$("$bin" check --no-color --format json --as-of 2024-09-30 "$tmp/sub")"
check "folder and files: exactly the restore testing is missing" test \
  "$(python3 -c 'import json,sys; print(" ".join(sorted(d["code"] for f in json.load(sys.stdin)["files"] for d in f["diagnostics"])))' <<<"$out")" = "CS121"
check "folder and files: the runbooks support their studies, the practice document is kept" python3 -c '
import json,sys
k={f["path"].split("/sub/")[1]: (f.get("kind"), f.get("supports","").split("/sub/")[-1]) for f in json.load(sys.stdin)["files"]}
sys.exit(not (k["lakeshore/runbook.md"]==("supporting","lakeshore/study.md") and k["fernbrook/runbook.md"]==("supporting","fernbrook/study.md") and k["practice/recovery.md"][0]=="practice"))' <<<"$out"
out="$("$bin" check --no-color --as-of 2024-09-30 "$tmp/sub")"
check "the text summary counts supporting and practice documents" \
  grep -q '(2 supporting documents read with their studies) (1 practice document kept for the report)' <<<"$out"

# Without a manifest: a reference alone in its sub-folder owns the folder.
rm "$tmp/sub/caselint-submission.yaml"
out="$("$bin" check --no-color --format json --as-of 2024-09-30 --submission "$tmp/sub")"
check "--submission: a sub-folder's runbook supports its study" python3 -c '
import json,sys
k={f["path"].split("/sub/")[1]: f.get("kind") for f in json.load(sys.stdin)["files"]}
sys.exit(not (k["lakeshore/runbook.md"]=="supporting" and k["fernbrook/runbook.md"]=="supporting" and k["practice/recovery.md"]=="practice"))' <<<"$out"
check "--submission: CS121 only on Fernbrook" test \
  "$(python3 -c 'import json,sys; print(" ".join(sorted(f["path"].split("/sub/")[1]+":"+d["code"] for f in json.load(sys.stdin)["files"] for d in f["diagnostics"] if d["code"].startswith("CS"))))' <<<"$out")" = "fernbrook/study.md:CS121"

# Which document is the study: said, found, or an error naming the entry.
mkdir -p "$tmp/sub/two" "$tmp/sub/empty"
cp "$tmp/sub/lakeshore/study.md" "$tmp/sub/two/a.md"
cp "$tmp/sub/fernbrook/study.md" "$tmp/sub/two/b.md"
sed -i '/^program:/d' "$tmp/sub/two/a.md" "$tmp/sub/two/b.md"
manifest_error() {
  printf '%s' "$1" >"$tmp/sub/caselint-submission.yaml"
  "$bin" check "$tmp/sub" 2>&1 >/dev/null
}
check "two studies in one folder: an error naming the entry's line and the files" \
  grep -q 'caselint-submission.yaml:3: folder "two": 2 documents read as case studies (two/a.md, two/b.md); name the study with "study:"' \
  <<<"$(manifest_error $'program: aurora\nreferences:\n  - folder: two\n')"
check "study: must be one of the folder's documents" \
  grep -q 'caselint-submission.yaml:4: "study" "lakeshore/study.md" is not one of the reference' \
  <<<"$(manifest_error $'program: aurora\nreferences:\n  - folder: two\n    study: lakeshore/study.md\n')"
check "file and folder together: an error" \
  grep -q 'caselint-submission.yaml:3: a reference takes one of "file", "folder" or "files", not both "file" and "folder"' \
  <<<"$(manifest_error $'program: aurora\nreferences:\n  - file: lakeshore/study.md\n    folder: two\n')"
check "an empty folder: an error" \
  grep -q '"folder" folder "empty" holds no document caselint reads' \
  <<<"$(manifest_error $'program: aurora\nreferences:\n  - folder: empty\n')"
printf 'program: aurora\nreferences:\n  - folder: two\n    study: two/b.md\n' >"$tmp/sub/caselint-submission.yaml"
out="$("$bin" check --no-color --format json --as-of 2024-09-30 "$tmp/sub")"
check "study: names the study; the other document supports it" python3 -c '
import json,sys
k={f["path"].split("/sub/")[1]: f.get("kind") for f in json.load(sys.stdin)["files"]}
sys.exit(not (k["two/a.md"]=="supporting" and k["two/b.md"]!="supporting"))' <<<"$out"

# One file of a submission (the pre-commit hook passes the files changed):
# the manifest above it makes its folder a reference, so the study is read
# with its runbook and the runbook is not checked as a study.
mkdir -p "$tmp/one"
cp -r "$fixture/lakeshore" "$fixture/fernbrook" "$tmp/one/"
sed -i '/^supporting:/d' "$tmp/one/lakeshore/study.md" "$tmp/one/fernbrook/study.md"
printf 'program: aurora\nengines: [aurora-mysql]\nreferences:\n  - folder: lakeshore\n  - folder: fernbrook\n' \
  >"$tmp/one/caselint-submission.yaml"
out="$("$bin" check --no-color --format json --as-of 2024-09-30 "$tmp/one/fernbrook/study.md" "$tmp/one/lakeshore/runbook.md")"
check "one file: the study is read with its reference folder's runbook" test \
  "$(python3 -c 'import json,sys; print(" ".join(sorted(d["code"] for f in json.load(sys.stdin)["files"] for d in f["diagnostics"])))' <<<"$out")" = "CS121"
check "one file: a runbook passed alone is a supporting document" python3 -c '
import json,sys
f=[f for f in json.load(sys.stdin)["files"] if f["path"].endswith("lakeshore/runbook.md")][0]
sys.exit(not (f["kind"]=="supporting" and f["supports"].endswith("lakeshore/study.md")))' <<<"$out"
out="$("$bin" check --no-color --as-of 2024-09-30 "$tmp/one/lakeshore/study.md")"
check "one file: a complete reference is clean" grep -q "1 file checked: 0 errors, 0 warnings" <<<"$out"

finish
