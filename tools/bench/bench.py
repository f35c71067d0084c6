#!/usr/bin/env python3
"""Times caselint against markdownlint-cli2 and the cmark-gfm parser on a
synthetic corpus and prints throughput, peak memory, ratios and each target
as met or not met. Run it through tools/bench/run.sh, which installs the peers."""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MARKDOWNLINT = os.path.join(HERE, "npm", "node_modules", ".bin", "markdownlint-cli2")

# markdownlint-cli2 checks only what caselint's required-heading rules check:
# the Challenge / Solution / Results sections (MD043 required-headings).
MDL_CONFIG = {
    "config": {
        "default": False,
        "MD043": {"headings": ["## The challenge", "*", "## Our solution", "*", "## Results", "*"]},
    }
}


# The GFM extensions caselint's parser enables (src/parse/markdown.cpp; the
# command-line tool has no switch for its footnotes). With them cmark-gfm
# parses what caselint parses; the time target is taken against cmark-gfm
# without them, as the peers were measured. Both are printed.
GFM_EXTENSIONS = ["-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tasklist"]

# The shapes of text whose memory and time must grow linearly (gen.py shape).
SHAPES = ["tables", "labelled", "links", "list", "headings", "front-matter"]
# The output formats whose peak memory over the corpus is bounded.
FORMATS = ["text", "json", "sarif", "github", "junit"]


def run_once(cmd, cwd=None):
    """Wall seconds from spawn to exit and the child's peak RSS in KiB."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=[
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
        ]) if cwd is None else subprocess.Popen(cmd, cwd=cwd, stdout=null, stderr=null).pid
        _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):  # 1: findings, which the corpus has on purpose
        raise SystemExit(f"bench: {' '.join(cmd[:3])} ... exited with {code}")
    return wall, usage.ru_maxrss


def timed_rss(cmd, cwd=None):
    """Wall seconds and peak RSS in KiB, from GNU time: the child of a small C
    program, so the figure is the command's own (a child spawned from Python
    starts out sharing Python's pages, which ru_maxrss would count)."""
    out = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"caselint-bench-rss-{os.getpid()}")
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out] + cmd, cwd=cwd, stdout=null, stderr=null)
    wall = time.perf_counter() - start
    with open(out) as f:
        rss = int(f.read().split()[-1])
    os.unlink(out)
    return wall, rss


def measure(cmd, runs, cwd=None, precise=False):
    """The median of `runs` runs. Long runs are timed through GNU time, which
    gives their memory too; `precise` (one small file, where the extra
    process would show) times direct spawns and takes memory from one more run."""
    if precise:
        walls = [run_once(cmd, cwd)[0] for _ in range(runs)]
        return summary(walls, timed_rss(cmd, cwd)[1])
    return summary_of([timed_rss(cmd, cwd) for _ in range(runs)])


def summary(walls, rss_kib):
    return {"median": statistics.median(walls), "min": min(walls), "rss_kib": rss_kib, "runs": len(walls),
            "walls": walls}


def summary_of(pairs):
    """The summary of (wall, peak RSS) pairs: the median wall, the largest peak."""
    return summary([w for w, _ in pairs], max(r for _, r in pairs))


def measure_rounds(cmds, runs):
    """Each (name, cmd, cwd) of `cmds` once per round, in turn, for `runs`
    rounds: on a shared machine the load changes over minutes, and tools
    timed one after another in the same round see about the same load, so
    the ratio of two tools' times in a round is steadier than the ratio of
    medians taken minutes apart."""
    pairs = {name: [] for name, _, _ in cmds}
    for _ in range(runs):
        for name, cmd, cwd in cmds:
            pairs[name].append(timed_rss(cmd, cwd))
    return {name: summary_of(p) for name, p in pairs.items()}


def paired_ratio(a, b):
    """The median over rounds of a's time over b's in the same round."""
    return statistics.median(x / y for x, y in zip(a["walls"], b["walls"]))


def tree_bytes(paths):
    total, files = 0, 0
    for p in paths:
        if os.path.isdir(p):
            for dirpath, _, names in os.walk(p):
                for n in names:
                    if n.endswith(".md"):
                        total += os.path.getsize(os.path.join(dirpath, n))
                        files += 1
        else:
            total += os.path.getsize(p)
            files += 1
    return total, files


def md_files(d):
    return sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".md"))


def generate(work, args):
    gen = [sys.executable, os.path.join(HERE, "gen.py")]
    stamp = os.path.join(work, "stamp.json")
    want = {"count": args.count, "doc_base": args.doc_base, "memory_doc": args.memory_doc, "big": args.big,
            "shape_base": args.shape_base, "gen": os.path.getmtime(os.path.join(HERE, "gen.py"))}
    if os.path.exists(stamp):
        with open(stamp) as f:
            if json.load(f) == want:
                return
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    print(f"bench: generating the corpus in {work} ...", file=sys.stderr)
    subprocess.run(gen + ["corpus", os.path.join(work, "corpus"), "--count", str(args.count)], check=True)
    subprocess.run(gen + ["corpus", os.path.join(work, "large"), "--count", "0", "--big"] + [str(b) for b in args.big],
                   check=True)
    subprocess.run(gen + ["corpus", os.path.join(work, "deficient"), "--count", str(args.count), "--deficient"],
                   check=True)
    # Each shape at 1x, 4x and 16x its base size.
    for shape in SHAPES:
        for k in (1, 4, 16):
            subprocess.run(gen + ["shape", os.path.join(work, f"shape-{shape}-{k}x.md"), "--shape", shape,
                                  "--size", str(args.shape_base * k)], check=True)
    # 1x, 4x and 16x the documents: the first N of the corpus.
    for k in (1, 4, 16):
        d = os.path.join(work, f"docs-{k}x")
        os.makedirs(d)
        for p in md_files(os.path.join(work, "corpus"))[: max(1, args.count * k // 16)]:
            os.link(p, os.path.join(d, os.path.basename(p)))
    # 1x, 4x and 16x the size of one document, and the memory document.
    for k in (1, 4, 16):
        subprocess.run(gen + ["big", os.path.join(work, f"size-{k}x.md"), "--size", str(args.doc_base * k)], check=True)
    subprocess.run(gen + ["big", os.path.join(work, "memory.md"), "--size", str(args.memory_doc)], check=True)
    with open(os.path.join(work, "bench.markdownlint-cli2.jsonc"), "w") as f:
        json.dump(MDL_CONFIG, f, indent=2)
    with open(stamp, "w") as f:
        json.dump(want, f)


def machine():
    model, cores = "unknown CPU", os.cpu_count()
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    load = os.getloadavg()
    return f"{cores} cores, {model}, {mem_kib / 1024 / 1024:.1f} GiB RAM, {platform.system()} {platform.release()}", load


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="a few files and one run each: a smoke test")
    ap.add_argument("--runs", type=int, default=5, help="rounds per corpus measurement (the median counts)")
    ap.add_argument("--work", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--caselint", default=os.path.join(ROOT, "build", "src", "caselint"))
    ap.add_argument("--profile", default="aurora")
    args = ap.parse_args()
    if args.quick:
        args.count, args.big, args.doc_base, args.memory_doc, args.runs, small_runs = 64, [0.5], 64 * 1024, 4 << 20, 1, 5
        args.shape_base = 64 * 1024
        args.work += "-quick"
    else:
        args.count, args.big, args.doc_base, args.memory_doc, small_runs = 2000, [2, 3, 4], 1 << 20, 50 << 20, 21
        args.shape_base = 1 << 20
    generate(args.work, args)
    w = args.work
    corpus, large = os.path.join(w, "corpus"), os.path.join(w, "large")
    cmark = shutil.which("cmark-gfm")
    cl = [os.path.abspath(args.caselint), "check", "--profile", args.profile, "--no-color",
          "--max-file-size", "256MiB"]
    mdl = [MARKDOWNLINT, "--config", "bench.markdownlint-cli2.jsonc"]
    desc, load = machine()
    print(f"machine: {desc}; load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"caselint: {args.caselint} --profile {args.profile}; median of {args.runs} runs "
          f"({small_runs} for one small file)\n")

    results = {}

    def row(name, res, nbytes, nfiles):
        mbps = nbytes / 1e6 / res["median"]
        print(f"  {name:<22} {res['median']:>9.3f} s {mbps:>9.1f} MB/s {nfiles / res['median']:>10.0f} files/s "
              f"{res['rss_kib'] / 1024:>8.1f} MiB peak")

    deficient = os.path.join(w, "deficient")
    for label, d in (("corpus", corpus), ("deficient", deficient), ("large", large)):
        files = md_files(d)
        nbytes, nfiles = tree_bytes([d])
        print(f"{label}: {nfiles} files, {nbytes / 1e6:.1f} MB")
        r = measure_rounds([("caselint", cl + [d], None),
                            ("markdownlint-cli2", mdl + [os.path.relpath(f, w) for f in files], w),
                            ("cmark-gfm", [cmark] + files, None),
                            ("cmark-gfm GFM", [cmark] + GFM_EXTENSIONS + files, None)], args.runs)
        row("caselint", r["caselint"], nbytes, nfiles)
        row("markdownlint-cli2", r["markdownlint-cli2"], nbytes, nfiles)
        row("cmark-gfm (parse only)", r["cmark-gfm"], nbytes, nfiles)
        row("  with GFM extensions", r["cmark-gfm GFM"], nbytes, nfiles)
        print(f"  caselint's time in the same round: {paired_ratio(r['caselint'], r['cmark-gfm']):.2f}x cmark-gfm's "
              f"({paired_ratio(r['caselint'], r['cmark-gfm GFM']):.2f}x with the extensions caselint parses with), "
              f"1/{paired_ratio(r['markdownlint-cli2'], r['caselint']):.1f} of markdownlint-cli2's")
        results[label] = r
        print()

    small = os.path.join(corpus, "study-00001.md")
    print(f"one small file ({os.path.getsize(small)} bytes), process start to exit:")
    sm = {"caselint": measure(cl + [small], small_runs, precise=True),
          "cmark-gfm": measure([cmark, small], small_runs, precise=True),
          "markdownlint-cli2": measure(mdl + [os.path.relpath(small, w)], min(small_runs, 5), cwd=w)}
    for k, v in sm.items():
        print(f"  {k:<22} {v['median'] * 1000:>9.1f} ms {v['rss_kib'] / 1024:>8.1f} MiB peak")
    print()

    print("growth (caselint):")
    docs = {k: measure(cl + [os.path.join(w, f"docs-{k}x")], args.runs) for k in (1, 4, 16)}
    sizes = {k: measure(cl + [os.path.join(w, f"size-{k}x.md")], args.runs) for k in (1, 4, 16)}
    ndocs = {k: tree_bytes([os.path.join(w, f"docs-{k}x")])[1] for k in (1, 4, 16)}
    for k in (1, 4, 16):
        print(f"  {ndocs[k]:>6} documents   {docs[k]['median']:>8.3f} s      "
              f"one document of {args.doc_base * k / 1048576:>6.2f} MiB  {sizes[k]['median']:>8.3f} s "
              f"{sizes[k]['rss_kib'] / 1024:>7.1f} MiB peak")
    mem = measure(cl + [os.path.join(w, "memory.md")], 1)
    print(f"  one document of {args.memory_doc / 1048576:.0f} MiB: {mem['median']:.3f} s, "
          f"{mem['rss_kib'] / 1024:.1f} MiB peak\n")

    # Each shape at 1x, 4x and 16x: peak memory against 4 times the file
    # plus 32 MiB, and each 4x step within 5x the time.
    print("shapes (caselint, one document each):")
    shape_ok = {}
    for shape in SHAPES:
        r = {}
        for k in (1, 4, 16):
            path = os.path.join(w, f"shape-{shape}-{k}x.md")
            r[k] = measure(cl + [path], args.runs)
            r[k]["bytes"] = os.path.getsize(path)
        mem_ok = all(r[k]["rss_kib"] * 1024 <= 4 * r[k]["bytes"] + (32 << 20) for k in r)
        time_ok = all(r[b]["median"] <= 5 * r[a]["median"] for a, b in ((1, 4), (4, 16)))
        shape_ok[shape] = (mem_ok, time_ok, r)
        cells = "  ".join(f"{r[k]['bytes'] / 1048576:>5.1f} MiB {r[k]['median']:>7.3f} s "
                          f"{r[k]['rss_kib'] / 1024:>6.1f} MiB peak (bound {(4 * r[k]['bytes'] + (32 << 20)) / 1048576:.0f})"
                          for k in (1, 4, 16))
        print(f"  {shape:<13} {cells}  x{r[4]['median'] / r[1]['median']:.1f} then x{r[16]['median'] / r[4]['median']:.1f}")
    print()

    # Peak memory of each output format over the corpus (output to /dev/null).
    print(f"output formats over the corpus ({tree_bytes([corpus])[1]} files):")
    fmt = {}
    for f in FORMATS:
        fmt[f] = measure(cl + ["--format", f, corpus], args.runs)
        print(f"  {f:<8} {fmt[f]['median']:>8.3f} s {fmt[f]['rss_kib'] / 1024:>8.1f} MiB peak")
    print()

    c = results["corpus"]
    # Ratios of times taken in the same round (measure_rounds), the median
    # over the rounds.
    speedup = paired_ratio(c["markdownlint-cli2"], c["caselint"])
    vs_cmark = paired_ratio(c["caselint"], c["cmark-gfm GFM"])
    # Linear: each 4x step costs at most 4x (plus 30% for noise); a step
    # that costs less is start-up cost being spread out, not a problem.
    def growth_ok(t):
        return all(t[b]["median"] <= 4 * 1.3 * t[a]["median"] for a, b in ((1, 4), (4, 16)))

    def steps(t):
        return f"x{t[4]['median'] / t[1]['median']:.1f} then x{t[16]['median'] / t[4]['median']:.1f} per 4x"

    peak_corpus = c["caselint"]["rss_kib"] / 1024
    targets = [
        ("throughput >= 40x markdownlint-cli2 (corpus)", speedup >= 40, f"{speedup:.1f}x"),
        ("time <= 1.5x cmark-gfm with GFM extensions (corpus)", vs_cmark <= 1.5, f"{vs_cmark:.2f}x"),
        ("one small file < 5 ms", sm["caselint"]["median"] < 0.005, f"{sm['caselint']['median'] * 1000:.1f} ms"),
        ("peak memory < 64 MiB (corpus)", peak_corpus < 64, f"{peak_corpus:.1f} MiB"),
        (f"peak memory < 64 MiB ({args.memory_doc >> 20} MiB document)", mem["rss_kib"] / 1024 < 64,
         f"{mem['rss_kib'] / 1024:.1f} MiB"),
        ("linear in the number of documents", growth_ok(docs), steps(docs)),
        ("linear in the size of a document", growth_ok(sizes), steps(sizes)),
    ]
    for shape, (mem_ok, time_ok, r) in shape_ok.items():
        worst = max(r[k]["rss_kib"] * 1024 / (4 * r[k]["bytes"] + (32 << 20)) for k in r)
        targets.append((f"{shape}: peak <= 4x file + 32 MiB", mem_ok, f"{worst:.2f} of the bound at worst"))
        targets.append((f"{shape}: 4x input within 5x time", time_ok,
                        f"x{r[4]['median'] / r[1]['median']:.1f} then x{r[16]['median'] / r[4]['median']:.1f}"))
    for f in FORMATS:
        peak = fmt[f]["rss_kib"] / 1024
        targets.append((f"peak memory < 64 MiB (--format {f}, corpus)", peak < 64, f"{peak:.1f} MiB"))
    print("targets:")
    for name, ok, figure in targets:
        print(f"  {'met    ' if ok else 'not met'}  {name:<52} {figure}")
    load = os.getloadavg()
    print(f"\nload average at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (a loaded machine makes every figure slower)")
    return 0 if all(ok for _, ok, _ in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
