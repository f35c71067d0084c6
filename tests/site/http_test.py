#!/usr/bin/env python3
"""`caselint site URL` against a loopback HTTP server this test starts and stops.

The server serves tests/site/http-site/ on 127.0.0.1 (port chosen by the OS)
with a few special paths: /moved redirects on the same host, /away redirects
to another host, /error.html answers 500, /slow.html answers after 3 s.
Asserts the findings (robots.txt honoured, off-host redirect not followed,
404 and 500 reported, the slow page timing out with --timeout 1), the
user agent, and that no request left the site's paths. A second server
serves tests/site/http-sitemap/ with a sitemap index named in robots.txt, a
gzip sitemap, a study only the sitemap lists, an entry that 404s and a
linked study the sitemap leaves out.
Usage: http_test.py CASELINT SITE_DIR
"""
import functools
import gzip
import http.server
import os
import json
import subprocess
import sys
import threading
import time

caselint, site_dir = sys.argv[1], sys.argv[2]
requests = []
agents = set()


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _special(self):
        requests.append(self.path)
        agents.add(self.headers.get("User-Agent", ""))
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/aws/")
            self.end_headers()
            return True
        if self.path == "/away":
            self.send_response(302)
            self.send_header("Location", "http://203.0.113.9/portal")
            self.end_headers()
            return True
        if self.path == "/error.html":
            self.send_error(500, "fixture error")
            return True
        if self.path == "/slow.html":
            time.sleep(3)
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html><body><main><h1>Late</h1></main></body></html>")
            except OSError:
                pass
            return True
        return False

    def do_GET(self):
        if not self._special():
            super().do_GET()

    def do_HEAD(self):
        if not self._special():
            super().do_HEAD()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=site_dir))
server.daemon_threads = True
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()
base = "http://127.0.0.1:%d" % server.server_address[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


try:
    started = time.monotonic()
    proc = subprocess.run([caselint, "site", base + "/", "--format", "json", "--timeout", "1"],
                          capture_output=True, text=True, timeout=60)
    elapsed = time.monotonic() - started
    out = json.loads(proc.stdout)
    found = []
    for f in out["files"]:
        for d in f["diagnostics"]:
            found.append((f["path"], d["range"]["start"]["line"], d["code"], d["message"]))
    home = base + "/"

    def has(path, line, code, text):
        return any(p == path and l == line and c == code and text in m for p, l, c, m in found)

    check(has(home, 11, "CS305", "another host"), "off-host redirect reported (CS305 on line 11)")
    check(has(home, 12, "CS306", "robots.txt"), "robots.txt disallow reported (CS306 on line 12)")
    check(has(home, 13, "CS306", "application/pdf"), "non-HTML page reported (CS306 on line 13)")
    check(has(home, 20, "CS303", "HTTP 404"), "missing image reported (CS303 on line 20)")
    check(has(home, 21, "CS302", "HTTP 404"), "404 link reported (CS302 on line 21)")
    check(has(home, 22, "CS302", "HTTP 500"), "500 link reported (CS302 on line 22)")
    check(has(home, 23, "CS305", "no answer within 1 s"), "slow page timed out (CS305 on line 23)")
    check(not any(c == "LP102" or c == "LP105" or c == "LP101" for _, _, c, _ in found),
          "the practice page /aws/ is found and reachable")
    codes = sorted(c for _, _, c, _ in found)
    check(has(base + "/aws/", 12, "CS310", '"#stories"'), "a fragment the home page has no id for (CS310 on /aws/ line 12)")
    check(codes == ["CS302", "CS302", "CS303", "CS305", "CS305", "CS306", "CS306", "CS310"],
          "exactly the expected findings, got %s" % found)
    check(proc.returncode == 1, "exit code 1 (error findings), got %d: %s" % (proc.returncode, proc.stderr))
    check(proc.stderr == "", "no progress line when stderr is not a terminal, got %r" % proc.stderr)
    check("/private/secret.html" not in requests, "robots.txt-disallowed page never requested")
    check("/robots.txt" in requests, "robots.txt requested")
    check(all(a.startswith("caselint/") and "(+" in a for a in agents), "user agent caselint/VERSION (+URL), got %s" % agents)
    check(elapsed < 30, "the crawl finished in %.1f s" % elapsed)
    paths = [f["path"] for f in out["files"]]
    check(sorted(paths) == sorted([home, base + "/aws/"]), "pages checked: home and /aws/, got %s" % paths)

    # Text output ends with the overview: home, practice page and clicks.
    proc = subprocess.run([caselint, "site", base + "/", "--timeout", "1", "--no-color"],
                          capture_output=True, text=True, timeout=60)
    check("practice page  %s/aws/, 1 click from home" % base in proc.stdout, "overview names the practice page: %r" % proc.stdout[-400:])
    check("%s/:23:1: warning: linked page \"/slow.html\" could not be checked: no answer within 1 s" % base in proc.stdout,
          "text finding for the slow page: %r" % proc.stdout)

    # On a terminal, a progress line on standard error (and none above, where stderr is a pipe).
    import os, pty
    master, slave = pty.openpty()
    proc = subprocess.run([caselint, "site", base + "/aws/", "--timeout", "1", "--format", "json"],
                          stdout=subprocess.PIPE, stderr=slave, timeout=60)
    os.close(slave)
    tty = b""
    try:
        while True:
            chunk = os.read(master, 4096)
            if not chunk:
                break
            tty += chunk
    except OSError:
        pass
    os.close(master)
    check(b"pages checked" in tty and b"\r" in tty, "progress line on a terminal, got %r" % tty[:200])

    # Limits: one page only; the rest of the site is reported as not read.
    proc = subprocess.run([caselint, "site", base + "/", "--format", "json", "--timeout", "1", "--max-pages", "1"],
                          capture_output=True, text=True, timeout=60)
    out = json.loads(proc.stdout)
    limited = [d["code"] for f in out["files"] for d in f["diagnostics"]]
    check("CS307" in limited, "--max-pages 1 reported as CS307, got %s" % limited)

    # A home page that does not answer is an error naming the URL (exit 2).
    proc = subprocess.run([caselint, "site", base + "/gone.html"], capture_output=True, text=True, timeout=60)
    check(proc.returncode == 2 and "gone.html" in proc.stderr and "404" in proc.stderr,
          "unreadable home page: exit 2 naming it, got %d %r" % (proc.returncode, proc.stderr))
finally:
    server.shutdown()
    server.server_close()


# Sitemaps: robots.txt names a sitemap index, which lists a plain sitemap
# and a gzip-compressed one. Files under http-sitemap/ hold {BASE} where the
# server's address goes; sitemap-studies.xml is served gzipped as
# /sitemap-studies.xml.gz.
sitemap_dir = os.path.join(os.path.dirname(os.path.abspath(site_dir)), "http-sitemap")
sitemap_requests = []


class SitemapHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        sitemap_requests.append(self.path)
        name = self.path.split("?")[0]
        templated = name == "/robots.txt" or name.endswith(".xml") or name.endswith(".xml.gz")
        if not templated:
            return super().do_GET()
        source = name[:-3] if name.endswith(".gz") else name
        path = os.path.join(sitemap_dir, source.lstrip("/"))
        if not os.path.isfile(path):
            return self.send_error(404)
        with open(path, encoding="utf-8") as f:
            body = f.read().replace("{BASE}", sitemap_base).encode()
        kind = "text/plain" if name == "/robots.txt" else "application/xml"
        if name.endswith(".gz"):
            body, kind = gzip.compress(body), "application/gzip"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


sitemap_server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(SitemapHandler, directory=sitemap_dir))
sitemap_server.daemon_threads = True
threading.Thread(target=sitemap_server.serve_forever, daemon=True).start()
sitemap_base = "http://127.0.0.1:%d" % sitemap_server.server_address[1]
try:
    proc = subprocess.run([caselint, "site", sitemap_base + "/", "--format", "json", "--timeout", "2", "--as-of", "2024-06-30"],
                          capture_output=True, text=True, timeout=60)
    out = json.loads(proc.stdout)
    found = [(f["path"], d["code"], d["message"]) for f in out["files"] for d in f["diagnostics"]]
    site_codes = sorted(c for _, c, _ in found if c.startswith("CS30") or c.startswith("LP1"))
    orphan, linked = sitemap_base + "/case-studies/orphan/", sitemap_base + "/case-studies/linked/"
    check((orphan, "LP103") in [(p, c) for p, c, _ in found],
          "a study only the (gzipped) sitemap lists is read and reported unreachable: %s" % found)
    check(any(p == sitemap_base + "/" and c == "CS308" and "/case-studies/gone/" in m and "HTTP 404" in m for p, c, m in found),
          "a sitemap entry that 404s is CS308 on the home page: %s" % found)
    check((linked, "CS309") in [(p, c) for p, c, _ in found], "a linked study missing from the sitemap is CS309: %s" % found)
    check(site_codes == ["CS308", "CS309", "LP103"], "exactly the sitemap findings, got %s" % site_codes)
    check("/sitemap_index.xml" in sitemap_requests and "/sitemap-studies.xml.gz" in sitemap_requests,
          "the index and the gzip sitemap were read: %s" % sitemap_requests)
    proc = subprocess.run([caselint, "site", sitemap_base + "/", "--timeout", "2", "--no-color"],
                          capture_output=True, text=True, timeout=60)
    check("case-studies/orphan/, not reachable from the home page, found through the sitemap only" in proc.stdout,
          "the overview says how the orphan study was found: %r" % proc.stdout[-600:])
    check("case-studies/linked/, 1 click from home, found by link only" in proc.stdout,
          "the overview says the linked study is found by link only: %r" % proc.stdout[-600:])
finally:
    sitemap_server.shutdown()
    sitemap_server.server_close()

if failures:
    for f in failures:
        print("FAIL", f)
    sys.exit(1)
print("site over HTTP: all checks passed")
