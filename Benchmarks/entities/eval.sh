#!/usr/bin/env bash
# Precision, recall, F1 and value accuracy for people, organisations and places
# on Tests/Fixtures/eval/entities.jsonl, through the built extract and normalize.
# usage: Benchmarks/entities/eval.sh [-v]   (from the repository root; -v lists every error)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [[ -z "${GLEANER_BIN:-}" ]]; then
    # Incremental: quick when the release build is up to date.
    swift build -c release --product extract >/dev/null
    swift build -c release --product normalize >/dev/null
fi
BIN="${GLEANER_BIN:-.build/release}"
CORPUS=Tests/Fixtures/eval/entities.jsonl
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    print(json.dumps({"id": r["id"], "text": r["text"]}, ensure_ascii=False))
' "$CORPUS" | "$BIN/extract" | "$BIN/normalize" | python3 Benchmarks/entities/score.py "$CORPUS" "$@"
