#!/usr/bin/env python3
"""Tunes the plain-text article scorer's weights (ArticleRun.Weights) on the web-snippets
text dumps' tuning split only (the held-out split is never scored here), by coordinate
search. Needs a development build that reads weights from the environment:
  swift build -c release --product clean --build-path .build-tune -Xswiftc -DGLEANER_TUNING
usage: tune.py --clean .build-tune/release/clean --root . [--start w1,...,w7] [--rounds N]"""
import argparse, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import snippets

NAMES = ["shortLength", "goodLength", "stopLow", "stopHigh", "shortPenalty", "nearGoodShare", "capitalisedHigh"]
STEPS = [10, 40, 0.02, 0.02, 10, 0.1, 0.05]

def evaluate(clean, data, tool, tune, weights, pred):
    env = dict(os.environ, GLEANER_ARTICLE_WEIGHTS=",".join(f"{w:g}" for w in weights))
    payload = "".join(json.dumps(r) + "\n" for r in snippets.records(data, "text", tune)).encode()
    run = subprocess.run([clean, "--on-error", "skip"], input=payload, capture_output=True, env=env, check=True)
    open(pred, "wb").write(run.stdout)
    return snippets.score(tool, tune, pred)[0]["f1"]

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean", required=True); ap.add_argument("--root", required=True)
    ap.add_argument("--start", default="70,200,0.22,0.30,20,0.6,0.6"); ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    data = snippets.dataset_dir(args.root)
    tool = os.path.join(data, "..", "tools", "score_snippets.py")
    pages = json.load(open(os.path.join(data, "pages.json"), encoding="utf-8"))
    tune = snippets.splits(pages)["tune"]
    pred = os.path.join(tempfile.gettempdir(), "gleaner-tune.ndjson")
    weights = [float(x) for x in args.start.split(",")]
    best = evaluate(args.clean, data, tool, tune, weights, pred)
    print(f"start {weights} F1 {best}", flush=True)
    for _ in range(args.rounds):
        for i, step in enumerate(STEPS):
            for direction in (1, -1):
                while True:
                    trial = list(weights); trial[i] += direction * step
                    f1 = evaluate(args.clean, data, tool, tune, trial, pred)
                    if f1 <= best:
                        break
                    best, weights = f1, trial
                    print(f"{NAMES[i]}={trial[i]:g} F1 {best}", flush=True)
    print("best", ",".join(f"{w:g}" for w in weights), best)

if __name__ == "__main__":
    main()
