#!/usr/bin/env bash
# Load test of `mmfuse serve` (a bench row, not a unit test): trains an image+text+numbers model (emoji sample) and an
# image+audio model (avdigits sample), serves each with --max-batch 16 and --max-batch 1, and drives it with N
# concurrent clients (one single-row POST /v1/predict after another) for a fixed time per level. Prints a Markdown
# table (throughput, p50/p95/p99 latency, errors, server RSS before/after each level); raw numbers go to
# bench/results/serve-*.json. The --max-batch 16 and --max-batch 1 servers run side by side and are loaded in alternating
# 5-second rounds, so a shared machine's drifting load weighs on both alike.
#   bench/run-serve.sh [--seconds 60] [--clients 1,4,16]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds=60
clients=1,4,16
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --clients) clients="$2"; shift 2 ;;
    *) echo "usage: bench/run-serve.sh [--seconds S] [--clients 1,4,16]" >&2; exit 2 ;;
  esac
done

build() { dotnet build "$1" -c Release -nologo -v quiet -clp:ErrorsOnly; }
build src/MMFuse.Cli/MMFuse.Cli.csproj
build bench/MMFuse.Load/MMFuse.Load.csproj
cli="$root/src/MMFuse.Cli/bin/Release/net10.0/MMFuse.Cli.dll"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet "$cli" train samples/emoji/emoji.csv --label category --ignore subcategory --out "$work/emoji.mmf" >/dev/null
dotnet "$cli" train samples/avdigits/avdigits.csv --label digit --out "$work/avdigits.mmf" >/dev/null

mkdir -p bench/results
stamp="$(date -u +%Y%m%d-%H%M%S)"
echo "bench/run-serve.sh --seconds $seconds --clients $clients ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
dotnet bench/MMFuse.Load/bin/Release/net10.0/MMFuse.Load.dll --cli "$cli" --seconds "$seconds" --clients "$clients" --max-batch 16,1 \
  --model "emoji (image+text+numbers)" "$work/emoji.mmf" samples/emoji/emoji.csv \
  --model "avdigits (image+audio)" "$work/avdigits.mmf" samples/avdigits/avdigits.csv \
  --json "bench/results/serve-$stamp.json"
