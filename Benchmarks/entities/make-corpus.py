#!/usr/bin/env python3
"""Convert the marked-up entity corpus (Tests/Fixtures/eval/entities.txt) to JSONL.

Markup: [surface|kind] or [surface|kind|Canonical] or, for places,
[surface|place|Canonical|CC]. [surface|] marks a span that counts neither way.
Output lines: {"id", "text", "expected": [{kind, start, end, text, name?, country?}], "ignore": [[start, end]]}
with Python code-point offsets (text[start:end] is the mention).
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = os.path.join(ROOT, "Tests", "Fixtures", "eval", "entities.txt")
TARGET = os.path.join(ROOT, "Tests", "Fixtures", "eval", "entities.jsonl")
MARK = re.compile(r"\[([^\[\]|]+)\|([^\[\]]*)\]")


def convert(line):
    text, expected, ignore, position = "", [], [], 0
    for match in MARK.finditer(line):
        text += line[position:match.start()]
        surface = match.group(1)
        fields = match.group(2).split("|")
        start = len(text)
        text += surface
        end = len(text)
        position = match.end()
        if fields == [""]:
            ignore.append([start, end])
            continue
        item = {"kind": fields[0], "start": start, "end": end, "text": surface}
        if len(fields) > 1 and fields[1]:
            item["name"] = fields[1]
        if len(fields) > 2:
            item["country"] = fields[2]
        if item["kind"] not in ("person", "organization", "place"):
            sys.exit(f"unknown kind in: {line}")
        expected.append(item)
    text += line[position:]
    return text, expected, ignore


def main():
    with open(SOURCE, encoding="utf-8") as source, open(TARGET, "w", encoding="utf-8") as target:
        count = 0
        for line in source:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            count += 1
            text, expected, ignore = convert(line)
            record = {"id": f"entities-{count:03d}", "text": text, "expected": expected, "ignore": ignore}
            target.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{count} sentences -> {os.path.relpath(TARGET, ROOT)}")


if __name__ == "__main__":
    main()
