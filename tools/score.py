#!/usr/bin/env python3
"""Scores caselint's reading of the realistic development set.

    tools/score.py [--caselint BIN] [--details] [--min-precision P]
                   [--min-recall R] [--min-names N] [--min-kinds K] [DIR...]

Each DIR (default corpus/realistic) holds folders of documents, each with a
labels.tsv (see corpus/realistic/README.md). caselint checks every document
with no profile and no config, as a new user would, and the scorer prints:

- the precision and recall of missing-field errors on case studies (an error
  on a page that is not a case study is a false alarm),
- customer-name accuracy (a name that is not the labelled one, or any name
  for an anonymised customer, is counted as invented),
- kind accuracy.

With --min-* thresholds it exits 1 when a figure is below its floor.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

SCORED = [
    "customer_name", "problem_statement", "proposed_solution", "aws_services", "third_party_tools",
    "start_date", "end_date", "outcomes", "lessons_learned", "architecture_diagram",
]
# The errors that say a field is missing. CS112 (customer not named) is the
# missing-name error for an anonymised customer.
MISSING = {
    "CS101": "customer_name", "CS112": "customer_name", "CS103": "problem_statement",
    "CS104": "lessons_learned", "CS105": "proposed_solution", "CS106": "aws_services",
    "CS107": "third_party_tools", "CS108": "start_date", "CS109": "end_date", "CS110": "outcomes",
    "CS301": "architecture_diagram",
}
KINDS = {"case-study", "landing-page", "other"}
LEGAL = re.compile(r"[,\s]+(?:ltd|limited|inc|llc|plc|gmbh|ag|sa|corp|corporation|co)\.?$", re.I)


def read_labels(root):
    labels = {}
    for folder, _, files in sorted(os.walk(root)):
        if "labels.tsv" not in files:
            continue
        with open(os.path.join(folder, "labels.tsv"), newline="", encoding="utf-8") as f:
            for n, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
                path = os.path.normpath(os.path.join(folder, row["file"]))
                where = f"{folder}/labels.tsv:{n}"
                if not os.path.isfile(path):
                    sys.exit(f"{where}: no such file {row['file']}")
                if row["kind"] not in KINDS:
                    sys.exit(f"{where}: kind {row['kind']!r} is not one of {sorted(KINDS)}")
                present = set() if row["present"] in ("", "-") else set(row["present"].split(","))
                unknown = present - set(SCORED)
                if unknown:
                    sys.exit(f"{where}: unknown fields {sorted(unknown)}")
                labels[path] = {"kind": row["kind"], "customer": row["customer"], "present": present}
    return labels


def run_json(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr[:2000]}")
    return json.loads(p.stdout)


def norm_name(s):
    s = LEGAL.sub("", s.strip()).strip(" .,'\"")
    return re.sub(r"\s+", " ", s).lower()


def same_name(got, want):
    """The labelled name, or a longer or shorter form of it ("Lumora" and
    "Lumora Payments"): the words of one start the other's."""
    a, b = norm_name(got).split(), norm_name(want).split()
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


def first_value(field):
    if isinstance(field, list):
        field = field[0] if field else None
    return field


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", default=["corpus/realistic"], metavar="DIR")
    ap.add_argument("--caselint", default="build/caselint")
    ap.add_argument("--details", action="store_true", help="list every false alarm, miss and wrong name or kind")
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--min-names", type=float, default=0.0)
    ap.add_argument("--min-kinds", type=float, default=0.0)
    a = ap.parse_args()

    labels = {}
    for d in a.dirs:
        labels.update(read_labels(d))
    if not labels:
        sys.exit(f"{' '.join(a.dirs)}: no labels.tsv found")
    paths = sorted(labels)
    # No config: run from an empty folder so that no .caselint.yaml applies.
    with tempfile.TemporaryDirectory() as empty:
        empty_dir = empty
        common = ["--as-of", "2026-12-01", "--jobs", "2"]
        absolute = [os.path.abspath(p) for p in paths]
        binary = os.path.abspath(a.caselint)
        cwd = os.getcwd()
        os.chdir(empty)
        try:
            checked = run_json([binary, "check", "--format", "json", *common, *absolute])
            extracted = run_json([binary, "extract", "--format", "json", *common, *absolute])
        finally:
            os.chdir(cwd)
    by_path = {os.path.abspath(os.path.join(empty_dir, f["path"])): f for f in checked["files"]}
    extracted = extracted["files"] if isinstance(extracted, dict) else extracted
    fields_by_path = {os.path.abspath(os.path.join(empty_dir, f["path"])): f.get("fields", {}) for f in extracted}

    tp = fp = fn = 0
    kinds_right = names_right = names_total = invented = 0
    notes = []
    for path in paths:
        label = labels[path]
        result = by_path.get(os.path.abspath(path))
        if result is None or "error" in result:
            sys.exit(f"{path}: not checked: {result and result.get('error')}")
        kind = result.get("kind") or ("other" if result.get("profile") == "other" else result.get("profile"))
        if kind not in KINDS:
            kind = "case-study"  # a program profile is a case study's
        if kind == label["kind"]:
            kinds_right += 1
        else:
            notes.append(f"{path}: kind {kind}, labelled {label['kind']} ({result.get('kind_reason', '')})")
        reported = {}
        for d in result.get("diagnostics", []):
            field = MISSING.get(d["code"])
            if field and d["severity"] == "error":
                reported.setdefault(field, d)
        if label["kind"] == "case-study":
            for field in SCORED:
                truly_missing = field not in label["present"]
                if field in reported and truly_missing:
                    tp += 1
                elif field in reported:
                    fp += 1
                    d = reported[field]
                    notes.append(f"{path}:{d['range']['start']['line']}: false alarm {d['code']} {d['message']}")
                elif truly_missing:
                    fn += 1
                    notes.append(f"{path}: missed: no finding for missing {field}")
            names_total += 1
            got = first_value(fields_by_path.get(os.path.abspath(path), {}).get("customer_name"))
            value = got.get("value") if isinstance(got, dict) else None
            anonymised = isinstance(got, dict) and (got.get("anonymised") or got.get("state") == "placeholder")
            want = label["customer"]
            if want == "anonymised":
                if value is None or anonymised:
                    names_right += 1
                else:
                    invented += 1
                    notes.append(f"{path}: customer {value!r}, labelled anonymised")
            elif value is not None and not anonymised and same_name(value, want):
                names_right += 1
            else:
                if value is not None and not anonymised:
                    invented += 1
                notes.append(f"{path}: customer {value!r}, labelled {want!r}")
        else:
            for field, d in reported.items():
                fp += 1
                notes.append(f"{path}:{d['range']['start']['line']}: false alarm {d['code']} on a {label['kind']} page")

    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    names = names_right / names_total if names_total else 1.0
    kinds = kinds_right / len(paths)
    if a.details:
        for n in notes:
            print(n)
        print()
    print(f"documents: {len(paths)} ({names_total} case studies)")
    print(f"missing-field errors: precision {precision:.2f} ({tp}/{tp + fp}), recall {recall:.2f} ({tp}/{tp + fn})")
    print(f"customer names: {names:.2f} ({names_right}/{names_total}), invented {invented}")
    print(f"kinds: {kinds:.2f} ({kinds_right}/{len(paths)})")
    floors = [("precision", precision, a.min_precision), ("recall", recall, a.min_recall),
              ("names", names, a.min_names), ("kinds", kinds, a.min_kinds)]
    low = [f"{n} {v:.2f} < {m:.2f}" for n, v, m in floors if v < m]
    if low:
        print("below the floor: " + ", ".join(low))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
