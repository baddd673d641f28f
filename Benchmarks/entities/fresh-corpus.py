#!/usr/bin/env python3
"""Turns Benchmarks/entities/fresh-news.txt (marked-up sentences) into gold and input NDJSON.

usage: fresh-corpus.py SPLIT OUTDIR   (SPLIT: tune, held or all)
Writes OUTDIR/fresh.input.ndjson and OUTDIR/fresh.gold.ndjson in the dev-set layout."""
import json, os, re, sys

KINDS = {"P": "person", "O": "organization", "L": "place"}
split, outdir = sys.argv[1], sys.argv[2]
source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fresh-news.txt")
with open(os.path.join(outdir, "fresh.input.ndjson"), "w") as inputs, open(os.path.join(outdir, "fresh.gold.ndjson"), "w") as golds:
    for number, line in enumerate(open(source, encoding="utf-8")):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        part, marked = line.split("|", 1)
        if split != "all" and part != split:
            continue
        text, mentions, position = "", [], 0
        for match in re.finditer(r"\{([POL]):([^}]*)\}", marked):
            text += marked[position:match.start()]
            start = len(text)
            text += match.group(2)
            mentions.append({"kind": KINDS[match.group(1)], "start": start, "end": len(text), "text": match.group(2)})
            position = match.end()
        text += marked[position:]
        ident = f"fresh-{part}-{number:03d}"
        inputs.write(json.dumps({"id": ident, "text": text}) + "\n")
        golds.write(json.dumps({"id": ident, "kinds": list(KINDS.values()), "mentions": mentions, "ignore": []}) + "\n")
