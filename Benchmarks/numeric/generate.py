#!/usr/bin/env python3
"""Generate news-like NDJSON records for the throughput benchmark.

usage: generate.py MEGABYTES > records.ndjson

Deterministic (fixed seed). Each record has `id`, `published` and a `text` of
a few paragraphs mixing plain prose with the facts the numeric recognisers
look for (dates, money, quantities, percents, emails, urls) at roughly the
density of wire copy, plus distractors (identifiers, times, scores).
"""
import json, random, sys

rng = random.Random(20231207)
PLACES = ["Kyiv", "Baku", "Moscow", "Tbilisi", "Yerevan", "Warsaw", "Berlin", "Brussels", "Ankara", "Tel Aviv", "Odesa", "Chisinau"]
ORGS = ["the finance ministry", "the central bank", "the World Bank", "the European Commission", "the IMF", "state media",
        "the statistics office", "the defence ministry", "the company", "the regulator"]
PEOPLE = ["the minister", "a spokesperson", "the prime minister", "officials", "analysts", "the governor", "the chief executive"]
NOUNS = ["people", "soldiers", "refugees", "workers", "homes", "trucks", "generators", "schools", "patients", "villages",
         "power transformers", "water purifiers", "tonnes of grain", "barrels", "km of road", "hectares", "jobs", "passengers"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
CURRENCIES = ["$", "€", "£", "EUR ", "US$", "NIS "]
NAMES = ["dollars", "euros", "shekels", "roubles", "hryvnias", "manats", "pounds", "yen"]
FILLER = [
    "The decision was welcomed by business groups, although critics said it came too late.",
    "Negotiations are continuing behind closed doors, according to people familiar with the matter.",
    "The move is part of a broader effort to modernise infrastructure and attract foreign investment.",
    "Opposition lawmakers called for an independent inquiry into how the contracts were awarded.",
    "Residents said the situation had improved, but many still lacked heating and clean water.",
    "The agency did not respond to a request for comment on Tuesday evening.",
    "Observers noted that the announcement coincided with a visit by a foreign delegation.",
    "Local authorities have promised to publish a detailed report once the review is complete.",
    "The plan requires approval from parliament, where the ruling coalition holds a narrow majority.",
    "Flight 447 and Route 66 were mentioned in the report, as was the Boeing 747 fleet.",
]


def number():
    return rng.choice([f"{rng.randint(2, 999)}", f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}", f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"])


def money():
    digits = f"{rng.randint(1, 99)}.{rng.randint(1, 9)}"
    if rng.random() < 0.5:
        scale = rng.choice([" million", " billion", "bn", "m"])
        return rng.choice(CURRENCIES) + digits + scale
    return f"{rng.randint(2, 900)} {rng.choice(['million', 'billion'])} {rng.choice(NAMES)}"


def date():
    choice = rng.random()
    if choice < 0.3:
        return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(1990, 2023)}"
    if choice < 0.5:
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1990, 2023)}"
    if choice < 0.7:
        return rng.choice(["yesterday", "last week", "on Tuesday", "earlier this month", "two years ago", "February this year", "last year"])
    return f"in {rng.randint(1991, 2023)}"


def sentence():
    kind = rng.random()
    place, org, person = rng.choice(PLACES), rng.choice(ORGS), rng.choice(PEOPLE)
    if kind < 0.2:
        return f"{org.capitalize()} said {date()} that it had allocated {money()} to projects in {place}."
    if kind < 0.4:
        return f"According to {org}, {rng.choice(['about ', 'more than ', 'nearly ', 'at least ', ''])}{number()} {rng.choice(NOUNS)} were affected in {place} {date()}."
    if kind < 0.55:
        return f"Prices rose {rng.randint(1, 30)}.{rng.randint(0, 9)}% in {rng.choice(MONTHS)}, while output fell {rng.randint(1, 9)} percent, {person} said."
    if kind < 0.6:
        return f"For details, contact press{rng.randint(1, 99)}@{rng.choice(['gov', 'example', 'news'])}.org or see https://www.example.org/{rng.randint(1000, 9999)}/report."
    return " ".join(rng.choice(FILLER) for _ in range(rng.randint(1, 3)))


def record(index):
    paragraphs = []
    for _ in range(rng.randint(4, 9)):
        paragraphs.append(" ".join(sentence() for _ in range(rng.randint(2, 5))))
    return {"id": f"bench:{index}", "published": f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "text": "\n\n".join(paragraphs)}


def main():
    target = float(sys.argv[1]) * 1_000_000
    written = 0
    index = 0
    out = sys.stdout
    while written < target:
        line = json.dumps(record(index), ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode())
        index += 1


if __name__ == "__main__":
    main()
