#!/bin/bash
# usage: Tests/Hostile/big-input-memory.sh BIN STAGE [MEGABYTES]
#
# Peak memory of one map stage (clean, extract or normalize) over a large input: the stage's
# own input made from the readability pages of ../shared/datasets (fetch, then the stages
# before STAGE), repeated to MEGABYTES (default 1000) in a temporary file, run once under
# GNU time -v with stdout to /dev/null. Prints "STAGE MB wall peak_MB status"; the file is
# deleted at the end. BIN is a products folder (e.g. .build/release).
set -euo pipefail
bin=$(cd "$1" && pwd)
stage=$2
megabytes=${3:-1000}
root=$(cd "$(dirname "$0")/../.." && pwd)
pages=$root/../shared/datasets/readability-pages
case "$stage" in clean | extract | normalize) ;; *) echo "$0: STAGE is clean, extract or normalize" >&2; exit 2 ;; esac

work=$(mktemp -d /tmp/gleaner-big-input.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The stage's input for a sample: every page fetched, then the stages before STAGE.
"$bin/fetch" --fetched-at 2024-05-01T12:00:00Z --on-error skip "$pages"/*/source.html >"$work/sample" 2>/dev/null
for before in clean extract; do
  [ "$before" = "$stage" ] && break
  "$bin/$before" --on-error skip <"$work/sample" >"$work/next" 2>/dev/null
  mv "$work/next" "$work/sample"
done

# Repeated to the size asked for, doubling.
cp "$work/sample" "$work/big"
limit=$((megabytes * 1000 * 1000))
while [ "$(stat -c %s "$work/big")" -lt "$limit" ]; do
  cat "$work/big" "$work/big" | head -c "$limit" >"$work/next" || true
  # keep whole lines only
  sed -i '$ { /}$/!d }' "$work/next"
  mv "$work/next" "$work/big"
done

size=$(stat -c %s "$work/big")
status=0
/usr/bin/time -v -o "$work/time" "$bin/$stage" --on-error skip <"$work/big" >/dev/null 2>"$work/stderr" || status=$?
peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time")
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time")
cpu=$(awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { printf "%.1f", u + s }' "$work/time")
echo "$stage $((size / 1000000)) MB: wall $wall, CPU $cpu s, peak $((peak / 1024)).$(((peak % 1024) * 10 / 1024)) MB RSS, exit $status"
