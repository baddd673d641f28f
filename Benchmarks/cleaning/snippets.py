#!/usr/bin/env python3
"""Scores `clean` on ../shared/datasets/web-snippets: the HTML pages and their plain-text
dumps, with trafilatura's snippet F1 (the dataset's tools/score_snippets.py).

Every 5th page by sorted file name is the held-out split: it is scored beside the
tuning split and never looked at while tuning. Outputs go to out/cleaning/.
usage: snippets.py --clean PATH --root REPO [--kind html|text|both] [--errors N]"""
import argparse, json, os, subprocess, sys, tempfile

from pages import shared_dataset

def dataset_dir(repo_root):
    found = shared_dataset(repo_root, "web-snippets", "WEB_SNIPPETS")
    if found is None:
        sys.exit("clean eval: web-snippets not found (set WEB_SNIPPETS)")
    return found

def splits(pages):
    """{'tune': {...}, 'held-out': {...}}: every 5th page by sorted file name is held out."""
    names = sorted(p["file"] for p in pages.values())
    held = {n for i, n in enumerate(names) if i % 5 == 4}
    out = {"tune": {}, "held-out": {}}
    for url, p in pages.items():
        out["held-out" if p["file"] in held else "tune"][url] = p
    return out

def records(root, kind, pages):
    folder = os.path.join(root, kind)
    for p in sorted(pages.values(), key=lambda p: p["file"]):
        name = p["file"] if kind == "html" else p["text"]
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        raw = open(path, "rb").read().decode("utf-8", errors="replace")
        yield {"source": f"{kind}/{name}", "media_type": "text/html" if kind == "html" else "text/plain", "raw": raw}

def run_clean(clean, root, kind, pages, out_path):
    payload = "".join(json.dumps(r) + "\n" for r in records(root, kind, pages)).encode()
    run = subprocess.run([clean, "--on-error", "skip"], input=payload, capture_output=True)
    if run.returncode != 0:
        sys.exit(f"clean failed ({run.returncode}): {run.stderr.decode()[:500]}")
    with open(out_path, "wb") as handle:
        handle.write(run.stdout)

def score(tool, pages, pred, errors=0):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(pages, handle)
    try:
        run = subprocess.run([sys.executable, tool, handle.name, pred, "--errors", str(errors)],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(handle.name)
    lines = run.stdout.strip().splitlines()
    return json.loads(lines[-1]), lines[:-1]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--kind", default="both", choices=["html", "text", "both"])
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--pred", help="score this NDJSON instead of running clean (needs --kind)")
    args = ap.parse_args()
    data = dataset_dir(args.root)
    tool = os.path.join(data, "..", "tools", "score_snippets.py")
    pages = json.load(open(os.path.join(data, "pages.json"), encoding="utf-8"))
    parts = splits(pages)
    out_dir = os.path.join(args.root, "out", "cleaning")
    os.makedirs(out_dir, exist_ok=True)
    print("| web-snippets | pages | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for kind in (["html", "text"] if args.kind == "both" else [args.kind]):
        pred = args.pred or os.path.join(out_dir, f"snippets-{kind}.ndjson")
        if not args.pred:
            run_clean(args.clean, data, kind, pages, pred)
        for label, subset in [("all", pages), ("tune", parts["tune"]), ("held-out", parts["held-out"])]:
            result, errs = score(tool, subset, pred, args.errors if label == "tune" else 0)
            for e in errs:
                print(e, file=sys.stderr)
            print(f"| gleaner clean, {kind}, {label} | {result['pages']} | {result['precision']:.3f} | "
                  f"{result['recall']:.3f} | {result['f1']:.3f} |", flush=True)

if __name__ == "__main__":
    main()
