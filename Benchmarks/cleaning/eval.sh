#!/bin/sh
# Scores clean on ../shared/datasets/readability-pages (body 4-gram P/R/F1, title, byline, date)
# and on ../shared/datasets/web-snippets (HTML and text dumps, snippet F1, with the held-out split),
# then the peers (trafilatura, readability-lxml, resiliparse, boilerpy3) on the same pages,
# installed from PyPI into .venv/cleaning-eval on first run; their outputs are cached in out/cleaning/peers.
# Usage: Benchmarks/cleaning/eval.sh [--verbose]
set -eu
root=$(git rev-parse --show-toplevel)
cd "$root"
swift build -c release --product clean >&2
python3 Benchmarks/cleaning/eval.py --clean "$root/.build/release/clean" --root "$root" "$@"
echo
python3 Benchmarks/cleaning/snippets.py --clean "$root/.build/release/clean" --root "$root"
echo
venv="$root/.venv/cleaning-eval"
if ! "$venv/bin/python" -c "import trafilatura, readability, resiliparse, boilerpy3, lxml_html_clean" 2>/dev/null; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check trafilatura readability-lxml lxml_html_clean \
        resiliparse boilerpy3 >&2 || echo "clean eval: could not install the peers; scoring clean only" >&2
fi
if [ -x "$venv/bin/python" ]; then nice "$venv/bin/python" Benchmarks/cleaning/peers.py --root "$root"; fi
