#!/usr/bin/env python3
"""Generate Sources/Extraction/Numeric/UnitTable.swift: units of measure that
extract recognises after a number and normalize converts to SI.

Source: the unit definitions of the PyPI package `pint` (default_en.txt, BSD-3-Clause,
Copyright (c) 2012 Hernan E. Grecco and contributors): each unit's symbol,
aliases and factor to its SI unit come from pint's registry. This script only
chooses which units news text uses (WANTED below) and which spellings are too
ambiguous to count as a unit (AMBIGUOUS: English words, single letters).

usage: .venv/bin/pip install pint && .venv/bin/python data/units/generate.py
"""
import os, sys

import pint

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
target = os.path.join(root, "Sources", "Extraction", "Numeric", "UnitTable.swift")
registry = pint.UnitRegistry()

# dimension name -> (pint target unit, symbol written in normalize's "si" value)
DIMENSIONS = {
    "length": ("meter", "m"), "mass": ("kilogram", "kg"), "area": ("meter ** 2", "m2"),
    "volume": ("meter ** 3", "m3"), "speed": ("meter / second", "m/s"), "power": ("watt", "W"),
    "energy": ("joule", "J"), "frequency": ("hertz", "Hz"), "rotation": ("revolution / second", "Hz"),
    "data": ("byte", "B"), "data rate": ("byte / second", "B/s"), "pressure": ("pascal", "Pa"),
    "force": ("newton", "N"), "voltage": ("volt", "V"), "current": ("ampere", "A"),
    "temperature": (None, None),
}

METRIC = {"": 1, "kilo": 1, "mega": 1, "giga": 1, "tera": 1}
# (pint name, dimension, prefixes to add, extra spellings news uses)
WANTED = [
    ("meter", "length", ["", "kilo", "centi", "milli"], ["metre", "metres", "kilo:kilometre", "kilo:kilometres",
                                                         "centi:centimetre", "centi:centimetres", "milli:millimetre", "milli:millimetres"]),
    ("mile", "length", [""], []), ("nautical_mile", "length", [""], ["nautical miles"]),
    ("foot", "length", [""], ["feet"]), ("inch", "length", [""], ["inches"]), ("yard", "length", [""], []),
    ("gram", "mass", ["", "kilo", "milli"], ["kilo:kilos", "kilo:kilo"]), ("tonne", "mass", [""], ["tonnes", "metric tons"]),
    ("ton", "mass", [""], ["tons"]), ("pound", "mass", [""], ["lbs"]), ("ounce", "mass", [""], []),
    ("hectare", "area", [""], []), ("acre", "area", [""], []),
    ("liter", "volume", ["", "milli"], ["litre", "litres", "milli:millilitre", "milli:millilitres"]),
    ("gallon", "volume", [""], []), ("barrel", "volume", [""], ["bpd"]),
    ("mile_per_hour", "speed", [""], ["mph"]), ("kilometer_per_hour", "speed", [""], ["kph", "km/h", "kmh"]),
    ("knot", "speed", [""], []),
    ("watt", "power", ["", "kilo", "mega", "giga", "tera"], []), ("horsepower", "power", [""], ["hp", "bhp"]),
    ("watt_hour", "energy", ["", "kilo", "mega", "giga", "tera"], ["kilo:kwh", "mega:mwh", "giga:gwh", "tera:twh"]),
    ("joule", "energy", ["", "kilo", "mega"], []), ("calorie", "energy", ["", "kilo"], ["kcal"]),
    ("hertz", "frequency", ["", "kilo", "mega", "giga"], []),
    ("revolutions_per_minute", "rotation", [""], ["rpm", "revolution per minute"]),
    ("byte", "data", ["", "kilo", "mega", "giga", "tera", "peta"], []),
    ("bit", "data", ["kilo", "mega", "giga"], []),
    ("bit / second", "data rate", ["kilo", "mega", "giga"], ["kilo:kbps", "mega:mbps", "giga:gbps"]),
    ("pascal", "pressure", ["kilo", "mega", "hecto"], []), ("bar", "pressure", ["milli"], []),
    ("newton", "force", ["", "kilo"], []), ("volt", "voltage", ["", "kilo"], []), ("ampere", "current", [""], ["amps"]),
    ("degree_Celsius", "temperature", [""], ["celsius"]), ("degree_Fahrenheit", "temperature", [""], ["fahrenheit"]),
]
# Spellings that are English words or letters: never a unit on their own.
AMBIGUOUS = {"in", "m", "g", "l", "t", "a", "b", "s", "h", "k", "n", "v", "w", "j", "ft_", "at", "bar", "cal", "gal",
             "kn", "mi", "pt", "yd_", "ton_", "pa", "hz_", "bit", "ma", "mm_", "ms", "mg_", "gram_", "amp"}


def plural(word):
    if word.endswith(("s", "x", "ch")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def english(name):
    """pint's unit name as English: 'mile_per_hour' -> 'mile per hour', plural on the first word."""
    words = name.replace("_", " ").replace("revolutions", "revolution").split()
    return " ".join(words), " ".join([plural(words[0])] + words[1:])


rows = {}
for name, dimension, prefixes, extra in WANTED:
    for prefix in prefixes:
        unit = f"{prefix}{name}" if " " not in name else f"({prefix}{name.split(' ')[0]}) / {name.split(' / ')[1]}"
        pint_name = registry.get_name(unit) if " " not in name else None
        target_unit, si_symbol = DIMENSIONS[dimension]
        if target_unit:
            factor = registry.Quantity(1, unit).to(target_unit).magnitude
        else:
            factor = 0.0
        if " " in name:  # a rate such as bit / second
            canonical = f"{prefix}bit per second"
            symbol = {"kilo": "kbit/s", "mega": "Mbit/s", "giga": "Gbit/s"}[prefix]
            spellings = [canonical, f"{prefix}bits per second"]
        else:
            singular, plural_form = english(pint_name)
            canonical = singular
            symbol = registry.get_symbol(pint_name)
            aliases = [a.replace("_", " ") for a in registry._units[pint_name].aliases] if pint_name in registry._units else []
            spellings = [singular, plural_form, symbol] + [a for a in aliases if not a.startswith(("international", "avdp", "avoirdupois", "US ", "UK ", "thermochemical", "liquid"))]
        own = [e.split(":", 1)[-1] for e in extra if e.split(":", 1)[0] == prefix or (":" not in e and prefix == prefixes[0])]
        for spelling in own + spellings:
            key = spelling.lower()
            if key in AMBIGUOUS or " " in key or not key:
                continue
            rows.setdefault(key, (canonical, symbol, dimension, factor, si_symbol or ""))

lines = [
    "// Generated by data/units/generate.py from pint's unit definitions (BSD-3-Clause). Do not edit.",
    "",
    "/// Units of measure: lower-case spelling -> (unit name, symbol, dimension, factor to the SI unit, SI symbol).",
    "/// A factor of 0 means no linear conversion (temperatures).",
    "enum UnitTable {",
    "    struct Unit: Sendable {",
    "        let name: String",
    "        let symbol: String",
    "        let dimension: String",
    "        let factor: Double",
    "        let siSymbol: String",
    "    }",
    "",
    "    static let units: [String: Unit] = [",
]
for key in sorted(rows):
    canonical, symbol, dimension, factor, si = rows[key]
    lines.append(f'        "{key}": Unit(name: "{canonical}", symbol: "{symbol}", dimension: "{dimension}", factor: {factor!r}, siSymbol: "{si}"),')
lines += ["    ]", "}", ""]
with open(target, "w", encoding="utf-8") as handle:
    handle.write("\n".join(lines))
print(f"generate.py: wrote {target}: {len(rows)} spellings", file=sys.stderr)
