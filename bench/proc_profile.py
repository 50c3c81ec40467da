#!/usr/bin/python3
"""Run a command and record, from /proc, how much CPU each of its threads used and when.

usage: proc_profile.py [--interval S] [--json OUT.json] -- COMMAND [ARG...]

Every S seconds (default 0.2) it reads utime+stime of every thread of every descendant process
(/proc/PID/task/TID/stat) and the machine's total busy time (/proc/stat). Threads are grouped by their
(15-character) Linux name; Flink names its task threads after the operator chain, so a group is a stage:

    source+plan     "Source: STAC items -> plan ..."
    read+decode     "read blocks -> decode, mask, partial aggregate"
    periods+sink    "aggregate periods -> grid_stats: Writer -> ..."
    gc, jit, other  JVM threads; everything else (main, Flink runtime, I/O threads), also listed by
                    thread name (digits folded) under "other_threads" in the JSON

Printed (and written as JSON): wall time; CPU seconds per group; each group's active span (first and last
interval in which it used CPU); a per-second timeline of CPU seconds per group, with "others" for the
processes outside the command (the machine is shared); and those others' average use, in cores. A thread's
CPU after the last poll before it ends is lost (at most one interval). The command's exit status is returned.
"""
import json
import re
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")
GROUPS = [("Source: STAC", "source+plan"), ("read blocks", "read+decode"), ("aggregate per", "periods+sink"), ("GC Thread", "gc"), ("G1 ", "gc"), ("C2 Compiler", "jit"),
          ("C1 Compiler", "jit")]


def group(comm):
    for prefix, name in GROUPS:
        if comm.startswith(prefix):
            return name
    return "other"


def children_map():
    kids = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            kids.setdefault(ppid, []).append(int(entry))
    return kids


def descendants(root):
    kids, out, todo = children_map(), [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(kids.get(pid, []))
    return out


def thread_times(pid):
    """{(pid, tid): (comm, cpu seconds)} for the threads of one process."""
    out = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        out[(pid, int(tid))] = (comm, (int(fields[11]) + int(fields[12])) / TICK)
    return out


def machine_busy():
    with open("/proc/stat") as f:
        cpu = [int(v) for v in f.readline().split()[1:]]
    idle = cpu[3] + cpu[4]
    return (sum(cpu[:8]) - idle) / TICK


def main():
    args = sys.argv[1:]
    interval, out_json = 0.2, None
    if "--" not in args:
        sys.exit(__doc__)
    sep = args.index("--")
    opts, command = args[:sep], args[sep + 1:]
    while opts:
        flag, value = opts[0], opts[1]
        opts = opts[2:]
        if flag == "--interval":
            interval = float(value)
        elif flag == "--json":
            out_json = value
        else:
            sys.exit(__doc__)
    start = time.monotonic()
    busy0 = machine_busy()
    proc = subprocess.Popen(command)
    last = {}                       # (pid, tid) -> (comm, cpu s)
    busy_before, own_before = busy0, 0.0
    first_active, last_active = {}, {}
    timeline = {}                   # second -> group -> cpu s
    while True:
        done = proc.poll() is not None
        now = time.monotonic() - start
        seen = {}
        for pid in descendants(proc.pid):
            seen.update(thread_times(pid))
        for key, (comm, cpu) in seen.items():
            before = last.get(key, (comm, 0.0))[1]
            if cpu > before:
                g = group(comm)
                first_active.setdefault(g, now - interval)
                last_active[g] = now
                slot = timeline.setdefault(int(now), {})
                slot[g] = slot.get(g, 0.0) + cpu - before
            last[key] = (comm, cpu)
        own_now = sum(cpu for _, cpu in last.values())
        busy_now = machine_busy()
        slot = timeline.setdefault(int(now), {})
        slot["others"] = slot.get("others", 0.0) + max(0.0, (busy_now - busy_before) - (own_now - own_before))
        busy_before, own_before = busy_now, own_now
        if done:
            break
        time.sleep(interval)
    wall = time.monotonic() - start
    busy = machine_busy() - busy0
    per_group = {}
    for comm, cpu in last.values():
        per_group[group(comm)] = per_group.get(group(comm), 0.0) + cpu
    own = sum(per_group.values())
    # Threads of the "other" group by name with digits folded (pool threads), so start-up costs can be read.
    per_name = {}
    for comm, cpu in last.values():
        if group(comm) == "other":
            name = re.sub(r"[0-9]+", "#", comm)
            per_name[name] = per_name.get(name, 0.0) + cpu
    result = {
        "wall_s": round(wall, 3), "exit": proc.returncode, "cpu_s": round(own, 2),
        "other_processes_cores": round(max(0.0, busy - own) / wall, 2),
        "groups": {g: {"cpu_s": round(c, 2), "first_s": round(first_active.get(g, 0.0), 1),
                       "last_s": round(last_active.get(g, 0.0), 1)}
                   for g, c in sorted(per_group.items(), key=lambda kv: -kv[1])},
        "timeline": {s: {g: round(c, 2) for g, c in v.items()} for s, v in sorted(timeline.items())},
        "other_threads": {n: round(c, 2) for n, c in sorted(per_name.items(), key=lambda kv: -kv[1]) if c >= 0.01},
    }
    if out_json:
        with open(out_json, "w") as f:
            json.dump(result, f, indent=1)
    print(f"proc_profile: wall {wall:.2f} s, cpu {own:.2f} s, other processes used "
          f"{result['other_processes_cores']:.2f} cores meanwhile", file=sys.stderr)
    for g, v in result["groups"].items():
        print(f"proc_profile:   {g:13s} {v['cpu_s']:7.2f} s cpu, active {v['first_s']:6.1f} .. {v['last_s']:6.1f} s",
              file=sys.stderr)
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
