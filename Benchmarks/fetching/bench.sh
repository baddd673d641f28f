#!/usr/bin/env bash
# Fetch 2,000 pages from the loopback fault server with fetch --concurrency 16,
# and the same list with curl --parallel (16) and wget (one connection), in the same run;
# then 16 bodies dripped a byte a second at once: the CPU fetch spends waiting on them.
# Usage (from the repo root): Benchmarks/fetching/bench.sh [PAGES]
# Only 127.0.0.1 is contacted. Needs python3, curl and wget (Debian: apt-get install -y curl wget).
set -euo pipefail
cd "$(dirname "$0")/../.."
pages="${1:-2000}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

fetch_bin=".build/release/fetch"
if [ ! -x "$fetch_bin" ] || [ -n "${REBUILD:-}" ]; then
    swift build -c release --product fetch >&2
fi

# The server exits when its stdin closes or after 10 minutes.
mkfifo "$work/server.in"
python3 Tests/Fixtures/fault_server.py --port 0 --lifetime 600 <"$work/server.in" >"$work/server.out" &
server_pid=$!
exec 3>"$work/server.in"
for _ in $(seq 100); do grep -q '^PORT ' "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port="$(awk '/^PORT/ {print $2}' "$work/server.out")"
[ -n "$port" ] || { echo "fault server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"

seq 1 "$pages" | sed "s|^|$base/bench/|" >"$work/urls.txt"

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

start=$(now)
"$fetch_bin" --urls "$work/urls.txt" --concurrency 16 --host-concurrency 16 --host-delay 0 --stats \
    >"$work/fetch.ndjson" 2>"$work/fetch.stats"
fetch_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
fetched=$(wc -l <"$work/fetch.ndjson")

results="| tool | pages | seconds | pages/s |\n|---|---:|---:|---:|\n"
results+="| fetch --concurrency 16 | $fetched | $(printf %.2f "$fetch_seconds") | $(rate "$fetched" "$fetch_seconds") |\n"

if command -v curl >/dev/null; then
    awk '{ printf "url = \"%s\"\noutput = \"/dev/null\"\n", $0 }' "$work/urls.txt" >"$work/curl.cfg"
    start=$(now)
    curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/curl.cfg" 2>/dev/null
    curl_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
    results+="| curl --parallel --parallel-max 16 | $pages | $(printf %.2f "$curl_seconds") | $(rate "$pages" "$curl_seconds") |\n"
fi
if command -v wget >/dev/null; then
    start=$(now)
    wget -q -i "$work/urls.txt" -O /dev/null
    wget_seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { print b - a }')
    results+="| wget -i (sequential) | $pages | $(printf %.2f "$wget_seconds") | $(rate "$pages" "$wget_seconds") |\n"
fi

echo "## fetch: $pages pages from a loopback server"
printf "%b" "$results"
if [ -n "${curl_seconds:-}" ]; then
    awk -v f="$fetch_seconds" -v c="$curl_seconds" 'BEGIN { printf "fetch/curl speed ratio: %.2f\n", c / f }'
fi
echo "fetch stats: $(tail -1 "$work/fetch.stats")"

# 16 slow bodies (8 bytes at 1 byte/s each) at once: fetch should sleep, not spin.
seq 1 16 | sed "s|^|$base/drip/8?|" >"$work/slow.txt"
TIMEFORMAT='%R %U %S'
{ time "$fetch_bin" --urls "$work/slow.txt" --concurrency 16 --host-concurrency 16 --host-delay 0 --ignore-robots \
    >"$work/slow.ndjson" 2>/dev/null; } 2>"$work/slow.time"
read -r slow_wall slow_user slow_sys <"$work/slow.time"
awk -v w="$slow_wall" -v u="$slow_user" -v s="$slow_sys" -v n="$(wc -l <"$work/slow.ndjson")" \
    'BEGIN { printf "16 slow bodies: %d records in %.1f s wall, %.2f s CPU = %.1f%% of a core\n", n, w, u + s, 100 * (u + s) / w }'
[ "$fetched" -eq "$pages" ] || { echo "fetch returned $fetched of $pages pages" >&2; exit 1; }
