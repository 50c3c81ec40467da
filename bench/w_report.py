#!/usr/bin/python3
"""Summarise a bench/run_w.sh run directory as a Markdown table with the ratios to workload W's targets.

usage: w_report.py RUN_DIR ITEMS [MPX_PER_ITEM]

MPX_PER_ITEM: input pixels of one item in Mpx, B04 + B08 + SCL (default 271.26, the full tile).

Reads NAME.R.time (/usr/bin/time: wall s, user s, sys s, max RSS KB), NAME.R.prof.json (proc_profile.py),
NAME.R.log (the job's "done in" line) for rounds R >= 1 (round 0 is the warm-up), plus build.txt, load.txt
and check.txt.
"""
import glob
import json
import os
import re
import statistics as st
import sys

FULL_TILE_MPX = 271.26           # B04 + B08 (2 x 120.56 Mpx) + SCL (30.14 Mpx), BASELINES.md
TARGET_MPXS = 150.0              # issue 4: steady state on 2 cores
DECODE_LIMIT_MPXS = 232.0        # BASELINES.md: JDK Inflater on both cores + predictor undo
TARGET_WALL_RATIO = 0.5          # whole process for one tile, as a ratio to the best peer
TARGET_RSS_MIB = 1536.0          # 1.5 GiB
TASK_GROUPS = ("source+plan", "read+decode", "periods+sink")
ACTIVE_CPU_S = 0.1               # CPU seconds in one second that make a stage count as working


def rounds(run_dir, name):
    out = []
    for path in sorted(glob.glob(f"{run_dir}/{name}.*.time")):
        r = int(path.rsplit(".", 2)[1])
        if r == 0:
            continue
        wall, user, sys_s, rss = open(path).read().split()[-4:]
        row = {"round": r, "wall": float(wall), "cpu": float(user) + float(sys_s), "sys": float(sys_s),
               "rss_mib": int(rss) / 1024}
        prof = f"{run_dir}/{name}.{r}.prof.json"
        if os.path.exists(prof):
            row["prof"] = json.load(open(prof))
        log = f"{run_dir}/{name}.{r}.log"
        m = re.search(r"done in ([\d.]+) s", open(log).read()) if os.path.exists(log) else None
        row["job"] = float(m.group(1)) if m else None
        out.append(row)
    return out


def med(values):
    values = [v for v in values if v is not None]
    return st.median(values) if values else float("nan")


def span(values, fmt="{:.2f}"):
    values = [v for v in values if v is not None]
    if not values:
        return "–"
    return f"{fmt.format(st.median(values))} [{fmt.format(min(values))}–{fmt.format(max(values))}]"


def active_seconds(prof, groups):
    """The seconds of the run in which the given thread groups together used at least ACTIVE_CPU_S of CPU."""
    return [int(sec) for sec, v in prof["timeline"].items() if sum(v.get(g, 0.0) for g in groups) >= ACTIVE_CPU_S]


def phases(prof):
    """Start-up, work, per-stage spans and the idle tail of one stacstream run, from its per-second thread CPU.

    A second counts as active for a stage when the stage's threads used at least ACTIVE_CPU_S in it, so the
    small blips of a checkpoint in an otherwise idle task do not stretch a span.
    """
    work = active_seconds(prof, TASK_GROUPS)
    if not work:
        return None
    decode = active_seconds(prof, ("read+decode",)) or [work[0]]
    sink = active_seconds(prof, ("periods+sink",)) or [work[-1]]
    return {"startup": work[0], "work": work[-1] + 1 - work[0], "decode": decode[-1] + 1 - decode[0],
            "sink": sink[-1] + 1 - sink[0], "tail": prof["wall_s"] - (work[-1] + 1)}


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    run_dir, items = sys.argv[1], int(sys.argv[2])
    mpx_item = float(sys.argv[3]) if len(sys.argv) == 4 else FULL_TILE_MPX
    names = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(f"{run_dir}/*.time")})
    data = {n: rounds(run_dir, n) for n in names}
    data = {n: v for n, v in data.items() if v}
    print(f"# Workload W, {os.path.basename(run_dir)}: {mpx_item:.2f} Mpx per item\n")
    for extra in ("build.txt", "load.txt"):
        if os.path.exists(f"{run_dir}/{extra}"):
            print("    " + open(f"{run_dir}/{extra}").read().strip().replace("\n", "\n    "))
    print()
    print("| command | runs | wall s median [min–max] | CPU s | sys s | peak RSS MiB | Mpx/s (whole process) |"
          " other processes, cores |")
    print("|---|---|---|---|---|---|---|---|")
    for n, rows in data.items():
        k = items if n == f"s_stacstream_{items}" else 1
        others = [r["prof"]["other_processes_cores"] for r in rows if "prof" in r]
        print(f"| {n} | {len(rows)} | {span([r['wall'] for r in rows])} | {med([r['cpu'] for r in rows]):.2f} |"
              f" {med([r['sys'] for r in rows]):.2f} | {med([r['rss_mib'] for r in rows]):.0f} |"
              f" {k * mpx_item / med([r['wall'] for r in rows]):.1f} | {span(others)} |")

    one, many = data.get("s_stacstream_1"), data.get(f"s_stacstream_{items}")
    peers = {n: med([r["wall"] for r in v]) for n, v in data.items() if not n.startswith("s_")}
    print()
    if one:
        print("stacstream phases (from thread CPU activity; median s): ")
        for n, rows in ((f"s_stacstream_1", one), (f"s_stacstream_{items}", many or [])):
            ph = [phases(r["prof"]) for r in rows if "prof" in r]
            ph = [p for p in ph if p]
            if ph:
                print(f"- {n}: start-up (JVM + Flink, to the first second of task CPU) {med([p['startup'] for p in ph]):.1f},"
                      f" read+decode {med([p['decode'] for p in ph]):.1f},"
                      f" periods+sink {med([p['sink'] for p in ph]):.1f},"
                      f" work (first to last second of task CPU) {med([p['work'] for p in ph]):.1f},"
                      f" idle tail to exit {med([p['tail'] for p in ph]):.1f}; the job's own 'done in'"
                      f" {med([r['job'] for r in rows]):.1f}")
        groups = {}
        for r in one:
            for g, v in r.get("prof", {}).get("groups", {}).items():
                groups.setdefault(g, []).append(v["cpu_s"])
        print("- CPU s per thread group, one tile (median): "
              + ", ".join(f"{g} {med(v):.2f}" for g, v in sorted(groups.items(), key=lambda kv: -med(kv[1]))))
    print()
    print("| measure | result | target | ratio |")
    print("|---|---|---|---|")
    if one and many and items > 1:
        def per_item(measure):
            ones = {r["round"]: measure(r) for r in one}
            return [(measure(r) - ones[r["round"]]) / (items - 1) for r in many
                    if r["round"] in ones and measure(r) is not None and ones[r["round"]] is not None]

        def row(label, seconds):
            if not seconds or med(seconds) <= 0:
                return
            mpxs = mpx_item / med(seconds)
            rates = [mpx_item / p for p in seconds if p > 0]
            print(f"| {label} | **{mpxs:.1f} Mpx/s** [{min(rates):.1f}–{max(rates):.1f}] ({med(seconds):.2f} s per item) |"
                  f" ≥ {TARGET_MPXS:.0f} Mpx/s | **{mpxs / TARGET_MPXS:.2f}x** of target;"
                  f" {mpxs / DECODE_LIMIT_MPXS:.2f}x of the decode limit L ({DECODE_LIMIT_MPXS:.0f} Mpx/s) |")

        def phase(r, key):
            p = phases(r["prof"]) if "prof" in r else None
            return p[key] if p else None

        row(f"steady-state throughput, whole process: (T({items} items) − T(1 item)) / {items - 1}",
            per_item(lambda r: r["wall"]))
        row(f"steady-state throughput, work only (first to last second of task CPU, no start-up, no idle tail)",
            per_item(lambda r: phase(r, "work")))
        row("read + decode + mask + partial aggregate stage alone (its active span)",
            per_item(lambda r: phase(r, "decode")))
    if one and peers:
        best_name = min(peers, key=peers.get)
        t1 = med([r["wall"] for r in one])
        print(f"| whole process, one tile (JVM start to exit) | **{t1:.2f} s** | ≤ {TARGET_WALL_RATIO}x best peer"
              f" ({best_name} {peers[best_name]:.2f} s) | **{t1 / peers[best_name]:.2f}x** |")
    if one:
        rss = max(r["rss_mib"] for r in one)
        print(f"| peak RSS, one tile (max of runs) | **{rss:.0f} MiB** | ≤ {TARGET_RSS_MIB:.0f} MiB |"
              f" **{rss / TARGET_RSS_MIB:.2f}x** |")
    if many:
        rss = max(r["rss_mib"] for r in many)
        print(f"| peak RSS, {items} items (max of runs) | {rss:.0f} MiB | ≤ {TARGET_RSS_MIB:.0f} MiB |"
              f" {rss / TARGET_RSS_MIB:.2f}x |")
    check = f"{run_dir}/check.txt"
    if os.path.exists(check):
        print("\nCorrectness (stacstream grid_stats of one tile vs w_rasterio.py --impl int):\n")
        print("    " + open(check).read().strip().replace("\n", "\n    "))


if __name__ == "__main__":
    main()
