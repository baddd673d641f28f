#!/bin/sh
# Scores clean on ../shared/datasets/readability-pages: body 4-gram P/R/F1, title, byline, date.
# Usage: Benchmarks/cleaning/eval.sh [--verbose]
set -eu
root=$(git rev-parse --show-toplevel)
cd "$root"
swift build -c release --product clean >&2
exec python3 Benchmarks/cleaning/eval.py --clean "$root/.build/release/clean" --root "$root" "$@"
