#!/usr/bin/env bash
# CityBundle benchmarks: a deterministic synthetic Wuhan, CityBundle and the tools a bureau would use
# instead, timed side by side in one run on the same input and machine.
#
#   Benchmarks/run.sh              SIZES="10000 100000 1000000" (default), writes Benchmarks/results/ and
#                                  the table of docs/benchmarks.md
#   Benchmarks/run.sh --dry-run    a quick check of the entry points (SIZES defaults to 200): generation and
#                                  one conversion into $BENCH_WORK, no results, no docs
#   Benchmarks/run.sh --docs-only  rewrites the table of docs/benchmarks.md from Benchmarks/results/ only
#
# Environment:
#   SIZES                  building counts to run (default "10000 100000 1000000"; 200 with --dry-run)
#   SEED                   generator seed (default 42)
#   CITYBUNDLE             a citybundle binary to use instead of building one (it must have generate-city)
#   SKIP_BASELINE_INSTALL  1: install nothing (gdal-bin, time, the Python venv); missing baselines are skipped
#   BENCH_WORK             where cities and outputs go (default Benchmarks/.work, git-ignored)
#   STEP_TIMEOUT           seconds allowed for each measured step (default 1800)
#   GLB_MAX                the largest N for the GLB steps, Python and CityBundle (default 100000)
#   REPEAT                 runs of each compared step; the shortest wall time is kept (default 1)
#
# Every measured step runs alone (one at a time, under `timeout`), so the machine's two cores are never
# asked for more than one tool's work. A step that fails or times out is recorded and the run goes on.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/Benchmarks"
DRY_RUN=0
DOCS_ONLY=0
for argument in "$@"; do
    case "$argument" in
        --dry-run | --quick) DRY_RUN=1 ;;
        --docs-only) DOCS_ONLY=1 ;;
        -h | --help)
            awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"
            exit 0
            ;;
        *)
            echo "error: unknown argument '$argument' (use --dry-run, --docs-only or --help)" >&2
            exit 2
            ;;
    esac
done

if [ "$DRY_RUN" = 1 ]; then
    SIZES=${SIZES:-200}
    SKIP_BASELINE_INSTALL=${SKIP_BASELINE_INSTALL:-1}
else
    SIZES=${SIZES:-10000 100000 1000000}
    SKIP_BASELINE_INSTALL=${SKIP_BASELINE_INSTALL:-0}
fi
SEED=${SEED:-42}
WORK=${BENCH_WORK:-$BENCH/.work}
STEP_TIMEOUT=${STEP_TIMEOUT:-1800}
GLB_MAX=${GLB_MAX:-100000}
REPEAT=${REPEAT:-1}
VENV="$BENCH/.venv"
PYTHON_PACKAGES="trimesh shapely numpy pyproj mapbox_earcut"
GENERATOR_VERSION=1
DATE=$(date -u +%Y-%m-%d)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo

log() { printf '==> %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------------------------------------
# Baselines: gdal-bin (ogr2ogr), GNU time (peak RSS), a Python venv with trimesh for the GLB baseline.

install_baselines() {
    local missing=""
    command -v ogr2ogr >/dev/null 2>&1 || missing="$missing gdal-bin"
    [ -x /usr/bin/time ] || missing="$missing time"
    if [ -n "$missing" ]; then
        log "installing:$missing"
        $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
            --no-install-recommends $missing
    fi
    if ! "$VENV/bin/python" -c 'import trimesh, shapely, numpy, pyproj, mapbox_earcut' >/dev/null 2>&1; then
        log "creating the Python venv $VENV ($PYTHON_PACKAGES)"
        python3 -m venv "$VENV"
        # shellcheck disable=SC2086
        timeout 900 "$VENV/bin/pip" install -q $PYTHON_PACKAGES
    fi
}

have_python_baseline() {
    [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import trimesh, shapely, pyproj, mapbox_earcut' \
        >/dev/null 2>&1
}

# ---------------------------------------------------------------------------------------------------------
# citybundle: $CITYBUNDLE, or a release build of this package in its own scratch folder.

find_citybundle() {
    if [ -n "${CITYBUNDLE:-}" ]; then
        CB="$CITYBUNDLE"
    else
        log "building citybundle (release) in .build-bench"
        (cd "$ROOT" && timeout 3600 swift build -c release --product citybundle \
            --scratch-path "$ROOT/.build-bench" >&2)
        CB="$(cd "$ROOT" && swift build -c release --scratch-path "$ROOT/.build-bench" --show-bin-path)/citybundle"
    fi
    [ -x "$CB" ] || { echo "error: no citybundle binary at $CB" >&2; exit 3; }
    if ! "$CB" generate-city --help >/dev/null 2>&1; then
        echo "error: $CB has no generate-city subcommand (register CityBundleCommand.GenerateCity)" >&2
        exit 3
    fi
}

# ---------------------------------------------------------------------------------------------------------
# Measuring: wall seconds from the clock, peak RSS from GNU time -v, one step at a time under timeout.

RESULT_WALL=""
RESULT_RSS=""
RESULT_CPU=""
RESULT_STATUS=0
RESULT_LOAD=""
CLEAN_BEFORE=""

# measure_once LOG COMMAND...: runs COMMAND once; sets RESULT_WALL (s), RESULT_CPU (user + system s, or n/a),
# RESULT_RSS (MiB or n/a) and RESULT_STATUS.
measure_once() {
    local output="$1"
    shift
    local timefile="$output.time"
    local start end
    rm -f "$timefile"
    [ -z "$CLEAN_BEFORE" ] || rm -rf $CLEAN_BEFORE
    start=$(date +%s.%N)
    set +e
    if [ -x /usr/bin/time ]; then
        timeout -k 10 "$STEP_TIMEOUT" /usr/bin/time -v -o "$timefile" "$@" >"$output" 2>&1
    else
        timeout -k 10 "$STEP_TIMEOUT" "$@" >"$output" 2>&1
    fi
    RESULT_STATUS=$?
    set -e
    end=$(date +%s.%N)
    RESULT_WALL=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    RESULT_RSS="n/a"
    RESULT_CPU="n/a"
    if [ -f "$timefile" ]; then
        RESULT_RSS=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$timefile")
        RESULT_CPU=$(awk -F': ' '/User time|System time/ { cpu += $2; seen = 1 } END { if (seen) printf "%.2f", cpu }' \
            "$timefile")
        [ -n "$RESULT_RSS" ] || RESULT_RSS="n/a"
        [ -n "$RESULT_CPU" ] || RESULT_CPU="n/a"
    fi
}

# measure LOG COMMAND...: runs COMMAND $REPEAT times (stopping at a failure); keeps the shortest wall and CPU
# times and the largest peak RSS, and the 1-minute load average seen before the first run in RESULT_LOAD.
measure() {
    local best="" rss="" cpu="" run
    RESULT_LOAD=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "")
    for ((run = 1; run <= REPEAT; run++)); do
        measure_once "$@"
        [ "$RESULT_STATUS" -eq 0 ] || return 0
        best=$(awk -v a="$best" -v b="$RESULT_WALL" 'BEGIN { print (a == "" || b < a) ? b : a }')
        rss=$(awk -v a="$rss" -v b="$RESULT_RSS" 'BEGIN { print (a == "" || a == "n/a" || (b != "n/a" && b > a)) ? b : a }')
        cpu=$(awk -v a="$cpu" -v b="$RESULT_CPU" 'BEGIN { print (a == "" || a == "n/a" || (b != "n/a" && b < a)) ? b : a }')
    done
    RESULT_WALL="$best"
    RESULT_RSS="$rss"
    RESULT_CPU="$cpu"
}

TSV=""
BASELINE_WALL=""

# record STEP TOOL FEATURES NOTE: appends the last measurement to $TSV, with features/s and the ratio
# against this run's ogr2ogr baseline.
record() {
    local step="$1" tool="$2" features="$3" note="$4"
    local rate="" ratio=""
    if [ "$RESULT_STATUS" -ne 0 ]; then
        note="failed: exit $RESULT_STATUS$([ "$RESULT_STATUS" -eq 124 ] && echo " (timeout ${STEP_TIMEOUT}s)")${note:+; $note}"
    else
        [ "$features" -gt 0 ] && rate=$(awk -v n="$features" -v s="$RESULT_WALL" 'BEGIN { if (s > 0) printf "%.0f", n / s }')
        [ "$REPEAT" -le 1 ] || note="best of $REPEAT${note:+; $note}"
        [ -n "$BASELINE_WALL" ] && ratio=$(awk -v s="$RESULT_WALL" -v b="$BASELINE_WALL" 'BEGIN { if (b > 0) printf "%.2f", s / b }')
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$DATE" "$N" "$step" "$tool" "$RESULT_WALL" \
        "$RESULT_CPU" "$rate" "$RESULT_RSS" "$ratio" "$RESULT_LOAD" "$note" >>"$TSV"
    log "$(printf '%-24s %-26s %8ss wall %8ss CPU %9s features/s %6s MiB  x%s  %s' "$step" "$tool" "$RESULT_WALL" \
        "$RESULT_CPU" "${rate:--}" "$RESULT_RSS" "${ratio:--}" "$note")"
}

# skip STEP TOOL NOTE: records a step that was not run.
skip() {
    printf '%s\t%s\t%s\t%s\t\t\t\t\t\t\t%s\n' "$DATE" "$N" "$1" "$2" "$3" >>"$TSV"
    log "$(printf '%-24s %-26s skipped: %s' "$1" "$2" "$3")"
}

# ---------------------------------------------------------------------------------------------------------
# Inputs: the synthetic city (GeoJSON, EPSG:4547), a GeoPackage copy and a pipeline file.

generate_city() {
    local directory="$1"
    local stamp="$directory/.generated"
    local expected="generator=$GENERATOR_VERSION buildings=$N seed=$SEED"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$expected" ] && [ -f "$directory/buildings.geojson" ]; then
        skip "generate city" "citybundle generate-city" "city reused from an earlier run (same N and seed)"
        return
    fi
    rm -rf "$directory"
    mkdir -p "$directory"
    RESULT_LOAD=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "")
    measure_once "$directory/generate.log" "$CB" generate-city --buildings "$N" --seed "$SEED" --output "$directory"
    [ "$RESULT_STATUS" -eq 0 ] || { cat "$directory/generate.log" >&2; exit 1; }
    record "generate city" "citybundle generate-city" "$N" "$(du -m "$directory/buildings.geojson" | cut -f1) MB GeoJSON"
    echo "$expected" >"$stamp"
}

make_geopackage() {
    local directory="$1"
    [ -f "$directory/buildings.gpkg" ] && return
    command -v ogr2ogr >/dev/null 2>&1 || return 0
    RESULT_LOAD=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo "")
    measure_once "$directory/gpkg.log" ogr2ogr -f GPKG -nln buildings "$directory/buildings.gpkg.tmp" \
        "$directory/buildings.geojson"
    if [ "$RESULT_STATUS" -eq 0 ]; then
        mv "$directory/buildings.gpkg.tmp" "$directory/buildings.gpkg"
        record "prepare GeoPackage" "ogr2ogr -f GPKG" "$N" "input preparation, not compared"
    else
        rm -f "$directory/buildings.gpkg.tmp"
        record "prepare GeoPackage" "ogr2ogr -f GPKG" "$N" ""
    fi
}

write_pipeline() {
    sed "s/@BUILDINGS@/$N/g" "$BENCH/bench-pipeline.yaml" >"$1/bench.yaml"
    (umask 077 && printf '%s' "benchmark-pseudonym-key-0123456789abcdef" >"$1/pseudonym.key")
}

# ---------------------------------------------------------------------------------------------------------
# Optional CityBundle entry points, detected on a tiny file.

CB_GLB=0
CB_HASH=""
CB_VERIFY=0

detect_features() {
    local probe="$WORK/probe"
    rm -rf "$probe"
    mkdir -p "$probe"
    "$CB" generate-city --buildings 20 --seed 1 --output "$probe" >/dev/null
    if timeout 120 "$CB" convert "$probe/buildings.geojson" "$probe/probe.glb" >/dev/null 2>&1 \
        && [ "$(head -c 4 "$probe/probe.glb" 2>/dev/null)" = "glTF" ]; then
        CB_GLB=1
    fi
    local command
    for command in hash checksum checksums digest; do
        if "$CB" help 2>/dev/null | grep -Eq "^[[:space:]]+$command([[:space:]]|$)"; then
            CB_HASH="$command"
            break
        fi
    done
    if "$CB" help 2>/dev/null | grep -Eq "^[[:space:]]+verify([[:space:]]|$)"; then CB_VERIFY=1; fi
    log "citybundle GLB export: $([ "$CB_GLB" = 1 ] && echo yes || echo no); hashing entry point: ${CB_HASH:-none}"
}

# ---------------------------------------------------------------------------------------------------------
# One size.

run_size() {
    local directory="$WORK/city-$N-seed$SEED"
    local out="$directory/out"
    BASELINE_WALL=""
    generate_city "$directory"
    [ "$DRY_RUN" = 1 ] || make_geopackage "$directory"
    write_pipeline "$directory"
    rm -rf "$out"
    mkdir -p "$out"
    local sites districts total
    sites=$(( N / 1000 > 10 ? N / 1000 : 10 ))
    districts=9
    total=$(( N + sites + districts ))

    if command -v ogr2ogr >/dev/null 2>&1; then
        measure "$out/ogr2ogr.log" ogr2ogr -f GeoJSON -t_srs EPSG:4326 -lco RFC7946=YES \
            "$out/ogr2ogr.geojson" "$directory/buildings.geojson"
        [ "$RESULT_STATUS" -eq 0 ] && BASELINE_WALL="$RESULT_WALL"
        record "GeoJSON → GeoJSON" "ogr2ogr (baseline)" "$N" "-t_srs EPSG:4326 -lco RFC7946=YES"
    else
        skip "GeoJSON → GeoJSON" "ogr2ogr (baseline)" "ogr2ogr not installed"
    fi

    measure "$out/convert.log" "$CB" convert "$directory/buildings.geojson" "$out/convert.geojson"
    record "GeoJSON → GeoJSON" "citybundle convert" "$N" ""
    [ "$DRY_RUN" = 1 ] && return

    if [ -f "$directory/buildings.gpkg" ]; then
        measure "$out/ogr2ogr-gpkg.log" ogr2ogr -f GeoJSON -t_srs EPSG:4326 -lco RFC7946=YES \
            "$out/ogr2ogr-gpkg.geojson" "$directory/buildings.gpkg"
        record "GPKG → GeoJSON" "ogr2ogr" "$N" "same options"
        measure "$out/convert-gpkg.log" "$CB" convert "$directory/buildings.gpkg" "$out/convert-gpkg.geojson"
        record "GPKG → GeoJSON" "citybundle convert" "$N" ""
    else
        skip "GPKG → GeoJSON" "citybundle convert" "no GeoPackage (ogr2ogr missing)"
    fi

    CLEAN_BEFORE="$out/public $out/state"
    measure "$out/run.log" "$CB" run "$directory/bench.yaml" --output "$out/public" --state "$out/state"
    CLEAN_BEFORE=""
    record "whole pipeline" "citybundle run" "$total" \
        "3 sources: read, CRS, validate, anonymise, GeoJSON + FlatGeobuf + 3D Tiles, signed publication"

    local produced=()
    mapfile -t produced < <(find "$out/public" -type f -name '*.geojson' 2>/dev/null | sort)
    if [ "${#produced[@]}" -gt 0 ]; then
        local megabytes
        megabytes=$(du -cm "${produced[@]}" | tail -1 | cut -f1)
        measure "$out/sha256sum.log" sha256sum "${produced[@]}"
        record "SHA-256 of outputs" "sha256sum" "$total" "${#produced[@]} files, $megabytes MB"
        if [ -n "$CB_HASH" ]; then
            measure "$out/cb-hash.log" "$CB" "$CB_HASH" "${produced[@]}"
            record "SHA-256 of outputs" "citybundle $CB_HASH" "$total" "${#produced[@]} files, $megabytes MB"
        else
            skip "SHA-256 of outputs" "citybundle" "no standalone hashing entry point in this citybundle$(
                [ "$CB_VERIFY" = 1 ] && echo " (citybundle verify checks a whole signed tree)")"
        fi
    else
        skip "SHA-256 of outputs" "sha256sum" "the pipeline produced no GeoJSON"
    fi

    if [ "$N" -le "$GLB_MAX" ] && have_python_baseline; then
        measure "$out/trimesh.log" "$VENV/bin/python" "$BENCH/baselines/trimesh_extrude.py" \
            "$directory/buildings.geojson" "$out/trimesh.glb"
        record "footprints → GLB" "Python trimesh (baseline)" "$N" "extrude_polygon, one mesh"
    elif [ "$N" -le "$GLB_MAX" ]; then
        skip "footprints → GLB" "Python trimesh (baseline)" "no Python venv (SKIP_BASELINE_INSTALL)"
    else
        skip "footprints → GLB" "Python trimesh (baseline)" "only up to N=$GLB_MAX"
    fi
    if [ "$CB_GLB" = 1 ] && [ "$N" -le "$GLB_MAX" ]; then
        measure "$out/convert-glb.log" "$CB" convert "$directory/buildings.geojson" "$out/convert.glb"
        record "footprints → GLB" "citybundle convert" "$N" ""
    elif [ "$CB_GLB" = 1 ]; then
        skip "footprints → GLB" "citybundle convert" "only up to N=$GLB_MAX (GLB_MAX)"
    else
        skip "footprints → GLB" "citybundle convert" "no GLB export in this citybundle"
    fi
}

# ---------------------------------------------------------------------------------------------------------
# docs/benchmarks.md: the table between <!-- results:begin --> and <!-- results:end -->.

machine_facts() {
    local memory model
    memory=$(free -g | awk '/^Mem:/ { print $2 }')
    model=$(lscpu | grep 'Model name' | head -1 | sed 's/.*:[[:space:]]*//')
    echo "Machine: $(nproc) cores ($model), $memory GiB memory (\`free -g\`), $(uname -sr)."
    echo "Tools: citybundle $("${CB:-citybundle}" --version 2>/dev/null || echo '?'), $(ogr2ogr --version 2>/dev/null | cut -d, -f1-2 || echo 'no GDAL')$(
        have_python_baseline && "$VENV/bin/python" -c 'import sys, trimesh, shapely, pyproj; print(", Python %d.%d.%d, trimesh %s, shapely %s, pyproj %s" % (sys.version_info[:3] + (trimesh.__version__, shapely.__version__, pyproj.__version__)))' 2>/dev/null)."
}

render_table() {
    local size file
    echo
    machine_facts
    echo
    echo "| date | N | step | tool | wall s | CPU s | features/s | peak RSS MiB | time vs ogr2ogr | load | note |"
    echo "|---|---:|---|---|---:|---:|---:|---:|---:|---:|---|"
    for size in $(printf '%s\n' 10000 100000 1000000 $SIZES | sort -n -u); do
        file=$(ls "$BENCH/results/"*-"$size".tsv 2>/dev/null | sort | tail -1 || true)
        if [ -n "$file" ]; then
            awk -F'\t' 'NR > 1 {
                ratio = ($9 == "") ? "" : $9 "×"
                printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, ratio, $10, $11
            }' "$file"
        else
            echo "| | $size | all | | | | | | | | not run in this session |"
        fi
    done
    echo
    echo "\"time vs ogr2ogr\" is the step's wall time divided by ogr2ogr's GeoJSON → GeoJSON wall time for the same N"
    echo "in the same run (below 1× is faster than ogr2ogr). \"CPU s\" is user + system time from \`/usr/bin/time -v\`"
    echo "(all threads). \"load\" is the 1-minute load average just before the step: above about 1, other processes"
    echo "shared the two cores and wall times are inflated. \"best of R\" keeps the shortest of R wall times (and the"
    echo "largest peak RSS). Raw rows: \`Benchmarks/results/<date>-<N>.tsv\`."
    echo
}

update_docs() {
    local docs="$ROOT/docs/benchmarks.md"
    local table
    table=$(mktemp)
    render_table >"$table"
    if ! grep -q '<!-- results:begin -->' "$docs" 2>/dev/null; then
        log "docs/benchmarks.md has no results markers; table left in $table"
        return
    fi
    awk -v table="$table" '
        /<!-- results:begin -->/ { print; while ((getline line < table) > 0) print line; skipping = 1; next }
        /<!-- results:end -->/ { skipping = 0 }
        !skipping { print }
    ' "$docs" >"$docs.tmp"
    mv "$docs.tmp" "$docs"
    rm -f "$table"
    log "updated docs/benchmarks.md"
}

# ---------------------------------------------------------------------------------------------------------

main() {
    if [ "$DOCS_ONLY" = 1 ]; then
        CB="${CITYBUNDLE:-}"
        update_docs
        return
    fi
    if [ "$SKIP_BASELINE_INSTALL" != 1 ]; then install_baselines; fi
    find_citybundle
    mkdir -p "$WORK"
    detect_features
    local header=$'date\tn\tstep\ttool\twall_s\tcpu_s\tfeatures_per_s\tpeak_rss_mib\ttime_vs_ogr2ogr\tload1\tnote'
    for N in $SIZES; do
        log "N=$N"
        if [ "$DRY_RUN" = 1 ]; then
            TSV="$WORK/dry-run-$N.tsv"
        else
            mkdir -p "$BENCH/results"
            TSV="$BENCH/results/$DATE-$N.tsv"
        fi
        echo "$header" >"$TSV"
        run_size
        log "results: $TSV"
    done
    if [ "$DRY_RUN" = 1 ]; then
        log "dry run complete (no results or docs written)"
    else
        update_docs
    fi
}

# On one line, so that editing this file while it runs cannot change what runs next.
main; exit $?
