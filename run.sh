#!/usr/bin/env bash
# Builds and starts the whole hub on embedded defaults: silo, gateway (embedded MQTT broker) and
# dashboard; with OPS_DEMO=1 it seeds the demo site and plays a community's day (docs/demo.md).
# Foreground; Ctrl-C or SIGTERM stops everything.
set -euo pipefail
cd "$(dirname "$0")"

export OPS_DATA_DIR="${OPS_DATA_DIR:-$PWD/.ops-data}"
export OPS_HTTP_PORT="${OPS_HTTP_PORT:-8080}"
export OPS_HTTP_BIND="${OPS_HTTP_BIND:-127.0.0.1}"
export OPS_MQTT_PORT="${OPS_MQTT_PORT:-1883}"
export OPS_DEMO="${OPS_DEMO:-1}"
export OPS_SILO_PORT="${OPS_SILO_PORT:-11111}"
export OPS_ORLEANS_GATEWAY_PORT="${OPS_ORLEANS_GATEWAY_PORT:-30000}"
export Logging__LogLevel__Default="${Logging__LogLevel__Default:-Information}"
export Logging__LogLevel__Orleans="${Logging__LogLevel__Orleans:-Warning}"
export Logging__LogLevel__Microsoft="${Logging__LogLevel__Microsoft:-Warning}"
export Logging__LogLevel__Polly="${Logging__LogLevel__Polly:-Warning}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
configuration="${OPS_CONFIGURATION:-Release}"

bin() { echo "$1/bin/$configuration/net10.0/$2.dll"; }

# Even with nothing to do, dotnet build spends 5-7 s on a 2-core machine finding that out, so it is
# skipped when every process was built (each build marks its output directory, Directory.Build.targets)
# and no file of the sources is newer than that mark (OPS_BUILD=always builds regardless).
needs_build() {
  [ "${OPS_BUILD:-auto}" = always ] && return 0
  local output mark
  for output in "$(bin src/Silo Ops.Silo)" "$(bin src/Gateway Ops.Gateway)" "$(bin src/Dashboard Ops.Dashboard)" \
    "$(bin tools/Simulator Ops.Simulator)"; do
    mark="$(dirname "$output")/ops.built"
    [ -f "$output" ] && [ -f "$mark" ] || return 0
    if [ -n "$(find src deploy tools/Simulator Ops.sln Directory.Build.* Directory.Packages.props \( -name bin -o -name obj -o -name node_modules \) -prune \
      -o -type f -newer "$mark" -print -quit 2>/dev/null)" ]; then
      return 0
    fi
  done
  return 1
}
if needs_build; then
  echo "Building ($configuration)..."
  dotnet build Ops.sln -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
else
  echo "The build is up to date ($configuration)."
fi
mkdir -p "$OPS_DATA_DIR"

pids=()
names=()
stop_timeout=15
# Stops one process and waits for it to exit; after $stop_timeout s it is killed.
stop_one() {
  local pid=$1 name=$2
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + stop_timeout))
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "The $name did not stop within $stop_timeout s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
stop_all() {
  # A second Ctrl-C must not leave processes behind; each step below is bounded anyway.
  trap '' INT TERM
  trap - EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo "Stopping..."
    # Reverse order, one at a time: the simulated gates go first (they disconnect cleanly, so no Last
    # Will is published), then the dashboard and the gateway, and the silo they depend on last.
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do stop_one "${pids[i]}" "${names[i]}"; done
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

start() {
  local name=$1; shift
  # The prefixing sed ignores Ctrl-C (sent to the whole foreground group), so that it still passes on
  # what the process prints while stop_all stops it.
  "$@" > >(trap '' INT; exec sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!)
  names+=("$name")
}

wait_for_port() {
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "Nothing listens on port $1 after 60 s" >&2
  return 1
}

start silo dotnet "$(bin src/Silo Ops.Silo)"
wait_for_port "$OPS_ORLEANS_GATEWAY_PORT"
start gateway dotnet "$(bin src/Gateway Ops.Gateway)"
start dashboard dotnet "$(bin src/Dashboard Ops.Dashboard)" --contentRoot "$PWD/src/Dashboard"

url="http://127.0.0.1:$OPS_HTTP_PORT"
for _ in $(seq 1 120); do
  if curl -fs "$url/health/ready" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
curl -fs "$url/health/ready" >/dev/null || { echo "The hub did not become ready" >&2; exit 1; }

# The demo: the simulator seeds the site over the HTTP API, signed in as the dashboard's demo account,
# then plays a community's day compressed into OPS_DEMO_DAY_SECONDS (the site's settings follow it).
# OPS_DEMO_TRAFFIC=0 only seeds the site, for a real-length day and before "ready" (for benchmarks).
simulator=(dotnet "$(bin tools/Simulator Ops.Simulator)")
day="${OPS_DEMO_DAY_SECONDS:-90}"
demo="off"
if [ "$OPS_DEMO" = "1" ] && [ "${OPS_DEMO_TRAFFIC:-1}" = "1" ]; then
  demo="site 'demo' is being seeded; then a community's day plays in $day s, then quiet traffic (docs/demo.md)"
elif [ "$OPS_DEMO" = "1" ]; then
  "${simulator[@]}" seed --day 24h | sed -u "s/^/[demo] /" || { echo "Could not seed the demo site" >&2; exit 1; }
  demo="site 'demo' (no simulated traffic)"
fi

cat <<TXT

Ops hub is ready.
  Dashboard:  http://$OPS_HTTP_BIND:$OPS_HTTP_PORT/   (user admin)
  Admin:      http://$OPS_HTTP_BIND:$OPS_HTTP_PORT/admin/   (Orleans Dashboard, API reference)
  Metrics:    http://$OPS_HTTP_BIND:$OPS_HTTP_PORT/metrics
  MQTT:       127.0.0.1:$OPS_MQTT_PORT   (gates log in as {siteId}/{gateId})
  Data:       $OPS_DATA_DIR
  Demo:       $demo
Press Ctrl-C to stop.

TXT
if [ "$OPS_DEMO" = "1" ] && [ "${OPS_DEMO_TRAFFIC:-1}" = "1" ]; then
  start demo "${simulator[@]}" run --day "${day}s"
fi
# Any process that ends takes the hub down with it.
wait -n "${pids[@]}"
echo "A process of the hub exited; stopping the rest." >&2
exit 1
