#!/usr/bin/env bash
# Start-up of every stage on a one-record input (median of 30 runs, peak RSS).
# Target: <= 15 ms median and <= 30 MB for every stage. Run from the repository root after
# `swift build -c release` (BIN=dir to time other binaries, RUNS=N to change the count).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=${BIN:-$(swift build -c release --show-bin-path)}
python3 Benchmarks/startup/bench.py "$BIN" --runs "${RUNS:-30}" "$@"
