#!/usr/bin/env bash
# How the hub's throughput, latency and memory change with the number of residents and of gates: the hub
# part of tools/bench.sh (no ceiling) once per population, each on a fresh hub, at the same steps of card
# swipes per second (10 s each). Prints one line per population, then a table of them.
#   tools/bench-scale.sh                    residents 1k/10k/100k (200 gates), gates 100/1k/5k (1k residents)
#   BENCH_SCALE="2,200,1000 2,100,1000"      other populations (sites,gates,residents, space-separated)
#   BENCH_STEPS=1000,2000,5000               other steps
set -euo pipefail
cd "$(dirname "$0")/.."
populations="${BENCH_SCALE:-2,200,1000 2,200,10000 10,200,100000 2,100,1000 2,1000,1000 10,5000,1000}"
export BENCH_STEPS="${BENCH_STEPS:-1000,2000,5000}" BENCH_CEILING=0
out=$(mktemp -t ops-bench-scale-XXXXXX)
run_log=$(mktemp -t ops-bench-scale-run-XXXXXX)
trap 'rm -f "$out" "$run_log"' EXIT

printf '%-26s %s\n' population result > "$out"
for population in $populations; do
  IFS=, read -r sites gates residents <<< "$population"
  echo "=== $sites sites, $gates gates, $residents residents ==="
  # Shown as it runs (on stderr) and kept for the summary.
  BENCH_POPULATION="$population" tools/bench.sh --short 2>&1 | tee "$run_log" >&2 || true
  log=$(cat "$run_log")
  # Per step, from the hub's table: offered and decided per second, decision p50 and p99, push p99, sustained.
  steps=$(awk '/^ +[0-9]+ +[0-9]+ +[0-9]+ \|/ { printf "%s/s: %s decided, p50 %s p99 %s ms, push p99 %s ms, sustained %s; ", $1, $3, $5, $7, $11, $15 }' <<< "$log")
  result=$(grep '^RESULT' <<< "$log" | sed 's/^RESULT //')
  # With BENCH_RESTART=1: the start-up time on the provisioned data.
  startup=$(sed -n 's/^STARTUP \(ready_s=[^ ]*\).*/ \1/p' <<< "$log")
  provisioned=$(sed -n 's/^Provisioned in \(.*\)/\1/p' <<< "$log")
  connected=$(sed -n 's/^\([0-9]* gates connected in [^;]*\);.*/\1/p' <<< "$log")
  echo "SCALE sites=$sites gates=$gates residents=$residents provisioned_in=${provisioned// /} | $connected | $steps| $result$startup" | tee -a "$out"
done
echo
cat "$out"
