#!/usr/bin/env bash
# Peak memory on a large CityGML file: the LoD2 house repeated N times (Benchmarks/make_citygml.py), read by
# `citybundle validate` and by `citybundle run` (GeoJSON footprints + 3D Tiles from the LoD2 surfaces).
#
#   Benchmarks/citygml.sh            N=50000 (about 340 MB); CITYBUNDLE=/path/to/citybundle to skip the build
#
# Prints one line per step: wall seconds, peak RSS (MiB), file size; memory must not grow with N.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
N=${N:-50000}
WORK=${BENCH_WORK:-$ROOT/Benchmarks/.work}/citygml-$N
SHARED=${SHARED:-$ROOT/../shared}
mkdir -p "$WORK"

if [ -n "${CITYBUNDLE:-}" ]; then
    CB=$CITYBUNDLE
else
    (cd "$ROOT" && swift build -c release --product citybundle --scratch-path "$ROOT/.build-bench" >&2)
    CB="$ROOT/.build-bench/release/citybundle"
fi
command -v /usr/bin/time >/dev/null || { echo "error: GNU time is needed (apt-get install time)" >&2; exit 3; }

GML="$WORK/buildings.gml"
[ -s "$GML" ] || python3 "$ROOT/Benchmarks/make_citygml.py" \
    "$SHARED/fixtures/citygml/citygml4j_LOD2_Building_v100.gml" "$GML" "$N"
MB=$(( $(stat -c %s "$GML") / 1048576 ))

cat >"$WORK/citygml.yaml" <<YAML
pipeline: citygml
title: Large CityGML ($N LoD2 buildings)
sources:
  - id: buildings
    path: buildings.gml
    kind: building
    anonymise: {keep_unlisted: true}
outputs:
  geojson: {}
  3dtiles: {max_features_per_tile: 500}
YAML

measure() {
    local name=$1
    shift
    rm -rf "$WORK/out" "$WORK/state"
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >"$WORK/$name.log" 2>&1 || true
    read -r wall kb <"$WORK/time.txt"
    printf '%s\tN=%s\t%s MB\twall %s s\tpeak RSS %s MiB\n' "$name" "$N" "$MB" "$wall" $(( kb / 1024 ))
}

measure "citybundle validate" "$CB" validate "$GML" --kind building --format json
measure "citybundle run (GeoJSON + 3D Tiles)" "$CB" run "$WORK/citygml.yaml" --output "$WORK/out" --state "$WORK/state" -q
