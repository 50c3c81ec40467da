#!/usr/bin/env bash
# Workload W (../shared/bench/BASELINES.md): stacstream beside the rasterio and dask peers, on the same files,
# in one session, then a correctness check against the rasterio peer and a table of ratios to the targets.
#
#   bench/run_w.sh [RUNS]          timed rounds after one warm-up round (default 3)
#
# Environment:
#   HEAP=1g            the job's -Xmx (STACSTREAM_JAVA_OPTS); the peers need no setting
#   ITEMS=4            items of the multi-item run used for the steady-state throughput
#   TILE=/tmp/s2bench/full   B04.tif, B08.tif, SCL.tif (../shared/bench/make_s2_like.sh full)
#   SHARED_BENCH=../shared/bench   where the peers live
#   ONLY=REGEX         run only the commands whose name matches (e.g. ONLY=stacstream)
#   STACSTREAM_CDS=1   class-data sharing for the job's JVM (bin/stacstream); 0 measures without it
#   STACSTREAM_JIT     default: the JVM's own JIT policy instead of conf/jit-directives.json (bin/stacstream)
#
# Protocol (as the peers' own run_baselines.sh): inputs read once into the page cache, each command timed as a
# whole process with /usr/bin/time (wall, user, sys, peak RSS), under proc_profile.py (CPU per thread group and
# the CPU other processes took meanwhile). Rounds interleave the commands (a_rasterio, b_dask, s_stacstream_1,
# s_stacstream_N), so background load spreads over all of them; round 0 is the warm-up and is not counted.
# stacstream runs from a frozen copy of the launcher and jar (built once under the Maven lock), so a source edit
# by someone else cannot trigger a rebuild inside a timed run.
#
# Steady-state throughput: each round gives (T(N items) - T(1 item)) / (N - 1) seconds per extra item, which
# leaves out the JVM and Flink start-up and the end of the job; Mpx/s = input Mpx per item (B04 + B08 + SCL,
# 271.26 for the full tile) / that.
# Everything lands in /tmp/s2bench/runs/w/<time>/; the table is printed and written to summary.md there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
RUNS=${1:-3}
HEAP=${HEAP:-1g}
ITEMS=${ITEMS:-4}
TILE=${TILE:-/tmp/s2bench/full}
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
ONLY=${ONLY:-.}
WORK=/tmp/s2bench/stacstream
RUN_DIR=/tmp/s2bench/runs/w/$(date -u +%Y%m%dT%H%M%SZ)
OUT=$RUN_DIR/out
mkdir -p "$RUN_DIR" "$OUT"

for f in B04 B08 SCL; do
  [[ -f "$TILE/$f.tif" ]] || { echo "run_w.sh: no $TILE/$f.tif; run: bash $SHARED_BENCH/make_s2_like.sh full" >&2; exit 1; }
done

# 1. Freeze the launcher: build what is needed under the shared Maven lock, then copy the launcher, the job jar,
#    its Flink classpath and the CLI logging config into $WORK/launcher, where no source tree can make it rebuild.
echo "run_w.sh: building (under the Maven lock) ..." >&2
(cd "$ROOT" && flock /tmp/stacstream-mvn.lock bin/stacstream --version >/dev/null)
if [[ ! -f "$BENCH/target/duckdb-classpath.txt" || ! -f "$BENCH/target/classes/dev/stacstream/bench/GridStatsRaster.class" ]]; then
  (cd "$ROOT" && flock /tmp/stacstream-mvn.lock ./mvnw -B -q -o -pl bench -am install -DskipTests)
fi
LAUNCHER=$WORK/launcher
rm -rf "$LAUNCHER"
mkdir -p "$LAUNCHER/bin" "$LAUNCHER/flink-job/target" "$LAUNCHER/conf"
cp "$ROOT/bin/stacstream" "$LAUNCHER/bin/"
cp "$ROOT/flink-job/target/stacstream.jar" "$ROOT/flink-job/target/flink-classpath.txt" "$LAUNCHER/flink-job/target/"
cp "$ROOT/conf/log4j2-cli.properties" "$ROOT/conf/jit-directives.json" "$LAUNCHER/conf/"
{
  echo "commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "uncommitted files under flink-job/ connectors/: $(git -C "$ROOT" status --porcelain -- flink-job connectors | wc -l)"
  echo "jar $(stat -c '%y' "$ROOT/flink-job/target/stacstream.jar")"
  java -version 2>&1 | head -1
  echo "heap -Xmx$HEAP, items $ITEMS, runs $RUNS"
} > "$RUN_DIR/build.txt"

# 2. Catalogs: 1 item and ITEMS items over the same COGs, one day apart.
"$BENCH/w_catalog.py" "$TILE" "$WORK/catalogs/w-1" 1 >&2
"$BENCH/w_catalog.py" "$TILE" "$WORK/catalogs/w-$ITEMS" "$ITEMS" >&2

# 3. The commands. Each gets its output path; stacstream's output root is emptied before every run.
NAMES=(); CMDS=()
add() { NAMES+=("$1"); CMDS+=("$2"); }
add a_rasterio_int "/usr/bin/python3 $SHARED_BENCH/w_rasterio.py $TILE $OUT/rio_int.tif --impl int"
add b_dask_c1024 "/usr/bin/python3 $SHARED_BENCH/w_dask.py $TILE $OUT/dask1024.tif --chunk 1024"
for n in 1 "$ITEMS"; do
  add "s_stacstream_$n" "rm -rf $OUT/ss$n && exec $LAUNCHER/bin/stacstream run --pipeline $BENCH/w.yaml \
--set source.catalog=$WORK/catalogs/w-$n/catalog.json --set output.root=$OUT/ss$n"
done

cat "$TILE/B04.tif" "$TILE/B08.tif" "$TILE/SCL.tif" > /dev/null
uptime > "$RUN_DIR/load.txt"
export STACSTREAM_JAVA_OPTS="-Xmx$HEAP"
# Class-data sharing between runs (bin/stacstream): the warm-up round writes the archive, timed rounds map it.
export STACSTREAM_CDS=${STACSTREAM_CDS:-1}
for r in $(seq 0 "$RUNS"); do
  for i in "${!NAMES[@]}"; do
    name=${NAMES[$i]}
    [[ "$name" =~ $ONLY ]] || continue
    echo "run_w.sh: round $r/$RUNS $name (load $(cut -d' ' -f1 /proc/loadavg))" >&2
    "$BENCH/proc_profile.py" --json "$RUN_DIR/$name.$r.prof.json" -- \
      /usr/bin/time -f '%e %U %S %M' -o "$RUN_DIR/$name.$r.time" sh -c "${CMDS[$i]}" \
      > "$RUN_DIR/$name.$r.log" 2>&1 || { echo "run_w.sh: $name round $r failed, see $RUN_DIR/$name.$r.log" >&2; exit 1; }
  done
done
uptime >> "$RUN_DIR/load.txt"

# 4. Correctness: stacstream's one-tile grid_stats against the rasterio peer (run in the same session).
CHECK="$RUN_DIR/check.txt"
if [[ -d "$OUT/ss1/grid_stats" && -f "$OUT/rio_int.tif" ]]; then
  java -cp "$(ls "$BENCH"/target/stacstream-bench-*.jar | grep -v original | head -1):$(cat "$BENCH/target/duckdb-classpath.txt")" \
    dev.stacstream.bench.GridStatsRaster "$OUT/ss1/grid_stats" 2023-06-01 red,nir "$OUT/ss1.raw" > "$CHECK"
  "$BENCH/w_compare.py" "$OUT/rio_int.tif" "$OUT/ss1.raw" --shared-bench "$SHARED_BENCH" >> "$CHECK" || true
else
  echo "no correctness check: needs both a_rasterio_int and s_stacstream_1" > "$CHECK"
fi

MPX=$(/usr/bin/python3 -c '
import sys, rasterio
n = 0
for b in ("B04", "B08", "SCL"):
    with rasterio.open(f"{sys.argv[1]}/{b}.tif") as s:
        n += s.width * s.height
print(n / 1e6)' "$TILE")
"$BENCH/w_report.py" "$RUN_DIR" "$ITEMS" "$MPX" | tee "$RUN_DIR/summary.md"
