#!/usr/bin/env python3
"""Hostile inputs: each case runs caselint on a generated hostile file (or
folder, or config) together with a good case study, and asserts that the run
ends in bounded time (and, outside sanitizer builds, bounded memory), that the
exit status is the documented one (2 when a file could not be read or parsed),
that the per-file error names the file and says why, that the good file's
findings are still reported, and that nothing crashed.

    run.py CASELINT SOURCE_DIR [--sanitized] [CASE...]

The inputs are generated at test time in a scratch folder (the 100 MB file
is never committed)."""

import json
import os
import re
import resource
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

TIME_LIMIT = 60              # seconds per run
MEMORY_LIMIT = 2 << 30       # bytes of address space (not under ASan)
AS_OF = "2026-01-01"

binary = os.path.realpath(sys.argv[1])
source = os.path.realpath(sys.argv[2])
sanitized = "--sanitized" in sys.argv[3:]
only = [a for a in sys.argv[3:] if not a.startswith("--")]
good_source = os.path.join(source, "corpus", "CS101", "fail-front-matter-title.md")

failures = []
passed = 0


def check(case, ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(f"{case}: {what}")
        print(f"FAIL: {case}: {what}", flush=True)


def limit_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


class Run:
    def __init__(self, code, out, err, seconds):
        self.code, self.out, self.err, self.seconds = code, out, err, seconds

    def errors(self):
        """path -> reason, from the `PATH: error: REASON` lines on stderr."""
        found = {}
        for line in self.err.splitlines():
            m = re.match(r"^(.*?): error: (.*)$", line)
            if m:
                found.setdefault(m.group(1), []).append(m.group(2))
        return found

    def findings(self, path):
        """(line, code) of every finding reported for `path`."""
        out = []
        for line in self.out.splitlines():
            m = re.match(r"^(.*?):(\d+):\d+: (?:error|warning|info): .* \[(\w+) [^\]]+\]$", line)
            if m and m.group(1) == path:
                out.append((int(m.group(2)), m.group(3)))
        return sorted(out)


def caselint(args, cwd, stdin=None, on_start=None, fmt="text"):
    """Runs caselint with the time limit (and memory limit); on_start(proc) runs
    in a thread once the process exists."""
    start = time.monotonic()
    proc = subprocess.Popen([binary, "--as-of", AS_OF, "--format", fmt, *args], cwd=cwd,
                            stdin=stdin if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=None if sanitized else limit_memory)
    helper = None
    if on_start:
        helper = threading.Thread(target=on_start, args=(proc,))
        helper.start()
    try:
        out, err = proc.communicate(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        err += f"\n<killed after {TIME_LIMIT} s>".encode()
    if helper:
        helper.join(timeout=TIME_LIMIT)
    run = Run(proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
              time.monotonic() - start)
    run.raw_out = out
    return run


def assert_sound(case, run):
    """No crash, no sanitizer report, no internal error, within the limit."""
    check(case, run.code in (0, 1, 2), f"exit status {run.code} (a crash or a kill?); stderr: {run.err[-2000:]}")
    check(case, run.seconds < TIME_LIMIT, f"took {run.seconds:.1f} s")
    try:
        run.raw_out.decode("utf-8")
    except (UnicodeDecodeError, AttributeError) as e:
        check(case, False, f"the output is not valid UTF-8: {e}")
    for bad in ("internal error", "AddressSanitizer", "runtime error:", "LeakSanitizer", "std::bad_alloc",
                "terminate called"):
        check(case, bad not in run.err, f"stderr mentions {bad!r}: {run.err[-2000:]}")


baseline = None  # the good file's findings when checked alone


def expect(case, run, errors=None, good="good.md", good_count=1, status=None):
    """errors: {path: regex} every per-file error expected (and no others).
    status: the exit status expected; default 2 when errors are expected,
    else 0 or 1."""
    errors = errors or {}
    assert_sound(case, run)
    got = run.errors()
    for path, pattern in errors.items():
        reasons = got.get(path, [])
        check(case, len(reasons) == 1, f"expected one error for {path}, got {reasons}; stderr: {run.err[-1000:]}")
        check(case, any(re.search(pattern, r) for r in reasons), f"error for {path} {reasons} does not match /{pattern}/")
    for path, reasons in got.items():
        check(case, path in errors, f"unexpected error for {path}: {reasons}")
    if status is None:
        check(case, run.code == 2 if errors else run.code in (0, 1), f"exit status {run.code}")
    else:
        check(case, run.code == status, f"exit status {run.code}, expected {status}")
    if good:
        found = run.findings(good)
        check(case, found == baseline * good_count,
              f"the good file's findings {found} differ from its findings alone {baseline}")


def write(path, data):
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def case_dir(name):
    d = os.path.join(scratch, name)
    os.makedirs(d)
    shutil.copyfile(good_source, os.path.join(d, "good.md"))
    return d


# --- cases -----------------------------------------------------------------

def nul_bytes():
    d = case_dir("nul")
    write(f"{d}/nul.md", b"# Title\n\nSome text\x00\x01\x02 after a NUL\n")
    expect("nul-bytes", caselint(["nul.md", "good.md"], d), {"nul.md": r"binary file \(NUL byte at offset 18\)"})


def invalid_utf8():
    d = case_dir("utf8")
    write(f"{d}/latin1.md", "# Title\n\nCaf\u00e9 in Latin-1\n".encode("latin-1"))
    write(f"{d}/overlong.html", b"<p>\xc0\xaf overlong slash</p>")
    write(f"{d}/surrogate.md", b"# \xed\xa0\x80 surrogate\n")
    expect("invalid-utf8", caselint(["latin1.md", "overlong.html", "surrogate.md", "good.md"], d),
           {"latin1.md": r"invalid UTF-8 at byte offset 12 \(line 3\)",
            "overlong.html": r"invalid UTF-8 at byte offset 3 \(line 1\)",
            "surrogate.md": r"invalid UTF-8 at byte offset 2 \(line 1\)"})


def utf16_bom():
    d = case_dir("utf16")
    write(f"{d}/le.md", "\ufeff# Title\n\nCustomer: Acme\n".encode("utf-16-le"))
    write(f"{d}/be.html", "\ufeff<h1>Title</h1>".encode("utf-16-be"))
    expect("utf16-bom", caselint(["le.md", "be.html", "good.md"], d),
           {"le.md": r"UTF-16 encoded.*iconv", "be.html": r"UTF-16 encoded.*iconv"})


def empty_file():
    d = case_dir("empty")
    write(f"{d}/empty.md", b"")
    write(f"{d}/empty.html", b"")
    run = caselint(["empty.md", "empty.html", "good.md"], d)
    expect("empty-file", run)
    check("empty-file", "3 files checked" in run.err or "3 files checked" in run.out,
          f"expected 3 files checked: {run.out[-300:]} {run.err[-300:]}")


def huge_file():
    d = case_dir("huge")
    line = b"The customer moved 40 TB of reporting data to Amazon Aurora in six weeks.\n"
    with open(f"{d}/huge.md", "wb") as f:
        f.write(b"# Huge\n\n")
        for _ in range((100 << 20) // len(line) + 1):
            f.write(line)
    check("huge-file", os.path.getsize(f"{d}/huge.md") > 100 << 20, "the generated file is not 100 MB")
    expect("huge-file", caselint(["huge.md", "good.md"], d),
           {"huge.md": r"file is 100 MiB, over the size limit of 16 MiB"})
    # The same bytes on standard input: read up to the limit, no further.
    with open(f"{d}/huge.md", "rb") as f:
        expect("huge-stdin", caselint(["--stdin-filename", "piped.md", "-", "good.md"], d, stdin=f),
               {"piped.md": r"over the size limit of 16 MiB"})


def deep_nesting_markdown():
    d = case_dir("deep-md")
    n = 100_000
    write(f"{d}/lists.md", "# Lists\n\n" + "- " * n + "deepest item\n")
    write(f"{d}/ordered.md", "# Ordered\n\n" + "1. " * n + "deepest item\n")
    write(f"{d}/quotes.md", "# Quotes\n\n" + "> " * n + "deepest quote\n")
    write(f"{d}/mixed.md", "# Mixed\n\n" + "> - " * (n // 2) + "deepest\n")
    write(f"{d}/emphasis.md", "# Emphasis\n\n" + "*a " * n + "b" + "*" * n + "\n")
    write(f"{d}/brackets.md", "# Links\n\n" + "[" * n + "x" + "](u)" * n + "\n")
    files = ["lists.md", "ordered.md", "quotes.md", "mixed.md", "emphasis.md", "brackets.md"]
    run = caselint([*files, "good.md"], d)
    expect("deep-markdown", run)


def deep_nesting_html():
    d = case_dir("deep-html")
    n = 10_000
    write(f"{d}/divs.html", "<html><body><h1>Divs</h1>" + "<div>" * n + "<p>deepest</p>" + "</div>" * n + "</body></html>")
    write(f"{d}/lists.html", "<h1>Lists</h1>" + "<ul><li>" * n + "deepest" + "</li></ul>" * n)
    write(f"{d}/inline.html", "<h1>Inline</h1><p>" + "<b><i>" * n + "deepest" + "</i></b>" * n + "</p>")
    write(f"{d}/unclosed.html", "<h1>Unclosed</h1>" + "<div><table><tr><td>" * n)
    write(f"{d}/in-markdown.md", "# HTML in Markdown\n\n" + "<div>\n" * n + "text\n" + "</div>\n" * n)
    expect("deep-html", caselint(["divs.html", "lists.html", "inline.html", "unclosed.html", "in-markdown.md",
                                  "good.md"], d))


def long_paragraph():
    """One paragraph of 3 MB (a pasted export, a minified page): every pass
    over it must be linear, so it ends in seconds, not hours. Markdown with
    no full stop, and the same text in one HTML <p>."""
    d = case_dir("long-paragraph")
    words = ("the customer moved 40 GB of claims data from Oracle to Amazon Aurora PostgreSQL with AWS DMS "
             "and AWS Lamba kept the RTO under 15 minutes and the CDC lag low and the TCO fell 30 percent "
             "since 2023-05-02 with &amp; Caf&eacute; `code` **bold** [link](https://example.com) ").split(" ")
    text = " ".join(words[i % len(words)] for i in range(3_000_000 // 7))
    write(f"{d}/long.md", "---\nprogram: aurora\n---\n# Long\n\n" + text + "\n")
    write(f"{d}/long.html", "<html><body><main><h1>Long</h1><p>" + text.replace("`", "").replace("*", "") + "</p></main></body></html>\n")
    run = caselint(["long.md", "long.html", "good.md"], d)
    expect("long-paragraph", run)
    limit = TIME_LIMIT if sanitized else 30
    check("long-paragraph", run.seconds < limit, f"took {run.seconds:.1f} s for two 3 MB paragraphs (limit {limit} s)")


def table_heavy():
    """3 MB of Markdown tables: one table of 40,000 rows and thousands of
    small ones, each cell a block of its own. Every pass over the cells must
    be linear, so it ends in seconds."""
    d = case_dir("table-heavy")
    row = "| 40 GB | 12% | Aurora PostgreSQL | 2023-05-02 | 80% | 20% |\n"
    head = "| Size | Growth | Engine | Start | Reads | Writes |\n|---|---|---|---|---|---|\n"
    one = head + row * 40_000
    small = (head + row * 5 + "\n") * (1_500_000 // len(head + row * 5 + "\n"))
    write(f"{d}/tables.md", "---\nprogram: aurora\n---\n# Tables\n\n" + one + "\n" + small)
    run = caselint(["tables.md", "good.md"], d)
    expect("table-heavy", run)
    limit = TIME_LIMIT if sanitized else 30
    check("table-heavy", run.seconds < limit, f"took {run.seconds:.1f} s for 3 MB of tables (limit {limit} s)")


def template_markup():
    """What the outline reads, made hostile: 2 MB of shortcode openers that
    never close, a bold line of 10,000 characters, thousands of bold-only
    lines and heading shortcodes, and HTML of thousands of class-named
    sections. Each ends in seconds, and none becomes a heading of garbage."""
    d = case_dir("template-markup")
    write(f"{d}/openers.md", "# Openers\n\n" + "{{< section_title text=\"x\" " * 30_000 + "\n\n" + "{{" * 500_000 + "\n")
    write(f"{d}/bold.md", "# Bold\n\n**" + "x" * 10_000 + "**\n\n" + "**Results**\n\nFine.\n\n" * 20_000)
    write(f"{d}/tags.md", "# Tags\n\n" + "{{< heading text=\"Challenge\" >}}\nIt was slow {{< ref x >}} then.\n\n" * 20_000)
    write(f"{d}/classes.html", "<html><body><main><h1>Classes</h1>" +
          "<section class=\"challenge\"><div id=\"results\"><p>Text.</p></div></section>" * 20_000 + "</main></body></html>")
    run = caselint(["openers.md", "bold.md", "tags.md", "classes.html", "good.md"], d)
    expect("template-markup", run)
    limit = TIME_LIMIT if sanitized else 30
    check("template-markup", run.seconds < limit, f"took {run.seconds:.1f} s (limit {limit} s)")


def billion_laughs(indent=""):
    lines = [f"{indent}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 26):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{indent}{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def yaml_front_matter():
    d = case_dir("yaml-fm")
    write(f"{d}/laughs.md", "---\ntitle: Laughs\n" + billion_laughs() + "---\n# Laughs\n\nBody text.\n")
    write(f"{d}/laughs-map.md", "---\nbase: &m {x: 1, y: 2}\n" +
          "".join(f"k{i}: &m{i} {{a: *{'m' if i == 0 else 'm' + str(i - 1)}, b: *{'m' if i == 0 else 'm' + str(i - 1)}}}\n"
                  for i in range(40)) + "---\n# Maps\n")
    write(f"{d}/deep-seq.md", "---\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n---\n# Deep\n")
    write(f"{d}/deep-map.md", "---\ntitle: " + "{a: " * 100_000 + "1" + "}" * 100_000 + "\n---\n# Deep\n")
    write(f"{d}/deep-block.md", "---\n" + "".join(" " * i + "a:\n" for i in range(3000)) + "---\n# Deep\n")
    run = caselint(["laughs.md", "laughs-map.md", "deep-seq.md", "deep-map.md", "deep-block.md", "good.md"], d)
    # Aliases are not expanded: the laughs are a normal result. Nesting beyond
    # the YAML parser's depth limit is a per-file error naming the front matter.
    expect("yaml-front-matter", run,
           {"deep-seq.md": r"line 2: front matter is not valid YAML: lists or mappings nested too deeply",
            "deep-map.md": r"line 2: front matter is not valid YAML: lists or mappings nested too deeply",
            "deep-block.md": r"line \d+: front matter is not valid YAML: lists or mappings nested too deeply"})


def yaml_config():
    d = case_dir("yaml-config")
    write(f"{d}/laughs/.caselint.yaml", "profile: aurora\nx-anchors:\n" + billion_laughs("  "))
    write(f"{d}/laughs/study.md", "# Study\n")
    write(f"{d}/laughs-list/.caselint.yaml", "disable:\n" + "".join(
        "  - " + line.split(": ", 1)[1] + "\n" for line in billion_laughs().splitlines()))
    write(f"{d}/laughs-list/study.md", "# Study\n")
    write(f"{d}/deep/.caselint.yaml", "rules: " + "[" * 100_000 + "]" * 100_000 + "\n")
    write(f"{d}/deep/study.md", "# Study\n")
    run = caselint(["laughs/study.md", "laughs-list/study.md", "deep/study.md", "good.md"], d)
    expect("yaml-config", run,
           {"laughs/study.md": r"configuration: .*/laughs/\.caselint\.yaml:2: unknown key \"x-anchors\"",
            "laughs-list/study.md": r"configuration: .*/laughs-list/\.caselint\.yaml:2: .*found a list in the list",
            "deep/study.md": r"configuration: .*/deep/\.caselint\.yaml:1: invalid YAML: lists or mappings nested too deeply"})


def unterminated_front_matter():
    d = case_dir("unterminated")
    write(f"{d}/open.md", "---\ntitle: Never closed\ncustomer: Acme\n\n# Heading\n\nBody.\n")
    write(f"{d}/open-long.md", "---\n" + "".join(f"key{i}: value {i}\n" for i in range(20_000)))
    write(f"{d}/only-dashes.md", "---")
    expect("unterminated-front-matter", caselint(["open.md", "open-long.md", "only-dashes.md", "good.md"], d))


def entity_tricks():
    d = case_dir("entities")
    tricks = ("&#0; &#x0; &#x110000; &#xD800; &#xDFFF; &#99999999999999999999; &#x; &#; &amp;amp; &ampx "
              "&lt;!-- caselint-disable --&gt; &NotARealEntity; &#x1F600; &nbsp&nbsp; &#128512")
    write(f"{d}/entities.html",
          "<!DOCTYPE html [<!ENTITY a \"lollollollol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
          "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
          f"<html><head><title>{tricks}</title><meta name=\"description\" content=\"{tricks}\"></head>"
          f"<body><h1>&c;&c;&c; {tricks}</h1><p>Customer: {tricks}</p><a href=\"&#0;&#x110000;\">x</a>"
          + "&amp;" * 200_000 + "</body></html>")
    write(f"{d}/entities.md", f"# Title {tricks}\n\nCustomer: {tricks}\n\n[link](&#0;&#xD800;) " + "&amp;" * 200_000 + "\n")
    run = caselint(["entities.html", "entities.md", "good.md"], d)
    expect("entity-tricks", run)
    # Every decoded character reaches the JSON output as valid UTF-8.
    run = caselint(["entities.html", "entities.md"], d, fmt="json")
    assert_sound("entity-tricks-json", run)
    try:
        report = json.loads(run.raw_out.decode("utf-8"))  # strict: no invalid UTF-8 from a decoded entity
        check("entity-tricks-json", len(report["files"]) == 2, f"expected two files in {run.out[:300]}")
    except (ValueError, KeyError) as e:  # UnicodeDecodeError is a ValueError
        check("entity-tricks-json", False, f"the JSON output does not parse: {e}")


def catastrophic_pattern():
    d = case_dir("backtracking")
    # A glob that backtracks: every `*` may end at any of the a's before the
    # final b that is not there.
    glob = "*a" * 30 + "b.md"
    write(f"{d}/sub/.caselint.yaml", f"overrides:\n  - files: [\"{glob}\", \"**/**/**/**/**/**/**/**/**/**/x\"]\n"
                                     "    disable: [CS101]\n")
    name = "a" * 200 + ".md"
    write(f"{d}/sub/{name}", "# Study\n")
    write(f"{d}/sub/" + "a/" * 60 + "y.md", "# Study\n")
    run = caselint([f"sub/{name}", "sub/" + "a/" * 60 + "y.md", "good.md"], d)
    # PCRE2's glob conversion commits instead of backtracking, and the match
    # limit bounds the rest (tests/unit/limits_test.cpp): a normal result.
    expect("catastrophic-pattern", run)
    check("catastrophic-pattern", run.seconds < 20, f"took {run.seconds:.1f} s")


def symlink_loop():
    d = case_dir("symlinks")
    os.makedirs(f"{d}/tree/sub")
    shutil.copyfile(good_source, f"{d}/tree/good.md")
    os.symlink("..", f"{d}/tree/sub/up")            # a folder loop
    os.symlink(".", f"{d}/tree/self-dir")           # another
    os.symlink("self.md", f"{d}/tree/self.md")      # a link to itself
    os.symlink("pong.md", f"{d}/tree/ping.md")      # two links to each other
    os.symlink("ping.md", f"{d}/tree/pong.md")
    run = caselint(["tree"], d)
    expect("symlink-loop", run, {"tree/self.md": r"symbolic link", "tree/ping.md": r"symbolic link",
                                 "tree/pong.md": r"symbolic link"}, good="tree/good.md")
    # Named on the command line, too.
    run = caselint(["tree/self.md", "good.md"], d)
    expect("symlink-loop-argument", run, {"tree/self.md": r"symbolic link"})


def as_nobody():
    """A prefix running the command as an unprivileged user when we are root
    (root reads a file whatever its mode), or None when that is impossible."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "--"]


def unreadable_file():
    d = case_dir("unreadable")
    write(f"{d}/secret.md", "# Secret\n")
    os.chmod(f"{d}/secret.md", 0)
    os.mkfifo(f"{d}/pipe.md")
    prefix = as_nobody()
    if prefix is None:
        print("note: unreadable-file: cannot drop root privileges (no setpriv); mode 000 is not tested")
        files = ["pipe.md", "good.md"]
        errors = {}
    else:
        # Everything on the way to the files must be reachable by the unprivileged user.
        p = d
        while p != "/":
            os.chmod(p, os.stat(p).st_mode | stat.S_IXOTH | stat.S_IROTH)
            p = os.path.dirname(p)
        files = ["secret.md", "pipe.md", "good.md"]
        errors = {"secret.md": r"cannot read: Permission denied"}
    errors.update({"pipe.md": r"not a regular file"})
    run = caselint_prefixed(prefix or [], files, d)
    expect("unreadable-file", run, errors)


def caselint_prefixed(prefix, args, cwd):
    if not prefix:
        return caselint(args, cwd)
    start = time.monotonic()
    proc = subprocess.run([*prefix, binary, "--as-of", AS_OF, *args], cwd=cwd, stdin=subprocess.DEVNULL,
                          capture_output=True, timeout=TIME_LIMIT, preexec_fn=None if sanitized else limit_memory)
    run = Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"),
              time.monotonic() - start)
    run.raw_out = proc.stdout
    return run


def removed_during_run():
    d = case_dir("removed")
    os.makedirs(f"{d}/tree")
    shutil.copyfile(good_source, f"{d}/tree/good.md")
    write(f"{d}/tree/zz-removed.md", "# Removed before it is read\n")
    # The config is a named pipe: caselint lists the folder, then blocks
    # opening the config before it reads the first file. The file is removed
    # at that moment, between the listing and the reading.
    os.mkfifo(f"{d}/config.yaml")

    def remove_then_release(proc):
        with open(f"{d}/config.yaml", "w") as pipe:  # blocks until caselint opens it
            os.remove(f"{d}/tree/zz-removed.md")
            pipe.write("disable: []\n")

    run = caselint(["--jobs", "1", "--config", "config.yaml", "tree"], d, on_start=remove_then_release)
    expect("removed-during-run", run, {"tree/zz-removed.md": r"cannot read: no such file"}, good="tree/good.md")


# --- Word and PDF ------------------------------------------------------------

word_pdf = os.path.join(source, "corpus", "word-pdf")
hostile_files = os.path.join(source, "tests", "hostile", "files")


def docx_package(path, document_xml, extra=None):
    """A .docx package: [Content_Types].xml and word/document.xml (str or
    bytes, or a function writing into the open entry), plus extra parts."""
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                   'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        if callable(document_xml):
            with z.open("word/document.xml", "w", force_zip64=True) as f:
                document_xml(f)
        else:
            z.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_zip_bomb():
    d = case_dir("docx-bomb")
    def spaces(f):  # 256 MiB of spaces inside the body: about 250 KB packed
        f.write(f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r><w:t>'.encode())
        chunk = b" " * (1 << 20)
        for _ in range(256):
            f.write(chunk)
        f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    docx_package(f"{d}/bomb.docx", spaces)
    run = caselint(["bomb.docx", "good.md"], d)
    expect("docx-zip-bomb", run, {"bomb.docx": r"word/document\.xml unpacks to .*zip bomb"})


def docx_not_zip():
    d = case_dir("docx-not-zip")
    write(f"{d}/study.docx", "# A Markdown file named .docx\n\nCustomer: Acme\n")
    write(f"{d}/old.docx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 4096)
    run = caselint(["study.docx", "old.docx", "good.md"], d)
    expect("docx-not-zip", run, {"study.docx": r"not a Word document: the file is not a readable zip package",
                                 "old.docx": r"password-protected \(encrypted\)"})


def docx_truncated():
    d = case_dir("docx-truncated")
    data = open(os.path.join(word_pdf, "harrow-freight.docx"), "rb").read()
    write(f"{d}/head.docx", data[:len(data) // 2])
    # The central directory kept, a part's data damaged: the CRC check fails.
    damaged = bytearray(data)
    at = data.find(b"word/document.xml") + 200
    damaged[at:at + 64] = b"\x00" * 64
    write(f"{d}/damaged.docx", bytes(damaged))
    run = caselint(["head.docx", "damaged.docx", "good.md"], d)
    expect("docx-truncated", run, {"head.docx": r"not a readable zip package .*truncated",
                                   "damaged.docx": r"(cannot read|not a readable zip|not well-formed)"})


def docx_entities():
    d = case_dir("docx-entities")
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lollollollol">'
              '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
              '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>'
              f'<w:document {W}><w:body><w:p><w:r><w:t>&e;&e;&e;&e;</w:t></w:r></w:p></w:body></w:document>')
    docx_package(f"{d}/laughs.docx", laughs)
    external = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">'
                '<!ENTITY y SYSTEM "http://127.0.0.1:9/x">]>'
                f'<w:document {W}><w:body><w:p><w:r><w:t>&x;&y;</w:t></w:r></w:p></w:body></w:document>')
    docx_package(f"{d}/external.docx", external)
    deep = (f'<?xml version="1.0"?><w:document {W}><w:body>' + "<w:sdt><w:sdtContent>" * 100_000 +
            "<w:p/>" + "</w:sdtContent></w:sdt>" * 100_000 + "</w:body></w:document>")
    docx_package(f"{d}/deep.docx", deep)
    # Entities in styles.xml are refused as well; a part that is not XML at all.
    docx_package(f"{d}/styles.docx", f'<?xml version="1.0"?><w:document {W}><w:body/></w:document>',
                 {"word/styles.xml": laughs})
    docx_package(f"{d}/garbage.docx", "<w:document><w:body><w:p>not closed")
    run = caselint(["laughs.docx", "external.docx", "deep.docx", "styles.docx", "garbage.docx", "good.md"], d)
    expect("docx-entities", run, {"laughs.docx": r"word/document\.xml declares a DOCTYPE",
                                  "external.docx": r"word/document\.xml declares a DOCTYPE",
                                  "deep.docx": r"word/document\.xml is not well-formed XML",
                                  "styles.docx": r"word/styles\.xml declares a DOCTYPE",
                                  "garbage.docx": r"word/document\.xml is not well-formed XML"})
    check("docx-entities", "root:" not in run.out and "lollol" not in run.out, "an entity was expanded")


def pdf_bad():
    d = case_dir("pdf-bad")
    shutil.copyfile(os.path.join(hostile_files, "encrypted.pdf"), f"{d}/encrypted.pdf")
    shutil.copyfile(os.path.join(hostile_files, "scan.pdf"), f"{d}/scan.pdf")
    data = open(os.path.join(word_pdf, "harrow-freight.pdf"), "rb").read()
    write(f"{d}/truncated.pdf", data[:len(data) * 6 // 10])
    write(f"{d}/text.pdf", "# Not a PDF\n")
    write(f"{d}/garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 64 + b"\n%%EOF\n")
    run = caselint(["encrypted.pdf", "scan.pdf", "truncated.pdf", "text.pdf", "garbage.pdf", "good.md"], d)
    expect("pdf-bad", run, {"encrypted.pdf": r"the PDF is encrypted with a password",
                            "scan.pdf": r"no text layer \(a scanned document\?\)",
                            "truncated.pdf": r"truncated",
                            "text.pdf": r"not a PDF",
                            "garbage.pdf": r"(cannot read the PDF|no text layer|no pages)"})


CASES = {
    "nul-bytes": nul_bytes,
    "invalid-utf8": invalid_utf8,
    "utf16-bom": utf16_bom,
    "empty-file": empty_file,
    "huge-file": huge_file,
    "deep-markdown": deep_nesting_markdown,
    "deep-html": deep_nesting_html,
    "long-paragraph": long_paragraph,
    "table-heavy": table_heavy,
    "template-markup": template_markup,
    "yaml-front-matter": yaml_front_matter,
    "yaml-config": yaml_config,
    "unterminated-front-matter": unterminated_front_matter,
    "entity-tricks": entity_tricks,
    "catastrophic-pattern": catastrophic_pattern,
    "symlink-loop": symlink_loop,
    "unreadable-file": unreadable_file,
    "removed-during-run": removed_during_run,
    "docx-zip-bomb": docx_zip_bomb,
    "docx-not-zip": docx_not_zip,
    "docx-truncated": docx_truncated,
    "docx-entities": docx_entities,
    "pdf-bad": pdf_bad,
}

scratch = tempfile.mkdtemp(prefix="caselint-hostile-")
try:
    base_dir = case_dir("baseline")
    alone = caselint(["good.md"], base_dir)
    baseline = alone.findings("good.md")
    check("baseline", alone.code in (0, 1) and len(baseline) > 0,
          f"the good file alone: exit {alone.code}, findings {baseline}; {alone.err}")
    for name, fn in CASES.items():
        if only and name not in only:
            continue
        t = time.monotonic()
        fn()
        print(f"{name}: {time.monotonic() - t:.1f} s", flush=True)
finally:
    for root, dirs, _ in os.walk(scratch):
        for x in dirs:
            try:
                os.chmod(os.path.join(root, x), 0o755)
            except OSError:
                pass
    shutil.rmtree(scratch, ignore_errors=True)

print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
