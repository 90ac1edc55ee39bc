#!/usr/bin/env bash
# Throughput and latency of `citybundle serve` next to nginx on the same published tree, with wrk
# on 127.0.0.1 only, each run bounded in time (DURATION) and connections (CONNECTIONS).
#   Benchmarks/serve.sh [TREE]      TREE: a published root (default: publishes Pipelines/wuhan.yaml)
# Settings: CITYBUNDLE (binary), DURATION (default 10s), CONNECTIONS (default 32), THREADS (default 2).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
WORK="$(mktemp -d /tmp/citybundle-serve-bench.XXXXXX)"
# nginx workers run as an unprivileged user: they must be able to read the tree.
chmod 755 "$WORK"
SERVER_PID=""; NGINX_PID=""
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
for tool in wrk nginx curl; do
    command -v "$tool" >/dev/null || {
        $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk nginx-light curl >/dev/null
        break
    }
done
if [ -z "${CITYBUNDLE:-}" ]; then
    (cd "$ROOT" && swift build -c release --product citybundle >/dev/null)
    CITYBUNDLE="$(cd "$ROOT" && swift build -c release --show-bin-path)/citybundle"
fi
TREE="${1:-}"
if [ -z "$TREE" ]; then
    TREE="$WORK/public"
    "$CITYBUNDLE" run "$ROOT/Pipelines/wuhan.yaml" --output "$TREE" --state "$WORK/state" -q >/dev/null
fi
TREE="$(cd "$TREE" && pwd)"
VERSION="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$TREE/wuhan/latest.json")"
FILE="wuhan/$VERSION/optics_valley_buildings.geojson"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

CB_PORT="$(free_port)"
"$CITYBUNDLE" serve "$TREE" --host 127.0.0.1 --port "$CB_PORT" -q >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
NGINX_PORT="$(free_port)"
cat >"$WORK/nginx.conf" <<CONF
daemon off; worker_processes 2; pid $WORK/nginx.pid; error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http { access_log off; include /etc/nginx/mime.types; types { application/geo+json geojson; }
  server { listen 127.0.0.1:$NGINX_PORT; root $TREE; etag on; } }
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK" &
NGINX_PID=$!
for port in "$CB_PORT" "$NGINX_PORT"; do
    for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/$FILE" && break; sleep 0.1; done
done

run() { # name url
    local out; out="$(timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2")"
    local rps; rps="$(echo "$out" | awk '/Requests\/sec/ {print $2}')"
    local p50; p50="$(echo "$out" | awk '$1=="50%" {print $2}')"
    local p99; p99="$(echo "$out" | awk '$1=="99%" {print $2}')"
    local errors; errors="$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')"
    echo "| $1 | $3 | $rps | $p50 | $p99 | ${errors:-0} |"
}
echo "Machine: $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION on 127.0.0.1; $(date -u +%Y-%m-%d)"
echo
echo "| server | request | requests/s | p50 | p99 | errors |"
echo "|---|---|---:|---:|---:|---|"
run "citybundle serve" "http://127.0.0.1:$CB_PORT/$FILE" "175 KB GeoJSON"
run "nginx" "http://127.0.0.1:$NGINX_PORT/$FILE" "175 KB GeoJSON"
run "citybundle serve" "http://127.0.0.1:$CB_PORT/wuhan/latest.json" "latest.json"
run "nginx" "http://127.0.0.1:$NGINX_PORT/wuhan/latest.json" "latest.json"
run "citybundle serve" "http://127.0.0.1:$CB_PORT/features/collections" "OGC API collections"
