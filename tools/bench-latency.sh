#!/usr/bin/env bash
# Measures the decision latency (MQTT publish -> command received, matched by inReplyTo) of card
# swipes and of plate reads against a freshly started, otherwise idle hub with the demo site.
# Prints p50/p90/p99/max for each.
#   tools/bench-latency.sh [events]      (default 2000 of each)
set -euo pipefail
cd "$(dirname "$0")/.."
swipes="${1:-2000}"

export OPS_DATA_DIR="$(mktemp -d)"
export OPS_HTTP_PORT="${OPS_HTTP_PORT:-18080}" OPS_MQTT_PORT="${OPS_MQTT_PORT:-11883}"
export OPS_SILO_PORT="${OPS_SILO_PORT:-21111}" OPS_ORLEANS_GATEWAY_PORT="${OPS_ORLEANS_GATEWAY_PORT:-40000}"
export OPS_DEMO=1 OPS_DEMO_TRAFFIC=0 Logging__LogLevel__Default=Warning

./run.sh > "$OPS_DATA_DIR/hub.log" 2>&1 &
hub=$!
trap 'kill -TERM $hub 2>/dev/null; wait $hub 2>/dev/null; rm -rf "$OPS_DATA_DIR"' EXIT

for _ in $(seq 1 240); do
  grep -q "Ops hub is ready" "$OPS_DATA_DIR/hub.log" && break
  kill -0 $hub 2>/dev/null || { cat "$OPS_DATA_DIR/hub.log"; exit 1; }
  sleep 0.5
done
echo "$(nproc) cores; idle hub on loopback with the demo site; $swipes sequential events from one gate"
dotnet tools/Simulator/bin/Release/net10.0/Ops.Simulator.dll bench "$swipes" swipes
dotnet tools/Simulator/bin/Release/net10.0/Ops.Simulator.dll bench "$swipes" plates
