#!/usr/bin/env bash
# Rebuilds the entity model (Sources/Extraction/Resources/entity-model.bin) from CoNLL-2003 train,
# printing dev F1 after each epoch. Fixed seed and epochs: the same data gives the same bytes.
# usage: Benchmarks/entities/train.sh [DATA_DIR]   (default ../shared/datasets/news-entities)
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA="${1:-../shared/datasets/news-entities}"
[[ -d "$DATA" ]] || DATA=/work/shared/datasets/news-entities
swift build -c release --product extract >/dev/null
nice .build/release/extract --train-entities "$DATA" --epochs 10 --bucket-bits 18 \
    --entity-model-output Sources/Extraction/Resources/entity-model.bin
