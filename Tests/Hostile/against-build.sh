#!/bin/bash
# usage: Tests/Hostile/against-build.sh BIN [BIN...]
#
# Replays every finding of the hostile-input issue (13), plus the terminal-input ones found
# since, against the executables in each BIN folder (a `swift build` products folder such as
# .build/release, or an old commit's, built in its own worktree) and prints one table:
# finding, then one column per BIN: "held" when the finding no longer reproduces, "FAILS"
# with what happened when it does.
#
# An old build may replace its output target with a regular file (an old `report --output
# /dev/null` did), so the script runs itself inside a private mount namespace with a tmpfs
# over /dev holding device nodes made anew, and points outputs at nodes in a temporary folder:
# the real /dev is never a target. It needs root (unshare, mount, mknod), python3 for the
# misbehaving HTTP server (Tests/Fixtures/fault_server.py, 127.0.0.1 only), script(1) for a
# terminal, and GNU time. Every process it starts is ended by its pid before it exits.
# HOSTILE_ONLY=WORD runs only the checks whose function name holds WORD (e.g. full, nat64).
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)

if [ "${GLEANER_HOSTILE_NAMESPACE:-}" != 1 ]; then
  [ "$#" -ge 1 ] || { echo "usage: $0 BIN [BIN...]" >&2; exit 2; }
  for bin in "$@"; do
    [ -x "$bin/report" ] || { echo "$0: no built report in '$bin'" >&2; exit 2; }
  done
  [ "$(id -u)" = 0 ] || { echo "$0: needs root for a private mount namespace over /dev" >&2; exit 2; }
  bins=()
  for bin in "$@"; do bins+=("$(cd "$bin" && pwd)"); done
  exec unshare --mount --propagation private env GLEANER_HOSTILE_NAMESPACE=1 bash "$0" "${bins[@]}"
fi

# --- inside the namespace: a /dev of our own --------------------------------------------
mount -t tmpfs -o mode=755 gleaner-hostile-dev /dev || { echo "$0: cannot mount a tmpfs over /dev" >&2; exit 1; }
# The device nodes, made anew before every check: an old build may have replaced one.
make_devices() {
  rm -f /dev/null /dev/zero /dev/full /dev/random /dev/urandom /dev/tty
  mknod -m 666 /dev/null c 1 3
  mknod -m 666 /dev/zero c 1 5
  mknod -m 666 /dev/full c 1 7
  mknod -m 666 /dev/random c 1 8
  mknod -m 666 /dev/urandom c 1 9
  mknod -m 666 /dev/tty c 5 0
}
make_devices
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/0 /dev/stdin
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr
mkdir -p /dev/pts /dev/shm
mount -t devpts -o newinstance,ptmxmode=0666,mode=620 devpts /dev/pts && ln -s pts/ptmx /dev/ptmx

work=$(mktemp -d /tmp/gleaner-hostile.XXXXXX)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The fault server, ended when the script ends (its stdin closes) or by pid.
mkfifo "$work/server.in"
python3 -u "$root/Tests/Fixtures/fault_server.py" --lifetime 900 <"$work/server.in" >"$work/server.out" 2>/dev/null &
server_pid=$!
exec 9>"$work/server.in"
for _ in $(seq 100); do grep -q PORT "$work/server.out" && break; sleep 0.1; done
port=$(sed -n 's/^PORT \([0-9]*\).*/\1/p' "$work/server.out")
url="http://127.0.0.1:$port"

text="Acme paid \$5 million on May 1, 2021 in Paris."
good='{"id":"g","text":"'"$text"'","mentions":[{"kind":"money","text":"$5 million","start":10,"end":20,"sentence":0}]}'
# hostile MENTIONFIELD NUMBER: the good record with one mention field replaced.
hostile() { printf '%s\n' "$good" | sed "s/\"$1\":[0-9]*/\"$1\":$2/"; }

# pids_matching TEXT: processes whose command line holds TEXT (a unique tag).
pids_matching() {
  local entry
  for entry in /proc/[0-9]*; do
    tr '\0' ' ' <"$entry/cmdline" 2>/dev/null | grep -qF -- "$1" && echo "${entry#/proc/}"
  done
}
# peak_kib FILE: the peak RSS GNU time wrote to FILE with -f %M.
peak_kib() { tail -1 "$1" 2>/dev/null | tr -dc 0-9; }
# status_of COMMAND...: runs it and prints its exit status.
status_of() { "$@" >/dev/null 2>&1; echo $?; }

held() { echo "held${1:+: $1}"; }
fails() { echo "FAILS: $1"; }

# --- the findings: each prints held or FAILS for the executables in $bin ------------------
# Each runs in a folder of its own ($t) with $bin's executables first on PATH.

check_output_device() {  # report --output a device
  mknod -m 666 "$t/null" c 1 3
  printf '%s\n' "$good" | report --format markdown --output "$t/null" 2>/dev/null
  [ -c "$t/null" ] && held || fails "the device became a $(stat -c %F "$t/null")"
}
check_output_symlink_device() {  # report --output a symlink to a device
  mknod -m 666 "$t/null" c 1 3; ln -s "$t/null" "$t/link.md"
  printf '%s\n' "$good" | report --format markdown --output "$t/link.md" 2>/dev/null
  if [ -L "$t/link.md" ] && [ -c "$t/null" ]; then held; else fails "the link became a $(stat -c %F "$t/link.md")"; fi
}
check_dead_letter_symlink() {  # gleaner dead_letter: a symlink to a device
  mknod -m 666 "$t/null" c 1 3; ln -s "$t/null" "$t/rejects.ndjson"
  printf '%s\nnot json\n' "$good" >"$t/in.ndjson"
  printf 'name: h\non_error: dead-letter\ndead_letter: rejects.ndjson\nstages:\n  - run: [cat, "%s"]\n  - normalize\n' "$t/in.ndjson" >"$t/p.yaml"
  (cd "$t" && gleaner run p.yaml >/dev/null 2>&1)
  if [ -L "$t/rejects.ndjson" ] && [ -c "$t/null" ]; then held; else fails "the link became a $(stat -c %F "$t/rejects.ndjson")"; fi
}
check_output_full() {  # report --output /dev/full
  local status; status=$(printf '%s\n' "$good" | status_of report --output /dev/full)
  [ "$status" != 0 ] && held "exit $status" || fails "exit 0 on a full device"
}
check_explain_injection() {  # gleaner explain | bash, a newline in name
  printf 'name: "x\\ntouch %s/PWNED"\nstages:\n  - clean\n' "$t" >"$t/p.yaml"
  local validate; validate=$(status_of gleaner validate "$t/p.yaml")
  gleaner explain "$t/p.yaml" 2>/dev/null | bash >/dev/null 2>&1
  if [ -e "$t/PWNED" ]; then fails "the injected line ran (validate exit $validate)"; else held "validate exit $validate"; fi
}
offsets() {  # STAGE: mention offsets of ±2^63 and 1e400
  local number status
  for number in 9223372036854775808 -9223372036854775809 1e400; do
    status=$({ printf '%s\n' "$good"; hostile start "$number"; } | status_of "$1")
    [ "$status" -ge 128 ] && { fails "start=$number: exit $status (signal)"; return; }
    [ "$status" = 0 ] && { fails "start=$number accepted"; return; }
  done
  held "exit $status"
}
check_normalize_offsets() { offsets normalize; }
check_report_offsets() { offsets report; }
check_on_error_skip() {  # the records before a hostile number are kept
  local out; out=$({ printf '%s\n' "$good"; hostile end 1e400; } | normalize --on-error skip 2>/dev/null)
  local status=$?
  [ "$status" = 0 ] && [ "$(printf '%s' "$out" | grep -c '"id":"g"')" = 1 ] && held || fails "exit $status, $(printf '%s' "$out" | grep -c .) records out"
}
check_entity_indexes() {  # entities[].mentions of 2^63
  local status; status=$(printf '%s\n' '{"id":"e","text":"'"$text"'","mentions":[{"kind":"place","text":"Paris","start":39,"end":44,"sentence":0}],"entities":[{"kind":"place","name":"Paris","mentions":[9223372036854775808,0]}]}' \
    | status_of report --format markdown)
  [ "$status" -lt 128 ] && held "exit $status" || fails "exit $status (signal)"
}
check_merge_partial() {  # a --merge partial carrying 2^63 or 1e400, one line at a time
  printf '%s\n' "$good" | report --partial >"$t/partial" 2>/dev/null || { fails "no --partial"; return; }
  local lines number index status
  lines=$(wc -l <"$t/partial")
  for number in 9223372036854775808 1e400; do
    for index in $(seq "$lines"); do
      sed -E "${index}s/(\":)[0-9]+([,}])/\1$number\2/g" "$t/partial" >"$t/bad"
      cmp -s "$t/bad" "$t/partial" && continue
      status=$(status_of report --merge "$t/bad")
      [ "$status" -ge 128 ] && { fails "line $index with $number: exit $status (signal)"; return; }
    done
  done
  held "exit $status"
}
check_alias_bomb() {  # a 1 KB YAML alias bomb where the loader reads values (a test's fields)
  local names=(a b c d e f g h i) level
  printf 'name: b\nstages:\n  - clean\ntests:\n  - name: t\n    input: in.txt\n    fields:\n      a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' >"$t/bomb.yaml"
  for level in 1 2 3 4 5 6 7 8; do
    local previous=${names[$((level - 1))]}
    printf '      %s: &%s [%s]\n' "${names[$level]}" "${names[$level]}" "$(printf "*$previous,%.0s" 1 2 3 4 5 6 7 8 9 | sed 's/,$//')" >>"$t/bomb.yaml"
  done
  /usr/bin/time -f %M -o "$t/time" timeout -k 5 20 gleaner validate "$t/bomb.yaml" >/dev/null 2>&1
  local status=$? peak; peak=$(peak_kib "$t/time")
  [ "$status" = 124 ] && { fails "still expanding after 20 s, $((peak / 1024)) MB"; return; }
  [ "${peak:-0}" -lt 204800 ] && held "exit $status, $((peak / 1024)) MB" || fails "$((peak / 1024)) MB"
}
year_record() { printf '%s\n' '{"id":"y'"$1"'","text":"'"$text"'","mentions":[{"kind":"date","text":"May 1, 2021","start":24,"end":35,"sentence":0,"value":{"date":"'"$1"'","grain":"day"}}]}'; }
check_year_html() {  # years 2000 and 10000000000 in the HTML report
  { printf '%s\n' "$good"; year_record 2000-01-01; year_record 10000000000-01-01; } >"$t/in"
  # at most 200 MB of output (ulimit -f counts 512-byte blocks) and 60 s
  local started=$SECONDS status
  (ulimit -f 409600; timeout -k 5 60 report --format html <"$t/in" >"$t/out.html" 2>/dev/null)
  status=$?
  local size; size=$(stat -c %s "$t/out.html")
  if [ "$status" = 65 ] || { [ "$status" = 0 ] && [ "$size" -lt 10000000 ]; }; then held "exit $status, $size bytes"
  else fails "exit $status after $((SECONDS - started)) s, $((size / 1000000)) MB written"; fi
}
check_year_loop() {  # a year of 4e18
  { printf '%s\n' "$good"; year_record 4000000000000000000; } >"$t/in"
  local started=$SECONDS
  timeout -k 5 20 report --format html <"$t/in" >/dev/null 2>&1
  local status=$?
  [ "$status" != 124 ] && held "exit $status in $((SECONDS - started)) s" || fails "still running after 20 s"
}
check_http_bomb() {  # a gzip body inflating to 64 MiB, --max-bytes 2000000
  /usr/bin/time -f %M -o "$t/time" timeout -k 5 60 fetch --max-bytes 2000000 "$url/bomb" >/dev/null 2>&1
  local peak; peak=$(peak_kib "$t/time")
  [ "${peak:-0}" -lt 51200 ] && held "$((peak / 1024)) MB peak" || fails "$((peak / 1024)) MB peak"
}
check_dev_zero() {  # fetch /dev/zero with --max-bytes: it must stop by itself at the limit
  /usr/bin/time -f %M -o "$t/time" timeout -k 5 6 fetch --max-bytes 2000000 /dev/zero >/dev/null 2>"$t/err"
  local status=$? peak; peak=$(peak_kib "$t/time")
  if [ "$status" != 124 ] && grep -q 'max-bytes' "$t/err"; then held "exit $status, $((peak / 1024)) MB peak"
  else fails "still reading after 6 s, $((peak / 1024)) MB"; fi
}
check_drip_deadline() {  # a body dripped a byte a second, --deadline 3
  local started=$SECONDS
  timeout -s KILL 30 fetch --deadline 3 "$url/drip/60" >/dev/null 2>&1
  local took=$((SECONDS - started))
  [ "$took" -le 10 ] && held "stopped after $took s" || fails "still downloading after $took s"
}
check_fifo_named() {  # fetch a FIFO with no writer
  mkfifo "$t/pipe"
  local started=$SECONDS
  timeout -s KILL 20 fetch --timeout 2 "$t/pipe" >/dev/null 2>&1
  local status=$?
  [ "$status" != 137 ] && held "exit $status in $((SECONDS - started)) s" || fails "blocked for 20 s"
}
check_fifo_walked() {  # a FIFO inside a walked folder
  mkdir "$t/folder"; echo hello >"$t/folder/a.txt"; mkfifo "$t/folder/pipe"
  timeout -s KILL 20 fetch --timeout 2 --on-error skip "$t/folder" >/dev/null 2>&1
  [ "$?" != 137 ] && held || fails "blocked for 20 s"
}
check_sigterm_orphans() {  # SIGTERM to gleaner
  local tag="sleep 7$RANDOM$RANDOM"
  printf 'name: slow\nstages:\n  - run: [sh, -c, "%s; echo done"]\n  - run: [sh, -c, "cat; %s"]\n' "$tag" "$tag" >"$t/slow.yaml"
  (cd "$t" && exec gleaner run slow.yaml >/dev/null 2>&1) &
  local runner=$! _
  for _ in $(seq 50); do [ "$(pids_matching "$tag" | wc -l)" -ge 2 ] && break; sleep 0.2; done
  kill -TERM "$runner"; wait "$runner" 2>/dev/null
  local status=$?
  sleep 2
  local left; left=$(pids_matching "$tag")
  [ -n "$left" ] && kill $left 2>/dev/null
  [ -z "$left" ] && held "exit $status" || fails "$(echo "$left" | wc -w) stage processes left running"
}
check_stage_timeout() {  # a per-stage timeout
  local tag="sleep 8$RANDOM$RANDOM"
  printf 'name: slow\nstages:\n  - run: [sh, -c, "%s; echo done"]\n' "$tag" >"$t/slow.yaml"
  local status; status=$(cd "$t" && status_of timeout -s KILL 30 gleaner run --stage-timeout 1 slow.yaml)
  local left; left=$(pids_matching "$tag"); [ -n "$left" ] && kill $left 2>/dev/null
  [ "$status" = 124 ] && held "exit 124" || fails "exit $status"
}
passes() {  # FIELD-JSON: normalize passes a record with that field through unchanged
  printf '{"id":"p","text":"x","mentions":[],%s}\n' "$1" | normalize 2>/dev/null | grep -qF -- "$1"
}
check_big_numbers() {  # pass-through of 1e400, large integers, -0
  local field
  for field in '"n":1e400' '"n":123456789012345678901234567890' '"n":-0'; do
    passes "$field" || { fails "$field changed ($(printf '{"id":"p","text":"x","mentions":[],%s}\n' "$field" | normalize 2>&1 | grep -o '"n":[^,}]*'))"; return; }
  done
  held
}
check_duplicate_keys() {  # a duplicate key
  local out; out=$(printf '%s\n' '{"id":"p","text":"x","mentions":[],"k":1,"k":2}' | normalize 2>&1)
  local status=$?
  if [ "$status" != 0 ] || printf '%s' "$out" | grep -q '"k":1.*"k":2'; then held "exit $status"; else fails "kept one value silently ($(printf '%s' "$out" | grep -o '"k":[0-9]'))"; fi
}
check_lone_surrogate() {  # \ud800\u0041
  local out; out=$(printf '%s\n' '{"id":"p","text":"x\ud800\u0041","mentions":[]}' | normalize 2>&1)
  local status=$?
  [ "$status" = 65 ] && held "exit 65" || fails "exit $status: $(printf '%s' "$out" | grep -o '"text":"[^"]*"')"
}
check_dead_letter_bytes() {  # invalid UTF-8 in a dead-lettered line
  printf '{"id":"bad\xff\xfe","text":"x","mentions":[]\n' >"$t/in"
  normalize --dead-letter "$t/dead.ndjson" <"$t/in" >/dev/null 2>&1
  if grep -q 'base64' "$t/dead.ndjson" 2>/dev/null || grep -qaF "$(cat "$t/in")" "$t/dead.ndjson" 2>/dev/null; then held
  else fails "the line's bytes are not in the dead letter"; fi
}
http_refused() {  # PATH: fetch must fail on it
  local status; status=$(status_of timeout -s KILL 30 fetch "$url$1")
  [ "$status" != 0 ] && held "exit $status" || fails "exit 0"
}
check_truncated_gzip() { http_refused /truncated-gzip; }
check_long_body() { http_refused /long-body; }
check_two_lengths() { http_refused /two-lengths; }
check_nat64() {  # --deny-private and NAT64 / 6to4 forms of 127.0.0.1
  local form err
  for form in "[64:ff9b::7f00:1]" "[2002:7f00:1::]"; do
    err=$(timeout -s KILL 30 fetch --deny-private --timeout 3 "http://$form:$port/plain" 2>&1 >/dev/null)
    printf '%s' "$err" | grep -qi private || { fails "$form not refused as private"; return; }
  done
  held
}
check_busy_wait() {  # CPU while waiting on a slow body
  /usr/bin/time -f '%U %S' -o "$t/time" timeout -k 5 30 fetch --timeout 20 "$url/drip/5" >/dev/null 2>&1
  local cpu; cpu=$(tail -1 "$t/time" | awk '{ printf "%.2f", $1 + $2 }')
  awk -v c="$cpu" 'BEGIN { exit !(c < 1.0) }' && held "$cpu s CPU over a 5 s body" || fails "$cpu s CPU over a 5 s body"
}
check_output_folder_first() {  # an output folder blocked by a file fails before any stage runs
  : >"$t/blocked"
  printf 'name: b\nstages:\n  - run: [sh, -c, "touch ran; cat %s"]\n  - report: { format: markdown, output: "blocked/report.md" }\n' "$t/in" >"$t/p.yaml"
  printf '%s\n' "$good" >"$t/in"
  (cd "$t" && gleaner run p.yaml >/dev/null 2>&1)
  [ -e "$t/ran" ] && fails "the stages ran before the output folder was found blocked" || held
}
check_explain_full() {  # gleaner explain > /dev/full
  printf 'name: ok\nstages:\n  - clean\n' >"$t/p.yaml"
  local status; status=$(gleaner explain "$t/p.yaml" >/dev/full 2>/dev/null; echo $?)
  [ "$status" != 0 ] && held "exit $status" || fails "exit 0"
}
check_controls_in_reports() {  # NUL and bidi controls in reports
  local line='{"id":"c","title":"Evil\u0000 \u202Etxt.exe","text":"'"$text"'","mentions":[{"kind":"money","text":"$5 million","start":10,"end":20,"sentence":0}]}'
  local format
  for format in markdown html csv; do
    printf '%s\n' "$line" | report --format "$format" >"$t/out" 2>/dev/null
    if grep -qaP '\x00|\xe2\x80\xae' "$t/out"; then fails "$format carries them"; return; fi
  done
  held
}
terminal_input() {  # COMMAND: run in a background process group of a terminal; prints state
  script -qec "sh -c 'set -m; $1 </dev/tty 2>$t/err & pid=\$!; sleep 3; state=\$(cut -d\" \" -f3 /proc/\$pid/stat 2>/dev/null); echo \"state=\${state:-exited}\" >$t/state; kill -KILL \$pid 2>/dev/null; wait'" /dev/null </dev/null >/dev/null 2>&1
  cat "$t/state" 2>/dev/null
}
check_background_terminal() {  # clean & reading the terminal
  local state; state=$(terminal_input "$bin/clean")
  case "$state" in
    state=exited) held "$(head -c 60 "$t/err")" ;;
    *) fails "$state (stopped by SIGTTIN, no message)" ;;
  esac
}
check_runner_terminal() {  # gleaner run whose first stage reads the terminal
  printf 'name: t\nstages:\n  - clean\n' >"$t/p.yaml"
  script -qec "timeout --foreground -s KILL 8 $bin/gleaner run $t/p.yaml </dev/tty 2>$t/err; echo \$? >$t/status" /dev/null </dev/null >/dev/null 2>&1
  local status; status=$(cat "$t/status" 2>/dev/null)
  local left; left=$(pids_matching "$bin/clean"); [ -n "$left" ] && kill -KILL $left 2>/dev/null
  [ "$status" != 137 ] && held "exit $status" || fails "hung (the stage stopped by SIGTTIN)"
}

findings=(
  "report --output a device@@check_output_device"
  "report --output a symlink to a device@@check_output_symlink_device"
  "gleaner dead_letter: a symlink to a device@@check_dead_letter_symlink"
  "report --output /dev/full@@check_output_full"
  "explain | bash, a newline in name@@check_explain_injection"
  "normalize, mention start ±2^63 / 1e400@@check_normalize_offsets"
  "report, mention start ±2^63 / 1e400@@check_report_offsets"
  "normalize --on-error skip keeps earlier records@@check_on_error_skip"
  "report, entities[].mentions of 2^63@@check_entity_indexes"
  "report --merge, a partial with 1e400@@check_merge_partial"
  "gleaner validate, 1 KB YAML alias bomb@@check_alias_bomb"
  "report html, years 2000 and 10000000000@@check_year_html"
  "report html, a year of 4e18@@check_year_loop"
  "fetch, gzip body to 64 MiB, --max-bytes 2 MB@@check_http_bomb"
  "fetch /dev/zero --max-bytes 2000000@@check_dev_zero"
  "fetch, body dripped 1 B/s, --deadline 3@@check_drip_deadline"
  "fetch, a FIFO with no writer@@check_fifo_named"
  "fetch, a FIFO in a walked folder@@check_fifo_walked"
  "SIGTERM to gleaner run@@check_sigterm_orphans"
  "gleaner run --stage-timeout@@check_stage_timeout"
  "pass-through of 1e400, 30 digits, -0@@check_big_numbers"
  "pass-through of a duplicate key@@check_duplicate_keys"
  "a lone surrogate \\ud800\\u0041@@check_lone_surrogate"
  "dead letter keeps invalid UTF-8 bytes@@check_dead_letter_bytes"
  "fetch, truncated gzip body@@check_truncated_gzip"
  "fetch, Content-Length shorter than body@@check_long_body"
  "fetch, two Content-Length headers@@check_two_lengths"
  "fetch --deny-private, NAT64 and 6to4@@check_nat64"
  "fetch, CPU while a body is slow@@check_busy_wait"
  "gleaner run, output folder blocked@@check_output_folder_first"
  "gleaner explain > /dev/full@@check_explain_full"
  "report, NUL and bidi controls@@check_controls_in_reports"
  "clean & reading the terminal@@check_background_terminal"
  "gleaner run, first stage on the terminal@@check_runner_terminal"
)

header="| finding |"
rule="|---|"
for bin in "$@"; do header="$header $bin |"; rule="$rule---|"; done
echo "$header"
echo "$rule"
for entry in "${findings[@]}"; do
  name=${entry%@@*}
  name=${name//|/\\|}
  check=${entry##*@@}
  # HOSTILE_ONLY=WORD runs only the checks whose function name holds WORD.
  [ -n "${HOSTILE_ONLY:-}" ] && [[ "$check" != *"$HOSTILE_ONLY"* ]] && continue
  row="| $name |"
  for bin in "$@"; do
    make_devices
    t=$(mktemp -d "$work/case.XXXXXX")
    result=$(cd "$t" && PATH="$bin:$PATH" bin=$bin t=$t "$check" 2>/dev/null | tail -1)
    row="$row ${result:-FAILS: no result} |"
  done
  echo "$row"
done
exit 0
