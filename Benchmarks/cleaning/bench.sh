#!/bin/sh
# Times the pipe fetch | clean and clean alone per page on ../shared/datasets/readability-pages beside
# trafilatura, readability-lxml and resiliparse (installed from PyPI into .venv/ on first run).
set -eu
root=$(git rev-parse --show-toplevel)
cd "$root"
swift build -c release --product clean >&2
swift build -c release --product fetch >&2
venv="$root/.venv/cleaning-bench"
if ! "$venv/bin/python" -c "import trafilatura, readability, resiliparse" 2>/dev/null; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check --upgrade pip >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check trafilatura readability-lxml lxml_html_clean resiliparse >&2
fi
exec "$venv/bin/python" Benchmarks/cleaning/bench.py --clean "$root/.build/release/clean" --fetch "$root/.build/release/fetch" --root "$root" "$@"
