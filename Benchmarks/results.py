#!/usr/bin/env python3
"""Writes Benchmarks/RESULTS.md: every stage's MB/s, records/s, peak RSS and start-up, beside
`cat`, `jq -c .`, Python's json and orjson on the same files, in the same run.

Called by Benchmarks/results.sh (`make bench`). Inputs (made once under out/bench/results/):
news-like records (Benchmarks/numeric/generate.py) for extract, their extract output for
normalize, the seeds' fetched records repeated for clean, and generated normalised records
(Benchmarks/reporting/generate.py) at 1x and 4x for report's memory. The cleaning section is
Benchmarks/cleaning/bench.sh --json (RESULTS_CLEANING=0 leaves it out).
Usage: results.py BIN_DIR PYTHON_WITH_ORJSON COMMAND_LINE
"""
import json, os, platform, shutil, subprocess, sys, time

bin_dir, peer_python, command_line = sys.argv[1], sys.argv[2], sys.argv[3]
mb = float(os.environ.get("RESULTS_MB", "8"))
report_records = int(os.environ.get("RESULTS_REPORT_RECORDS", "2500"))
work = "out/bench/results"
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE, text=True).stdout.strip()
os.makedirs(work, exist_ok=True)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from measured import run_measured

def run(command, stdin_path, stdout_path=os.devnull):
    """Runs a command with files on stdin/stdout: (wall seconds, peak RSS MiB, CPU seconds)."""
    return run_measured(command, stdin_path, stdout_path, who="results")

def lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)

def ensure(path, make):
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        make(path + ".tmp")
        os.replace(path + ".tmp", path)
    return path

def generate(script, *arguments):
    def make(target):
        with open(target, "wb") as out:
            subprocess.run([sys.executable, script, *arguments], stdout=out, check=True)
    return make

stage = lambda name: os.path.join(bin_dir, name)
news = ensure(f"{work}/news-{mb:g}mb.ndjson", generate("Benchmarks/numeric/generate.py", f"{mb:g}"))

def fetched_seeds(target):
    seeds = sorted(os.path.join("seeds", p) for p in os.listdir("seeds") if p.endswith((".txt", ".html")))
    once = subprocess.run([stage("fetch"), *seeds], stdout=subprocess.PIPE, check=True).stdout.splitlines()
    with open(target, "wb") as out:
        size, copy = 0, 0
        while size < mb * 1_000_000:
            for line in once:
                record = json.loads(line)
                record["id"] = f"{record.get('id', '')}-{copy}"
                data = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
                out.write(data)
                size += len(data)
            copy += 1
fetched = ensure(f"{work}/fetched-{mb:g}mb.ndjson", fetched_seeds)
# Made by this build every run, so the later stages read what this extract and normalize write.
extracted, normalized = f"{work}/extracted-{mb:g}mb.ndjson", f"{work}/normalized-{mb:g}mb.ndjson"
run([stage("extract")], news, extracted)
run([stage("normalize")], extracted, normalized)
report_1x = ensure(f"{work}/report-{report_records}.ndjson", generate("Benchmarks/reporting/generate.py", str(report_records)))
report_4x = ensure(f"{work}/report-{4 * report_records}.ndjson", generate("Benchmarks/reporting/generate.py", str(4 * report_records)))

def measure(label, command, path, output=os.devnull):
    wall, rss, cpu_seconds = run(command, path, output)
    size = os.path.getsize(path)
    shown = " ".join("$BIN/" + os.path.basename(c) if c.startswith(bin_dir) else c for c in command)
    return {"label": label, "command": shown if command[0].startswith(bin_dir) else label,
            "input": os.path.basename(path), "mb": size / 1e6, "records": lines(path), "wall": wall, "cpu": cpu_seconds,
            "mb_s": size / 1e6 / wall, "mb_cpu_s": size / 1e6 / max(cpu_seconds, 1e-3),
            "records_s": lines(path) / wall, "rss": rss}

py_identity = "import sys, json\nw = sys.stdout.write\nfor line in sys.stdin: w(json.dumps(json.loads(line), ensure_ascii=False, separators=(',', ':')) + '\\n')"
orjson_identity = "import sys, orjson\nw = sys.stdout.buffer.write\nfor line in sys.stdin.buffer: w(orjson.dumps(orjson.loads(line)) + b'\\n')"

rows = [
    measure("clean", [stage("clean")], fetched),
    measure("extract (all kinds)", [stage("extract")], news),
    measure("normalize (all kinds)", [stage("normalize")], extracted),
    measure("normalize --only email (pass-through)", [stage("normalize"), "--only", "email"], news),
    measure("report --format markdown", [stage("report"), "--format", "markdown"], normalized),
]
peers = []
for path in (news, extracted):
    peers += [
        measure("cat", ["cat"], path),
        measure("jq -c .", ["jq", "-c", "."], path),
        measure("Python json (loads + dumps per line)", [sys.executable, "-c", py_identity], path),
        measure("orjson (loads + dumps per line)", [peer_python, "-c", orjson_identity], path),
    ]
# extract | normalize on one core (CPU seconds of each stage on the file the one before wrote), and
# --jobs 1 against --jobs 2 on the same files: best wall time of three runs each, with the load
# average they ran under (wall-clock speed-ups mean something only on a quiet machine).
def best_of(runs, label, command, path, output=os.devnull):
    return min((measure(label, command, path, output) for _ in range(runs)), key=lambda e: e["wall"])

by = {e["label"]: e for e in rows}
pipeline_cpu = by["extract (all kinds)"]["cpu"] + by["normalize (all kinds)"]["cpu"]
jobs_load = open("/proc/loadavg").read().split()[:3]
# As root, the --jobs runs take the cores first (SCHED_FIFO, a few seconds each), so other jobs on a
# shared machine cannot make one side of the ratio wait; RESULTS_REALTIME=0 runs them as any process.
realtime = os.geteuid() == 0 and shutil.which("chrt") is not None and os.environ.get("RESULTS_REALTIME", "1") != "0"
scheduled = ["chrt", "-f", "10"] if realtime else []
jobs = []
for name, path in (("extract", news), ("normalize", extracted)):
    one = best_of(3, f"{name} --jobs 1", scheduled + [stage(name), "--jobs", "1"], path)
    two = best_of(3, f"{name} --jobs 2", scheduled + [stage(name), "--jobs", "2"], path, f"{work}/{name}-jobs2.ndjson")
    jobs.append((name, one, two))
same_jobs = all(open(f"{work}/{name}-jobs2.ndjson", "rb").read() == open(target, "rb").read()
                for name, target in (("extract", extracted), ("normalize", normalized)))

memory = [
    measure(f"report, {report_records} records (1x)", [stage("report"), "--format", "markdown"], report_1x),
    measure(f"report, {4 * report_records} records (4x)", [stage("report"), "--format", "markdown"], report_4x),
]
startup = [json.loads(line) for line in subprocess.run(
    [sys.executable, "Benchmarks/startup/bench.py", bin_dir, "--runs", os.environ.get("RESULTS_STARTUP_RUNS", "20"), "--json"],
    stdout=subprocess.PIPE, check=True, text=True).stdout.splitlines()]

# The pipe fetch | clean per page on the readability pages, beside trafilatura, readability-lxml and
# resiliparse (Benchmarks/cleaning/bench.sh, which keeps those peers in their own venv).
cleaning = []
if os.environ.get("RESULTS_CLEANING", "1") != "0":
    cleaning = [json.loads(line) for line in subprocess.run(
        ["bash", "Benchmarks/cleaning/bench.sh", "--json"], stdout=subprocess.PIPE, check=True, text=True
    ).stdout.splitlines() if line.startswith("{")]

def cleaning_section():
    if not cleaning:
        return "Not run (RESULTS_CLEANING=0)."
    header, rows_ = cleaning[0], [c for c in cleaning[1:] if not c.get("missing")]
    out = [f"{header['pages']} pages, {header['mb']:.1f} MB of HTML; CPU ms (user + system) per page on one pinned core, "
           f"best of {header['runs']} runs; the gleaner rows feed each page {header['repeat']} times to one process "
           "and subtract its start-up.", "",
           "| extractor | median ms/page | mean ms/page | max ms/page | MB/s | median vs the pipe |", "|---|---|---|---|---|---|"]
    out += [f"| {c['extractor']} | {c['median_ms']:.2f} | {c['mean_ms']:.2f} | {c['max_ms']:.1f} | {c['mb_s']:.1f} | "
            f"{c['vs_pipe']:.1f}x |" for c in rows_]
    out += [f"| {c['extractor']} | not installed | | | | |" for c in cleaning[1:] if c.get("missing")]
    pipe = next((c for c in rows_ if c["extractor"].endswith("(pipe)")), None)
    peers = [c for c in rows_ if c["extractor"].startswith(("trafilatura", "resiliparse"))]
    if pipe:
        out += ["", f"Whole pipe: {pipe['median_ms']:.2f} ms/page median (target <= 5); "
                + "; ".join(f"{c['extractor']} {c['median_ms']:.2f} ms = {c['vs_pipe']:.1f}x the pipe" for c in peers) + "."]
    return "\n".join(out)

# fetch over HTTP beside curl --parallel and wget, same server, same run (its own script).
fetching = subprocess.run(["bash", "Benchmarks/fetching/bench.sh", os.environ.get("RESULTS_FETCH_PAGES", "2000")],
                          stdout=subprocess.PIPE, check=True, text=True, env={**os.environ, "FETCH_BIN": stage("fetch")}).stdout
fetching = fetching.replace("## fetch: ", "", 1).strip()

cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), platform.processor())
load = open("/proc/loadavg").read().split()[:3]

def table(entries):
    out = ["| run | input | MB | records | wall s | CPU s | MB/s (wall) | MB/s (CPU) | records/s (wall) | peak RSS MB |",
           "|---|---|---|---|---|---|---|---|---|---|"]
    for e in entries:
        out.append(f"| `{e['command']}` | {e['input']} | {e['mb']:.1f} | {e['records']} | {e['wall']:.2f} | {e['cpu']:.2f} | "
                   f"{e['mb_s']:.1f} | {e['mb_cpu_s']:.1f} | {e['records_s']:.0f} | {e['rss']:.0f} |")
    return "\n".join(out)

orjson_news = next(p for p in peers if p["input"] == os.path.basename(news) and p["label"].startswith("orjson"))
passthrough = by["normalize --only email (pass-through)"]
flat = memory[1]["rss"] / memory[0]["rss"]
news_mb = os.path.getsize(news) / 1e6
worst_start = max(startup, key=lambda s: s["median_ms"])
doc = f"""# Benchmark results

Written by `{command_line}` (Benchmarks/results.sh) at commit {commit}, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.
Machine: {os.cpu_count()} cores ({cpu}), load average {' '.join(load)} at the start of the collector (other jobs
share the machine, so every ratio below compares runs made minutes apart in this one run).
Each figure is one run, single process; `$BIN` = `{os.path.relpath(bin_dir)}`; MB = 10^6 bytes of input NDJSON.
CPU seconds (user + system of the child) are the fairer number when the load is high.

## Stages

{table(rows)}

## Peers on the same files

{table(peers)}

Pass-through (`normalize --only email` on records without emails) vs orjson's identity round-trip on the same file:
{passthrough['mb_s']:.1f} vs {orjson_news['mb_s']:.1f} MB/s wall = {passthrough['mb_s'] / orjson_news['mb_s']:.2f}x;
{passthrough['mb_cpu_s']:.1f} vs {orjson_news['mb_cpu_s']:.1f} MB/s of CPU = {passthrough['mb_cpu_s'] / orjson_news['mb_cpu_s']:.2f}x.
Python json: `json.dumps(json.loads(line), ensure_ascii=False, separators=(',', ':'))` per line; orjson: `orjson.dumps(orjson.loads(line))`.

## Cleaning: `fetch | clean` on the readability pages

{cleaning_section()}

## extract + normalize, all kinds (target >= 5 MB/s on one core; --jobs 2 >= 1.85x)

`extract < {os.path.basename(news)} | normalize`, one process each: {news_mb:.1f} MB of input in
{by['extract (all kinds)']['cpu']:.2f} + {by['normalize (all kinds)']['cpu']:.2f} CPU s =
**{news_mb / max(pipeline_cpu, 1e-3):.1f} MB/s per CPU second** (wall: {news_mb / (by['extract (all kinds)']['wall'] + by['normalize (all kinds)']['wall']):.1f} MB/s).

`--jobs 1` against `--jobs 2` on the same files, best wall time of 3 runs each, {'under SCHED_FIFO (`chrt -f 10`), so the load of other jobs does not enter the wall time' if realtime else 'as ordinary processes (on a busy machine the wall-clock ratio says little: compare the CPU seconds)'};
load average {' '.join(jobs_load)} before these runs. CPU seconds show what the threads cost in all.

| stage | input | jobs 1 wall s | jobs 2 wall s | speed-up (wall) | jobs 1 CPU s | jobs 2 CPU s |
|---|---|---|---|---|---|---|
""" + "\n".join(f"| {name} | {one['input']} | {one['wall']:.2f} | {two['wall']:.2f} | {one['wall'] / two['wall']:.2f}x | "
                f"{one['cpu']:.2f} | {two['cpu']:.2f} |" for name, one, two in jobs) + f"""

Output of `--jobs 2` identical to `--jobs 1`: {'yes' if same_jobs else 'NO'}.

## Start-up (one record, median of {startup[0]['runs']} runs; target <= 15 ms, <= 30 MB)

| stage | median ms | min ms | CPU ms (median) | peak RSS MB |
|---|---|---|---|---|
""" + "\n".join(f"| {s['stage']} | {s['median_ms']} | {s['min_ms']} | {s['cpu_ms']} | {s['peak_rss_mb']} |" for s in startup) + f"""

Slowest: {worst_start['stage']} at {worst_start['median_ms']} ms.

## report memory in the number of records (target: 4x input <= 1.3x peak)

{table(memory)}

Peak RSS at 4x / 1x: {flat:.2f}.

## fetch over HTTP (Benchmarks/fetching/bench.sh; target >= 1.0x curl, slow bodies <= 5% of a core)

{fetching}
"""
with open("Benchmarks/RESULTS.md", "w") as out:
    out.write(doc)
print(doc)
