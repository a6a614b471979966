#!/usr/bin/env python3
"""Folds the outputs of scripts/bench into one markdown table.

usage: bench-table.py SUITE_MD ENGINE_TSV BYTES_TSV IDLE_TSV IDLE_MINUTES BYTES_SECONDS [ANSWERCOST_TSV [STATE_TSV WINDOWS_TSV]]
"""
import json
import re
import sys


def suite(path):
    """{benchmark name: {metric label: (p50, unit)}} from ordo-one's markdown output."""
    results, current = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("### "):
            current = line[4:].strip()
            results[current] = {}
        elif current and line.startswith("| ") and not line.startswith("| Metric"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if len(cells) < 4:
                continue
            label = cells[0].rstrip(" *")
            match = re.match(r"(.*?)\s*\(([^()]*)\)$", label)
            # "Malloc (total) (K)" has a unit; "Malloc (total)" under 1,000 has none.
            if match and match.group(1) in ("Malloc", "Time", "Memory"):
                match = None
            name, unit = (match.group(1), match.group(2)) if match else (label, "")
            results[current][name] = (cells[3].replace(",", ""), unit)
    return results


def metric(results, bench, name):
    value, unit = results.get(bench, {}).get(name, ("?", ""))
    if name.startswith("Time"):
        return "%s %s" % (value, unit)
    scale = {"K": "K", "M": "M", "": ""}.get(unit, unit)
    return "%s%s allocs" % (value, scale)


def kv(path):
    return dict(field.split("=", 1) for field in open(path).read().strip().split("\t"))


def answer_cost(path):
    """AnswerCost's rows: (kind, jobs, cpu, wall, per_job_us, ratio, snapshots, frames)."""
    return [line.rstrip("\n").split("\t") for line in open(path) if line.strip()]


def answer_cost_rows(path):
    rows = []
    reads = [r for r in answer_cost(path) if r[0] == "first_read"]
    if reads:
        rows.append(("Answer cost: CPU to read N jobs once (engine, names, headless dashboard)",
                     " · ".join("%s jobs %s s (%s µs/job)" % (r[1], r[2], r[4].split(".")[0]) for r in reads),
                     "per job at 10,000 ≤ 1.5× at 1,000: %s" % ("met" if all(float(r[5]) <= 1.5 for r in reads) else "**not met**")))
    for r in answer_cost(path):
        if r[0] == "idle" and r[5] != "1.00":
            rows.append(("Answer cost: idle dashboard, %s finished jobs" % r[1], "%s s CPU per minute · %s frames" % (r[2], r[7]),
                         "≤ 0.02 s per minute: %s" % ("met" if float(r[2]) <= 0.02 else "**not met**")))
    return rows


def sides(path):
    """StateWrites' rows: {side: {field: value}} ("sqlite", and "json": today's anchor)."""
    return {row["side"]: row for row in (kv_line(line) for line in open(path) if line.strip())}


def kv_line(line):
    return dict(field.split("=", 1) for field in line.strip().split("\t"))


def state_rows(state_tsv, windows_tsv):
    """#29: a change's bytes and save time beside the JSON file's; windows; takeover."""
    rows = []
    st = sides(state_tsv)
    db, js = st.get("sqlite", {}), st.get("json", {})
    if db and js:
        anchor = int(js["bytes_mean"])
        # Checkpoints included (the WAL copied into the file) when the run measured them.
        mean = int(db.get("bytes_with_checkpoints") or db["bytes_mean"])
        rows.append(("State (#29): bytes written per change, 31,500 sub-jobs in it (20 finished batches of 1,500, one moving; `StateDatabase.apply`, %s changes, the WAL's checkpoints included)" % db["changes"],
                     "mean %.1f KiB (the saves alone: median %.1f KiB, max %.1f KiB, %s write calls) · anchor, JSON `StateStore.save` of the same state: %.1f MB (%s saves) · %.4f×"
                     % (mean / 1024, int(db["bytes_median"]) / 1024, int(db["bytes_max"]) / 1024, db["writes_mean"], anchor / 1e6, js["changes"], mean / anchor),
                     "≤ 64 KiB: %s" % ("met" if mean <= 65536 else "**not met**")))
        beside = db.get("ms_checkpoints_beside") or "none"
        rows.append(("State (#29): time of one save",
                     "p99 %s ms (p50 %s, max %s; checkpoints beside the saves: %s ms) · anchor, the JSON save: p99 %s ms (p50 %s)" % (db["ms_p99"], db["ms_p50"], db["ms_max"], beside, js["ms_p99"], js["ms_p50"]),
                     "p99 ≤ 10 ms: %s" % ("met" if float(db["ms_p99"]) <= 10 else "**not met**")))
    w = kv(windows_tsv)
    if w.get("three_over_one") not in (None, "None"):
        rows.append(("Windows (#29): requests of three over one (%s jobs, %s s each, counted at the simulator)" % (w["windows_jobs"], w["windows_seconds"]),
                     "three: %s · anchor, one window alone before and after: %s / %s · **%s×**" % (w["three_windows_requests"], w["one_window_requests"], w["one_window_again_requests"], w["three_over_one"]),
                     "≤ 1.1×: %s" % ("met" if float(w["three_over_one"]) <= 1.1 else "**not met**")))
    if "takeover_s" in w:
        worst = w.get("takeover_max_s")
        rows.append(("Takeover after SIGKILL of the polling window (%s trials)" % w["takeover_trials"],
                     "first request after the kill: %s s · the follower's log says it polls: %s s" % (w["takeover_s"].replace(",", " / "), w["takeover_logged_s"].replace(",", " / ")),
                     "≤ 10 s: %s" % ("met" if worst not in (None, "None") and float(worst) <= 10 else "**not met**")))
    return rows


def spread(figure, unit=""):
    """A figure over the seeds: the median, and (min–max) when they differ."""
    fmt = lambda v: ("%.0f" % v) if abs(v) >= 100 else ("%.1f" % v if abs(v) >= 10 else "%.2f" % v)
    text = fmt(figure["median"]) + unit
    return text if figure["min"] == figure["max"] else "%s (%s–%s)" % (text, fmt(figure["min"]), fmt(figure["max"]))


def engine_rows(path):
    """#31: per scenario the fixed poller, the anchors and the engine's modes, each a row."""
    engine = json.load(open(path))
    rows = []
    for scenario in engine["scenarios"]:
        fixed = scenario["fixed"]
        anchors = "fixed 10 s poller: %s requests · median %s · p90 %s · slowest failure %s; clairvoyant: %s; knows durations only: ~%s" % (
            spread(fixed["requests"]), spread(fixed["median_delay_s"], " s"), spread(fixed["p90_delay_s"], " s"),
            spread(fixed["slowest_failure_s"], " s"), spread(scenario["clairvoyant_requests"]), spread(scenario["durations_only_requests"]))
        for mode, ours in sorted(scenario["engine"].items(), key=lambda kv: ["frugal", "balanced", "prompt"].index(kv[0])):
            goals = ours["goals_met"]
            verdict = ", ".join("%s: %s" % (name, "met" if ok else "**not met**") for name, ok in goals.items())
            way = "" if ours["way_to_limit"] is None else ", %.0f %% of the way to the limit" % (100 * ours["way_to_limit"])
            rows.append(("Polling, `%s` (%s, %d seeds): engine, %s" % (scenario["name"], scenario["summary"], engine["seeds"], mode),
                         "%s requests · median %s · p90 %s · slowest failure %s" % (
                             spread(ours["requests"]), spread(ours["median_delay_s"], " s"), spread(ours["p90_delay_s"], " s"), spread(ours["slowest_failure_s"], " s")),
                         "%s → **%.0f %%** of its requests%s; %s" % (anchors, 100 * ours["requests_ratio"], way, verdict)))
    return rows


def main():
    if sys.argv[1] == "--engine":
        print("| benchmark | result (median of the seeds, min–max) | anchors, target |")
        print("|---|---|---|")
        for row in engine_rows(sys.argv[2]):
            print("| %s | %s | %s |" % row)
        return
    suite_md, engine_json, bytes_tsv, idle_tsv, idle_minutes, bytes_seconds = sys.argv[1:7]
    answer_tsv = sys.argv[7] if len(sys.argv) > 7 else None
    s = suite(suite_md)
    rows = []

    decode = next((k for k in s if k.startswith("Decode")), "Decode")
    rows.append((decode.replace("Decode ", "Decode: `Job.decode`, "), "%s · %s" % (metric(s, decode, "Time (wall clock)"), metric(s, decode, "Malloc (total)")), "—"))

    sizes = ["1,000", "10,000", "100,000"]
    names = ["Render frame 200x60, %s sub-jobs" % n for n in sizes]
    times = " / ".join(metric(s, n, "Time (wall clock)") for n in names)
    allocs = " / ".join(metric(s, n, "Malloc (total)").replace(" allocs", "") for n in names)
    rows.append(("Render: one frame 200×60, 1k / 10k / 100k sub-jobs", "%s · %s allocs" % (times, allocs), "proportional to visible rows"))
    changed = "Render one changed row, 10,000 sub-jobs"
    rows.append(("Render: one changed row (frame + row diff), 10k sub-jobs", "%s · %s" % (metric(s, changed, "Time (wall clock)"), metric(s, changed, "Malloc (total)")), "—"))
    rows.append(("Sign: one `Signer.sign`", "%s · %s" % (metric(s, "Sign one request", "Time (wall clock)"), metric(s, "Sign one request", "Malloc (total)")), "—"))

    rows += engine_rows(engine_json)

    b = kv(bytes_tsv)
    rows.append(("Terminal: bytes per refresh (rollout, 200×60, %s s)" % bytes_seconds,
                 "first paint %s B · then median %s B, p90 %s B, max %s B over %s refreshes · with a status change: median %s B (%s refreshes) · full repaints %s"
                 % (b["first_paint"], b["median"], b["p90"], b["max"], b["refreshes"], b["status_median"], b["status_refreshes"], b["full_repaints"]),
                 "a few hundred bytes"))
    i = kv(idle_tsv)
    scaled = "" if float(i["window_s"]) == 600 else " (scaled from %s s)" % i["window_s"]
    rows.append(("Idle dashboard (release build), nothing changing",
                 "%s s CPU per 10 min%s · RSS %s MiB · %s terminal bytes/min" % (i["cpu_s_per_10min"], scaled, i["rss_end_mib"], i["terminal_bytes_per_min"]),
                 "≤ 0.2 s CPU per 10 min: %s" % ("met" if float(i["cpu_s_per_10min"]) <= 0.2 else "**not met**")))

    if answer_tsv:
        rows += answer_cost_rows(answer_tsv)
    if len(sys.argv) > 9:
        rows += state_rows(sys.argv[8], sys.argv[9])

    print("| benchmark | result (p50 where timed) | target |")
    print("|---|---|---|")
    for row in rows:
        print("| %s | %s | %s |" % row)


if __name__ == "__main__":
    main()
