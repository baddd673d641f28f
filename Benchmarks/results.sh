#!/usr/bin/env bash
# `make bench`: writes Benchmarks/RESULTS.md (stages, peers, start-up, report memory) in one run.
# The per-module scripts (Benchmarks/*/bench.sh) stay for deeper runs: `make bench-modules`.
# RESULTS_MB (default 8) sizes the stage inputs; RESULTS_REPORT_RECORDS (default 2500) the 1x report input.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(swift build -c release --show-bin-path)
command -v jq >/dev/null || { echo "results: jq is needed (apt-get install jq)" >&2; exit 1; }
# Peaks are read through GNU time (Benchmarks/measured.py says why; it names the package when missing).
[ -x /usr/bin/time ] || [ "$(id -u)" != 0 ] || apt-get install -y -qq time >/dev/null || true
venv=.venv/bench
if ! "$venv/bin/python" -c "import orjson" 2>/dev/null; then
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check orjson >&2
fi
python3 Benchmarks/results.py "$BIN" "$venv/bin/python" "${RESULTS_COMMAND:-make bench}"
