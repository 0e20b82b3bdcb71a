#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, builds the solution and runs every test:
# unit tests, grain tests on an in-process Orleans cluster, and end-to-end tests that start the
# real silo, gateway and dashboard processes on free loopback ports, and browser tests of the web
# client in headless Chromium against them. The storage tests also start a PostgreSQL server of their own.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

missing=()
command -v curl >/dev/null || missing+=(curl)
command -v npm >/dev/null || missing+=(nodejs npm)
# The browser tests drive Debian's Chromium (no browser download); Chinese text needs a CJK font.
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei" || missing+=(fonts-wqy-microhei)
# The storage tests run the store on PostgreSQL too, on a throwaway server of their own.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET SDK 10 is required (see global.json)." >&2; exit 1; }

configuration=Release
dotnet build Ops.sln -c "$configuration" -nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# One test project at a time (-m:1): the end-to-end tests time real seconds on a 2-core machine and
# should not share it with the in-process cluster tests.
dotnet test Ops.sln -c "$configuration" --no-build --nologo -m:1 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i + 1); if ($i == "Passed:") p += $(i + 1); if ($i == "Skipped:") s += $(i + 1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' FS='[ ,]+' "$log"
if ! grep -qE '^(Passed|Failed)!' "$log"; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
