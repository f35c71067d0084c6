#!/usr/bin/env bash
# --fix and --diff: the diff applies with git, fixes are written atomically,
# a second --fix changes nothing, a read-only or unreadable file is left alone.
#   fix.sh CASELINT SOURCE_DIR
source "$(dirname "$0")/lib.sh" "$@"

cd "$tmp"
mkdir s
cp "$src/corpus/ST001/fail-misspelt.md" s/services.md
cp "$src/corpus/ST003/fail-undefined.md" s/acronyms.md
cp s/services.md s/readonly.md && chmod 444 s/readonly.md
printf 'AWS Lamba \0 binary\n' > s/binary.md
cp -r s original

"$bin" --diff --profile case-study s > fixes.diff 2>diff.err
check "--diff exits 2 (the binary file is an I/O error)" test $? -eq 2
check "--diff writes nothing" diff -r original s
check "--diff names each fixable file" grep -q '^+++ b/s/acronyms.md$' fixes.diff
check "--diff holds the replacement" grep -q '^+We replaced the queue workers with AWS Lambda functions' fixes.diff
check "the diff applies with git" git apply --check -p1 fixes.diff

ino_before=$(stat -c %i s/services.md)
chmod 640 s/services.md
"$bin" --fix --profile case-study s > out1.txt 2> err1.txt
rc=$?
check "--fix exits 2 when a file could not be written" test $rc -eq 2
check "--fix reports the read-only file" grep -q 'readonly.md: error: not written: the file is read-only' err1.txt
check "read-only file untouched" cmp -s original/readonly.md s/readonly.md
check "binary file untouched" cmp -s original/binary.md s/binary.md
check "services fixed" grep -q 'Amazon SageMaker and stored in Amazon DynamoDB' s/services.md
check "acronyms fixed" grep -q 'change data capture (CDC) running' s/acronyms.md
check "file replaced by rename" test "$(stat -c %i s/services.md)" != "$ino_before"
check "mode kept" test "$(stat -c %a s/services.md)" = 640
check "the output reports what is left, not what was fixed" test -z "$(grep "^s/services.md:.*ST001" out1.txt)"
check "the read-only file's findings are still reported" grep -q 'readonly.md:.*ST001' out1.txt
check "no temporary files left" test -z "$(find s -name '.*caselint-*')"

cp s/services.md services.after
"$bin" --fix --profile case-study s/services.md s/acronyms.md > out2.txt 2> err2.txt
check "a second --fix changes nothing" cmp -s services.after s/services.md
check "a second --fix reports nothing fixed" bash -c "! grep -q fixed $tmp/err2.txt"

# Lines that go on a block after indentation, tabs, quote markers, list
# indentation, table padding, hard breaks, references and escapes: exact
# columns, and fixes that change only what they name (LF, then CRLF).
mkdir cont cont-crlf
cp "$src/corpus/ST003/fail-continued-lines.md" cont/study.md
sed 's/$/\r/' "$src/corpus/ST003/fail-continued-lines.md" > cont-crlf/study.md
"$bin" --profile case-study cont/study.md > cont.txt
for at in 9:31 10:6 13:11 14:6 15:14 18:8 18:30 20:19 24:20 24:33 27:7 28:9 30:55 30:68 32:43 34:1 34:51; do
  check "column $at in the continued-lines study" grep -q "^cont/study.md:$at: warning" cont.txt
done
"$bin" --profile case-study --format json cont-crlf/study.md > cont-crlf.json
check "CRLF gives the same columns" python3 -c "
import json, re, sys
lf = sorted(re.findall(r'^cont/study.md:(\d+):(\d+):.*\[ST', open('$tmp/cont.txt').read(), re.M))
crlf = sorted((str(d['range']['start']['line']), str(d['range']['start']['column'])) for f in json.load(open('$tmp/cont-crlf.json'))['files'] for d in f['diagnostics'] if d['code'].startswith('ST'))
sys.exit(0 if lf == crlf and len(lf) == 20 else 1)"
"$bin" --fix --profile case-study cont cont-crlf > /dev/null 2> cont.err
check "the continued lines are fixed exactly" cmp -s "$src/tests/cli/continued-lines.fixed.md" cont/study.md
sed 's/$/\r/' "$src/tests/cli/continued-lines.fixed.md" > fixed-crlf.md
check "the CRLF file is fixed exactly" cmp -s fixed-crlf.md cont-crlf/study.md
check "no fix was skipped" bash -c "! grep -q skipped $tmp/cont.err"
check "fixes in link text, code, headings and lists of names are left for the writer" \
  grep -q 'The \[OCR service\](https://example.com/ocr) and `MTTR`' cont/study.md

# An HTML page: text after tags, references, CRLF and runs of spaces.
mkdir html
printf '<html><body><main>\r\n<p title="AWS Lamba">We moved to <b>AWS Lamba</b> &amp; kept\r\n   PHI data   in AWS Lamba.</p>\r\n<p>Our &ldquo;TCO&rdquo; fell; see <a href="/x">the OCR notes</a>.</p>\r\n</main></body></html>\r\n' > html/page.html
"$bin" --profile case-study html/page.html > html.txt
for at in 2:37 3:4 3:18 4:15 4:53; do
  check "column $at in the HTML page" grep -q "^html/page.html:$at: warning" html.txt
done
"$bin" --fix --profile case-study html/page.html > /dev/null 2> html.err
printf '<html><body><main>\r\n<p title="AWS Lamba">We moved to <b>AWS Lambda</b> &amp; kept\r\n   protected health information (PHI) data   in AWS Lambda.</p>\r\n<p>Our &ldquo;total cost of ownership (TCO)&rdquo; fell; see <a href="/x">the OCR notes</a>.</p>\r\n</main></body></html>\r\n' > html-fixed.html
check "the HTML page is fixed exactly, the attribute and the link text left alone" cmp -s html-fixed.html html/page.html

# A notebook whose cell source is one string with JSON escapes: exact
# columns on the file line, and a fix that leaves valid JSON.
mkdir nb
printf '{"cells": [\n  {"cell_type": "markdown", "metadata": {}, "source": "# Churn\\n\\nThe \\"caf\\u00e9\\" team\\n  ran AWS Lamba on PHI data.\\n"}\n], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n' > nb/n.ipynb
"$bin" --profile ml-consulting nb/n.ipynb > nb.txt
check "column of AWS Lamba in the one-string cell" grep -q '^nb/n.ipynb:2:97: warning: "AWS Lamba"' nb.txt
check "column of PHI after the escapes" grep -q '^nb/n.ipynb:2:110: warning: "PHI"' nb.txt
"$bin" --fix --profile ml-consulting nb/n.ipynb > /dev/null 2> nb.err
check "the notebook is fixed exactly" grep -q '\\n  ran AWS Lambda on protected health information (PHI) data.\\n"}$' nb/n.ipynb
check "the fixed notebook is valid JSON" python3 -c "import json; json.load(open('$tmp/nb/n.ipynb'))"

printf 'AWS Lamba\n' | "$bin" --fix - --stdin-filename x.md > /dev/null 2> stdin.err
check "--fix refuses standard input" grep -q 'cannot write standard input' stdin.err

finish
