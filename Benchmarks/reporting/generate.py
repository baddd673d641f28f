#!/usr/bin/env python3
"""Generates N normalised records (the record contract after `normalize`) for the report benchmark.

Deterministic (seeded). Each document reports three to five events drawn from
a shared pool, so the same fact recurs across documents (shown once with all
sources) and, now and then, a document gives a different figure for the same
event (a conflict). Usage: generate.py N > records.ndjson
"""
import json, random, sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
rng = random.Random(20231207)

FIRST = ["Maria", "Ahmed", "Jonas", "Li", "Olena", "Pedro", "Amara", "Yuki", "Hannah", "Tomasz", "Fatima", "Diego",
         "Ingrid", "Kwame", "Sofia", "Ravi", "Elena", "Omar", "Chen", "Nadia"]
LAST = ["Lopez", "Karimi", "Berg", "Wei", "Shevchenko", "Silva", "Okafor", "Tanaka", "Fischer", "Nowak", "Haddad",
        "Garcia", "Larsen", "Mensah", "Rossi", "Patel", "Ivanova", "Farouk", "Zhang", "Kovacs"]
ORGS = [("World Health Organization", "WHO"), ("European Central Bank", "ECB"), ("International Red Cross", "ICRC"),
        ("United Nations", "UN"), ("World Bank", "WB"), ("Ministry of Finance", None), ("Ministry of Health", None),
        ("Port Authority", None), ("National Grid", None), ("Central Statistics Office", "CSO")]
PLACES = [("Kyiv", "city", "UA"), ("Berlin", "city", "DE"), ("Kenya", "country", "KE"), ("Lima", "city", "PE"),
          ("Poland", "country", "PL"), ("Baku", "city", "AZ"), ("Nairobi", "city", "KE"), ("Chile", "country", "CL"),
          ("Odesa", "city", "UA"), ("Finland", "country", "FI"), ("Jakarta", "city", "ID"), ("Morocco", "country", "MA")]
CURRENCIES = [("USD", "dollars", 0.92), ("EUR", "euros", 1.0), ("GBP", "pounds", 1.16), ("KES", "shillings", 0.0062)]
UNITS = ["families", "schools", "generators", "tonnes of grain", "doctors", "homes", "trucks", "volunteers"]
ACTIONS = [
    "approved a reconstruction fund of {money} for {quantity} in {place}",
    "announced emergency deliveries worth {money} to reach {quantity} near {place}",
    "pledged {money} to support {quantity} affected by the floods in {place}",
    "set aside {money} to rebuild {quantity} damaged by the storm in {place}",
    "signed a contract worth {money} covering {quantity} across {place}",
]
FILLER = [
    "Officials said the plan would be reviewed at the end of the quarter.",
    "Local residents welcomed the decision but asked for faster payments.",
    "The announcement followed weeks of negotiations between the partners.",
    "Critics argued that the measures came too late for many households.",
    "A spokesperson declined to give further details on the timetable.",
    "Independent observers will monitor how the money is spent.",
]

EVENTS = []
for e in range(max(1000, N // 5)):
    currency, word, rate = rng.choice(CURRENCIES)
    amount = rng.choice([1.5, 2, 2.5, 4, 7.5, 10, 12, 25, 40, 90, 120, 300]) * 1_000_000
    EVENTS.append({
        "org": rng.choice(ORGS), "place": rng.choice(PLACES), "action": rng.choice(ACTIONS),
        "currency": currency, "word": word, "rate": rate, "amount": amount,
        "qty": rng.choice([120, 450, 500, 1500, 2000, 40000]), "unit": rng.choice(UNITS),
        "year": rng.randint(1990, 2023), "month": rng.randint(1, 12), "day": rng.randint(1, 28),
        "person": rng.choice(FIRST) + " " + rng.choice(LAST),
    })

def money_text(amount, word):
    millions = amount / 1_000_000
    return ("%g million %s" % (millions, word))

def record(index):
    parts, mentions, entities = [], [], {}
    offset = 0
    def add(sentence, found):
        nonlocal offset
        sentence_index = len(parts)
        for kind, text, value in found:
            start = sentence.index(text)
            m = {"kind": kind, "text": text, "start": offset + start, "end": offset + start + len(text),
                 "sentence": sentence_index, "value": value}
            mentions.append(m)
        parts.append(sentence)
        offset += len(sentence) + 1
    events = rng.sample(range(len(EVENTS)), rng.randint(3, 5))
    for e in events:
        ev = EVENTS[e]
        amount = ev["amount"]
        if rng.random() < 0.03:
            amount = amount * rng.choice([0.8, 1.25, 2])  # a different figure for the same event
        org, alias = ev["org"]
        org_text = alias if alias and rng.random() < 0.3 else org
        place, ptype, country = ev["place"]
        mtext = money_text(amount, ev["word"])
        qtext = "{:,} {}".format(ev["qty"], ev["unit"])
        date_text = "%s %d, %d" % (["January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"][ev["month"] - 1], ev["day"], ev["year"])
        sentence = "On %s, the %s %s." % (date_text, org_text, ev["action"].format(money=mtext, quantity=qtext, place=place))
        money_value = {"amount": amount, "currency": ev["currency"],
                       "converted": {"amount": round(amount * ev["rate"], 2), "currency": "EUR", "rate_date": "2023-12-07"}}
        add(sentence, [
            ("date", date_text, {"date": "%04d-%02d-%02d" % (ev["year"], ev["month"], ev["day"]), "grain": "day"}),
            ("organization", org_text, {"name": org, "aliases": [alias] if alias else []}),
            ("money", mtext, money_value),
            ("quantity", qtext, {"value": ev["qty"], "unit": ev["unit"], "approximate": False}),
            ("place", place, {"name": place, "type": ptype, "country": country}),
        ])
        person = ev["person"]
        share = rng.randint(10, 90)
        add("%s, who leads the programme, said %d percent of the funds were already committed." % (person, share), [
            ("person", person, {"name": person, "aliases": [person.split()[-1]]}),
            ("percent", "%d percent" % share, {"value": share / 100}),
        ])
        add(rng.choice(FILLER), [])
    text = " ".join(parts)
    mentions.sort(key=lambda m: (m["start"], m["end"]))
    for i, m in enumerate(mentions):
        if m["kind"] in ("person", "organization", "place"):
            key = (m["kind"], m["value"]["name"])
            entity = entities.setdefault(key, {"kind": m["kind"], "name": m["value"]["name"], "mentions": []})
            entity["mentions"].append(i)
    year = rng.randint(2015, 2023)
    return {
        "id": "sha256:%016x" % rng.getrandbits(64), "source": "https://news.example/%d/article-%d.html" % (year, index),
        "fetched_at": "2023-12-08T00:00:00Z", "media_type": "text/html", "title": "Aid update %d: %s" % (index, EVENTS[events[0]]["place"][0]),
        "published": "%d-%02d-%02d" % (year, rng.randint(1, 12), rng.randint(1, 28)), "lang": "en",
        "text": text, "boilerplate": [], "mentions": mentions,
        "entities": sorted(entities.values(), key=lambda e: (e["kind"], e["name"])),
    }

out = sys.stdout
for i in range(N):
    out.write(json.dumps(record(i), separators=(",", ":")) + "\n")
