#!/usr/bin/env python3
"""`caselint site --format html -o FILE` on corpus/sites/site-with-sitemap:
parses the page and checks the tree of clicks (the pages drawn, their roles
and click counts, the lines between them, the unreachable study), the counts
at the top, the site-wide finding shown once, and that every page's
findings are the ones `--format json` gives.
Usage: html_report_test.py CASELINT SITES_DIR
"""
import html.parser
import json
import os
import subprocess
import sys
import tempfile

caselint, sites = sys.argv[1], sys.argv[2]
root = os.path.join(sites, "site-with-sitemap")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.nodes, self.edges, self.counts, self.sections = {}, [], {}, {}
        self.section = None
        self.site_wide = []
        self.in_site_wide = False
        self.svg = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if tag == "svg":
            self.svg += 1
        if tag == "g" and "node" in cls:
            self.nodes[a["data-key"]] = (a["data-role"], a["data-clicks"], "unreachable" in cls)
        if tag == "path" and "edge" in cls:
            self.edges.append((a["data-from"], a["data-to"]))
        if tag == "div" and "count" in cls:
            self.counts[cls[1]] = int(a["data-count"])
        if tag == "section" and "page" in cls:
            self.section = a["data-key"]
            self.sections[self.section] = []
            self.in_site_wide = False
        if tag == "section" and "site-wide" in cls:
            self.in_site_wide = True
        if tag == "tr" and "finding" in cls:
            if self.in_site_wide:
                self.site_wide.append(a["data-code"])
            elif self.section is not None:
                self.sections[self.section].append(a["data-code"])


with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "site.html")
    proc = subprocess.run([caselint, "site", root, "--format", "html", "-o", out, "--as-of", "2024-06-30"],
                          capture_output=True, text=True, timeout=60)
    check(proc.returncode == 1, "exit 1 (the site has an error finding), got %d: %s" % (proc.returncode, proc.stderr))
    check(proc.stdout == "", "with -o nothing goes to standard output, got %r" % proc.stdout[:200])
    with open(out, encoding="utf-8") as f:
        text = f.read()
    check("<script" not in text and "http://" not in text.replace("http://www.w3.org/2000/svg", ""),
          "self-contained: no script, no external address")
    page = Page()
    page.feed(text)
    check(page.svg == 1, "one inline SVG")
    check(page.nodes == {
        "index.html": ("home", "0", False),
        "aws-practice.html": ("practice", "1", False),
        "customers/brindle-foods.html": ("case-study", "2", False),
        "customers/nimbus-retail.html": ("case-study", "2", False),
        "customers/orla-outdoor.html": ("case-study", "unreachable", True),
    }, "the tree's pages, roles and clicks: %s" % page.nodes)
    check(sorted(page.edges) == [("aws-practice.html", "customers/brindle-foods.html"),
                                 ("aws-practice.html", "customers/nimbus-retail.html"),
                                 ("index.html", "aws-practice.html")], "the lines of the tree: %s" % page.edges)
    check(page.site_wide == ["CS308"], "the sitemap's broken entry is shown once, as site-wide: %s" % page.site_wide)

    proc = subprocess.run([caselint, "site", root, "--format", "json", "--as-of", "2024-06-30"],
                          capture_output=True, text=True, timeout=60)
    result = json.loads(proc.stdout)
    want = {}
    for f in result["files"]:
        key = os.path.relpath(f["path"], root)
        want[key] = sorted(d["code"] for d in f["diagnostics"] if not (key == "index.html" and d["code"] == "CS308"))
    got = {k: sorted(v) for k, v in page.sections.items()}
    for key, codes in want.items():
        check(got.get(key, []) == codes, "findings of %s: html %s, json %s" % (key, got.get(key), codes))
    errors = sum(1 for f in result["files"] for d in f["diagnostics"] if d["severity"] == "error")
    warnings = sum(1 for f in result["files"] for d in f["diagnostics"] if d["severity"] == "warning")
    check(page.counts.get("errors") == errors and page.counts.get("warnings") == warnings,
          "counts at the top %s, json %d errors %d warnings" % (page.counts, errors, warnings))
    check(page.counts.get("studies") == 3 and page.counts.get("pages") == 5, "pages and studies counted: %s" % page.counts)

if failures:
    for f in failures:
        print("FAIL", f)
    sys.exit(1)
print("site html report: all checks passed")
