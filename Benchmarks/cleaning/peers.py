#!/usr/bin/env python3
"""Scores the peer extractors on the same dev sets as `clean`: trafilatura, readability-lxml,
resiliparse and boilerpy3 on the Readability pages (body 4-gram F1) and on web-snippets HTML
(snippet F1, all / tuning / held-out split); on the web-snippets text dumps, the text left
as it is and boilerpy3 fed the lines as paragraphs. Outputs are cached in out/cleaning/peers/
so reruns are quick (delete the folder to recompute).
usage: peers.py --root REPO"""
import argparse, contextlib, html, io, json, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages as readability_pages
import snippets
import eval as readability_eval

def extractors():
    """name → function(html) → text, for the peers that are installed."""
    found = {}
    try:
        import trafilatura
        found[f"trafilatura {trafilatura.__version__}"] = lambda h: trafilatura.extract(h) or ""
    except ImportError:
        pass
    try:
        from readability import Document
        import importlib.metadata as md
        def readability_text(h):
            summary = Document(h).summary()
            return readability_eval.text_of_html(summary)
        found[f"readability-lxml {md.version('readability-lxml')}"] = readability_text
    except ImportError:
        pass
    try:
        from resiliparse.extract.html2text import extract_plain_text
        import importlib.metadata as md
        found[f"resiliparse {md.version('resiliparse')}"] = lambda h: extract_plain_text(h, main_content=True)
    except ImportError:
        pass
    try:
        from boilerpy3 import extractors as bp
        import importlib.metadata as md
        extractor = bp.ArticleExtractor(raise_on_failure=False)
        found[f"boilerpy3 {md.version('boilerpy3')}"] = lambda h: extractor.get_content(h) or ""
    except ImportError:
        pass
    return found

def cached(path, compute):
    """The NDJSON at `path`, computed once: a list of {"source", "text"}."""
    if not os.path.isfile(path):
        rows = compute()
        with open(path, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row) + "\n")
    return path

def safe(fn, text):
    """fn(text), or "" when the peer fails; what a peer prints is not part of the table."""
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            return fn(text) or ""
    except Exception:
        return ""

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    args = ap.parse_args()
    out = os.path.join(args.root, "out", "cleaning", "peers")
    os.makedirs(out, exist_ok=True)
    peers = extractors()
    if not peers:
        print("peers: none installed (Benchmarks/cleaning/eval.sh installs them into .venv/cleaning-eval)")
        return
    slug = lambda name: name.split(" ")[0]

    print("Readability pages, body 4-gram F1 (130 pages):\n")
    print("| extractor | precision | recall | F1 |\n|---|---|---|---|")
    items = list(readability_pages.pages(args.root))
    for name, fn in peers.items():
        def compute():
            return [{"source": n, "text": safe(fn, open(os.path.join(f, "source.html"), encoding="utf-8",
                                                           errors="replace").read())} for n, f in items]
        path = cached(os.path.join(out, f"{slug(name)}-readability.ndjson"), compute)
        texts = {r["source"]: r["text"] for r in map(json.loads, open(path, encoding="utf-8"))}
        scores = [readability_eval.prf(texts.get(n, ""), readability_eval.html_text(os.path.join(f, "expected.html")))
                  for n, f in items]
        avg = lambda i: sum(s[i] for s in scores) / len(scores)
        print(f"| {name} | {avg(0):.3f} | {avg(1):.3f} | {avg(2):.3f} |", flush=True)

    data = snippets.dataset_dir(args.root)
    tool = os.path.join(data, "..", "tools", "score_snippets.py")
    pages = json.load(open(os.path.join(data, "pages.json"), encoding="utf-8"))
    parts = snippets.splits(pages)
    def report(label, path):
        cells = [snippets.score(tool, subset, path)[0]["f1"] for subset in (pages, parts["tune"], parts["held-out"])]
        print(f"| {label} | " + " | ".join(f"{c:.3f}" for c in cells) + " |", flush=True)
    print("\nweb-snippets snippet F1 (all 949 / tuning 760 / held-out 189):\n")
    print("| extractor | all | tune | held-out |\n|---|---|---|---|")
    for name, fn in peers.items():
        def compute():
            return [{"source": r["source"], "text": safe(fn, r["raw"])} for r in snippets.records(data, "html", pages)]
        report(f"{name}, HTML", cached(os.path.join(out, f"{slug(name)}-snippets-html.ndjson"), compute))
    report("text dumps as they are", cached(os.path.join(out, "none-snippets-text.ndjson"), lambda: [
        {"source": r["source"], "text": r["raw"]} for r in snippets.records(data, "text", pages)]))
    for name, fn in peers.items():
        if name.startswith("boilerpy3"):
            def compute():
                def as_html(text):
                    lines = [html.escape(l) for l in text.splitlines() if l.strip()]
                    return "<html><body>" + "".join(f"<p>{l}</p>" for l in lines) + "</body></html>"
                return [{"source": r["source"], "text": safe(fn, as_html(r["raw"]))}
                        for r in snippets.records(data, "text", pages)]
            report(f"{name}, text lines as paragraphs", cached(os.path.join(out, "boilerpy3-snippets-text.ndjson"), compute))

if __name__ == "__main__":
    main()
