#!/usr/bin/env bash
# gleaner run on N generated documents (default 2,000): the local engine (processes joined by
# pipes) against --engine spark --workers 2 (local[2]), in the same run; checks the reports
# are byte-identical. "After Spark's start" is the time from a ready SparkContext to the end.
# Usage (from the repo root): Benchmarks/spark/bench.sh [N]. Needs pyspark (GLEANER_PYTHON or
# .venv) and Java; skips with a message without them.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-2000}"
python="${GLEANER_PYTHON:-.venv/bin/python}"
if ! "$python" -c 'import pyspark' 2>/dev/null || ! command -v java >/dev/null; then
    echo "spark bench skipped: no pyspark at $python (set GLEANER_PYTHON) or no java"
    exit 0
fi
export GLEANER_PYTHON="$python"
bin="$(pwd)/.build/release"
[ -x "$bin/gleaner" ] || swift build -c release >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" - "$work/docs" "$count" <<'PY'
import os, random, sys
folder, count = sys.argv[1], int(sys.argv[2])
os.makedirs(folder)
rng = random.Random(20231207)
people = ["Maria Lopez", "Ahmed Karimi", "Jonas Berg", "Olena Shevchenko", "Pedro Silva", "Amara Okafor"]
orgs = ["the World Health Organization", "the European Central Bank", "the United Nations", "the World Bank"]
places = ["Kyiv", "Berlin", "Nairobi", "Lima", "Baku", "Odesa", "Jakarta"]
months = ["January", "March", "May", "July", "September", "November"]
for i in range(count):
    place = rng.choice(places)
    text = (f"{rng.choice(months)} {1 + i % 28}, 2023\n\n{rng.choice(people)} of {rng.choice(orgs)} said on Tuesday "
            f"that {rng.choice([1.5, 2, 4, 12, 90])} million {rng.choice(['dollars', 'euros', 'pounds'])} would go to "
            f"{place}. About {100 + i % 900} families in {place} are expected to benefit, according to officials.\n")
    with open(os.path.join(folder, f"{i:05d}.txt"), "w") as handle:
        handle.write(text)
PY
cat >"$work/p.yaml" <<YAML
name: spark-bench
stages:
  - fetch: { paths: [docs], fetched-at: "2023-12-07T00:00:00Z" }
  - clean
  - extract
  - normalize: { reference-date: "2023-12-07" }
  - report: { format: json, output: out/report.json }
YAML
cd "$work"
now() { date +%s.%N; }
start=$(now)
TIMEFORMAT='%U %S'
{ time "$bin/gleaner" run p.yaml; } 2>local.time
local_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
local_cpu=$(awk '{ print $1 + $2 }' local.time)
mv out/report.json local.json
start=$(now)
GLEANER_SPARK_TIMINGS=1 "$bin/gleaner" run --engine spark --workers 2 p.yaml 2>spark.err
spark_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
after=$(sed -n 's/.*the work after it took \([0-9.]*\) s.*/\1/p' spark.err)
echo "## gleaner run on $count documents: local pipes vs Spark local[2]"
echo "| engine | seconds |"
echo "|---|---:|"
printf "| local | %.1f |\n| spark local[2], whole run | %.1f |\n| spark local[2], after Spark's start | %s |\n" \
    "$local_seconds" "$spark_seconds" "$after"
spark_cpu=$(sed -n "s/.*CPU after the start: stages \([0-9.]*\) s, merging \([0-9.]*\), the driver's JVM \([0-9.]*\).*/\1 \2 \3/p" spark.err \
    | awk '{ print $1 + $2 + $3 }')
echo "CPU seconds: local run $local_cpu (gleaner and every stage); Spark after its start ${spark_cpu:-?} (stages, merging, the driver's JVM)"
awk -v l="$local_seconds" -v s="$after" 'BEGIN { printf "spark (after start) / local, wall time: %.2f (the goal: <= 2)\n", s / l }'
[ -n "$spark_cpu" ] && awk -v l="$local_cpu" -v s="$spark_cpu" 'BEGIN { printf "spark (after start) / local, CPU time: %.2f\n", s / l }'
cat spark.err; cmp -s local.json out/report.json && echo "reports byte-identical" || { echo "reports differ" >&2; exit 1; }
