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
BIN="$(swift build -c "$CONFIG" --show-bin-path)"
python3 Benchmarks/numeric/eval.py "$BIN" "$@"
# Issue 10's corpus: the tuned half beside its held-out twin.
echo
python3 Benchmarks/numeric/eval.py "$BIN" --files numeric-4.txt
echo
python3 Benchmarks/numeric/eval.py "$BIN" --files numeric-5.txt
# The news-dates dev set (TimeBank + AQUAINT), beside dateparser when the bench venv has it.
echo
PYTHON=python3
[ -x .venv/bin/python ] && .venv/bin/python -c "import dateparser" 2>/dev/null && PYTHON=.venv/bin/python
"$PYTHON" Benchmarks/numeric/news_dates.py "$BIN"
# The peers on the same corpus, when the bench venv exists (Benchmarks/numeric/bench.sh creates it).
if [ -x .venv/bin/python ] && .venv/bin/python -c "import dateparser, spacy" 2>/dev/null; then
    echo
    echo "peers on the same corpus (exact spans; their span conventions differ, e.g. spaCy's CARDINAL has no unit):"
    .venv/bin/python Benchmarks/numeric/peer_eval.py
fi
