# `caselint report` on the example studies: the verdicts of particular items,
# read from the JSON and from the HTML page (python3's html.parser), the
# Markdown summary, exit codes and usage errors.
source "$(dirname "$0")/lib.sh"
cd "$src"
studies=corpus/studies

# verdicts FILE: "section|number|title=verdict" per item, from the JSON report.
json_verdicts() {
  python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
for i in j["items"]:
    print("%s|%s|%s=%s" % (i["section"], i["number"], i["title"], i["verdict"]))
' "$1"
}
# The same from the HTML page's <article data-...> elements.
html_verdicts() {
  python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article" and "data-verdict" in a:
            print("%s|%s|%s=%s" % (a["data-section"], a["data-number"], a["data-title"], a["data-verdict"]))
        # Self-contained: no scripts, no external stylesheets, images or frames.
        if tag in ("script", "link", "img", "iframe") or any(k in ("src",) for k in a):
            print("EXTERNAL " + tag)
P().feed(open(sys.argv[1], encoding="utf-8").read())
' "$1"
}
has() { grep -qxF "$2" "$1"; }
# json_get FILE EXPR: a Python expression over the report j.
json_get() { python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$1" "$2"; }

# Aurora, complete study.
"$bin" report --format json --as-of 2024-06-30 "$studies/northwind-freight-aurora.md" >"$tmp/nw.json"
check "northwind: exit 0 (nothing not met)" test $? -eq 0
json_verdicts "$tmp/nw.json" >"$tmp/nw.v"
check "northwind: program" test "$(json_get "$tmp/nw.json" 'j["program"]')" = aurora
check "northwind: prerequisite 2.1 met" has "$tmp/nw.v" "prerequisites|2.1|AWS Customer Case Studies=met"
check "northwind: prerequisite 2.2 met" has "$tmp/nw.v" "prerequisites|2.2|Architectural Diagrams=met"
check "northwind: prerequisite 1.2 partner tier needs review" has "$tmp/nw.v" "prerequisites|1.2|Program Requirements=needs-review"
check "northwind: landing page needs review" has "$tmp/nw.v" "prerequisites|2.3|Partner Practice Landing Page=needs-review"
check "northwind: 1.0 met" has "$tmp/nw.v" "checklist|1.0|Case Study Requirements=met"
check "northwind: 2.2 met" has "$tmp/nw.v" "checklist|2.2|Solution Complexity=met"
check "northwind: 9 items in order" test "$(cut -d'|' -f1,2 "$tmp/nw.v" | tr '\n' ' ')" = \
  "prerequisites|1.1 prerequisites|1.2 prerequisites|2.1 prerequisites|2.2 prerequisites|2.3 prerequisites|3.1 checklist|1.0 checklist|2.1 checklist|2.2 "
check "northwind: counts" test "$(json_get "$tmp/nw.json" 'j["summary"]')" = "{'items': 9, 'met': 5, 'not_met': 0, 'needs_review': 4, 'evidence_found': 0, 'too_few_references': 0, 'no_evidence': 0}"
check "northwind: account ID is evidence of 2.1 (file:line and text)" test \
  "$(json_get "$tmp/nw.json" '[(e["path"], e["line"], e["text"]) for e in j["items"][2]["evidence"] if e["field"] == "aws_account_id"]')" = \
  "[('corpus/studies/northwind-freight-aurora.md', 16, '4821-7730-1956')]"
check "northwind: database size is evidence of 2.2" test \
  "$(json_get "$tmp/nw.json" '[(e["line"], e["text"]) for e in j["items"][8]["evidence"] if e["field"] == "database_size"]')" = "[(36, '1.2 TB')]"

# The HTML page says the same.
"$bin" report --format html --as-of 2024-06-30 "$studies/northwind-freight-aurora.md" >"$tmp/nw.html"
html_verdicts "$tmp/nw.html" >"$tmp/nw.hv"
check "northwind html: same verdicts as json" cmp -s "$tmp/nw.v" "$tmp/nw.hv"
check "northwind html: self-contained" bash -c "! grep -q EXTERNAL '$tmp/nw.hv' && ! grep -qi 'https\\?://' '$tmp/nw.html'"
check "northwind html: badges carry text" grep -q '<span class="badge met">&#10003; Met</span>' "$tmp/nw.html"
check "northwind html: inline style" grep -q '<style>' "$tmp/nw.html"

# Markdown summary.
"$bin" report --as-of 2024-06-30 "$studies/northwind-freight-aurora.md" >"$tmp/nw.md"
check "northwind md: counts" grep -qxF "| **Verdicts** | 5 Met, 0 Not met, 4 Needs human review |" "$tmp/nw.md"
check "northwind md: item row" grep -qF "| prerequisite 2.1 AWS Customer Case Studies | "$'\xe2\x9c\x85'" **Met** |" "$tmp/nw.md"
check "northwind md: evidence row" grep -qxF "| northwind-freight-aurora.md:16 | aws\\_account\\_id | 4821-7730-1956 |" "$tmp/nw.md"

# DMS.
"$bin" report --format json --as-of 2024-06-30 "$studies/alder-bank-dms.md" >"$tmp/ab.json"
check "alder: exit 0" test $? -eq 0
json_verdicts "$tmp/ab.json" >"$tmp/ab.v"
check "alder: program dms" test "$(json_get "$tmp/ab.json" 'j["program"]')" = dms
check "alder: prerequisite 2.1 met" has "$tmp/ab.v" "prerequisites|2.1|AWS Customer Case Studies=met"
check "alder: prerequisite 3.1 diagrams met" has "$tmp/ab.v" "prerequisites|3.1|Architectural Diagrams=met"
check "alder: membership needs review" has "$tmp/ab.v" "prerequisites|1.0|APN Program Membership=needs-review"
check "alder: 2.1 solution characteristics met" has "$tmp/ab.v" "checklist|2.1|Solution Characteristics=met"
check "alder: 2.2 met" has "$tmp/ab.v" "checklist|2.2|Solution Complexity=met"

# ML consulting: a study and its notebook together.
"$bin" report --format json --as-of 2024-06-30 "$studies/quillon-insurance-ml.md" "$studies/quillon-claims-triage-notebook.ipynb" >"$tmp/q.json"
check "quillon: exit 0" test $? -eq 0
json_verdicts "$tmp/q.json" >"$tmp/q.v"
check "quillon: two files" test "$(json_get "$tmp/q.json" 'len(j["files"])')" = 2
check "quillon: prerequisite 2.1 met" has "$tmp/q.v" "prerequisites|2.1|ML-Specific Customer References=met"
check "quillon: prerequisite 2.2 notebook met" has "$tmp/q.v" "prerequisites|2.2|Notebook Use Case=met"
check "quillon: prerequisite 2.4 lifecycle met" has "$tmp/q.v" "prerequisites|2.4|ML Specific Case Study Criteria=met"
check "quillon: prerequisite 1.2 tier needs review" has "$tmp/q.v" "prerequisites|1.2|Consulting Partner Tier=needs-review"
check "quillon: checklist 2.1 (same number, other item) needs review" has "$tmp/q.v" "checklist|2.1|APN Partner Engagement with Customers=needs-review"
check "quillon: notebook evidence from the notebook" test \
  "$(json_get "$tmp/q.json" 'sorted(set(e["path"] for e in j["items"][3]["evidence"]))')" = "['corpus/studies/quillon-claims-triage-notebook.ipynb']"
check "quillon: no checklist item met" test "$(json_get "$tmp/q.json" 'sum(1 for i in j["items"] if i["section"] == "checklist" and i["verdict"] != "needs-review")')" = 0

# ML technology, as of a date within 12 months of the project start.
"$bin" report --format json --as-of 2024-04-30 "$studies/kestrel-energy-mltech.md" >"$tmp/k.json"
check "kestrel: exit 0" test $? -eq 0
json_verdicts "$tmp/k.json" >"$tmp/k.v"
check "kestrel: customer references prerequisite met" has "$tmp/k.v" "prerequisites||AWS Customer References=met"
check "kestrel: membership needs review" has "$tmp/k.v" "prerequisites||APN Membership=needs-review"
check "kestrel: 1.1 met" has "$tmp/k.v" "checklist|1.1|Customer References=met"
check "kestrel: 3.2 security control met" has "$tmp/k.v" "checklist|3.2|Security Control=met"
# ... and a year later the project is no longer recent.
"$bin" report --format json --as-of 2025-06-30 "$studies/kestrel-energy-mltech.md" >"$tmp/k2.json"
check "kestrel later: exit 1" test $? -eq 1
json_verdicts "$tmp/k2.json" >"$tmp/k2.v"
check "kestrel later: customer references not met" has "$tmp/k2.v" "prerequisites||AWS Customer References=not-met"
check "kestrel later: the CS204 finding is listed" test "$(json_get "$tmp/k2.json" '[f["code"] for f in j["items"][2]["findings"]]')" = "['CS204']"

# A study with gaps: the account ID is TBD and no third-party tools are listed.
"$bin" report --format json --as-of 2024-06-30 "$studies/aurora-account-tbd-fernwood.md" >"$tmp/f.json"
check "fernwood: exit 1 (items not met)" test $? -eq 1
json_verdicts "$tmp/f.json" >"$tmp/f.v"
check "fernwood: prerequisite 2.1 not met" has "$tmp/f.v" "prerequisites|2.1|AWS Customer Case Studies=not-met"
check "fernwood: 2.1 findings" test "$(json_get "$tmp/f.json" 'sorted(f["code"] for f in j["items"][2]["findings"])')" = "['CS107', 'CS111']"
check "fernwood: 2.2 diagrams still met" has "$tmp/f.v" "prerequisites|2.2|Architectural Diagrams=met"
check "fernwood: tier still needs review" has "$tmp/f.v" "prerequisites|1.2|Program Requirements=needs-review"
"$bin" report --format html --as-of 2024-06-30 "$studies/aurora-account-tbd-fernwood.md" >"$tmp/f.html"
html_verdicts "$tmp/f.html" >"$tmp/f.hv"
check "fernwood html: same verdicts as json" cmp -s "$tmp/f.v" "$tmp/f.hv"

# --profile and -o.
"$bin" report --profile aurora --format json -o "$tmp/out.json" --as-of 2024-06-30 "$studies/northwind-freight-aurora.md" >"$tmp/stdout"
check "-o: writes the file, nothing on stdout" test -s "$tmp/out.json" -a ! -s "$tmp/stdout"
check "-o: same report" cmp -s "$tmp/out.json" "$tmp/nw.json"

# Usage errors: exit 2 with a message.
"$bin" report "$studies/no-aws-services-corvid.md" >/dev/null 2>"$tmp/err"
check "no program: exit 2" test $? -eq 2
check "no program: says to pass --profile" grep -q "no document names a program.*pass --profile" "$tmp/err"
"$bin" report --profile case-study "$studies/northwind-freight-aurora.md" >/dev/null 2>"$tmp/err"
check "profile without checklist: exit 2" test $? -eq 2
check "profile without checklist: message" grep -q 'profile "case-study" has no checklist to report on' "$tmp/err"
"$bin" report "$studies/northwind-freight-aurora.md" "$studies/alder-bank-dms.md" >/dev/null 2>"$tmp/err"
check "two programs: exit 2" test $? -eq 2
check "two programs: message" grep -q "the documents name several programs (aurora, dms)" "$tmp/err"
"$bin" report --format pdf "$studies/northwind-freight-aurora.md" >/dev/null 2>&1
check "bad format: exit 2" test $? -eq 2
"$bin" report --format json --as-of 2024-06-30 "$studies/northwind-freight-aurora.md" "$tmp/missing.md" >"$tmp/m.json" 2>"$tmp/err"
check "missing file: exit 2" test $? -eq 2
check "missing file: named on stderr" grep -q "missing.md" "$tmp/err"
check "missing file: listed in the report" test "$(json_get "$tmp/m.json" 'len(j["errors"])')" = 1

# A submission folder: the portfolio rules run too, and their findings count
# against the items they cite.
"$bin" report --format json --as-of 2024-06-30 corpus/submissions/aurora-engine-short >"$tmp/sub.json"
check "submission: exit 1 (an item not met)" test $? -eq 1
json_verdicts "$tmp/sub.json" >"$tmp/sub.v"
check "submission: partner from the manifest" test "$(json_get "$tmp/sub.json" 'j["partner"]')" = "Example Data Partners"
check "submission: 1.0 not met (one engine short)" has "$tmp/sub.v" "checklist|1.0|Case Study Requirements=not-met"
check "submission: 1.0 names PF002" test "$(json_get "$tmp/sub.json" '[f["code"] for i in j["items"] if i["number"]=="1.0" for f in i["findings"]]')" = "['PF002']"
check "submission: no landing page in the manifest, so 2.3 needs review" has "$tmp/sub.v" "prerequisites|2.3|Partner Practice Landing Page=needs-review"
"$bin" report --format json --as-of 2024-06-30 corpus/submissions/aurora-complete >"$tmp/ok.json"
check "complete submission: exit 0" test $? -eq 0
json_verdicts "$tmp/ok.json" >"$tmp/ok.v"
check "complete submission: 1.0 met" has "$tmp/ok.v" "checklist|1.0|Case Study Requirements=met"

# The evidence map (docs/evidence-map.md): an ML consulting submission whose
# references are folders and whose practice/ folder holds the partner's
# process documents.
ml=corpus/submissions/ml-consulting-practice
"$bin" report --format json --as-of 2024-06-30 "$ml" >"$tmp/ml.json"
check "practice: exit 0 (nothing not met)" test $? -eq 0
check "practice: four references, each with its documents" test \
  "$(json_get "$tmp/ml.json" '[(r["name"], len(r["documents"])) for r in j["references"]]')" = \
  "[('Harrow Grocers', 3), ('Meriden Water', 2), ('Stonebridge Insurance', 3), ('Alcott Dental Group', 2)]"
check "practice: six practice documents" test "$(json_get "$tmp/ml.json" 'len(j["practice"])')" = 6
check "practice: needs-review split by evidence" test \
  "$(json_get "$tmp/ml.json" '(j["summary"]["needs_review"], j["summary"]["evidence_found"], j["summary"]["too_few_references"], j["summary"]["no_evidence"])')" = "(62, 47, 2, 7)"
item() { json_get "$tmp/ml.json" "[i for i in j['items'] if i['section']=='checklist' and i['number']=='$1'][${2:-0}]$3"; }
check "2.5: evidence found, confirm it" test "$(item 2.5 0 '["review"]')" = evidence-found
check "2.5: the passage is the DR plan's, with its line and sentence" python3 -c '
import json,sys
i=[i for i in json.load(open(sys.argv[1]))["items"] if i["number"]=="2.5" and i["section"]=="checklist"][0]
p=i["passages"][0]
sys.exit(not (p["path"].endswith("practice/disaster-recovery-plan.md") and p["line"]>0 and p["reference"] is None and len(p["excerpt"])>20))' "$tmp/ml.json"
check "2.2: no document addresses it" test "$(item 2.2 0 '["reason"]')" = "no passage in the 16 documents read addresses it"
check "5.1: two of four references" test "$(item 5.1 0 '["reason"]')" = "evidence in 2 of 4 references (the checklist asks for 2); a reviewer confirms it"
check "5.1: a cell per reference" test "$(item 5.1 0 '["references"]')" = \
  "[{'reference': 'Harrow Grocers', 'state': 'evidence', 'passage': 0}, {'reference': 'Meriden Water', 'state': 'no-evidence'}, {'reference': 'Stonebridge Insurance', 'state': 'evidence', 'passage': 1}, {'reference': 'Alcott Dental Group', 'state': 'no-evidence'}]"
check "5.6: one reference is too few" test "$(item 5.6 0 '["review"]')" = too-few-references
check "5.6: says how many it has and needs" test "$(item 5.6 0 '["reason"]')" = "evidence in 1 of 4 references (the checklist asks for 2); a reviewer asks for the rest"
check "prerequisite 1.2 (tier): no cues, no review split" test \
  "$(json_get "$tmp/ml.json" '[i["review"] for i in j["items"] if i["section"]=="prerequisites" and i["number"]=="1.2"]')" = "[None]"

# The HTML page: the matrix links each cell to its passage or finding, and
# every link lands on an element of the page.
"$bin" report --format html --as-of 2024-06-30 "$ml" >"$tmp/ml.html"
"$bin" report --format html --as-of 2024-09-30 corpus/submissions/aurora-runbooks >"$tmp/rb.html"
links_land() {
  python3 -c '
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.ids=set(); self.hrefs=[]; self.cells=[]
    def handle_starttag(self, tag, attrs):
        a=dict(attrs)
        if "id" in a: self.ids.add(a["id"])
        if tag=="a" and a.get("href","").startswith("#"): self.hrefs.append(a["href"][1:])
        if tag=="td" and "data-state" in a: self.cells.append((a["data-reference"], a["data-state"]))
p=P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
missing=[h for h in p.hrefs if h not in p.ids]
want=sys.argv[2]
sys.exit(1 if missing or want not in repr(p.cells) else 0)' "$@"
}
check "html: matrix cells link to passages that exist" links_land "$tmp/ml.html" "('Meriden Water', 'evidence')"
check "html: a not-met cell links to its finding" links_land "$tmp/rb.html" "('Fernbrook Supply', 'not-met')"
check "html: the not-met cell names the finding's code" grep -q 'data-state="not-met"><a href="#item-7-finding-1"[^>]*>[^<]* CS121</a>' "$tmp/rb.html"
check "html: each item's review as in JSON" test \
  "$(grep -o '<article [^>]*data-review="[a-z-]*"' "$tmp/ml.html" | grep -o 'data-review="[a-z-]*"' | cut -d'"' -f2 | sort | uniq -c | awk '{printf "%s %s ", $1, $2}')" = \
  "$(json_get "$tmp/ml.json" '" ".join("%d %s" % (n, k) for k, n in sorted(__import__("collections").Counter(i["review"] for i in j["items"] if i["review"]).items()))') "
"$bin" report --format md --as-of 2024-06-30 "$ml" >"$tmp/ml.md"
check "md: the matrix's header names the references" grep -qxF "| Item | Harrow Grocers | Meriden Water | Stonebridge Insurance | Alcott Dental Group |" "$tmp/ml.md"
check "md: an item's verdict says what the review found" grep -q "Verdict: 🔍 \*\*Needs human review\*\*: no evidence in the documents" "$tmp/ml.md"

# --submission: a folder without a manifest, its references from front
# matter, each alone in its sub-folder with its runbook.
mkdir -p "$tmp/nm"
cp -r corpus/submissions/aurora-runbooks/lakeshore corpus/submissions/aurora-runbooks/fernbrook "$tmp/nm/"
sed -i '/^supporting:/d' "$tmp/nm/lakeshore/study.md" "$tmp/nm/fernbrook/study.md"
"$bin" report --submission --format json --as-of 2024-09-30 "$tmp/nm" >"$tmp/nm.json"
check "report --submission: exit 1 (Fernbrook's restore testing)" test $? -eq 1
check "report --submission: each reference with its runbook" test \
  "$(json_get "$tmp/nm.json" 'sorted((r["name"], [d.rsplit("/",1)[1] for d in r["documents"]]) for r in j["references"])')" = \
  "[('Fernbrook Supply', ['study.md', 'runbook.md']), ('Lakeshore Outfitters', ['study.md', 'runbook.md'])]"

finish
