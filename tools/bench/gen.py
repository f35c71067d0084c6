#!/usr/bin/env python3
"""Deterministic synthetic case studies for tools/bench/run.sh.

  gen.py corpus OUT --count N [--seed S] [--big SIZE_MB ...]
      N studies of 4-12 KB (study-00001.md ...), plus one study of SIZE_MB
      megabytes per --big (big-1.md ...).
  gen.py big OUT.md --size BYTES [--seed S]
      one study of about BYTES bytes (a long engagement with many phases).
  gen.py corpus OUT --count N --deficient
      N studies that miss what a checklist asks for (sections, facts, a
      diagram) and say what a public page must not: many findings each.
  gen.py shape OUT.md --shape SHAPE --size BYTES
      one study whose body is SHAPE repeated to about BYTES bytes: tables,
      labelled (many short "Label: value" lines), links, list, headings or
      front-matter (one long front matter).

The same arguments always give the same bytes: a fixed seed, no clock, no
environment. The studies have the shape of the ones in corpus/studies: front
matter, labelled facts, Challenge / Solution / Results sections, a database
characteristics table, dates, AWS service names, sizes and percentages.
"""
import argparse
import os
import random
import sys

FIRST = ["Northwind", "Harbor", "Alder", "Lumen", "Kestrel", "Granite", "Meridian", "Pinecrest", "Redwater",
         "Sabletree", "Tessera", "Oakridge", "Halcyon", "Corvid", "Larkspur", "Fernwood", "Vantage", "Solace",
         "Brightpath", "Quillon", "Orbital", "Cinder", "Juniper", "Bluestone", "Copperfield", "Driftwood",
         "Evergreen", "Foxglove", "Glacier", "Hawthorn", "Ironbark", "Jasper", "Keystone", "Lodestar", "Marlow",
         "Nimbus", "Obsidian", "Peregrine", "Quartz", "Riverside", "Saffron", "Thistle", "Umber", "Verdant",
         "Willow", "Yarrow", "Zephyr", "Ashford", "Birchwood", "Crestline"]
SECOND = ["Freight", "Analytics", "Bank", "Health", "Energy", "Insurance", "Retail", "Media", "Logistics",
          "Learning", "Payments", "Foods", "Telecom", "Travel", "Mobility", "Pharma", "Software", "Robotics",
          "Credit Union", "Utilities", "Airlines", "Games", "Labs", "Capital", "Grocers"]
LEGAL = ["", "", "", " Ltd.", " Inc.", " GmbH", " LLC", " plc"]
INDUSTRY = ["Transportation and Logistics", "Financial Services", "Healthcare", "Energy", "Retail",
            "Media and Entertainment", "Education", "Insurance", "Manufacturing", "Telecommunications"]
PARTNERS = ["Cloudreach Partners", "Stratus Consulting", "Nimbus Data Works", "Bluefin Cloud", "Arcadia Systems",
            "Keel Engineering", "Pivot Data", "Summit Cloud Services"]
ENGINES = [("Amazon Aurora MySQL-Compatible Edition", "MySQL 5.7", "mysql"),
           ("Amazon Aurora PostgreSQL-Compatible Edition", "PostgreSQL 11", "postgres"),
           ("Amazon Aurora PostgreSQL-Compatible Edition", "Oracle Database 12c", "oracle"),
           ("Amazon Aurora MySQL-Compatible Edition", "Microsoft SQL Server 2016", "sqlserver")]
SERVICES = ["AWS Database Migration Service", "Amazon CloudWatch", "AWS Secrets Manager", "AWS Key Management Service",
            "Amazon S3", "AWS Lambda", "Amazon EC2", "AWS Identity and Access Management", "Amazon EventBridge",
            "AWS Backup", "Amazon RDS Proxy", "AWS CloudFormation", "Amazon ElastiCache", "Amazon SNS",
            "AWS Schema Conversion Tool", "Amazon VPC", "Amazon Route 53", "AWS Systems Manager"]
TOOLS = ["Percona Toolkit", "Datadog", "Terraform Cloud", "pgBadger", "Liquibase", "Flyway", "Grafana", "PagerDuty",
         "Jenkins", "GitLab CI", "Ansible", "Splunk"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WORKLOADS = ["dispatch platform", "claims system", "order management system", "patient portal", "trading ledger",
             "loyalty programme", "booking engine", "billing platform", "content catalogue", "telemetry store"]
VERBS = ["assigns", "settles", "tracks", "records", "serves", "prices", "schedules", "reconciles"]
NOUNS = ["shipments", "claims", "orders", "appointments", "trades", "rewards", "bookings", "invoices", "titles",
         "readings"]

# Sentences with slots; each paragraph draws a few of them.
CHALLENGE = [
    "The {workload} ran on a pair of self-managed {source} instances on Amazon EC2.",
    "Replication lag regularly reached {n} seconds during the morning peak, so operators saw stale data.",
    "Failover was a manual runbook that took the on-call DBA about {n} minutes.",
    "The {size} database was growing about {pct}% a year, and storage was provisioned by hand.",
    "Licence renewals for {source} were due in {month} {year}, and the team wanted to avoid another term.",
    "The batch job that {verb} {noun} overnight often ran into business hours.",
    "Nobody on the team had tested a restore from backup in the last {n} months.",
]
SOLUTION = [
    "We proposed a move to {engine} with one writer and {k} reader instances across three Availability Zones.",
    "The migration used AWS Database Migration Service with full load plus change data capture, so the cut-over window stayed under {n} minutes.",
    "We reviewed the schema and the {n} slowest statements with {tool} before the move.",
    "Credentials are rotated through AWS Secrets Manager every {k}0 days; the application reads them at start-up.",
    "Amazon CloudWatch alarms on replica lag and DMS latency are forwarded to the customer's {tool} dashboards.",
    "The cluster, parameter groups and DMS tasks are defined in {tool}, reviewed like application code.",
    "We replaced one-connection-per-request code with a connection pool of {n} connections per node.",
]
RESULTS = [
    "Database costs fell {pct}% in the first quarter after the cut-over.",
    "Replica lag stays under {k}0 milliseconds at peak, down from {n} seconds.",
    "Failover now takes about {k}0 seconds and no longer needs the on-call DBA.",
    "The platform now {verb} {n},000 {noun} a day without overnight batch windows.",
    "Point-in-time restore to any second of the last {k} days was tested in {month} {year}.",
    "The recovery point objective is {k} minutes and the recovery time objective is {n} minutes.",
]
LESSONS = [
    "Test the restore, not only the backup: the first rehearsal found a missing parameter group.",
    "Move read-heavy reports to the reader endpoint before the cut-over, not after.",
    "Keep the DMS validation tasks running for a week after the move to catch drift.",
    "Size the connection pool from measured concurrency rather than from the old server's limits.",
]


def sentence(rng, templates, ctx):
    t = rng.choice(templates)
    return t.format(n=rng.randint(5, 95), k=rng.randint(2, 6), pct=rng.randint(12, 64), size=ctx["size"],
                    source=ctx["source"], engine=ctx["engine"], tool=rng.choice(ctx["tools"]),
                    workload=ctx["workload"], month=rng.choice(MONTHS), year=rng.choice([2022, 2023, 2024]),
                    verb=rng.choice(VERBS), noun=rng.choice(NOUNS))


def paragraph(rng, templates, ctx, sentences):
    words = " ".join(sentence(rng, templates, ctx) for _ in range(sentences))
    # Wrap at about 78 columns, as hand-written Markdown is.
    lines, line = [], ""
    for w in words.split(" "):
        if line and len(line) + 1 + len(w) > 78:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    lines.append(line)
    return "\n".join(lines) + "\n"


def context(rng, index):
    name = f"{rng.choice(FIRST)} {rng.choice(SECOND)}"
    engine, source, _ = rng.choice(ENGINES)
    size_gb = rng.choice([60, 180, 420, 900, 1200, 2600, 4800])
    return {
        "index": index,
        "name": name,
        "legal": name + rng.choice(LEGAL),
        "partner": rng.choice(PARTNERS),
        "engine": engine,
        "source": source,
        "size": f"{size_gb / 1000:.1f} TB" if size_gb >= 1000 else f"{size_gb} GB",
        "workload": rng.choice(WORKLOADS),
        "services": ["Amazon Aurora"] + rng.sample(SERVICES, rng.randint(3, 6)),
        "tools": rng.sample(TOOLS, 3),
        "industry": rng.choice(INDUSTRY),
        "year": rng.choice([2022, 2023, 2024]),
        "start_month": rng.randint(1, 6),
    }


def head(ctx, rng):
    y, m = ctx["year"], ctx["start_month"]
    services = ", ".join(f'"{s}"' for s in ctx["services"])
    account = f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
    return (
        "---\n"
        f'title: "How {ctx["name"]} moved its {ctx["workload"]} to Amazon Aurora"\n'
        f"date: {y + 1}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
        f'description: "{ctx["name"]} moved from self-managed {ctx["source"]} to {ctx["engine"]}."\n'
        f"client: {ctx['legal']}\n"
        f"partner: {ctx['partner']}\n"
        f"industry: {ctx['industry']}\n"
        f"services: [{services}]\n"
        "program: aurora\n"
        "---\n\n"
        f"**Customer:** {ctx['legal']}  \n"
        f"**AWS account ID:** {account}  \n"
        f"**Project start:** {y}-{m:02d}-{rng.randint(1, 28):02d}  \n"
        f"**Project end:** {y}-{m + rng.randint(2, 6):02d}-{rng.randint(1, 28):02d}  \n"
        f"**Third-party tools:** {', '.join(ctx['tools'])}\n\n"
        f"{ctx['name']} {rng.choice(VERBS)} about {rng.randint(5, 90)},000 {rng.choice(NOUNS)} a day for "
        f"customers in {rng.randint(3, 40)} countries.\n"
    )


def table(ctx, rng):
    return (
        "\n### Database characteristics\n\n"
        "| Initial size | Yearly growth | Tables | Peak concurrent requests | Reads | Writes |\n"
        "|---|---|---|---|---|---|\n"
        f"| {ctx['size']} | {rng.randint(10, 60)}% | {rng.randint(40, 900)} | {rng.randint(2, 30)},"
        f"{rng.randint(100, 999)} | {(r := rng.randint(55, 90))}% | {100 - r}% |\n"
    )


def body(ctx, rng, budget):
    """The sections after the head, about `budget` bytes of prose in all."""
    per = max(3, budget // 1000)  # paragraphs of ~4 sentences, ~400 bytes
    parts = ["\n## The challenge\n\n"]
    parts += [paragraph(rng, CHALLENGE, ctx, 4) + "\n" for _ in range(max(1, per // 3))]
    parts.append(table(ctx, rng))
    parts.append("\n## Our solution\n\n")
    parts += [paragraph(rng, SOLUTION, ctx, 4) + "\n" for _ in range(max(1, per // 3))]
    parts.append("".join(f"- {s} for {rng.choice(['credentials', 'monitoring', 'backups', 'events', 'storage'])}\n"
                         for s in ctx["services"][1:]))
    slug = ctx["name"].lower().replace(" ", "-")
    parts.append(f'\n{{{{< figure src="/images/case-studies/{slug}/aurora-architecture.png" '
                 f'alt="Target architecture on Amazon Aurora" caption="Figure 1: architecture after the migration" >}}}}\n')
    parts.append("\n## Security\n\n")
    parts.append("- Storage and snapshots are encrypted at rest with a customer-managed AWS KMS key.\n"
                 "- IAM roles separate the DBA, deployment and read-only support duties.\n"
                 "- The cluster sits in private subnets; security groups admit only the application tier.\n")
    parts.append("\n## Backup and recovery\n\n")
    parts.append(paragraph(rng, RESULTS[3:], ctx, 3))
    parts.append("\n## Results\n\n")
    lessons = "## Lessons learned\n\n" + "".join(f"- {s}\n" for s in rng.sample(LESSONS, 2))
    # Results take what is left of the budget, at least one paragraph.
    while True:
        parts.append(paragraph(rng, RESULTS, ctx, 4) + "\n")
        if sum(len(p) for p in parts) + len(lessons) >= budget:
            break
    parts.append(lessons)
    return "".join(parts)


def study(seed, index, size):
    rng = random.Random(f"{seed}:{index}")
    ctx = context(rng, index)
    text = head(ctx, rng)
    return text + body(ctx, rng, size - len(text))


def big_study(seed, size):
    """One long study: the usual head and sections, then phase after phase of
    results until the size is reached."""
    rng = random.Random(f"{seed}:big:{size}")
    ctx = context(rng, 0)
    parts = [head(ctx, rng), body(ctx, rng, 4000), "\n## Delivery log\n"]
    total = sum(len(p) for p in parts)
    phase = 0
    while total < size:
        phase += 1
        block = (f"\n### Phase {phase}: {rng.choice(MONTHS)} {rng.choice([2022, 2023, 2024])}\n\n"
                 + paragraph(rng, SOLUTION, ctx, 3) + "\n" + paragraph(rng, RESULTS, ctx, 3)
                 + (table(ctx, rng) if phase % 10 == 0 else ""))
        parts.append(block)
        total += len(block)
    return "".join(parts)


def deficient_study(seed, index, size):
    """A study with many findings: no Challenge or Results heading, a small
    database, an end before the start, a placeholder account ID, internal
    hosts and e-mail, a draft marker, no diagram, vague wording."""
    rng = random.Random(f"{seed}:deficient:{index}")
    ctx = context(rng, index)
    y = ctx["year"]
    parts = [
        "---\n"
        f'title: "{ctx["name"]} on AWS"\n'
        "program: aurora\n"
        "---\n\n"
        "TODO: ask the customer before publishing.\n\n"
        f"**Customer:** the customer\n"
        f"**AWS account ID:** 123456789012\n"
        f"**Project start:** {y}-09-{rng.randint(1, 28):02d}\n"
        f"**Project end:** {y}-03-{rng.randint(1, 28):02d}\n"
        f"**Database size:** {rng.randint(2, 20)} GB\n\n"
        "## Overview\n\n",
    ]
    total = sum(len(p) for p in parts)
    while total < size:
        block = (paragraph(rng, CHALLENGE + SOLUTION, ctx, 4) + "\n"
                 f"Contact dba{rng.randint(1, 99)}@corp.internal or open http://db{rng.randint(1, 99)}.corp.local/admin. "
                 f"Reads were {rng.randint(60, 90)}% and writes {rng.randint(30, 60)}% of requests. "
                 "The team used best-in-class, world-class tooling to leverage synergies.\n\n")
        parts.append(block)
        total += len(block)
    return "".join(parts)


def shape_study(seed, shape, size):
    """A study whose body is one shape repeated to about `size` bytes."""
    rng = random.Random(f"{seed}:shape:{shape}:{size}")
    ctx = context(rng, 0)
    if shape == "front-matter":
        parts = ["---\n", f'title: "{ctx["name"]} on Amazon Aurora"\n', "program: aurora\n", "notes:\n"]
        total = sum(len(p) for p in parts)
        k = 0
        while total < size:
            k += 1
            line = f"  - \"Note {k}: the {ctx['workload']} {rng.choice(VERBS)} {rng.choice(NOUNS)} ({rng.randint(1, 999)})\"\n"
            parts.append(line)
            total += len(line)
        parts.append("---\n\n## The challenge\n\nShort.\n")
        return "".join(parts)
    parts = [head(ctx, rng), "\n## The challenge\n\n"]
    total = sum(len(p) for p in parts)
    k = 0
    while total < size:
        k += 1
        if shape == "tables":
            block = ("| Initial size | Growth | Tables | Requests | Reads | Writes |\n|---|---|---|---|---|---|\n"
                     + "".join(f"| {rng.randint(1, 900)} GB | {rng.randint(1, 60)}% | {rng.randint(1, 900)} | "
                               f"{rng.randint(1, 9)},{rng.randint(100, 999)} | {rng.randint(50, 90)}% | "
                               f"{rng.randint(10, 50)}% |\n" for _ in range(20)) + "\n")
        elif shape == "labelled":
            block = (f"Customer: {ctx['legal']}\nThe database is {rng.randint(1, 900)} GB.\n"
                     f"Start date: {ctx['year']}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n\n")
        elif shape == "links":
            block = " ".join(f"[{rng.choice(NOUNS)} {k}.{j}](https://example.com/{rng.choice(NOUNS)}/{k}/{j})"
                             for j in range(8)) + "\n\n"
        elif shape == "list":
            block = f"- {rng.choice(SERVICES)} {rng.choice(VERBS)} {rng.choice(NOUNS)} ({k})\n"
        elif shape == "headings":
            block = f"## {rng.choice(['Challenge', 'Solution', 'Results', 'Phase'])} {k}\n\n"
        else:
            raise SystemExit(f"gen.py: unknown shape {shape}")
        parts.append(block)
        total += len(block)
    return "".join(parts)


SHAPES = ["tables", "labelled", "links", "list", "headings", "front-matter"]


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("corpus")
    c.add_argument("out")
    c.add_argument("--count", type=int, default=2000)
    c.add_argument("--seed", default="caselint-bench-1")
    c.add_argument("--big", type=float, nargs="*", default=[])
    c.add_argument("--deficient", action="store_true")
    b = sub.add_parser("big")
    b.add_argument("out")
    b.add_argument("--size", type=int, required=True)
    b.add_argument("--seed", default="caselint-bench-1")
    sh = sub.add_parser("shape")
    sh.add_argument("out")
    sh.add_argument("--shape", choices=SHAPES, required=True)
    sh.add_argument("--size", type=int, required=True)
    sh.add_argument("--seed", default="caselint-bench-1")
    a = ap.parse_args()
    if a.cmd == "corpus":
        os.makedirs(a.out, exist_ok=True)
        sizes = random.Random(f"{a.seed}:sizes")
        make = deficient_study if a.deficient else study
        for i in range(1, a.count + 1):
            write(os.path.join(a.out, f"study-{i:05d}.md"), make(a.seed, i, sizes.randint(4096, 12288)))
        for i, mb in enumerate(a.big, 1):
            write(os.path.join(a.out, f"big-{i}.md"), big_study(a.seed, int(mb * 1024 * 1024)))
    elif a.cmd == "shape":
        write(a.out, shape_study(a.seed, a.shape, a.size))
    else:
        write(a.out, big_study(a.seed, a.size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
