#!/usr/bin/env bash
# report benchmark: time and peak memory on 100,000 generated normalised records,
# then the same records split into 8 parts, each aggregated with --partial, and merged.
# Run from the repository root: bash Benchmarks/reporting/bench.sh   (REPORT_BENCH_RECORDS=N to change the size)
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${REPORT_BENCH_RECORDS:-100000}
parts=8
out=out/bench/reporting
mkdir -p "$out"

swift build -c release --product report >&2
bin="$(swift build -c release --show-bin-path)/report"

input="$out/records-$records.ndjson"
if [ ! -s "$input" ]; then
  echo "generating $records records..." >&2
  python3 Benchmarks/reporting/generate.py "$records" > "$input.tmp" && mv "$input.tmp" "$input"
fi

# measure LABEL COMMAND...: runs the command under /usr/bin/time -v, prints "wall_seconds cpu_seconds peak_MiB".
measure() {
  local log="$out/time-$1.txt"
  shift
  /usr/bin/time -v "$@" 2> "$log" >/dev/null
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$log")
  # wall is [h:]m:ss.ss
  echo "$wall" | awk -F: -v rss="$rss" -v cpu="$cpu" '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f %.1f %.0f\n", s, cpu, rss / 1024 }'
}

read -r direct_s direct_cpu direct_mb < <(measure direct "$bin" --format markdown --output "$out/report.md" "$input")

rm -f "$out"/part-* "$out"/agg-*
split -n "l/$parts" -d "$input" "$out/part-"
partial_total=0
partial_cpu=0
partial_peak=0
for part in "$out"/part-*; do
  name=$(basename "$part")
  read -r s cpu mb < <(measure "partial-$name" "$bin" --partial --output "$out/agg-$name.ndjson" "$part")
  partial_total=$(awk -v a="$partial_total" -v b="$s" 'BEGIN { printf "%.1f", a + b }')
  partial_cpu=$(awk -v a="$partial_cpu" -v b="$cpu" 'BEGIN { printf "%.1f", a + b }')
  partial_peak=$(awk -v a="$partial_peak" -v b="$mb" 'BEGIN { print (b > a ? b : a) }')
done
read -r merge_s merge_cpu merge_mb < <(measure merge "$bin" --merge --format markdown --output "$out/merged.md" "$out"/agg-part-*.ndjson)

if cmp -s "$out/report.md" "$out/merged.md"; then same="identical"; else same="DIFFERENT"; fi
input_mb=$(du -m "$input" | cut -f1)
partial_mb=$(du -cm "$out"/agg-part-*.ndjson | tail -1 | cut -f1)

{
  echo "report benchmark: $records records ($input_mb MiB of NDJSON), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
  echo
  echo "| run | wall seconds | CPU seconds | peak memory (MiB) |"
  echo "|---|---|---|---|"
  echo "| report --format markdown (all records) | $direct_s | $direct_cpu | $direct_mb |"
  echo "| report --partial, $parts parts one after another (sum; peak of any) | $partial_total | $partial_cpu | $partial_peak |"
  echo "| report --merge of the $parts partials ($partial_mb MiB) | $merge_s | $merge_cpu | $merge_mb |"
  echo
  echo "merged report vs direct report: $same"
} | tee "$out/results.md"
[ "$same" = identical ]
