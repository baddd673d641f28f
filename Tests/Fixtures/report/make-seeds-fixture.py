#!/usr/bin/env python3
"""Writes seeds.ndjson: the two seed articles as `normalize` is meant to leave them.

The real pipeline is built in parallel, so this fixture is hand-made from the
acceptance facts: each mention is found in the cleaned text by its string, so
offsets are real code points. Run from the repository root:
    python3 Tests/Fixtures/report/make-seeds-fixture.py > Tests/Fixtures/report/seeds.ndjson
"""
import json, re, sys

def sentences(text):
    """Start offsets of sentences: after . ! ? followed by space, or a newline."""
    starts = [0]
    for m in re.finditer(r'(?<=[.!?])\s+|\n+', text):
        starts.append(m.end())
    return starts

def build(doc):
    text = doc["text"]
    starts = sentences(text)
    mentions, entities = [], {}
    for kind, needle, value, *nth in doc["facts"]:
        pos = -1
        for _ in range((nth[0] if nth else 0) + 1):
            pos = text.index(needle, pos + 1)
        sentence = max(i for i, s in enumerate(starts) if s <= pos)
        mention = {"kind": kind, "text": needle, "start": pos, "end": pos + len(needle), "sentence": sentence}
        if value is not None:
            mention["value"] = value
        mentions.append(mention)
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    for index, mention in enumerate(mentions):
        if mention["kind"] in ("person", "organization", "place") and "value" in mention:
            key = (mention["kind"], mention["value"]["name"])
            entity = entities.setdefault(key, {"kind": mention["kind"], "name": mention["value"]["name"], "mentions": []})
            entity["mentions"].append(index)
            for field in ("aliases", "type", "country"):
                if field in mention["value"]:
                    entity[field] = mention["value"][field]
    record = {k: doc[k] for k in ("id", "source", "fetched_at", "media_type") if k in doc}
    for k in ("title", "published", "tags", "lang"):
        if k in doc:
            record[k] = doc[k]
    record["text"] = text
    record["boilerplate"] = doc["boilerplate"]
    record["mentions"] = mentions
    record["entities"] = sorted(entities.values(), key=lambda e: (e["kind"], e["name"]))
    return record

def place(name, kind, country): return {"name": name, "type": kind, "country": country}
def org(name, aliases=()): return {"name": name, "aliases": list(aliases)}
def person(name, aliases=()): return {"name": name, "aliases": list(aliases)}
def money(amount, currency, eur=None):
    v = {"amount": amount, "currency": currency}
    if eur is not None:
        v["converted"] = {"amount": eur, "currency": "EUR", "rate_date": "2023-12-07"}
    return v
def qty(value, unit, approximate=False): return {"value": value, "unit": unit, "approximate": approximate}
def day(d): return {"date": d, "grain": {4: "year", 7: "month"}.get(len(d), "day")}

def seed_text(path, drop_from, drop_first_lines=0):
    raw = open(path, encoding="utf-8").read()
    body = raw.split(drop_from)[0] if drop_from else raw
    lines = body.split("\n")[drop_first_lines:]
    paragraphs = [p.strip() for p in "\n".join(lines).split("\n") if p.strip()]
    return "\n\n".join(paragraphs)

t0 = seed_text("seeds/000_1b62458d474aedcb.txt", "Leave a Reply", 1)
t1 = seed_text("seeds/001_550b7ae7a5070b9e.txt", "Read also:", 3)
docs = [
    {"id": "sha256:1b62458d474aedcb", "source": "seeds/000_1b62458d474aedcb.txt", "fetched_at": "2023-12-08T00:00:00Z",
     "media_type": "text/plain", "published": "2023-12-07", "lang": "en", "text": t0,
     "boilerplate": [{"kind": "comments", "text": "Leave a Reply\n\nYour email address will not be published. Required fields are marked *"}],
     "facts": [
        ("organization", "Ministry of Diaspora Affairs", org("Ministry of Diaspora Affairs")),
        ("place", "Azerbaijan", place("Azerbaijan", "country", "AZ")),
        ("organization", "Ministry of Foreign Affairs", org("Ministry of Foreign Affairs of Azerbaijan", ["Ministry of Foreign Affairs"])),
        ("place", "Ukraine", place("Ukraine", "country", "UA")),
        ("quantity", "450 power transformers", qty(450, "power transformers")),
        ("quantity", "500 generators", qty(500, "generators")),
        ("quantity", "150 mobile water purifiers", qty(150, "mobile water purifiers")),
        ("place", "Odessa", place("Odesa", "city", "UA")),
        ("place", "Ukraine", place("Ukraine", "country", "UA"), 1),
        ("money", "2.5 million dollars", money(2500000, "USD", 2318000)),
        ("organization", "Ministry of Diaspora Affairs", org("Ministry of Diaspora Affairs"), 1),
        ("place", "Azerbaijan", place("Azerbaijan", "country", "AZ"), 1),
        ("place", "Ukraine", place("Ukraine", "country", "UA"), 2),
        ("place", "Ukraine", place("Ukraine", "country", "UA"), 3),
        ("money", "90 million shekels", money(90000000, "ILS", 22590000)),
        ("place", "Azerbaijan", place("Azerbaijan", "country", "AZ"), 2),
        ("date", "February this year", day("2023-02")),
        ("quantity", "40,000 citizens", qty(40000, "citizens")),
        ("quantity", "24,000", qty(24000, "")),
        ("place", "Russia", place("Russia", "country", "RU")),
        ("organization", "Jewish Agency for Israel", org("Jewish Agency for Israel", ["Sochnut"])),
        ("place", "Baku", place("Baku", "city", "AZ")),
        ("place", "Moldova", place("Moldova", "country", "MD")),
        ("place", "Moscow", place("Moscow", "city", "RU")),
        ("organization", "NATO", org("NATO", ["North Atlantic Treaty Organization"])),
        ("place", "Black Sea", place("Black Sea", "region", "")),
     ]},
    {"id": "sha256:550b7ae7a5070b9e", "source": "seeds/001_550b7ae7a5070b9e.txt", "fetched_at": "2023-12-08T00:00:00Z",
     "media_type": "text/plain", "title": "Israel Opens Refugee Camps in Azerbaijan for Russian Jews Fleeing Country",
     "tags": ["News", "Azerbaijan"], "lang": "en", "text": t1,
     "boilerplate": [{"kind": "related", "text": "Read also: ..."}, {"kind": "recruitment", "text": "\"Caucasus Watch\" seeks local specialists ..."},
                     {"kind": "cookie", "text": "Our website uses cookies. ..."}],
     "facts": [
        ("place", "Russia", place("Russia", "country", "RU")),
        ("place", "Israel", place("Israel", "country", "IL")),
        ("place", "Finland", place("Finland", "country", "FI")),
        ("place", "Azerbaijan", place("Azerbaijan", "country", "AZ")),
        ("person", "Avigdor Lieberman", person("Avigdor Lieberman", ["Lieberman"])),
        ("person", "Pnina Tamano-Shata", person("Pnina Tamano-Shata")),
        ("money", "EUR 26.1 million", money(26100000, "EUR", 26100000)),
        ("date", "February of this year", {"unresolved": "no reference date"}),
        ("quantity", "40,000 people", qty(40000, "people")),
        ("quantity", "24,000", qty(24000, "")),
        ("organization", "Jewish Agency for Israel", org("Jewish Agency for Israel", ["Sochnut"])),
        ("organization", "Sochnut", org("Jewish Agency for Israel", ["Sochnut"])),
        ("place", "Poland", place("Poland", "country", "PL")),
        ("place", "Romania", place("Romania", "country", "RO")),
        ("date", "December 25, 1991", day("1991-12-25")),
        ("date", "April 7, 1992", day("1992-04-07")),
        ("quantity", "approximately 30,000 Jews", qty(30000, "Jews", True)),
        ("place", "Baku", place("Baku", "city", "AZ")),
        ("date", "1982", day("1982")),
        ("date", "2009", day("2009")),
        ("person", "Shimon Peres", person("Shimon Peres")),
        ("organization", "Aeronautics Defense Systems", org("Aeronautics Defense Systems")),
        ("date", "2012", day("2012")),
        ("organization", "Israel Aerospace Industries", org("Israel Aerospace Industries")),
        ("money", "$1.6 billion", money(1600000000, "USD", 1483520000)),
        ("date", "January 2019", day("2019-01")),
        ("organization", "State Border Service of Azerbaijan", org("State Border Service of Azerbaijan")),
        ("organization", "Elbit Systems", org("Elbit Systems")),
     ]},
]
for doc in docs:
    sys.stdout.write(json.dumps(build(doc), ensure_ascii=False, separators=(",", ":")) + "\n")
