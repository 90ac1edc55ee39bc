#!/usr/bin/env bash
# A throw-away PostgreSQL + PostGIS server on 127.0.0.1 for the tests, loaded with the Wuhan
# sample. Idempotent: `start` does nothing when it is already running.
#   scripts/test-postgres.sh start   install if missing, init, start, load
#   scripts/test-postgres.sh stop
#   scripts/test-postgres.sh env     print the environment the tests use
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
PORT="${CB_TEST_PG_PORT:-55432}"
DATA="${CB_TEST_PG_DATA:-/tmp/citybundle-test-postgres}"
PASSWORD="${CB_TEST_PG_PASSWORD:-citybundle-test-only}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
say() { echo "[test-postgres] $*"; }

env_lines() {
    echo "CB_TEST_PG=host=127.0.0.1 port=$PORT dbname=wuhan user=bureau"
    echo "PGPASSWORD=$PASSWORD"
}

as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"
    elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
    else sudo -u postgres "$@"; fi
}

case "${1:-start}" in
env) env_lines; exit 0 ;;
stop)
    [ -n "$BIN" ] && [ -f "$DATA/PG_VERSION" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast stop || true
    exit 0 ;;
start) ;;
*) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac

if [ -z "$BIN" ] || ! ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1; then
    say "installing PostgreSQL and PostGIS"
    $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends \
        postgresql postgresql-postgis >/dev/null
    BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

if as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    say "already running on 127.0.0.1:$PORT"
    exit 0
fi

if [ ! -f "$DATA/PG_VERSION" ]; then
    $SUDO rm -rf "$DATA"
    $SUDO install -d -o postgres -g postgres -m 0700 "$DATA"
    pwfile="$(mktemp)"; echo "$PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
    as_postgres "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$pwfile" >/dev/null
    rm -f "$pwfile"
fi
as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PORT -c unix_socket_directories=$DATA" start >/dev/null
say "started on 127.0.0.1:$PORT"

psql_admin() { as_postgres psql -h "$DATA" -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
if ! psql_admin -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'wuhan'" | grep -q 1; then
    psql_admin -d postgres -c "CREATE ROLE bureau LOGIN PASSWORD '$PASSWORD'" \
        -c "CREATE DATABASE wuhan OWNER bureau"
    psql_admin -d wuhan -c "CREATE EXTENSION postgis"
    for layer in scenic_sites osm_buildings_hanyang_sample; do
        PGPASSWORD="$PASSWORD" ogr2ogr -f PostgreSQL \
            "PG:host=127.0.0.1 port=$PORT dbname=wuhan user=bureau" \
            "$HERE/Datasets/wuhan/$layer.geojson" -nln "$layer" -lco GEOMETRY_NAME=geom -lco FID=gid
    done
    say "loaded the Wuhan sample into database wuhan"
fi
