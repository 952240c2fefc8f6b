#!/usr/bin/env bash
# Feature-extraction benchmark: builds bench/MMFuse.Bench and the mmfuse CLI in Release, runs every row, writes the
# raw rounds to bench/results/extraction-*.json and regenerates the extraction section of docs/benchmarks.md.
#   bench/run-extraction.sh [--quick] [--rows images,text,audio,cache,memory]
# --quick: smaller inputs (about 10 minutes on 2 busy cores). Needs GNU time (/usr/bin/time; apt-get install -y time)
# for the memory row, and the shared datasets beside the repository (../shared/datasets).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command_line="bench/run-extraction.sh${*:+ $*}"

if [ ! -x /usr/bin/time ]; then
  echo "run-extraction: /usr/bin/time (GNU time) is needed for the memory row: apt-get install -y time" >&2
  exit 1
fi
datasets="$root/../shared/datasets"
[ -d "$datasets" ] || { echo "run-extraction: $datasets not found" >&2; exit 1; }

build() { dotnet build "$1" -c Release -nologo -v quiet -clp:ErrorsOnly; }
build src/MMFuse.Cli/MMFuse.Cli.csproj
build bench/MMFuse.Bench/MMFuse.Bench.csproj
build bench/MlNetPeer/MlNetPeer.csproj

exec dotnet bench/MMFuse.Bench/bin/Release/net10.0/MMFuse.Bench.dll \
  --datasets "$datasets" \
  --cli "$root/src/MMFuse.Cli/bin/Release/net10.0/MMFuse.Cli.dll" \
  --mlnet-peer "$root/bench/MlNetPeer/bin/Release/net10.0/MlNetPeer.dll" \
  --results "$root/bench/results" \
  --doc "$root/docs/benchmarks.md" \
  --command "$command_line" \
  "$@"
