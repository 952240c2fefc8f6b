#!/usr/bin/env bash
# Measures docs/scale-out.md's numbers in one run: the same avdigits comparison locally and on 2 workers on loopback
# (localhost clustering unless CLUSTER says, one thread each, so both sides use this machine's 2 cores), then simulates larger clusters
# from the recorded job durations. Usage: [CLUSTER=URI] bench/scale-out/run.sh [OUT_DIR]; CLUSTER picks the membership
# (default localhost; e.g. redis://127.0.0.1:6379 or postgres://mmfuse@127.0.0.1/mmfuse with PGPASSWORD set).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
cluster="${CLUSTER:-localhost}"
dll="$root/src/MMFuse.Cli/bin/Release/net10.0/MMFuse.Cli.dll"
dotnet build "$root/src/MMFuse.Cli" -c Release -nologo -v quiet >/dev/null
strategies="early/logreg,early/mlp,late/logreg,vote-soft/logreg,joint-concat,joint-gated,ensemble"
# --select flat: the leaderboard alone, as before nested selection became the default (its inner CV runs on the client).
common=(compare "$root/samples/avdigits/avdigits.csv" --label digit --strategies "$strategies" --select flat --cache "$out/cache")
dotnet "$dll" "${common[@]}" --json "$out/warm.json" >/dev/null 2>&1   # features into the cache: both runs then time learning only
start=$(date +%s.%N)
dotnet "$dll" "${common[@]}" --json "$out/local.json" >"$out/local.txt" 2>&1
local_s=$(echo "$(date +%s.%N) - $start" | bc)
dotnet "$dll" worker --cluster "$cluster" --threads 1 --name bench-a >"$out/worker-a.txt" 2>&1 & a=$!
sleep 6
dotnet "$dll" worker --cluster "$cluster" --threads 1 --name bench-b >"$out/worker-b.txt" 2>&1 & b=$!
trap 'kill $a $b 2>/dev/null || true' EXIT
for _ in $(seq 60); do grep -q ready "$out/worker-b.txt" && break; sleep 1; done
start=$(date +%s.%N)
dotnet "$dll" "${common[@]}" --cluster "$cluster" --json "$out/cluster.json" --cluster-log "$out/log.json" >"$out/cluster.txt" 2>&1
cluster_s=$(echo "$(date +%s.%N) - $start" | bc)
strip() { python3 -c 'import json,sys
def s(n):
    if isinstance(n, dict): return {k: s(v) for k, v in n.items() if k != "seconds"}
    if isinstance(n, list): return [s(v) for v in n]
    return n
print(json.dumps(s(json.load(open(sys.argv[1]))), sort_keys=True))' "$1"; }
same=$([ "$(strip "$out/local.json")" = "$(strip "$out/cluster.json")" ] && echo identical || echo DIFFERENT)
echo "local ${local_s}s, 2 workers ${cluster_s}s, ratio $(echo "scale=3; $cluster_s / $local_s" | bc), leaderboards $same" | tee "$out/summary.txt"
python3 "$root/bench/scale-out/simulate.py" "$out/log.json" | tee -a "$out/summary.txt"
echo "results in $out"
