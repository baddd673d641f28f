#!/usr/bin/env python3
"""Read the numeric evaluation corpus (Tests/Fixtures/eval/numeric-*.txt) into cases.

The text format, one case per block:
    T: sentence as news prints it
    P: 2023-12-07            (optional publication date; "-" for none; default 2023-12-07)
    kind: span = value       (zero or more expected mentions; none means a negative case)

`python3 Benchmarks/numeric/corpus.py > Tests/Fixtures/eval/numeric.jsonl` writes the JSONL form.
"""
import glob, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_PUBLISHED = "2023-12-07"


def grain(iso):
    return {10: "day", 7: "month", 4: "year"}[len(iso)]


def parse_value(kind, raw):
    raw = raw.strip()
    if kind == "money":
        amount, code = raw.rsplit(" ", 1)
        if "-" in amount and not amount.startswith("-"):
            low, high = amount.split("-")
            return {"amount": float(low), "max": float(high), "currency": code}
        return {"amount": float(amount), "currency": code}
    if kind == "percent":
        if raw.endswith("pt"):
            return {"points": float(raw[:-2])}
        return {"value": float(raw)}
    if kind == "quantity":
        number, _, unit = raw.partition("|")
        flags = unit.split()
        approximate = "~" in flags
        bound = "min" if ">" in flags else "max" if "<" in flags else None
        unit = " ".join(w for w in flags if w not in ("~", ">", "<"))
        low, _, high = number.partition("..")
        value = {"value": float(low), "unit": unit, "approximate": approximate}
        if high:
            value["max"] = float(high)
        if bound:
            value["bound"] = bound
        return value
    if kind == "date":
        if raw == "?":
            return {"unresolved": True}
        if ".." in raw:
            low, high = raw.split("..")
            return {"from": low, "to": high}
        return {"date": raw, "grain": grain(raw)}
    return raw  # email, url


def cases(paths=None):
    paths = paths or sorted(glob.glob(os.path.join(ROOT, "Tests", "Fixtures", "eval", "numeric-*.txt")))
    result = []
    for path in paths:
        current = None
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            if line.startswith("T: "):
                current = {"id": f"{os.path.basename(path)}:{number}", "text": line[3:], "published": DEFAULT_PUBLISHED, "expect": []}
                result.append(current)
            elif line.startswith("P: "):
                value = line[3:].strip()
                current["published"] = None if value == "-" else value
            else:
                kind, _, rest = line.partition(": ")
                span, _, value = rest.rpartition(" = ")
                if kind not in ("date", "money", "quantity", "percent", "email", "url"):
                    sys.exit(f"{path}:{number}: unknown kind {kind!r}")
                if span not in current["text"]:
                    sys.exit(f"{path}:{number}: span {span!r} not in text")
                current["expect"].append({"kind": kind, "text": span, "value": parse_value(kind, value)})
    return result


if __name__ == "__main__":
    for case in cases():
        print(json.dumps(case, ensure_ascii=False))
