#!/usr/bin/env python3
"""Splits a `script --log-timing` recording into refreshes (bursts of output separated by a
quiet gap) and reports bytes per refresh. Used by scripts/bench-terminal-bytes.

usage: refresh-bytes.py TIMING OUT [--gap SECONDS] [--tsv]
"""
import re
import statistics
import sys

CLEAR = b"\x1b[2J"
STATUS = re.compile(rb"SUCCESS|FAIL|RUNNING|ROLLBACKING|INIT\b")


def refreshes(timing_path, out_path, gap):
    data = open(out_path, "rb").read()
    bursts, offset, clock = [], 0, 0.0
    for line in open(timing_path):
        parts = line.split()
        if len(parts) != 2:
            continue
        delay, size = float(parts[0]), int(parts[1])
        clock += delay
        chunk = data[offset:offset + size]
        offset += size
        if bursts and delay < gap:
            bursts[-1][1] += chunk
        else:
            bursts.append([clock, chunk])
    return bursts


def main():
    args = sys.argv[1:]
    gap = 0.05
    if "--gap" in args:
        gap = float(args[args.index("--gap") + 1])
    tsv = "--tsv" in args
    timing, out = args[0], args[1]
    bursts = refreshes(timing, out, gap)
    if len(bursts) < 3:
        print("too few refreshes recorded", file=sys.stderr)
        sys.exit(1)
    first = bursts[0][1]
    # The first burst paints the whole screen; the last one is the exit (endwin) and is left out.
    # Full repaints are counted apart: they are what a refresh must not turn into.
    body = bursts[1:-1]
    full = [b for _, b in body if CLEAR in b]
    partial = [len(b) for _, b in body if CLEAR not in b]
    changed = [len(b) for _, b in body if CLEAR not in b and STATUS.search(b)]
    result = {
        "first_paint": len(first),
        "refreshes": len(body),
        "median": statistics.median(partial) if partial else 0,
        "p90": sorted(partial)[int(0.9 * (len(partial) - 1))] if partial else 0,
        "max": max(partial) if partial else 0,
        "status_refreshes": len(changed),
        "status_median": statistics.median(changed) if changed else 0,
        "status_max": max(changed) if changed else 0,
        "full_repaints": len(full),
        "full_repaint_times": ",".join("%.1f" % t for t, b in body if CLEAR in b),
    }
    if tsv:
        print("\t".join("%s=%s" % (k, v) for k, v in result.items()))
    else:
        for k, v in result.items():
            print("%-20s %s" % (k, v))


if __name__ == "__main__":
    main()
