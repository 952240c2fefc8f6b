#!/usr/bin/env bash
# Runs the whole test suite N times in a row (default 5) and prints one line per run plus a total; exits non-zero
# when any run failed. Each run is harsher than CI's: the collector's young generation is shrunk, so collections
# (and the finalizers that free TorchSharp's native Scalars and tensors) run far more often, and the concurrent
# training stress test trains more rounds. Before the fix of issue 11 this made training fail within minutes.
#   tools/stress.sh [RUNS]        e.g. tools/stress.sh 5
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
export MMFUSE_STRESS_ROUNDS="${MMFUSE_STRESS_ROUNDS:-10}"
export DOTNET_GCgen0size="${DOTNET_GCgen0size:-0x400000}"   # 4 MiB young generation
dotnet build "$root/MMFuse.sln" -c Release -nologo -v q >/dev/null || { echo "build failed"; exit 1; }
failed_runs=0
for i in $(seq 1 "$runs"); do
  log="$(mktemp)"
  start=$(date +%s)
  "$root/test.sh" --no-build >"$log" 2>&1
  status=$?
  summary="$(grep -E '^tests: ' "$log" | tail -1)"
  echo "run $i/$runs: exit $status, ${summary:-no summary}, $(( $(date +%s) - start )) s"
  if [ "$status" -ne 0 ]; then
    failed_runs=$((failed_runs + 1))
    grep -E '^\s+Failed |Error Message' -A2 "$log" | head -40
  fi
  rm -f "$log"
done
echo "stress: $runs runs, $failed_runs failed"
[ "$failed_runs" -eq 0 ]
