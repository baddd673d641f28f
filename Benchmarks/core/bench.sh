#!/usr/bin/env bash
# The record loop's speed, in one run on the same files:
#  1. pass-through: `normalize --only email` on cleaned records without mentions, beside
#     cat, jq -c ., Python's json and orjson (loads/dumps per line) on the same file;
#  2. extract+normalize, all kinds: MB/s on one core (CPU seconds) and the --jobs 2 speed-up (wall).
# Records come from ../shared/datasets/web-snippets/text (fetch | clean), repeated to
# CORE_BENCH_MB megabytes (default 60); nothing is written outside out/bench/core.
# Usage (from the repository root): bash Benchmarks/core/bench.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out=out/bench/core
mkdir -p "$out"
target_mb=${CORE_BENCH_MB:-60}
sample_mb=${CORE_BENCH_SAMPLE_MB:-8}
corpus=${CORE_BENCH_CORPUS:-../shared/datasets/web-snippets/text}

for product in fetch clean extract normalize; do swift build -c release --product "$product" >&2; done
bin="$(swift build -c release --show-bin-path)"

venv="$root/.venv"
if ! "$venv/bin/python" -c "import orjson" 2>/dev/null; then
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check orjson >&2
fi
python="$venv/bin/python"

cleaned="$out/cleaned.ndjson"
if [ ! -s "$cleaned" ]; then
    "$bin/fetch" --fetched-at 2024-05-01T12:00:00Z --on-error skip "$corpus" 2>/dev/null | "$bin/clean" --on-error skip > "$cleaned.tmp"
    mv "$cleaned.tmp" "$cleaned"
fi
# repeat FILE MB OUT: FILE's records with fresh ids until OUT holds MB megabytes.
repeat() {
    "$python" - "$1" "$2" "$3" <<'EOF'
import json, sys
source, megabytes, target = sys.argv[1], float(sys.argv[2]), sys.argv[3]
lines = [json.loads(line) for line in open(source, encoding="utf-8") if line.strip()]
limit, size, copy = megabytes * 1e6, 0, 0
with open(target, "w", encoding="utf-8") as out:
    while size < limit:
        for record in lines:
            record = dict(record, id=f"{record.get('id', '')}-{copy}")
            text = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
            out.write(text)
            size += len(text.encode("utf-8"))
            if size >= limit:
                break
        copy += 1
EOF
}
big="$out/records-${target_mb}MB.ndjson"
[ -s "$big" ] || repeat "$cleaned" "$target_mb" "$big"
sample="$out/records-${sample_mb}MB.ndjson"
[ -s "$sample" ] || repeat "$cleaned" "$sample_mb" "$sample"

bytes() { wc -c < "$1" | tr -d ' '; }
now() { date +%s.%N; }
# best3 COMMAND...: the best wall time of three runs of COMMAND (stdout to /dev/null).
best3() {
    local best=""
    for _ in 1 2 3; do
        local start end
        start=$(now)
        "$@" > /dev/null
        end=$(now)
        best=$(awk -v a="$start" -v b="$end" -v best="$best" 'BEGIN { t = b - a; if (best == "" || t < best) best = t; print best }')
    done
    echo "$best"
}
# cpu COMMAND...: user+sys CPU seconds of one run.
cpu() {
    /usr/bin/time -f "%U %S" -o "$out/time.txt" "$@" > /dev/null
    awk '{ print $1 + $2 }' "$out/time.txt"
}
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

size=$(bytes "$big")
identity_json='import json, sys
out = sys.stdout.write
for line in sys.stdin:
    out(json.dumps(json.loads(line), ensure_ascii=False, separators=(",", ":")) + "\n")'
identity_orjson='import orjson, sys
out = sys.stdout.buffer.write
for line in sys.stdin.buffer:
    out(orjson.dumps(orjson.loads(line)) + b"\n")'

t_gleaner=$(best3 "$bin/normalize" --only email "$big")
t_cat=$(best3 cat "$big")
t_jq=$(best3 sh -c 'jq -c . < "$1"' _ "$big")
t_json=$(best3 sh -c '"$1" -c "$2" < "$3"' _ "$python" "$identity_json" "$big")
t_orjson=$(best3 sh -c '"$1" -c "$2" < "$3"' _ "$python" "$identity_orjson" "$big")

echo "## Pass-through: $(awk -v b="$size" 'BEGIN { printf "%.1f", b / 1e6 }') MB of cleaned records, no mentions (best of 3)"
echo
echo "| tool | seconds | MB/s | vs orjson |"
echo "|---|---:|---:|---:|"
for row in "normalize --only email:$t_gleaner" "cat:$t_cat" "jq -c .:$t_jq" "python json loads/dumps:$t_json" "orjson loads/dumps:$t_orjson"; do
    name=${row%%:*}
    t=${row##*:}
    echo "| $name | $(printf %.3f "$t") | $(mbps "$size" "$t") | $(awk -v o="$t_orjson" -v t="$t" 'BEGIN { printf "%.2fx", o / t }') |"
done
echo

sample_size=$(bytes "$sample")
"$bin/extract" "$sample" > "$out/extracted.ndjson"
c_extract=$(cpu "$bin/extract" "$sample")
c_normalize=$(cpu "$bin/normalize" "$out/extracted.ndjson")
w1_extract=$(best3 "$bin/extract" "$sample")
w2_extract=$(best3 "$bin/extract" --jobs 2 "$sample")
w1_normalize=$(best3 "$bin/normalize" "$out/extracted.ndjson")
w2_normalize=$(best3 "$bin/normalize" --jobs 2 "$out/extracted.ndjson")
"$bin/extract" --jobs 2 "$sample" | cmp -s - "$out/extracted.ndjson" && same=yes || same=NO

echo "## extract + normalize, all kinds: $(awk -v b="$sample_size" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
echo
echo "| measure | extract | normalize | extract+normalize |"
echo "|---|---:|---:|---:|"
echo "| MB/s per CPU second (one core) | $(mbps "$sample_size" "$c_extract") | $(mbps "$sample_size" "$c_normalize") | $(mbps "$sample_size" "$(awk -v a="$c_extract" -v b="$c_normalize" 'BEGIN { print a + b }')") |"
echo "| wall s, --jobs 1 | $(printf %.2f "$w1_extract") | $(printf %.2f "$w1_normalize") | $(printf %.2f "$(awk -v a="$w1_extract" -v b="$w1_normalize" 'BEGIN { print a + b }')") |"
echo "| wall s, --jobs 2 | $(printf %.2f "$w2_extract") | $(printf %.2f "$w2_normalize") | $(printf %.2f "$(awk -v a="$w2_extract" -v b="$w2_normalize" 'BEGIN { print a + b }')") |"
echo "| --jobs 2 speed-up | $(awk -v a="$w1_extract" -v b="$w2_extract" 'BEGIN { printf "%.2fx", a / b }') | $(awk -v a="$w1_normalize" -v b="$w2_normalize" 'BEGIN { printf "%.2fx", a / b }') | $(awk -v a="$w1_extract" -v b="$w1_normalize" -v c="$w2_extract" -v d="$w2_normalize" 'BEGIN { printf "%.2fx", (a + b) / (c + d) }') |"
echo
echo "--jobs 2 output identical to --jobs 1: $same. Machine: $(nproc) cores, $(uname -sm); $(date -u +%Y-%m-%dT%H:%MZ)."
