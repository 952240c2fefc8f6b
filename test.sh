#!/usr/bin/env bash
# Runs the whole test suite (the README's test command; .ci/run calls exactly this): dotnet test on MMFuse.sln, then
# the consumer test (tools/consumer-test.sh: pack both NuGet packages, use them from a fresh project outside the
# repository, install the tool). MMFUSE_SKIP_CONSUMER=1 leaves the consumer test out (it then reports "skipped").
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
log="$(mktemp)"
dotnet test "$root/MMFuse.sln" -c Release -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "${MMFUSE_SKIP_CONSUMER:-}" = 1 ]; then
  consumer="consumer: skipped (MMFUSE_SKIP_CONSUMER=1)"
else
  consumer_log="$(mktemp)"
  # Its progress is shown as it goes; its closing "consumer: ..." line is printed once, below, beside the totals.
  "$root/tools/consumer-test.sh" 2>&1 | tee "$consumer_log" | grep --line-buffered -v '^consumer: '
  consumer_status=${PIPESTATUS[0]}
  consumer="$(grep '^consumer: ' "$consumer_log" | tail -n 1)"
  [ -n "$consumer" ] || consumer="consumer: FAILED (exit $consumer_status)"
  rm -f "$consumer_log"
  [ "$status" -ne 0 ] || status=$consumer_status
fi
echo "$consumer"
# One plain closing line with the totals of every test assembly.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
