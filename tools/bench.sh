#!/usr/bin/env bash
# Throughput and latency benchmark of the decision path, in one run:
#   (a) the ceiling: the load generator against a plain Mosquitto broker whose echo responder answers
#       every event at once (what this machine, the MQTT clients and a broker can do without the hub);
#   (b) the hub end to end on embedded defaults (silo, gateway, dashboard as run.sh starts them, with
#       OPS_DEMO=0, a fresh data directory and durable SQLite storage), provisioned over its HTTP API.
# Both get the same steps of offered events per second, each stepping up until a step is not sustained.
# Prints a table for each and, last, one RESULT line (see docs/PERFORMANCE.md).
#   tools/bench.sh            full: 10 sites, 2,000 gates, 100,000 residents, 30 s steps
#   tools/bench.sh --short    2 sites, 200 gates, 1,000 residents, 10 s steps (within 4 minutes)
#   tools/bench.sh --archive [N]   the hub alone: import N residents (10,000) in 20 buildings as CSV, then
#                             time an incident with its care list, a search and an export (ARCHIVE line)
# BENCH_STEPS=250,500 replaces the steps; BENCH_KEEP_LOGS=1 keeps the processes' logs and data;
# BENCH_POPULATION=sites,gates,residents replaces the mode's population; BENCH_CEILING=0 skips part (a).
# The full mode (or BENCH_RESTART=1) ends by restarting the hub with run.sh on the data it provisioned and
# timing it to ready.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mode=full
case "${1:-}" in
  --short) mode=short ;;
  --archive) mode=archive archive_residents="${2:-10000}" ;;
  "") ;;
  *) echo "usage: tools/bench.sh [--short | --archive [residents]]" >&2; exit 2 ;;
esac
steps="${BENCH_STEPS:-250,500,1000,2000,5000,10000,20000,40000}"
if [ "$mode" = short ]; then
  sites=2 gates=200 residents=1000 step_seconds=10
else
  sites=10 gates=2000 residents=100000 step_seconds=30
fi
if [ -n "${BENCH_POPULATION:-}" ]; then
  IFS=, read -r sites gates residents <<< "$BENCH_POPULATION"
fi
timeout_seconds=5
latency_at=5000

missing=()
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
mosquitto_bin=$(command -v mosquitto || echo /usr/sbin/mosquitto)
# Every gate is a socket in the generator and in the broker (2,000 in the full run).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

echo "Building (Release)..."
dotnet build Ops.sln -c Release -nologo -v quiet -clp:ErrorsOnly
bin() { echo "$1/bin/Release/net10.0/$2.dll"; }
loadgen=$(bin tools/LoadGen Ops.LoadGen)

work=$(mktemp -d -t ops-bench-XXXXXX)
pids=()
names=()
# Stops what this script started, newest first, each given 15 s before it is killed.
stop_all() {
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    local pid=${pids[i]}
    kill -TERM "$pid" 2>/dev/null || continue
    local deadline=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    local status=0
    wait "$pid" 2>/dev/null || status=$?
    # 143 is the SIGTERM asked for; anything else on the way out is worth knowing.
    if [ "$status" != 0 ] && [ "$status" != 143 ]; then
      echo "The ${names[i]} exited with status $status when stopped; the end of its output:"
      tail -n 12 "$work/${names[i]}.log" | sed 's/^/    /'
    fi
  done
  pids=()
  names=()
}
cleanup() {
  # A second Ctrl-C must not leave processes behind; each stop is bounded anyway.
  trap '' INT TERM
  trap - EXIT
  stop_all
  if [ "${BENCH_KEEP_LOGS:-0}" = 1 ]; then echo "Logs kept in $work"; else rm -rf "$work"; fi
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap cleanup EXIT

start() {
  local name=$1; shift
  "$@" > "$work/$name.log" 2>&1 &
  pids+=($!)
  names+=("$name")
}
pid_of() {
  for i in "${!names[@]}"; do
    if [ "${names[i]}" = "$1" ]; then echo "${pids[i]}"; return 0; fi
  done
  return 1
}
# A port below Linux's ephemeral range (32768 and up, where outgoing connections take theirs) that no
# socket of this machine uses in any state, read from /proc/net/tcp*; ports handed out are remembered.
used_ports=" "
free_port() {
  local port hex
  while :; do
    port=$((20000 + RANDOM % 12000))
    case "$used_ports" in *" $port "*) continue ;; esac
    hex=$(printf ':%04X ' "$port")
    if ! cat /proc/net/tcp /proc/net/tcp6 2>/dev/null | awk '{print $2 " " $3}' | grep -q "$hex"; then
      used_ports+="$port "
      echo "$port"
      return
    fi
  done
}
# Fails at once when a process started here has already exited (a port taken meanwhile, say).
all_running() {
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[i]}" 2>/dev/null; then
      echo "The ${names[i]} exited during start-up; the end of its output:" >&2
      tail -n 12 "$work/${names[i]}.log" | sed 's/^/    /' >&2
      return 1
    fi
  done
}
wait_for_port() {
  for _ in $(seq 1 240); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    all_running || return 1
    sleep 0.25
  done
  echo "Nothing listens on port $1 after 60 s" >&2
  return 1
}
# Every 5 s, the CPU share of each process started here and the machine's load, to see where time goes.
cpu_sampler() {
  local hz; hz=$(getconf CLK_TCK)
  declare -A last
  while :; do
    local line="" now
    for i in "${!names[@]}"; do
      local stat; stat=$(cut -d' ' -f14,15 "/proc/${pids[i]}/stat" 2>/dev/null) || continue
      now=$(( ${stat% *} + ${stat#* } ))
      [ -n "${last[$i]:-}" ] && line+=" ${names[i]} $(( (now - last[$i]) * 100 / (hz * 5) ))%"
      last[$i]=$now
    done
    [ -n "$line" ] && echo "  cpu:$line | load $(cut -d' ' -f1 /proc/loadavg)"
    sleep 5
  done
}
# name=pid of every process started here, for the generator's per-step CPU columns (--watch).
watch_list() {
  local list=""
  for i in "${!names[@]}"; do list+="${list:+,}${names[i]}=${pids[i]}"; done
  echo "$list"
}
summary_value() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" "$1"; }

loadgen_args=(--sites "$sites" --gates "$gates" --residents "$residents" --steps "$steps"
  --step-seconds "$step_seconds" --timeout-seconds "$timeout_seconds" --latency-at "$latency_at")
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM; load $(cut -d' ' -f1-3 /proc/loadavg); mode $mode"

if [ "$mode" != archive ] && [ "${BENCH_CEILING:-1}" != 0 ]; then
echo
echo "=== (a) Ceiling: Mosquitto $("$mosquitto_bin" -h 2>/dev/null | sed -n 's/^mosquitto version \(.*\)/\1/p') + echo responder, no hub ==="
mqtt_port=$(free_port)
# Anonymous on loopback; unbounded queues and a wide in-flight window so the broker never drops or
# throttles the load; no Nagle delay on replies (Mosquitto's default would add ~40 ms per round trip).
cat > "$work/mosquitto.conf" <<CONF
listener $mqtt_port 127.0.0.1
allow_anonymous true
persistence false
set_tcp_nodelay true
max_queued_messages 0
max_inflight_messages 1000
log_dest stderr
log_type error
log_type warning
CONF
start mosquitto "$mosquitto_bin" -c "$work/mosquitto.conf"
wait_for_port "$mqtt_port"
start echo dotnet "$loadgen" echo --mqtt-port "$mqtt_port"
for _ in $(seq 1 120); do grep -q "^Echo: " "$work/echo.log" && break; sleep 0.25; done
grep -q "^Echo: " "$work/echo.log" || { cat "$work/echo.log"; exit 1; }
cpu_sampler > "$work/ceiling-cpu.log" &
sampler=$!
dotnet "$loadgen" run --ceiling --mqtt-port "$mqtt_port" "${loadgen_args[@]}" --watch "$(watch_list)" --summary-file "$work/ceiling.summary" \
  | tee "$work/ceiling.out"
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
cat "$work/ceiling-cpu.log"
stop_all
fi

echo
echo "=== (b) Hub end to end: silo + gateway + dashboard, OPS_DEMO=0, fresh SQLite data ==="
export OPS_DATA_DIR="$work/data"
export OPS_HTTP_PORT=$(free_port) OPS_MQTT_PORT=$(free_port) OPS_SILO_PORT=$(free_port) OPS_ORLEANS_GATEWAY_PORT=$(free_port)
export OPS_HTTP_BIND=127.0.0.1 OPS_DEMO=0
export OPS_ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# The log levels run.sh uses.
export Logging__LogLevel__Default=Information Logging__LogLevel__Orleans=Warning
export Logging__LogLevel__Microsoft=Warning Logging__LogLevel__Polly=Warning
mkdir -p "$OPS_DATA_DIR"
start silo dotnet "$(bin src/Silo Ops.Silo)"
wait_for_port "$OPS_ORLEANS_GATEWAY_PORT"
start gateway dotnet "$(bin src/Gateway Ops.Gateway)"
start dashboard dotnet "$(bin src/Dashboard Ops.Dashboard)" --contentRoot "$PWD/src/Dashboard"
url="http://127.0.0.1:$OPS_HTTP_PORT/"
for _ in $(seq 1 240); do
  curl -fs "${url}health/ready" >/dev/null 2>&1 && break
  all_running || exit 1
  sleep 0.5
done
if ! curl -fs "${url}health/ready" >/dev/null; then
  echo "The hub did not become ready" >&2
  tail -n 20 "$work"/silo.log "$work"/gateway.log "$work"/dashboard.log >&2
  exit 1
fi
silo=$(pid_of silo)
if [ "$mode" = archive ]; then
  dotnet "$loadgen" archive --url "$url" --residents "$archive_residents" --summary-file "$work/archive.summary"
  echo "silo_rss_mb=$(( $(awk '/^VmRSS:/ {print $2}' "/proc/$silo/status") / 1024 ))"
  # What holding the site costs with nothing asked of the hub: the silo's share of one core over 10 s.
  ticks() { cut -d' ' -f14,15 "/proc/$silo/stat" | awk '{print $1 + $2}'; }
  before=$(ticks); sleep 10; after=$(ticks)
  echo "IDLE silo_cpu_pct=$(( (after - before) * 100 / ($(getconf CLK_TCK) * 10) ))"
  exit 0
fi
cpu_sampler > "$work/hub-cpu.log" &
sampler=$!
dotnet "$loadgen" run --url "$url" --mqtt-port "$OPS_MQTT_PORT" "${loadgen_args[@]}" --watch "$(watch_list)" --summary-file "$work/hub.summary" \
  | tee "$work/hub.out"
kill "$sampler" 2>/dev/null || true; wait "$sampler" 2>/dev/null || true
cat "$work/hub-cpu.log"
silo_rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$silo/status")
for name in silo gateway dashboard; do
  count=$(grep -cE "^(warn|fail|crit)" "$work/$name.log" || true)
  [ "$count" = 0 ] && continue
  echo "The $name logged $count warnings or errors; the most frequent:"
  # Grouped by their first line, numbers masked, so that repeats of one kind count together.
  grep -A1 -E "^(warn|fail|crit)" "$work/$name.log" | grep -vE "^(warn|fail|crit|--)" | sed -E 's/[0-9a-f]{12,}/…/g; s/[0-9]+/N/g' \
    | sort | uniq -c | sort -rn | head -n 3
done
stop_all

if [ "$mode" = full ] || [ "${BENCH_RESTART:-0}" = 1 ]; then
  # Start-up on the provisioned data: run.sh (its build is up to date) until the hub answers ready.
  echo
  echo "=== Restart: run.sh on the same data ($residents residents, $gates gates) ==="
  started=$(date +%s.%N)
  setsid ./run.sh > "$work/restart.log" 2>&1 &
  runner=$!
  ready_s=n/a
  for _ in $(seq 1 600); do
    if curl -fs "${url}health/ready" >/dev/null 2>&1; then
      ready_s=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
      break
    fi
    kill -0 "$runner" 2>/dev/null || break
    sleep 0.1
  done
  kill -TERM "$runner" 2>/dev/null || true
  wait "$runner" 2>/dev/null || true
  echo "STARTUP ready_s=$ready_s residents=$residents gates=$gates (from ./run.sh to /health/ready, build up to date)"
fi

hub_eps=$(summary_value "$work/hub.summary" sustained_eps)
ceiling_eps=n/a ratio=n/a
if [ -f "$work/ceiling.summary" ]; then
  ceiling_eps=$(summary_value "$work/ceiling.summary" sustained_eps)
  ratio=$(awk -v h="$hub_eps" -v c="$ceiling_eps" 'BEGIN { if (c > 0) printf "%.3f", h / c; else print "n/a" }')
fi
echo
echo "RESULT hub_eps=$hub_eps ceiling_eps=$ceiling_eps ratio=$ratio" \
  "decision_p50_ms=$(summary_value "$work/hub.summary" decision_p50_ms)" \
  "decision_p99_ms=$(summary_value "$work/hub.summary" decision_p99_ms)" \
  "push_p99_ms=$(summary_value "$work/hub.summary" push_p99_ms)" \
  "undecided=$(summary_value "$work/hub.summary" undecided)" \
  "silo_rss_mb=$((silo_rss_kb / 1024))"
