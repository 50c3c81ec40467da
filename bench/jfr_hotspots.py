#!/usr/bin/python3
"""Summarise where a JFR recording spent its CPU: execution samples by thread, by top frame, and inclusive
by method (a method counts once per sample when it is anywhere on the stack), plus GC pauses.

usage: jfr_hotspots.py RECORDING.jfr [--top N] [--match REGEX] [--thread REGEX] [--native REGEX]
                       [--from S] [--to S]

--match   also print the inclusive table restricted to frames whose class.method matches REGEX
--thread  only samples of threads whose name matches REGEX (e.g. 'aggregate periods')
--native  also count native-method samples whose top frame matches REGEX (default
          'Inflater|zstd|Zstd'; '' for none), each weighted x2 because the profile settings sample
          native stacks every 20 ms and Java stacks every 10 ms. Other native samples are threads
          waiting in epoll/accept and are left out.
--from/--to  only samples in this window, in seconds after the first sample

Record with  STACSTREAM_JAVA_OPTS='-XX:StartFlightRecording=filename=w.jfr,settings=profile'.
Needs the JDK's `jfr` tool on PATH. Shares are of samples, not of CPU seconds: JFR samples a bounded
number of threads per period, so read them within one thread group (--thread) and take CPU seconds per
thread group from proc_profile.py.
"""
import collections
import datetime as dt
import json
import re
import subprocess
import sys


NATIVE_WEIGHT = 2     # profile.jfc: jdk.ExecutionSample every 10 ms, jdk.NativeMethodSample every 20 ms


def load(path, event):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", event, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def when(event):
    return dt.datetime.fromisoformat(event["values"]["startTime"].replace("Z", "+00:00")).timestamp()


def frame_name(frame):
    m = frame["method"]
    return f'{m["type"]["name"]}.{m["name"]}'


def thread_group(name):
    """Flink task threads are named after their operator chain and subtask; fold the subtask index."""
    name = re.sub(r"\s*\(\d+/\d+\)#\d+$", "", name)
    return re.sub(r"-\d+$", "-N", name)


def table(title, counter, total, top):
    print(f"\n{title} ({total} samples)")
    for key, n in counter.most_common(top):
        print(f"  {100.0 * n / total:5.1f} %  {n:6d}  {key}")


def main():
    args = sys.argv[1:]
    top, match, t_from, t_to, thread, native = 25, None, None, None, None, re.compile("Inflater|zstd|Zstd")
    for flag in ("--top", "--match", "--thread", "--native", "--from", "--to"):
        if flag in args:
            i = args.index(flag)
            value = args[i + 1]
            del args[i:i + 2]
            if flag == "--top":
                top = int(value)
            elif flag == "--match":
                match = re.compile(value)
            elif flag == "--thread":
                thread = re.compile(value)
            elif flag == "--native":
                native = re.compile(value) if value else None
            elif flag == "--from":
                t_from = float(value)
            else:
                t_to = float(value)
    if len(args) != 1:
        sys.exit(__doc__)
    samples = [(e, 1) for e in load(args[0], "jdk.ExecutionSample")]
    if not samples:
        sys.exit("no execution samples in " + args[0])
    if native:
        for e in load(args[0], "jdk.NativeMethodSample"):
            frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
            if frames and native.search(frame_name(frames[0])):
                samples.append((e, NATIVE_WEIGHT))
    t0 = min(when(e) for e, _ in samples)
    by_thread, self_frame, inclusive, matched = (collections.Counter() for _ in range(4))
    per_second = collections.Counter()
    total = 0
    for e, weight in samples:
        t = when(e) - t0
        if (t_from is not None and t < t_from) or (t_to is not None and t > t_to):
            continue
        v = e["values"]
        frames = v["stackTrace"]["frames"] if v.get("stackTrace") else []
        name = v["sampledThread"]["javaName"] or v["sampledThread"]["osName"]
        if not frames or (thread and not thread.search(name)):
            continue
        total += weight
        per_second[int(t)] += weight
        by_thread[thread_group(name)] += weight
        self_frame[frame_name(frames[0])] += weight
        names = {frame_name(f) for f in frames}
        for n in names:
            inclusive[n] += weight
        if match:
            for n in names:
                if match.search(n):
                    matched[n] += weight
    table("samples by thread", by_thread, total, top)
    table("self time by top frame", self_frame, total, top)
    table("inclusive time by method", inclusive, total, top * 2)
    if match:
        table(f"inclusive time of methods matching {match.pattern}", matched, total, top * 2)
    print("\nsamples per second after the first sample:")
    print("  " + " ".join(f"{s}:{per_second[s]}" for s in sorted(per_second)))

    pauses = load(args[0], "jdk.GarbageCollection")
    if pauses:
        paused = sum(iso_seconds(p["values"]["sumOfPauses"]) for p in pauses)
        names = collections.Counter(p["values"]["name"] for p in pauses)
        print(f"\nGC: {len(pauses)} collections {dict(names)}, {paused:.2f} s of pauses")


def iso_seconds(duration):
    """Seconds of an ISO-8601 duration as JFR prints it (PT0.0159S, PT1M2.5S)."""
    m = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", duration)
    h, mnt, s = (float(g) if g else 0.0 for g in m.groups())
    return 3600 * h + 60 * mnt + s

if __name__ == "__main__":
    main()
