#!/usr/bin/env python3
"""Score `extract --only date | normalize` on the news-dates dev set (TimeBank 1.2 +
AQUAINT, ../shared/datasets/news-dates), and dateparser's search_dates on the same
documents when the bench venv has it, with the shared scorer (strict and relaxed
span F1, value accuracy on matched dates).

usage: news_dates.py BIN_DIR [--errors N]
Needs ../shared/datasets (or $GLEANER_DATASETS); says so and exits 0 when missing.
"""
import datetime, json, os, re, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
datasets = os.environ.get("GLEANER_DATASETS", os.path.join(root, "..", "shared", "datasets"))
suite = os.path.join(datasets, "news-dates")
scorer = os.path.join(datasets, "tools", "score_mentions.py")


def run_ours(bin_dir, source, target):
    with open(source, "rb") as given, open(target, "wb") as out:
        extract = subprocess.Popen([os.path.join(bin_dir, "extract"), "--only", "date"], stdin=given, stdout=subprocess.PIPE)
        subprocess.run([os.path.join(bin_dir, "normalize"), "--only", "date"], stdin=extract.stdout, stdout=out, check=True)
        extract.stdout.close()
        if extract.wait() != 0:
            sys.exit("news_dates.py: extract failed")


MONTHS = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.I)


def run_dateparser(source, target):
    """dateparser's search_dates; a found text with no day and a month name is a month,
    a bare number a year, else a day (dateparser returns datetimes, not grains)."""
    from dateparser.search import search_dates
    with open(source, encoding="utf-8") as given, open(target, "w", encoding="utf-8") as out:
        for line in given:
            record = json.loads(line)
            text, mentions, cursor = record["text"], [], 0
            base = datetime.datetime.fromisoformat(record["published"][:10]) if record.get("published") else None
            settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"} if base else {"PREFER_DATES_FROM": "past"}
            try:
                found = search_dates(text, languages=["en"], settings=settings) or []
            except Exception:  # dateparser raises on some inputs; count as nothing found
                found = []
            for surface, when in found:
                start = text.find(surface, cursor)
                if start < 0:
                    start = text.find(surface)
                if start < 0:
                    continue
                cursor = start + len(surface)
                if re.fullmatch(r"\s*\d{4}\s*", surface):
                    value = {"date": f"{when.year:04d}", "grain": "year"}
                elif MONTHS.search(surface) and not re.search(r"\d{1,2}(st|nd|rd|th)?\b(?!\d)", surface.replace(str(when.year), "")):
                    value = {"date": f"{when.year:04d}-{when.month:02d}", "grain": "month"}
                else:
                    value = {"date": when.date().isoformat(), "grain": "day"}
                mentions.append({"kind": "date", "start": len(text[:start]), "end": len(text[:start]) + len(surface),
                                 "text": surface, "value": value})
            out.write(json.dumps({"id": record["id"], "mentions": mentions}) + "\n")


def score(gold, pred, errors):
    command = [sys.executable, scorer, gold, pred] + (["--errors", str(errors)] if errors else ["--quiet"])
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    if errors:
        print("\n".join(line for line in result.stdout.splitlines() if not line.startswith("{")))
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    if not os.path.exists(os.path.join(suite, "gold.ndjson")):
        print(f"news-dates: {suite} not found; skipped")
        return
    bin_dir = sys.argv[1]
    errors = int(sys.argv[sys.argv.index("--errors") + 1]) if "--errors" in sys.argv else 0
    source, gold = os.path.join(suite, "input.ndjson"), os.path.join(suite, "gold.ndjson")
    rows = []
    with tempfile.TemporaryDirectory() as work:
        ours = os.path.join(work, "gleaner.ndjson")
        run_ours(bin_dir, source, ours)
        rows.append(("gleaner (extract, normalize)", score(gold, ours, errors)))
        try:
            import dateparser  # noqa: F401
            peer = os.path.join(work, "dateparser.ndjson")
            run_dateparser(source, peer)
            rows.append((f"dateparser {dateparser.__version__} search_dates", score(gold, peer, 0)))
        except ImportError:
            rows.append(("dateparser", None))
    print("news-dates (TimeBank 1.2 + AQUAINT, 256 documents, 1,044 dates; values against each document's date)")
    print("| tool | strict P | strict R | strict F1 | relaxed F1 | value accuracy (matched) | value recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, row in rows:
        if row is None:
            print(f"| {name} | not installed (Benchmarks/numeric/bench.sh makes .venv) | | | | | |")
            continue
        print(f"| {name} | {row['strict_p']:.3f} | {row['strict_r']:.3f} | {row['strict_f1']:.3f} | {row['relaxed_f1']:.3f} "
              f"| {row['value_acc']:.3f} ({row['value_n']}) | {row['value_recall']:.3f} |")


if __name__ == "__main__":
    main()
