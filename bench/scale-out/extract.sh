#!/usr/bin/env bash
# Measures distributed extraction for docs/scale-out.md: avdigits extracted locally and on 2 workers on loopback
# (localhost clustering, one thread each) with streamed and with shared media, each from an empty feature cache;
# checks the exported features are byte-identical and reports the bytes shipped. Usage: bench/scale-out/extract.sh [OUT_DIR]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
dll="$root/src/MMFuse.Cli/bin/Release/net10.0/MMFuse.Cli.dll"
dotnet build "$root/src/MMFuse.Cli" -c Release -nologo -v quiet >/dev/null
manifest="$root/samples/avdigits/avdigits.csv"
timed() { local name=$1; shift; local start; start=$(date +%s.%N); dotnet "$dll" "$@" >"$out/$name.txt" 2>&1; echo "$(date +%s.%N) - $start" | bc; }
local_s=$(timed local extract "$manifest" --cache "$out/cache-local" --export "$out/local.parquet")
dotnet "$dll" worker --cluster localhost --threads 1 --name bench-a --shared-media "$root/samples" >"$out/worker-a.txt" 2>&1 & a=$!
sleep 6
dotnet "$dll" worker --cluster localhost --threads 1 --name bench-b --shared-media "$root/samples" >"$out/worker-b.txt" 2>&1 & b=$!
trap 'kill $a $b 2>/dev/null || true' EXIT
for _ in $(seq 60); do grep -q ready "$out/worker-b.txt" && break; sleep 1; done
stream_s=$(timed stream extract "$manifest" --cache "$out/cache-stream" --export "$out/stream.parquet" --cluster localhost --cluster-log "$out/log-stream.json")
shared_s=$(timed shared extract "$manifest" --cache "$out/cache-shared" --export "$out/shared.parquet" --cluster localhost --media shared --cluster-log "$out/log-shared.json")
again_s=$(timed again extract "$manifest" --cache "$out/cache-stream" --export "$out/again.parquet" --cluster localhost --cluster-log "$out/log-again.json")
same() { cmp -s "$out/local.parquet" "$out/$1.parquet" && echo identical || echo DIFFERENT; }
summary() { python3 -c 'import json,sys
log=json.load(open(sys.argv[1]))
jobs=[j for j in log["jobs"] if j["counted"]]
seconds=[j["seconds"] for j in jobs]
print("%d shard jobs, %.2f s summed, longest %.2f s, bytes shipped %s" % (len(jobs), sum(seconds), max(seconds, default=0), log["bytes_shipped"]))' "$1"; }
{
  echo "local extract ${local_s}s (empty cache)"
  echo "stream: ${stream_s}s, features $(same stream); $(summary "$out/log-stream.json")"
  echo "shared: ${shared_s}s, features $(same shared); $(summary "$out/log-shared.json")"
  echo "again (cache full): ${again_s}s, features $(same again); $(summary "$out/log-again.json")"
  echo "media on disk: $(du -sb "$root/samples/avdigits/images" "$root/samples/avdigits/audio" | awk '{s+=$1} END {print s}') bytes"
} | tee "$out/summary.txt"
