#!/usr/bin/env bash
# Runs the whole test suite (the README's test command; .ci/run calls exactly this).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="$(mktemp)"
dotnet test "$root/MMFuse.sln" -c Release -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# One plain closing line with the totals of every test assembly.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
