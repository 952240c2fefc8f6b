#!/usr/bin/env bash
# The measurement in docs/weights.md: early/logreg (and late/logreg) on avdigits with digit 3 cut to 5 % of its rows,
# 5-fold stratified, without and with --class-weight balanced. Usage: tools/weights/measure.sh OUT_DIR
set -euo pipefail
out=${1:?usage: measure.sh OUT_DIR}
mkdir -p "$out"
/usr/bin/python3 "$(dirname "$0")/imbalanced_avdigits.py" "$out/avdigits-imbalanced.csv"
for fusion in early late; do
  ./mmfuse evaluate "$out/avdigits-imbalanced.csv" --label digit --cv 5 --fusion "$fusion" --json "$out/$fusion-plain.json"
  ./mmfuse evaluate "$out/avdigits-imbalanced.csv" --label digit --cv 5 --fusion "$fusion" --class-weight balanced --json "$out/$fusion-balanced.json"
done
for f in "$out"/*.json; do
  python3 -c "import json,sys; m=json.load(open(sys.argv[1]))['metrics']; print(sys.argv[1], *(f\"{k} {m[k]['mean']:.4f}±{m[k]['std']:.4f}\" for k in ('accuracy','balanced_accuracy','macro_f1')))" "$f"
done
