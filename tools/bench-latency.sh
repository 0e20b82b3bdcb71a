#!/usr/bin/env bash
# Measures the decision latency of a card swipe (MQTT publish -> command received, matched by
# inReplyTo) against a freshly started hub with the demo site. Prints p50/p90/p99/max.
#   tools/bench-latency.sh [swipes]      (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
swipes="${1:-2000}"

export OPS_DATA_DIR="$(mktemp -d)"
export OPS_HTTP_PORT="${OPS_HTTP_PORT:-18080}" OPS_MQTT_PORT="${OPS_MQTT_PORT:-11883}"
export OPS_SILO_PORT="${OPS_SILO_PORT:-21111}" OPS_ORLEANS_GATEWAY_PORT="${OPS_ORLEANS_GATEWAY_PORT:-40000}"
export OPS_DEMO=1 Logging__LogLevel__Default=Warning

./run.sh > "$OPS_DATA_DIR/hub.log" 2>&1 &
hub=$!
trap 'kill -TERM $hub 2>/dev/null; wait $hub 2>/dev/null; rm -rf "$OPS_DATA_DIR"' EXIT

for _ in $(seq 1 240); do
  grep -q "Ops hub is ready" "$OPS_DATA_DIR/hub.log" && break
  kill -0 $hub 2>/dev/null || { cat "$OPS_DATA_DIR/hub.log"; exit 1; }
  sleep 0.5
done
echo "$(nproc) cores; hub on loopback with the demo site; $swipes sequential swipes from one gate"
dotnet tools/Simulator/bin/Release/net10.0/Ops.Simulator.dll bench "$swipes"
