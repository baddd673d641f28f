#!/usr/bin/env python3
"""Evaluate `extract | normalize` on the numeric corpus: precision, recall, F1
and value accuracy per kind (exact span match; a value is right when every
field the corpus gives agrees).

usage: eval.py BIN_DIR [--show-errors] [--files numeric-4.txt,numeric-5.txt]
(--files: only those corpus files, e.g. a tuned half and its held-out twin)
"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402

KINDS = ["date", "money", "quantity", "percent", "email", "url"]


def close(a, b):
    try:
        return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def value_ok(kind, want, got):
    if kind in ("email", "url"):
        return want == got
    if not isinstance(got, dict):
        return False
    if kind == "date":
        if "unresolved" in want:
            return "unresolved" in got
        if "from" in want:
            return got.get("from") == want["from"] and got.get("to") == want["to"]
        return got.get("date") == want["date"] and got.get("grain") == want["grain"]
    if kind == "money":
        return close(got.get("amount"), want["amount"]) and got.get("currency") == want["currency"] and (
            "max" not in want or close(got.get("max"), want["max"]))
    if kind == "percent":
        key = "points" if "points" in want else "value"
        return close(got.get(key), want[key])
    if kind == "quantity":
        return (close(got.get("value"), want["value"]) and got.get("approximate") == want["approximate"]
                and got.get("bound") == want.get("bound") and ("max" not in want or close(got.get("max"), want["max"]))
                and str(got.get("unit", "")).casefold() == want["unit"].casefold())
    return False


def main():
    bin_dir = sys.argv[1]
    show = "--show-errors" in sys.argv
    paths = None
    if "--files" in sys.argv:
        names = sys.argv[sys.argv.index("--files") + 1].split(",")
        paths = [os.path.join(corpus.ROOT, "Tests", "Fixtures", "eval", name) for name in names]
    cases = corpus.cases(paths)
    lines = []
    for case in cases:
        record = {"id": case["id"], "text": case["text"]}
        if case["published"]:
            record["published"] = case["published"]
        lines.append(json.dumps(record, ensure_ascii=False))
    extracted = subprocess.run([os.path.join(bin_dir, "extract")], input="\n".join(lines).encode() + b"\n",
                               capture_output=True, check=False)
    if extracted.returncode != 0:
        sys.exit(f"extract failed: {extracted.stderr.decode()}")
    normalize = subprocess.run([os.path.join(bin_dir, "normalize")], input=extracted.stdout, capture_output=True, check=False)
    output = normalize.stdout.decode()
    if normalize.returncode != 0:
        sys.exit(f"normalize failed: {normalize.stderr.decode()}")
    records = [json.loads(line) for line in output.splitlines() if line.strip()]
    assert len(records) == len(cases), (len(records), len(cases))
    stats = {k: {"gold": 0, "pred": 0, "tp": 0, "value": 0} for k in KINDS}
    errors = []
    for case, record in zip(cases, records):
        predicted = [m for m in record.get("mentions", []) if m["kind"] in KINDS]
        expected = list(case["expect"])
        for e in expected:
            stats[e["kind"]]["gold"] += 1
        for m in predicted:
            stats[m["kind"]]["pred"] += 1
        unmatched = list(predicted)
        for e in expected:
            hit = next((m for m in unmatched if m["kind"] == e["kind"] and m["text"] == e["text"]), None)
            if hit is None:
                errors.append(f"MISS {case['id']} {e['kind']} {e['text']!r} | {case['text']}")
                continue
            unmatched.remove(hit)
            stats[e["kind"]]["tp"] += 1
            if value_ok(e["kind"], e["value"], hit.get("value")):
                stats[e["kind"]]["value"] += 1
            else:
                errors.append(f"VALUE {case['id']} {e['kind']} {e['text']!r} want {json.dumps(e['value'])} got {json.dumps(hit.get('value'))}")
        for m in unmatched:
            errors.append(f"EXTRA {case['id']} {m['kind']} {m['text']!r} | {case['text']}")
    label = ", ".join(os.path.basename(p) for p in paths) if paths else "all files"
    print(f"numeric eval ({label}): {len(cases)} cases, exact-span matching; value recall = right values / gold")
    print(f"| kind | gold | predicted | precision | recall | F1 | value accuracy | value recall |")
    print(f"|---|---:|---:|---:|---:|---:|---:|---:|")
    total = {"gold": 0, "pred": 0, "tp": 0, "value": 0}
    for kind in KINDS + ["all"]:
        s = total if kind == "all" else stats[kind]
        if kind != "all":
            for key in total:
                total[key] += s[key]
        p = s["tp"] / s["pred"] if s["pred"] else 1.0
        r = s["tp"] / s["gold"] if s["gold"] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        v = s["value"] / s["tp"] if s["tp"] else 0.0
        recall = s["value"] / s["gold"] if s["gold"] else 1.0
        print(f"| {kind} | {s['gold']} | {s['pred']} | {p:.3f} | {r:.3f} | {f:.3f} | {v:.3f} | {recall:.3f} |")
    if show:
        print()
        for line in errors:
            print(line)


if __name__ == "__main__":
    main()
