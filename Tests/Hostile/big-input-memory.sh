#!/bin/bash
# usage: Tests/Hostile/big-input-memory.sh BIN STAGE [MEGABYTES]
#
# Peak memory of one map stage (clean, extract or normalize) over a large input: the stage's
# own input made from the readability pages of ../shared/datasets (fetch, then the stages
# before STAGE), repeated to MEGABYTES (default 1000) in a temporary file, run once with
# stdout to /dev/null while its peak RSS (VmHWM) and bytes read are polled every 2 s and
# printed on stderr; the last line gives the wall time, peak and exit status. The file is
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
size=0
while [ "$(stat -c %s "$work/big")" -gt "$size" ]; do
  size=$(stat -c %s "$work/big")
  cat "$work/big" "$work/big" | head -c "$limit" >"$work/next" || true
  # keep whole lines only
  sed -i '$ { /}$/!d }' "$work/next"
  mv "$work/next" "$work/big"
done

size=$(stat -c %s "$work/big")
# The peak so far (polled every 2 s) and the bytes read so far, every 30 s on stderr (a run cut
# short still tells).
"$bin/$stage" --on-error skip <"$work/big" >/dev/null 2>"$work/stderr" &
pid=$!
started=$SECONDS
polls=0
while kill -0 "$pid" 2>/dev/null; do
  hwm=$(sed -n 's/^VmHWM: *\([0-9]*\) kB/\1/p' "/proc/$pid/status" 2>/dev/null)
  read_bytes=$(sed -n 's/^rchar: //p' "/proc/$pid/io" 2>/dev/null)
  polls=$((polls + 1))
  [ -n "$hwm" ] && [ $((polls % 15)) = 0 ] && echo "$stage after $((SECONDS - started)) s: $((${read_bytes:-0} / 1000000)) of $((size / 1000000)) MB read, peak $((hwm / 1024)) MB RSS" >&2
  sleep 2
done
status=0
wait "$pid" || status=$?
echo "$stage $((size / 1000000)) MB: wall $((SECONDS - started)) s, peak ${hwm:-?} kB RSS (VmHWM at the last poll), exit $status"
