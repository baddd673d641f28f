#!/usr/bin/env bash
# Precision, recall, F1 and value accuracy per kind of `extract | normalize`
# on the numeric corpus (Tests/Fixtures/eval/numeric-*.txt).
# Run from the repository root: Benchmarks/numeric/eval.sh [--show-errors]
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIG="${CONFIG:-debug}"
swift build -c "$CONFIG" --product extract >/dev/null
swift build -c "$CONFIG" --product normalize >/dev/null
python3 Benchmarks/numeric/corpus.py > Tests/Fixtures/eval/numeric.jsonl.tmp
mv Tests/Fixtures/eval/numeric.jsonl.tmp Tests/Fixtures/eval/numeric.jsonl
python3 Benchmarks/numeric/eval.py "$(swift build -c "$CONFIG" --show-bin-path)" "$@"
# The peers on the same corpus, when the bench venv exists (Benchmarks/numeric/bench.sh creates it).
if [ -x .venv/bin/python ] && .venv/bin/python -c "import dateparser, spacy" 2>/dev/null; then
    echo
    echo "peers on the same corpus (exact spans; their span conventions differ, e.g. spaCy's CARDINAL has no unit):"
    .venv/bin/python Benchmarks/numeric/peer_eval.py
fi
