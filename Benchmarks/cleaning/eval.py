#!/usr/bin/env python3
"""Scores `clean` on the Readability test pages: body token 4-gram P/R/F1 (averaged over
pages), title and byline exact match, published-date match where the page has one."""
import argparse, json, os, re, subprocess, sys, unicodedata
from collections import Counter
from html.parser import HTMLParser

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pages as dataset

BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "blockquote", "pre",
         "section", "article", "figure", "figcaption", "ul", "ol", "table", "dt", "dd", "hr"}

class TextOf(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"): self.skip += 1
        if tag in BLOCK: self.parts.append("\n")
    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip: self.skip -= 1
        if tag in BLOCK: self.parts.append("\n")
    def handle_data(self, data):
        if not self.skip: self.parts.append(data)

def html_text(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return text_of_html(handle.read())

def text_of_html(markup):
    """The visible text of an HTML string, blocks on their own lines."""
    parser = TextOf()
    parser.feed(markup)
    return "".join(parser.parts)

CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
TOKEN = re.compile(f"[{CJK}]|[^\\W{CJK}]+")

def tokens(text):
    return TOKEN.findall(unicodedata.normalize("NFKC", text).casefold())

def ngrams(words, n=4):
    n = min(n, len(words)) or 1
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))

def prf(predicted, gold):
    p, g = ngrams(tokens(predicted)), ngrams(tokens(gold))
    if not p and not g: return 1.0, 1.0, 1.0
    if not p or not g: return 0.0, 0.0, 0.0
    common = sum((p & g).values())
    precision, recall = common / sum(p.values()), common / sum(g.values())
    f1 = 0 if common == 0 else 2 * precision * recall / (precision + recall)
    return precision, recall, f1

def norm(value):
    value = " ".join(unicodedata.normalize("NFKC", str(value or "")).split()).casefold()
    return re.sub(r"^(by|par|von|por)\s+", "", value)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--clean", required=True)
    ap.add_argument("--root", required=True)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    items = list(dataset.pages(args.root))
    payload = "".join(json.dumps(dataset.record(n, f)) + "\n" for n, f in items).encode()
    run = subprocess.run([args.clean, "--on-error", "skip"], input=payload, capture_output=True)
    if run.returncode != 0:
        sys.exit(f"clean failed ({run.returncode}): {run.stderr.decode()[:500]}")
    out = {r["id"]: r for r in map(json.loads, run.stdout.decode().splitlines())}
    rows, titles, bylines, dates = [], [], [], []
    for name, folder in items:
        meta = json.load(open(os.path.join(folder, "expected-metadata.json"), encoding="utf-8"))
        gold = html_text(os.path.join(folder, "expected.html"))
        r = out.get(name, {})
        p, rc, f = prf(r.get("text", ""), gold)
        rows.append((name, p, rc, f))
        if meta.get("title"):
            titles.append((name, norm(r.get("title")) == norm(meta["title"]), r.get("title"), meta["title"]))
        if meta.get("byline"):
            bylines.append((name, norm(r.get("byline")) == norm(meta["byline"]), r.get("byline"), meta["byline"]))
        if meta.get("publishedTime"):
            dates.append((name, str(r.get("published") or "")[:10] == meta["publishedTime"][:10], r.get("published"), meta["publishedTime"]))
    avg = lambda xs: sum(xs) / len(xs) if xs else 0.0
    acc = lambda xs: sum(1 for x in xs if x[1]) / len(xs) if xs else 0.0
    print(f"clean on {len(items)} Readability test pages")
    print()
    print("| metric | value | pages |")
    print("|---|---|---|")
    print(f"| body 4-gram precision | {avg([x[1] for x in rows]):.3f} | {len(rows)} |")
    print(f"| body 4-gram recall | {avg([x[2] for x in rows]):.3f} | {len(rows)} |")
    print(f"| body 4-gram F1 | {avg([x[3] for x in rows]):.3f} | {len(rows)} |")
    print(f"| title exact match | {acc(titles):.3f} | {len(titles)} |")
    print(f"| byline exact match | {acc(bylines):.3f} | {len(bylines)} |")
    print(f"| published date match | {acc(dates):.3f} | {len(dates)} |")
    if args.verbose:
        print("\nworst bodies:")
        for name, p, rc, f in sorted(rows, key=lambda x: x[3])[:25]:
            print(f"  {name:45} P={p:.2f} R={rc:.2f} F={f:.2f}")
        for label, xs in (("title", titles), ("byline", bylines), ("date", dates)):
            print(f"\n{label} misses:")
            for name, ok, got, want in xs:
                if not ok: print(f"  {name:45} got={got!r} want={want!r}")

if __name__ == "__main__":
    main()
