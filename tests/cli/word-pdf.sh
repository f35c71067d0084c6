#!/usr/bin/env bash
# Word and PDF (docs/reading.md, "Word documents and PDF"): the same study in
# Markdown, DOCX and PDF (corpus/word-pdf/, made by tools/gen-word-pdf) gives
# the same findings; the complete study passes in every output format, and
# the study without its lessons learned fails with CS104 at the right place,
# named in every format (text, json, sarif, github, junit). Folder walks,
# extract, report, --fix and the language server's refusal.
#   word-pdf.sh CASELINT SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"
dir="$src/corpus/word-pdf"
run_args=(--as-of 2026-06-30 --profile case-study)
cd "$tmp"

# The same findings (code and field, in order) in the three formats.
codes() {  # codes FILE: "CODE field" lines of a check's JSON
  "$bin" check "${run_args[@]}" --format json "$1" | python3 -c '
import json, sys
for f in json.load(sys.stdin)["files"]:
    assert "error" not in f, f["error"]
    for d in f["diagnostics"]:
        print(d["code"], d.get("field", ""))'
}
for study in harrow-freight harrow-freight-no-lessons; do
  codes "$dir/$study.md" > md.txt
  for ext in docx pdf; do
    codes "$dir/$study.$ext" > "$ext.txt"
    check "$study: the same findings in Markdown and .$ext" cmp -s md.txt "$ext.txt"
    cmp -s md.txt "$ext.txt" || diff md.txt "$ext.txt" | head -n 10
  done
done

# The complete study passes in every format.
for ext in md docx pdf; do
  for fmt in text json sarif github junit; do
    "$bin" check "${run_args[@]}" --format "$fmt" "$dir/harrow-freight.$ext" > out.txt 2> err.txt
    status=$?
    check "harrow-freight.$ext passes (--format $fmt, exit $status)" test "$status" -eq 0
    check "harrow-freight.$ext: nothing on stderr (--format $fmt)" test ! -s err.txt
  done
done

# Without its lessons learned: CS104, at the place the Markdown gives it,
# in the document's own terms.
lessons() {  # lessons EXT FORMAT: the output of the check
  "$bin" check "${run_args[@]}" --format "$2" "$dir/harrow-freight-no-lessons.$1"
}
for ext in md docx pdf; do
  for fmt in text json sarif github junit; do
    lessons "$ext" "$fmt" > "out.$ext.$fmt"
    status=$?
    check "no lessons .$ext fails (--format $fmt, exit $status)" test "$status" -eq 1
    check "no lessons .$ext: CS104 (--format $fmt)" grep -q CS104 "out.$ext.$fmt"
  done
done
where_md=$(python3 -c 'import json,sys; print([d for d in json.load(open(sys.argv[1]))["files"][0]["diagnostics"] if d["code"]=="CS104"][0]["range"]["start"]["line"])' out.md.json)
# The Markdown line's text, found again in the DOCX paragraph and the PDF page.
check "CS104 in DOCX: paragraph named in text output" grep -Eq '^.*harrow-freight-no-lessons\.docx:[0-9]+:1: error: .*\(paragraph [0-9]+\) \[CS104' out.docx.text
check "CS104 in PDF: page and line named in text output" grep -Eq '^.*harrow-freight-no-lessons\.pdf:[0-9]+:1: error: .*\(page [0-9]+, line [0-9]+\) \[CS104' out.pdf.text
check "CS104 points at the same text in all three" python3 - "$dir" "$where_md" out.docx.json out.pdf.json <<'PY'
import json, sys
d, md_line = sys.argv[1], int(sys.argv[2])
md_text = open(f"{d}/harrow-freight-no-lessons.md", encoding="utf-8").read().splitlines()[md_line - 1]
words = [w.strip("-*") for w in md_text.split()[:4] if w.strip("-*")]
docx = [x for x in json.load(open(sys.argv[3]))["files"][0]["diagnostics"] if x["code"] == "CS104"][0]
head = docx["paragraph"]["text"]
assert docx["paragraph"]["number"] == docx["range"]["start"]["line"], docx
assert all(w in head for w in words), (words, head)
pdf = [x for x in json.load(open(sys.argv[4]))["files"][0]["diagnostics"] if x["code"] == "CS104"][0]
page, line = pdf["page"]["number"], pdf["page"]["line"]
assert f"page {page}, line {line}" in pdf["message"], pdf
PY
check "SARIF: the region's line and a message naming the page" python3 - out.pdf.sarif out.pdf.json <<'PY'
import json, sys
res = [r for r in json.load(open(sys.argv[1]))["runs"][0]["results"] if r["ruleId"] == "CS104"][0]
ref = [d for d in json.load(open(sys.argv[2]))["files"][0]["diagnostics"] if d["code"] == "CS104"][0]
region = res["locations"][0]["physicalLocation"]["region"]
assert region["startLine"] == ref["range"]["start"]["line"], (region, ref)
assert f"page {ref['page']['number']}" in res["message"]["text"], res["message"]
PY
check "GitHub: the line and the page" grep -Eq '^::error file=.*harrow-freight-no-lessons\.pdf,line=[0-9]+.*page [0-9]+, line [0-9]+' out.pdf.github
check "JUnit: the paragraph" grep -Eq 'harrow-freight-no-lessons\.docx:[0-9]+:1: error: .*\(paragraph [0-9]+\)' out.docx.junit

# Review marks left in a Word document: CS408 and CS409.
"$bin" check "${run_args[@]}" "$dir/harrow-freight-review.docx" > review.txt
check "a comment left in a .docx is CS408" grep -q 'CS408 comment-left-in-document' review.txt
check "a tracked change left in a .docx is CS409" grep -q 'CS409 tracked-change-left-in-document' review.txt

# Folder walks read .docx and .pdf (and not Word's lock files).
mkdir walk
cp "$dir/harrow-freight.docx" "$dir/harrow-freight.pdf" walk/
printf 'lock' > 'walk/~$rrow-freight.docx'
"$bin" check "${run_args[@]}" --format json walk > walk.json
check "a folder walk reads .docx and .pdf" python3 -c '
import json, sys
paths = sorted(f["path"] for f in json.load(open("walk.json"))["files"])
assert paths == ["walk/harrow-freight.docx", "walk/harrow-freight.pdf"], paths'

# extract and report read them.
"$bin" extract "${run_args[@]}" "$dir/harrow-freight.md" | python3 -c 'import json,sys; print(sorted(json.load(sys.stdin)[0]["fields"]))' > fields.md
for ext in docx pdf; do
  "$bin" extract "${run_args[@]}" "$dir/harrow-freight.$ext" | python3 -c 'import json,sys; print(sorted(json.load(sys.stdin)[0]["fields"]))' > "fields.$ext"
  # A Word figure's caption is a paragraph of its own, which may add a field.
  check "extract finds the Markdown's fields in .$ext" python3 -c '
import ast, sys
md, other = (set(ast.literal_eval(open(p).read())) for p in sys.argv[1:])
assert md <= other, sorted(md - other)' fields.md "fields.$ext"
  "$bin" report --as-of 2026-06-30 --profile aurora "$dir/harrow-freight.$ext" > "report.$ext" 2>&1
  check "report reads .$ext (exit 0 or 1)" test $? -le 1
done

# What a Word document is read as: a heading in a custom style based on
# Heading 2 (styles.xml basedOn), a Title, a bold-only paragraph, a
# two-column fact table, a hyperlink through the relationships part, an
# image with alt text, core properties.
python3 - styled.docx <<'PY'
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' \
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
def p(text, style=None, bold=False):
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'
def cell(text):
    return f"<w:tc>{p(text)}</w:tc>"
body = (p("Orla Logistics moves its billing to Amazon Aurora", "Title") +
        "<w:tbl>" + "".join(f"<w:tr>{cell(a)}{cell(b)}</w:tr>" for a, b in
                            [("Customer", "Orla Logistics"), ("Start date", "2025-01-06"), ("End date", "2025-05-30")]) +
        "</w:tbl>" +
        p("The challenge", "CaseHeading") +
        p("Orla's billing database on Oracle could not keep up with month-end invoicing, which took two days.") +
        p("What we built", bold=True) +
        p("We migrated the billing database to Amazon Aurora PostgreSQL with AWS Database Migration Service.") +
        '<w:p><w:hyperlink r:id="rIdLink"><w:r><w:t>Read the AWS blog post</w:t></w:r></w:hyperlink></w:p>' +
        '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="Architecture diagram of the billing platform"/>'
        '<a:graphic><a:graphicData><a:blip r:embed="rIdImg"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>' +
        p("Results", "CaseHeading") + p("Invoicing now finishes in four hours instead of two days.") +
        p("Lessons learned", "CaseHeading") + p("Test the month-end load before the cut-over."))
styles = (f'<w:styles {W}>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="CaseHeading"><w:name w:val="Case Heading"/><w:basedOn w:val="Heading2"/></w:style>'
          '</w:styles>')
rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdLink" Type="hyperlink" Target="https://aws.amazon.com/blogs/database/" TargetMode="External"/>'
        '<Relationship Id="rIdImg" Type="image" Target="media/image1.png"/></Relationships>')
core = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Orla Logistics case study</dc:title>'
        '<dc:creator>Nimbus Consulting</dc:creator></cp:coreProperties>')
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
    z.writestr("word/styles.xml", styles)
    z.writestr("word/_rels/document.xml.rels", rels)
    z.writestr("docProps/core.xml", core)
PY
"$bin" extract --as-of 2026-06-30 --profile case-study styled.docx > styled.json
check "a styled .docx: headings, label table, link, image and properties" python3 - styled.json <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))[0]["fields"]
one = lambda k: f[k][0] if isinstance(f[k], list) else f[k]
assert one("customer_name")["value"] == "Orla Logistics", f.get("customer_name")
assert one("start_date")["value"] == "2025-01-06" and one("start_date")["evidence"] == "label", f["start_date"]
assert one("problem_statement")["evidence"] == "heading", f["problem_statement"]  # custom style based on Heading 2
assert one("proposed_solution")["evidence"] == "heading", f["proposed_solution"]  # a bold-only paragraph
assert one("lessons_learned")["line"] == 16, f["lessons_learned"]  # its heading: paragraph 16 (a table of 6 cells)
diagram = one("architecture_diagram")
assert diagram["value"] == "word/media/image1.png" and diagram["evidence"] == "image", diagram
PY

# Text in a Word document is text: Markdown and HTML in it are not markup
# (no heading, no inline control comment, no link).
python3 - literal.docx <<'PY'
import sys, zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
paras = ["Orla Logistics moves its billing to Amazon Aurora",
         "<!-- caselint-disable --> ## Lessons learned",
         "[Lessons learned](https://example.com) **Lessons:** we learned a lot & more",
         "1. Lessons learned"]
body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t.replace("&", "&amp;").replace("<", "&lt;")}</w:t></w:r></w:p>'
               for t in paras)
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("word/document.xml", f"<w:document {W}><w:body>{body}</w:body></w:document>")
PY
"$bin" check --as-of 2026-06-30 --profile case-study --format json literal.docx > literal.json
check "Markdown and HTML in a Word document's text stay text" python3 - literal.json <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["files"][0]
codes = [d["code"] for d in f["diagnostics"]]
assert "error" not in f, f
assert "CS104" in codes, codes  # not disabled, and no lessons heading or label was read
PY

# --fix and --diff leave them alone and say why.
cp "$dir/harrow-freight-no-lessons.docx" fix.docx
"$bin" check "${run_args[@]}" --fix fix.docx > /dev/null 2> fix.err
check "--fix leaves a .docx unchanged" cmp -s fix.docx "$dir/harrow-freight-no-lessons.docx"
check "--fix says why" grep -q 'leaves Word and PDF files alone' fix.err
finish
