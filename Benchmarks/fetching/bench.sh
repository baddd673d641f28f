#!/usr/bin/env bash
# Fetch 2,000 pages from the loopback fault server with fetch --concurrency 16,
# and the same list with curl --parallel (16) and wget (one connection), in the same run;
# FETCH_ROUNDS (default 3) rounds of fetch then curl, medians reported;
# then 16 bodies dripped a byte a second at once: the CPU fetch spends waiting on them.
# Usage (from the repo root): Benchmarks/fetching/bench.sh [PAGES]; FETCH_BIN picks the binary
# (default .build/release/fetch, built when missing). `make bench` runs it for RESULTS.md.
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

fetch_bin="${FETCH_BIN:-.build/release/fetch}"
if [ -z "${FETCH_BIN:-}" ] && { [ ! -x "$fetch_bin" ] || [ -n "${REBUILD:-}" ]; }; then
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

rounds="${FETCH_ROUNDS:-3}"
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
median() { tr ' ' '\n' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
TIMEFORMAT='%R %U %S'
# timed FILE COMMAND...: runs it and appends "wall cpu" (cpu = user + system) to FILE.
timed() {
    local out="$1"
    shift
    { time "$@"; } 2>"$work/time.txt"
    tail -1 "$work/time.txt" | awk '{ print $1, $2 + $3 }' >>"$out"
}
run_fetch() {
    "$fetch_bin" --urls "$work/urls.txt" --concurrency 16 --host-concurrency 16 --host-delay 0 --stats \
        >"$work/fetch.ndjson" 2>"$work/fetch.stats"
}
awk '{ printf "url = \"%s\"\noutput = \"/dev/null\"\n", $0 }' "$work/urls.txt" >"$work/curl.cfg"
run_curl() { curl -s --no-progress-meter --parallel --parallel-max 16 -K "$work/curl.cfg" 2>/dev/null; }

# Rounds alternate fetch and curl, so a burst of load on the shared machine hits both; medians are reported.
: >"$work/fetch.times"
: >"$work/curl.times"
for _ in $(seq "$rounds"); do
    timed "$work/fetch.times" run_fetch
    fetched=$(wc -l <"$work/fetch.ndjson")
    [ "$fetched" -eq "$pages" ] || { echo "fetch returned $fetched of $pages pages" >&2; exit 1; }
    if command -v curl >/dev/null; then timed "$work/curl.times" run_curl; fi
done
fetch_seconds=$(awk '{ print $1 }' "$work/fetch.times" | median)
fetch_cpu=$(awk '{ print $2 }' "$work/fetch.times" | median)

results="| tool | pages | seconds (median of $rounds) | pages/s | CPU s | CPU ms/page |\n|---|---:|---:|---:|---:|---:|\n"
row() { printf '| %s | %d | %.2f | %s | %.2f | %.3f |\\n' "$1" "$2" "$3" "$(rate "$2" "$3")" "$4" "$(awk -v c="$4" -v n="$2" 'BEGIN { print 1000 * c / n }')"; }
results+="$(row "fetch --concurrency 16" "$fetched" "$fetch_seconds" "$fetch_cpu")"
if [ -s "$work/curl.times" ]; then
    curl_seconds=$(awk '{ print $1 }' "$work/curl.times" | median)
    curl_cpu=$(awk '{ print $2 }' "$work/curl.times" | median)
    results+="$(row "curl --parallel --parallel-max 16" "$pages" "$curl_seconds" "$curl_cpu")"
fi
if command -v wget >/dev/null; then
    : >"$work/wget.times"
    timed "$work/wget.times" wget -q -i "$work/urls.txt" -O /dev/null
    read -r wget_seconds wget_cpu <"$work/wget.times"
    results+="$(row "wget -i (sequential, one run)" "$pages" "$wget_seconds" "$wget_cpu")"
fi

echo "## fetch: $pages pages from a loopback server"
printf "%b" "$results"
if [ -n "${curl_seconds:-}" ]; then
    awk -v f="$fetch_seconds" -v c="$curl_seconds" 'BEGIN { printf "fetch/curl speed ratio (wall, medians): %.2f\n", c / f }'
fi
echo "fetch stats (last round): $(tail -1 "$work/fetch.stats")"

# 16 slow bodies (8 bytes at 1 byte/s each) at once: fetch should sleep, not spin.
seq 1 16 | sed "s|^|$base/drip/8?|" >"$work/slow.txt"
{ time "$fetch_bin" --urls "$work/slow.txt" --concurrency 16 --host-concurrency 16 --host-delay 0 --ignore-robots \
    >"$work/slow.ndjson" 2>/dev/null; } 2>"$work/slow.time"
read -r slow_wall slow_user slow_sys <"$work/slow.time"
awk -v w="$slow_wall" -v u="$slow_user" -v s="$slow_sys" -v n="$(wc -l <"$work/slow.ndjson")" \
    'BEGIN { printf "16 slow bodies: %d records in %.1f s wall, %.2f s CPU = %.1f%% of a core\n", n, w, u + s, 100 * (u + s) / w }'
