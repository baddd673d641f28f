#!/usr/bin/env python3
"""Start-up of every stage on a one-record input: median wall and CPU milliseconds, peak RSS.

Makes the record once (the first seed through fetch | clean | extract | normalize), then runs
each stage on its own input RUNS times, timing each run and reading the child's peak RSS through
GNU time (Benchmarks/measured.py says why). The `/bin/true` row is the floor that remains.
Prints a markdown table; `--json` prints one object per stage instead.
Usage: bench.py BIN_DIR [--runs N] [--json]
"""
import json, os, statistics, subprocess, sys, tempfile

args = [a for a in sys.argv[1:] if not a.startswith("--")]
bin_dir = args[0] if args else ".build/release"
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 30
as_json = "--json" in sys.argv

seed = sorted(p for p in os.listdir("seeds") if p.endswith((".txt", ".html")))[0]
work = tempfile.mkdtemp(prefix="gleaner-startup-")

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from measured import run_measured

def stage(name, *arguments, stdin=None):
    return [os.path.join(bin_dir, name), *arguments], stdin

def make(path, command, stdin):
    with open(path, "wb") as out, open(stdin, "rb") if stdin else open(os.devnull, "rb") as source:
        subprocess.run(command, stdin=source, stdout=out, check=True)

fetched, cleaned, extracted, normalized = (os.path.join(work, f"{n}.ndjson") for n in ("fetched", "cleaned", "extracted", "normalized"))
make(fetched, [os.path.join(bin_dir, "fetch"), os.path.join("seeds", seed)], None)
make(cleaned, [os.path.join(bin_dir, "clean")], fetched)
make(extracted, [os.path.join(bin_dir, "extract")], cleaned)
make(normalized, [os.path.join(bin_dir, "normalize")], extracted)

cases = [
    ("/bin/true (floor)", ["/bin/true"], None),
    ("fetch", [os.path.join(bin_dir, "fetch"), os.path.join("seeds", seed)], None),
    ("clean", [os.path.join(bin_dir, "clean")], fetched),
    ("extract", [os.path.join(bin_dir, "extract")], cleaned),
    ("normalize", [os.path.join(bin_dir, "normalize")], extracted),
    ("report", [os.path.join(bin_dir, "report")], normalized),
    ("gleaner validate", [os.path.join(bin_dir, "gleaner"), "validate", "pipelines/seeds.yaml"], None),
]

def run_once(command, stdin):
    wall, peak_mb, cpu = run_measured(command, stdin, stderr=subprocess.DEVNULL, who="startup")
    return wall * 1000, peak_mb, cpu * 1000

results = []
for name, command, stdin in cases:
    run_once(command, stdin)  # warm the page cache
    samples = [run_once(command, stdin) for _ in range(runs)]
    times = sorted(ms for ms, _, _ in samples)
    results.append({"stage": name, "median_ms": round(statistics.median(times), 1), "min_ms": round(times[0], 1),
                    "cpu_ms": round(statistics.median(cpu for _, _, cpu in samples), 1),
                    "peak_rss_mb": round(max(mb for _, mb, _ in samples), 1), "runs": runs})

if as_json:
    for result in results: print(json.dumps(result))
else:
    print(f"| stage (one record of seeds/{seed}) | median ms | min ms | CPU ms (median) | peak RSS MB |")
    print("|---|---|---|---|---|")
    for r in results:
        print(f"| {r['stage']} | {r['median_ms']} | {r['min_ms']} | {r['cpu_ms']} | {r['peak_rss_mb']} |")
