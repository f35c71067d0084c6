#!/usr/bin/env python3
"""Speaks JSON-RPC to `caselint lsp` directly: the handshake, diagnostics,
incremental sync, code actions, hover, and the protocol's edge cases.

usage: jsonrpc_test.py CASELINT STUDY.md STUDY.html
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

CASELINT = sys.argv[1]
STUDY = sys.argv[2]
HTML_STUDY = sys.argv[3]  # an HTML study without lessons learned
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL: " + what, file=sys.stderr)
    else:
        print("ok: " + what)


class Client:
    def __init__(self):
        self.proc = subprocess.Popen([CASELINT, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.messages = []
        self.log = []  # every message, in arrival order
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.next_id = 1

    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("ascii").strip()
                if not line:
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            body = out.read(int(headers["content-length"]))
            with self.cond:
                self.messages.append(json.loads(body))
                self.log.append(self.messages[-1])
                self.cond.notify_all()

    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, obj):
        body = json.dumps(obj).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params or {}})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, pred, timeout=10):
        deadline = time.time() + timeout
        with self.cond:
            while True:
                for i, m in enumerate(self.messages):
                    if pred(m):
                        return self.messages.pop(i)
                left = deadline - time.time()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def diagnostics(self, uri, version, timeout=10):
        return self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri and m["params"].get("version") == version, timeout)


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


def main():
    tmp = tempfile.mkdtemp()
    try:
        path = os.path.join(tmp, "my study.md")
        shutil.copy(STUDY, path)
        # The workspace's configuration applies: CS211 (placeholder account
        # ID) is turned off there.
        with open(os.path.join(tmp, ".caselint.yaml"), "w") as f:
            f.write("profile: case-study\ndisable: [CS211]\n")
        text = open(path, encoding="utf-8").read()
        lines = text.split("\n")
        uri = "file://" + urllib.parse.quote(path)

        # Before initialize: requests are refused, notifications ignored.
        c = Client()
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
        check(r is not None and r.get("error", {}).get("code") == -32002, "request before initialize -> -32002")

        r = c.request("initialize", {"processId": None, "rootUri": "file://" + tmp, "capabilities": {}})
        caps = (r or {}).get("result", {}).get("capabilities", {})
        check(caps.get("textDocumentSync") == {"openClose": True, "change": 2, "save": True},
              "initialize announces incremental sync")
        check(caps.get("codeActionProvider") is True and caps.get("hoverProvider") is True,
              "initialize announces code actions and hover")
        check(r["result"].get("serverInfo", {}).get("name") == "caselint", "serverInfo names caselint")
        c.notify("initialized", {})

        # Bad JSON, unknown method, unknown notification.
        c.raw(b"Content-Length: 9\r\n\r\n{not json")
        r = c.wait(lambda m: m.get("error", {}).get("code") == -32700)
        check(r is not None and r.get("id") is None, "bad JSON -> -32700 with id null")
        r = c.request("caselint/noSuchMethod", {})
        check(r is not None and r.get("error", {}).get("code") == -32601, "unknown method -> -32601")
        c.notify("caselint/noSuchNotification", {})

        # didOpen: CS104 (no lessons learned) points at the last line.
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        d = c.diagnostics(uri, 1)
        check(d is not None, "diagnostics published for version 1")
        diags = d["params"]["diagnostics"] if d else []
        codes = [x.get("code") for x in diags]
        print("version 1:", codes)
        cs104 = [x for x in diags if x.get("code") == "CS104"]
        check(len(cs104) == 1, "CS104 reported once")
        check(diags and "CS211" not in codes, "the workspace's .caselint.yaml turns CS211 off")
        last = len(lines) - 2 if lines[-1] == "" else len(lines) - 1  # the last line with text
        if cs104:
            x = cs104[0]
            check(x["range"] == {"start": {"line": last, "character": 0},
                                 "end": {"line": last, "character": utf16_len(lines[last])}},
                  "CS104 range is the whole last line, 0-based: %s" % json.dumps(x["range"]))
            check(x["severity"] == 1 and x["source"] == "caselint", "CS104 is an error from caselint")
            check(x.get("codeDescription", {}).get("href", "").endswith("/CS104.md"), "CS104 links its doc")
            check(x["message"] and x["message"][0].islower(), "message starts lowercase")

        # ST001 on "AWS Lamba": range in UTF-16 on the right line.
        lamba_line = next(i for i, l in enumerate(lines) if "AWS Lamba" in l)
        st = [x for x in diags if x.get("code") == "ST001"]
        check(len(st) == 1 and st[0]["range"]["start"]["line"] == lamba_line, "ST001 on the AWS Lamba line")
        if st:
            start = st[0]["range"]["start"]["character"]
            end = st[0]["range"]["end"]["character"]
            check(lines[lamba_line][start:end] == "AWS Lamba", "ST001 range covers AWS Lamba: %r" % lines[lamba_line][start:end])

            # Code action: the fix replaces it with AWS Lambda.
            r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": st[0]["range"],
                                                      "context": {"diagnostics": st}})
            actions = (r or {}).get("result") or []
            fixes = [a for a in actions if a.get("kind") == "quickfix" and uri in a.get("edit", {}).get("changes", {})]
            edits = [e for a in fixes for e in a["edit"]["changes"][uri]]
            check(any(e["newText"] == "AWS Lambda" and e["range"] == st[0]["range"] for e in edits),
                  "code action fixes AWS Lamba -> AWS Lambda: %s" % json.dumps(edits))

            # Hover over it: the rule's doc.
            r = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": lamba_line, "character": start + 2}})
            contents = ((r or {}).get("result") or {}).get("contents", {})
            check(contents.get("kind") == "markdown" and "ST001" in contents.get("value", ""),
                  "hover shows ST001's doc")

        # Code action for the missing section: insert a Lessons learned heading.
        if cs104:
            r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": cs104[0]["range"],
                                                      "context": {"diagnostics": cs104}})
            actions = (r or {}).get("result") or []
            titles = [a["title"] for a in actions]
            check("Insert a Lessons learned section" in titles, "code action inserts the missing section: %s" % titles)
            ins = [a for a in actions if a["title"] == "Insert a Lessons learned section"]
            if ins:
                e = ins[0]["edit"]["changes"][uri][0]
                check(e["newText"].startswith("\n## Lessons learned\n") and e["range"]["start"]["line"] == len(lines) - 1,
                      "the section goes at the end of the document")

        # Hover away from any finding: nothing.
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 0}})
        check(r is not None and r.get("result") is None, "hover without a finding is null")

        # Incremental change: append a Lessons learned section at the end.
        end = {"line": len(lines) - 1, "character": utf16_len(lines[-1])}
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": end, "end": end}, "text": "\n## Lessons learned\n\nText.\n"}]})
        d = c.diagnostics(uri, 2)
        codes2 = [x.get("code") for x in d["params"]["diagnostics"]] if d else None
        print("version 2:", codes2)
        check(d is not None and "CS104" not in codes2 and "ST001" in codes2, "incremental change removes CS104")

        # Incremental edit with a non-ASCII character before it on the line:
        # "Lamba" -> "Lambda" via a range after an emoji (2 UTF-16 units).
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": {"line": lamba_line, "character": 0}, "end": {"line": lamba_line, "character": 0}},
             "text": "\U0001F680 "}]})
        lamba_col = utf16_len(lines[lamba_line][:lines[lamba_line].index("Lamba")]) + 3
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [
            {"range": {"start": {"line": lamba_line, "character": lamba_col + 4},
                       "end": {"line": lamba_line, "character": lamba_col + 5}}, "text": "da"}]})
        d = c.diagnostics(uri, 4)
        codes4 = [x.get("code") for x in d["params"]["diagnostics"]] if d else None
        check(d is not None and "ST001" not in codes4, "UTF-16 incremental edit fixes the name: %s" % codes4)
        stale = [m for m in c.messages if m.get("method") == "textDocument/publishDiagnostics"
                 and m["params"].get("version") == 3]
        check(not stale, "no diagnostics published for the superseded version 3")

        # Full sync still works.
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": text}]})
        d = c.diagnostics(uri, 5)
        check(d is not None and "CS104" in [x.get("code") for x in d["params"]["diagnostics"]], "full sync brings CS104 back")

        # Applying the inserted section, as the editor would, answers CS104.
        cs104 = [x for x in d["params"]["diagnostics"] if x.get("code") == "CS104"] if d else []
        if cs104:
            r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": cs104[0]["range"],
                                                      "context": {"diagnostics": cs104}})
            ins = [a for a in (r or {}).get("result") or [] if a["title"] == "Insert a Lessons learned section"]
            if ins:
                e = ins[0]["edit"]["changes"][uri][0]
                c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 6},
                                                    "contentChanges": [{"range": e["range"], "text": e["newText"]}]})
                d = c.diagnostics(uri, 6)
                codes6 = [x.get("code") for x in d["params"]["diagnostics"]] if d else None
                check(d is not None and "CS104" not in codes6, "the inserted section answers CS104: %s" % codes6)
            else:
                check(False, "the insert action is offered again at version 5")

        # A Word or PDF file is not checked from the editor's text: one
        # information diagnostic says so, and it carries no code action.
        for name in ("study.docx", "study.pdf"):
            bin_uri = "file://" + urllib.parse.quote(os.path.join(tmp, name))
            c.notify("textDocument/didOpen", {"textDocument": {"uri": bin_uri, "languageId": "plaintext", "version": 1,
                                                               "text": "PK\u0003\u0004 not text"}})
            d = c.diagnostics(bin_uri, 1)
            bdiags = d["params"]["diagnostics"] if d else []
            check(len(bdiags) == 1 and bdiags[0]["severity"] == 3 and "Word or PDF" in bdiags[0]["message"],
                  "%s: one information diagnostic saying why it is not checked: %s" % (name, json.dumps(bdiags)))

        # A study in a submission whose manifest makes its folder a
        # reference: the editor reads the runbook beside it, as checking the
        # submission does (only the restore testing is missing).
        runbooks = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(STUDY)))),
                                "corpus", "submissions", "aurora-runbooks", "fernbrook")
        sub = os.path.join(tmp, "submission", "fernbrook")
        os.makedirs(sub)
        shutil.copy(os.path.join(runbooks, "runbook.md"), sub)
        study_text = "".join(l for l in open(os.path.join(runbooks, "study.md"), encoding="utf-8").read().splitlines(True)
                             if not l.startswith("supporting:"))
        with open(os.path.join(sub, "study.md"), "w", encoding="utf-8") as f:
            f.write(study_text)
        with open(os.path.join(tmp, "submission", "caselint-submission.yaml"), "w") as f:
            f.write("program: aurora\nengines: [aurora-mysql]\nreferences:\n  - folder: fernbrook\n")
        sub_uri = "file://" + urllib.parse.quote(os.path.join(sub, "study.md"))
        c.notify("textDocument/didOpen", {"textDocument": {"uri": sub_uri, "languageId": "markdown", "version": 1,
                                                           "text": study_text}})
        d = c.diagnostics(sub_uri, 1)
        scodes = sorted(x.get("code") for x in d["params"]["diagnostics"]) if d else None
        check(scodes == ["CS121"], "a reference folder's study is read with its runbook: %s" % scodes)

        # HTML: the section goes inside the article, before </article>.
        html_path = os.path.join(tmp, "bank.html")
        html = open(HTML_STUDY, encoding="utf-8").read()
        html_uri = "file://" + urllib.parse.quote(html_path)
        c.notify("textDocument/didOpen", {"textDocument": {"uri": html_uri, "languageId": "html", "version": 1, "text": html}})
        d = c.diagnostics(html_uri, 1)
        hdiags = [x for x in d["params"]["diagnostics"] if x.get("code") == "CS104"] if d else []
        check(len(hdiags) == 1, "CS104 on the HTML study")
        if hdiags:
            r = c.request("textDocument/codeAction", {"textDocument": {"uri": html_uri}, "range": hdiags[0]["range"],
                                                      "context": {"diagnostics": hdiags}})
            ins = [a for a in (r or {}).get("result") or [] if a["title"] == "Insert a Lessons learned section"]
            check(len(ins) == 1, "the insert action is offered for HTML")
            if ins:
                e = ins[0]["edit"]["changes"][html_uri][0]
                article_end = next(i for i, l in enumerate(html.split("\n")) if "</article>" in l)
                check(e["newText"].startswith("<h2>Lessons learned</h2>") and e["range"]["start"]["line"] == article_end,
                      "the HTML section goes before </article>: %s" % json.dumps(e))
                c.notify("textDocument/didChange", {"textDocument": {"uri": html_uri, "version": 2},
                                                    "contentChanges": [{"range": e["range"], "text": e["newText"]}]})
                d = c.diagnostics(html_uri, 2)
                codes = [x.get("code") for x in d["params"]["diagnostics"]] if d else None
                check(d is not None and "CS104" not in codes, "the inserted HTML section answers CS104: %s" % codes)

        # didClose clears the diagnostics.
        c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        d = c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["diagnostics"] == [])
        check(d is not None, "didClose clears diagnostics")

        # A large document does not block the reader: while it is checked,
        # requests are answered, and of five quick versions only the last is
        # published.
        head, _, body = text.partition("\n# ")
        big = head + "\n# " + body * 1500
        big_uri = "file://" + urllib.parse.quote(os.path.join(tmp, "big.md"))
        c.notify("textDocument/didOpen", {"textDocument": {"uri": big_uri, "languageId": "markdown", "version": 1, "text": big}})
        for v in range(2, 6):
            c.notify("textDocument/didChange", {"textDocument": {"uri": big_uri, "version": v}, "contentChanges": [
                {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": ""}]})
        r = c.request("caselint/noSuchMethod", {})
        answered = len(c.log)
        d = c.diagnostics(big_uri, 5, timeout=60)
        check(d is not None and len(d["params"]["diagnostics"]) > 1000, "the large document's diagnostics arrive")
        published = [m["params"].get("version") for m in c.log if m.get("method") == "textDocument/publishDiagnostics"
                     and m["params"]["uri"] == big_uri]
        check(r is not None and not any(m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == big_uri
                                        for m in c.log[:answered]),
              "a request is answered while the large document is checked")
        check(published == [5], "only the latest version is published: %s" % published)

        r = c.request("shutdown")
        check(r is not None and "result" in r and r["result"] is None, "shutdown -> null result")
        c.notify("exit", {})
        try:
            rc = c.proc.wait(5)
        except subprocess.TimeoutExpired:
            c.proc.kill()
            rc = None
        check(rc == 0, "exit after shutdown -> exit code 0 (got %s)" % rc)

        # exit without shutdown: 1.
        c = Client()
        c.request("initialize", {"processId": None, "capabilities": {}})
        c.notify("exit", {})
        try:
            rc = c.proc.wait(5)
        except subprocess.TimeoutExpired:
            c.proc.kill()
            rc = None
        check(rc == 1, "exit without shutdown -> exit code 1 (got %s)" % rc)

        # A Content-Length that lies (longer than the data, then EOF).
        c = Client()
        c.request("initialize", {"processId": None, "capabilities": {}})
        c.raw(b'Content-Length: 5000\r\n\r\n{"jsonrpc":"2.0","id":7,"method":"shutdown"}')
        c.proc.stdin.close()
        try:
            rc = c.proc.wait(5)
        except subprocess.TimeoutExpired:
            c.proc.kill()
            rc = None
        check(rc in (0, 1), "lying Content-Length then EOF -> clean exit within 5 s (got %s)" % rc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if FAILURES:
        print("%d failed" % len(FAILURES), file=sys.stderr)
        return 1
    print("all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
