#!/usr/bin/env bash
# Starts (or stops) a throwaway single-node Ceph cluster + radosgw (S3) on 127.0.0.1 for the tests.
set -euo pipefail

S3_PORT=57480
MON_PORT=57481
DIR=/tmp/citybundle-test-s3
CONF="$DIR/ceph.conf"
ACCESS_KEY=CITYBUNDLETESTKEY
SECRET_KEY=citybundle-test-secret-only
REGION=default
PACKAGES=(ceph-mon ceph-osd radosgw curl)
CEPH=(ceph -c "$CONF" --connect-timeout 10)

log() { echo "test-s3: $*" >&2; }

ensure_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null ||
    { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; }
}

gateway_up() {
  curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$S3_PORT/"
}

pids_alive() {
  local f
  for f in "$DIR"/run/{mon.a,osd.0,client.rgw}.pid; do
    [ -s "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null || return 1
  done
}

osd_up() {
  "${CEPH[@]}" osd dump 2>/dev/null | grep -q '^osd.0 up'
}

# Polls "$@" every 0.2 s for up to $1 seconds.
wait_for() {
  local secs=$1 what=$2; shift 2
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || { log "timeout waiting for $what (logs in $DIR/log)"; exit 1; }
    sleep 0.2
  done
}

write_conf() {
  cat >"$CONF" <<EOF
[global]
fsid = $(cat /proc/sys/kernel/random/uuid)
mon host = v2:127.0.0.1:$MON_PORT
public addr = 127.0.0.1
public network = 127.0.0.0/8
ms bind msgr1 = false
auth cluster required = none
auth service required = none
auth client required = none
keyring = $DIR/keyring
run dir = $DIR/run
pid file = $DIR/run/\$name.pid
admin socket = $DIR/run/\$name.asok
log file = $DIR/log/\$name.log
log to stderr = false
err to stderr = false
mon cluster log file = $DIR/log/cluster.log
crash dir = $DIR/crash
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon allow pool delete = true
mon warn on pool no redundancy = false
mon data avail warn = 1
mon data avail crit = 0

[mon]
mon data = $DIR/\$name
paxos propose interval = 0.1  # default 1 s makes each pool creation slow

[osd]
osd data = $DIR/\$name
osd objectstore = memstore
memstore device bytes = 1073741824
osd memory target = 939524096  # minimum allowed; memstore ignores it
osd op num shards = 1
osd op num threads per shard = 2

[client.rgw]
rgw frontends = beast endpoint=127.0.0.1:$S3_PORT
rgw data = $DIR/rgw
rgw thread pool size = 16
ms mon client mode = crc  # rgw defaults to 'secure', impossible with auth none
EOF
}

start() {
  if [ -f "$CONF" ] && pids_alive && gateway_up; then
    log "already running"; return 0
  fi
  ensure_packages
  stop >/dev/null 2>&1 || true
  mkdir -p "$DIR"/{run,log,crash,rgw,mon.a,osd.0}
  write_conf
  local fsid; fsid=$(ceph-conf -c "$CONF" --lookup fsid)

  # Monitor.
  monmaptool --create --fsid "$fsid" --addv a "[v2:127.0.0.1:$MON_PORT]" "$DIR/monmap" >/dev/null
  ceph-mon -c "$CONF" --id a --mkfs --monmap "$DIR/monmap"
  ceph-mon -c "$CONF" --id a
  wait_for 30 "mon" "${CEPH[@]}" mon stat

  # One memstore OSD.
  local uuid; uuid=$(cat /proc/sys/kernel/random/uuid)
  "${CEPH[@]}" osd new "$uuid" 0 >/dev/null
  ceph-osd -c "$CONF" --id 0 --mkfs --osd-uuid "$uuid" 2>>"$DIR/log/mkfs.log"
  ceph-osd -c "$CONF" --id 0
  wait_for 60 "osd" osd_up

  # S3 user (creates the default realm/zone pools), then the gateway.
  radosgw-admin -c "$CONF" user create --uid=citybundle --display-name=citybundle \
    --access-key="$ACCESS_KEY" --secret-key="$SECRET_KEY" >/dev/null
  radosgw -c "$CONF" -n client.rgw
  wait_for 60 "radosgw" gateway_up
  pids_alive || { log "a daemon died (port $S3_PORT taken?); logs in $DIR/log"; exit 1; }
  log "running on http://127.0.0.1:$S3_PORT"
}

stop() {
  local f pid
  for f in "$DIR"/run/client.rgw.pid "$DIR"/run/osd.0.pid "$DIR"/run/mon.a.pid; do
    [ -s "$f" ] || continue
    pid=$(cat "$f")
    kill "$pid" 2>/dev/null || continue
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$DIR"
}

print_env() {
  cat <<EOF
export AWS_ACCESS_KEY_ID=$ACCESS_KEY
export AWS_SECRET_ACCESS_KEY=$SECRET_KEY
export AWS_REGION=$REGION
export AWS_ENDPOINT_URL=http://127.0.0.1:$S3_PORT
EOF
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
