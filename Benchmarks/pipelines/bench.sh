#!/usr/bin/env bash
# The runner's own cost: the same 5-process pipe of `cat`s over 200,000 NDJSON records
# (~100 MB), started by the shell, by `gleaner run` (direct OS pipes), and by
# `gleaner run --progress` (every pipe relayed through gleaner to count records).
# Run from the repository root after `swift build -c release`.
set -euo pipefail
BIN=${BIN:-.build/release}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK/records.ndjson" <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    text = "Aid worth 2.5 million dollars reached Odesa on December 7, 2023. " * 7
    for i in range(200_000):
        out.write(json.dumps({"id": f"doc-{i}", "text": text}) + "\n")
PY
cat > "$WORK/cats.yaml" <<'YAML'
stages:
  - run: [cat]
  - run: [cat]
  - run: [cat]
  - run: [cat]
  - run: [cat]
YAML
size=$(du -m "$WORK/records.ndjson" | cut -f1)

# Best of 3 wall-clock seconds.
best() {
  local best=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" < "$WORK/records.ndjson" > "$WORK/out.ndjson"
    end=$(date +%s.%N)
    best=$(python3 -c "print(min(float('${best:-1e9}'), $end - $start))")
  done
  cmp -s "$WORK/records.ndjson" "$WORK/out.ndjson" || { echo "bench: output differs" >&2; exit 1; }
  printf '%.3f' "$best"
}

shell=$(best sh -c 'cat | cat | cat | cat | cat')
direct=$(best "$BIN/gleaner" run --no-progress "$WORK/cats.yaml")
relayed=$(best "$BIN/gleaner" run --progress "$WORK/cats.yaml" 2>/dev/null)
echo "| runner, 5 stages, ${size} MB, 200,000 records | seconds (best of 3) |"
echo "|---|---|"
echo "| shell pipe | $shell |"
echo "| gleaner run (OS pipes) | $direct |"
echo "| gleaner run --progress (counting relays) | $relayed |"
