#!/usr/bin/env python3
"""Score normalised records against the entity corpus.

usage: score.py CORPUS.jsonl < normalised.ndjson
Records are matched to corpus lines by `id`. A predicted mention is a true
positive when kind, start and end equal an expected one. Predictions that
overlap an ignored span, and places nested inside an expected organisation
(the place an organisation is "of" or "for"), count neither way. Value accuracy:
of the true positives, the share whose value has the expected canonical name
(and country, for places).
"""
import json
import sys

KINDS = ("person", "organization", "place")


def main():
    corpus = {}
    with open(sys.argv[1], encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            corpus[record["id"]] = record
    stats = {kind: {"tp": 0, "fp": 0, "fn": 0, "values": 0, "value_ok": 0} for kind in KINDS}
    errors = []
    seen = set()
    for line in sys.stdin:
        record = json.loads(line)
        gold = corpus.get(record.get("id"))
        if gold is None:
            continue
        seen.add(gold["id"])
        expected = {(e["kind"], e["start"], e["end"]): e for e in gold["expected"]}
        organizations = [e for e in gold["expected"] if e["kind"] == "organization"]
        predicted = {}
        for mention in record.get("mentions") or []:
            if mention["kind"] not in KINDS:
                continue
            start, end = mention["start"], mention["end"]
            if any(start < b and a < end for a, b in gold["ignore"]):
                continue
            key = (mention["kind"], start, end)
            if mention["kind"] == "place" and key not in expected and any(
                    o["start"] <= start and end <= o["end"] for o in organizations):
                continue
            predicted[key] = mention
        for key, mention in predicted.items():
            kind = key[0]
            if key in expected:
                stats[kind]["tp"] += 1
                want = expected[key]
                value = mention.get("value") or {}
                name = want.get("name", want["text"])
                ok = value.get("name") == name or name in (value.get("aliases") or [])
                if kind == "place" and "country" in want:
                    ok = ok and (value.get("country") or "") == want["country"]
                stats[kind]["values"] += 1
                stats[kind]["value_ok"] += ok
                if not ok:
                    errors.append(f"value {gold['id']}: {mention['text']!r} -> {json.dumps(value, ensure_ascii=False)}; want {name} {want.get('country', '')}")
            else:
                stats[kind]["fp"] += 1
                errors.append(f"FP {gold['id']}: {kind} {mention['text']!r}   | {gold['text']}")
        for key, want in expected.items():
            if key not in predicted:
                stats[key[0]]["fn"] += 1
                errors.append(f"FN {gold['id']}: {key[0]} {want['text']!r}   | {gold['text']}")
    if "-v" in sys.argv:
        for error in errors:
            print(error, file=sys.stderr)
    missing = len(corpus) - len(seen)
    print(f"entities: {len(seen)} sentences scored" + (f" ({missing} missing from the output)" if missing else ""))
    print(f"{'kind':<14}{'precision':>10}{'recall':>10}{'F1':>8}{'value acc':>11}{'tp':>6}{'fp':>5}{'fn':>5}")
    for kind in KINDS:
        s = stats[kind]
        precision = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else 1.0
        recall = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        accuracy = s["value_ok"] / s["values"] if s["values"] else 1.0
        print(f"{kind:<14}{precision:>10.3f}{recall:>10.3f}{f1:>8.3f}{accuracy:>11.3f}{s['tp']:>6}{s['fp']:>5}{s['fn']:>5}")


if __name__ == "__main__":
    main()
