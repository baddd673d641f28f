#!/usr/bin/env python3
"""Times the pipe `fetch | clean` and `clean` alone per page on the Readability test pages,
beside trafilatura, readability-lxml and resiliparse on the same pages in the same run: per-page
CPU milliseconds (median, mean, max), MB/s, and each median as a multiple of the pipe's.

clean runs as its real executable: each page is fed R times in one process and the
process's start-up time (an empty input) is subtracted, so the figure is the time to
decode, clean and encode one record. The Python extractors are timed in-process.
Times are CPU time (user + system) on one pinned core, so other load on the machine
does not inflate them; the best of several runs is kept per page."""
import argparse, json, os, resource, statistics, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages as dataset

def best_of(runs, fn):
    return min(fn() for _ in range(runs))

def cpu_of_children():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime

def time_process(argv, payload):
    start = cpu_of_children()
    subprocess.run(argv, input=payload, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return cpu_of_children() - start

def bench_clean(clean, items, repeat, runs):
    pin = ["taskset", "-c", "0"] if shutil_which("taskset") else []
    argv = pin + [clean, "--jobs", "1"]
    startup = best_of(runs * 2, lambda: time_process(argv, b""))
    times = []
    for name, folder in items:
        line = (json.dumps(dataset.record(name, folder)) + "\n").encode()
        total = best_of(runs, lambda: time_process(argv, line * repeat))
        times.append(max(total - startup, 0) / repeat)
    return times

def bench_pipe(fetch, clean, items, repeat, runs):
    """The whole pipe `fetch FILE | clean`: both processes' CPU time per page, start-ups subtracted."""
    pin = ["taskset", "-c", "0"] if shutil_which("taskset") else []
    clean_argv = pin + [clean, "--jobs", "1"]
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False) as empty:
        empty.write("<html></html>")
    startup = best_of(runs * 2, lambda: time_process(clean_argv, b"")) + best_of(
        runs * 2, lambda: time_process(pin + [fetch, empty.name], b""))
    os.unlink(empty.name)
    times = []
    for name, folder in items:
        argv = pin + [fetch] + [os.path.join(folder, "source.html")] * repeat
        fetched = subprocess.run(argv, capture_output=True, check=True).stdout
        def once():
            return time_process(argv, b"") + time_process(clean_argv, fetched)
        times.append(max(best_of(runs, once) - startup, 0) / repeat)
    return times

def shutil_which(name):
    from shutil import which
    return which(name)

def bench_python(extract, items, runs):
    times = []
    for name, folder in items:
        html = open(os.path.join(folder, "source.html"), encoding="utf-8", errors="replace").read()
        def once():
            start = time.process_time()
            try:
                extract(html)
            except Exception:
                pass
            return time.process_time() - start
        times.append(best_of(runs, once))
    return times

def figures(name, times, total_bytes, reference=None):
    """One extractor's per-page CPU milliseconds, MB/s and its median's ratio to the pipe's."""
    ms = [t * 1000 for t in times]
    return {"extractor": name, "median_ms": statistics.median(ms), "mean_ms": statistics.mean(ms), "max_ms": max(ms),
            "mb_s": total_bytes / 1e6 / sum(times) if sum(times) else float("inf"),
            "vs_pipe": statistics.median(times) / statistics.median(reference) if reference else 1.0}

def row(name, times, total_bytes, reference=None, as_json=False):
    f = figures(name, times, total_bytes, reference)
    if as_json:
        return json.dumps(f)
    return (f"| {name} | {f['median_ms']:.2f} | {f['mean_ms']:.2f} | {f['max_ms']:.1f} | {f['mb_s']:.1f} | "
            f"{f['vs_pipe']:.1f}x |")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean", required=True)
    ap.add_argument("--fetch", help="the fetch executable, to time the whole pipe fetch | clean")
    ap.add_argument("--root", required=True)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--json", action="store_true",
                    help="one JSON object per extractor (first a header object), for Benchmarks/results.py")
    args = ap.parse_args()
    if shutil_which("taskset"):
        os.sched_setaffinity(0, {0})
    items = list(dataset.pages(args.root))
    total_bytes = sum(os.path.getsize(os.path.join(f, "source.html")) for _, f in items)
    if args.json:
        print(json.dumps({"pages": len(items), "mb": total_bytes / 1e6, "runs": args.runs, "repeat": args.repeat}))
    else:
        print(f"{len(items)} pages, {total_bytes / 1e6:.1f} MB of HTML; CPU time on one core; "
              f"best of {args.runs} runs per page")
        print()
        print("| extractor | median ms/page | mean ms/page | max ms/page | MB/s | median vs the pipe |")
        print("|---|---|---|---|---|---|")
    def show(name, times, reference):
        print(row(name, times, total_bytes, reference, args.json), flush=True)
    def missing(name):
        print(json.dumps({"extractor": name, "missing": True}) if args.json else f"| {name} | not installed | | | | |")
    pipe = None
    if args.fetch:
        pipe = bench_pipe(args.fetch, args.clean, items, args.repeat, args.runs)
        show("gleaner fetch, clean (pipe)", pipe, None)
    show("gleaner clean", bench_clean(args.clean, items, args.repeat, args.runs), pipe)
    try:
        import trafilatura
        show(f"trafilatura {trafilatura.__version__}", bench_python(
            lambda h: trafilatura.extract(h, with_metadata=True), items, args.runs), pipe)
    except ImportError:
        missing("trafilatura")
    try:
        from readability import Document
        import importlib.metadata as md
        show(f"readability-lxml {md.version('readability-lxml')}", bench_python(
            lambda h: Document(h).summary(), items, args.runs), pipe)
    except ImportError:
        missing("readability-lxml")
    try:
        from resiliparse.extract.html2text import extract_plain_text
        import importlib.metadata as md
        show(f"resiliparse {md.version('resiliparse')}", bench_python(
            lambda h: extract_plain_text(h, main_content=True), items, args.runs), pipe)
    except ImportError:
        missing("resiliparse")

if __name__ == "__main__":
    main()
