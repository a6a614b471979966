#!/usr/bin/env python3
"""Folds the outputs of scripts/bench into one JSON object: each figure beside its anchor.

usage: bench-json.py SUITE_MD ENGINE_TSV BYTES_TSV IDLE_TSV ANCHORS_JSON SOAK_OUT BODY_PATH MACHINE_JSON [ANSWERCOST_TSV [STATE_TSV WINDOWS_TSV]]
"""
import importlib.util
import json
import os
import sys

# The markdown reader is bench-table.py's: one parser for ordo-one's output.
_spec = importlib.util.spec_from_file_location("bench_table", os.path.join(os.path.dirname(__file__), "bench-table.py"))
bench_table = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_table)

UNIT_SECONDS = {"ns": 1e-9, "μs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
COUNT_SCALE = {"": 1, "K": 1e3, "M": 1e6, "G": 1e9}


def time_in(results, bench, unit):
    value, label = results.get(bench, {}).get("Time (wall clock)", (None, ""))
    if value is None or label not in UNIT_SECONDS:
        return None
    return round(float(value) * UNIT_SECONDS[label] / UNIT_SECONDS[unit], 4)


def allocations(results, bench):
    value, label = results.get(bench, {}).get("Malloc (total)", (None, ""))
    if value is None or label not in COUNT_SCALE:
        return None
    return int(float(value) * COUNT_SCALE[label])


def kv(path):
    text = open(path).read().strip()
    return dict(field.split("=", 1) for field in text.split("\t")) if text else {}


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def main():
    suite_md, engine_json, bytes_tsv, idle_tsv, anchors_json, soak_out, body_path, machine_json = sys.argv[1:9]
    s = bench_table.suite(suite_md)
    decode = next((k for k in s if k.startswith("Decode")), "Decode")
    anchors = json.load(open(anchors_json))
    out = json.load(open(machine_json))

    out["decode_ms"] = time_in(s, decode, "ms")
    out["decode_cpython_ms"] = anchors.get("decode_cpython_ms")
    out["decode_ratio"] = ratio(out["decode_ms"], out["decode_cpython_ms"])
    out["decode_allocs"] = allocations(s, decode)
    out["decode_body_path"] = os.path.abspath(body_path) if body_path else None
    out["sign_us"] = time_in(s, "Sign one request", "us")
    out["sign_cpython_us"] = anchors.get("sign_cpython_us")
    out["sign_ratio"] = ratio(out["sign_us"], out["sign_cpython_us"])
    out["sign_allocs"] = allocations(s, "Sign one request")
    out["sign_cpython_matches"] = anchors.get("sign_matches")

    for size, label in (("1k", "1,000"), ("10k", "10,000"), ("100k", "100,000")):
        name = "Render frame 200x60, %s sub-jobs" % label
        out["render_%s_ms" % size] = time_in(s, name, "ms")
        out["render_%s_allocs" % size] = allocations(s, name)
    out["render_100k_over_1k"] = ratio(out["render_100k_ms"], out["render_1k_ms"])

    # The engine (#31): every scenario and mode, each figure the median of the seeds with its
    # spread, beside the fixed poller and the two anchors (EngineComparison --json).
    engine = json.load(open(engine_json))
    out["engine"] = engine
    rollout = next(s for s in engine["scenarios"] if s["name"] == "rollout")
    balanced = rollout["engine"]["balanced"]
    out["engine_requests_ratio"] = round(balanced["requests_ratio"], 3)
    out["engine_goals_met"] = balanced["goals_met"]

    b = kv(bytes_tsv)
    out["terminal_bytes_per_refresh_median"] = round(float(b["median"]))
    out["terminal_bytes_first_paint"] = round(float(b["first_paint"]))

    i = kv(idle_tsv)
    out["idle_cpu_s_per_10min"] = float(i["cpu_s_per_10min"])
    out["idle_window_s"] = int(i["window_s"])
    out["idle_rss_mib"] = float(i["rss_end_mib"])

    rss = [line.split("=", 1)[1] for line in open(soak_out) if line.startswith("rss_kib_per_job=")]
    out["rss_kib_per_job"] = float(rss[-1]) if rss else None

    # AnswerCost (#29): CPU to read N jobs once, each beside the read of 1,000; idle CPU.
    answers = [l.rstrip("\n").split("\t") for l in open(sys.argv[9]) if l.strip()] if len(sys.argv) > 9 else []
    reads = {int(r[1]): r for r in answers if r[0] == "first_read"}
    out["first_read_cpu_s"] = {str(n): float(r[2]) for n, r in sorted(reads.items())}
    out["first_read_us_per_job"] = {str(n): float(r[4]) for n, r in sorted(reads.items())}
    out["first_read_per_job_10k_over_1k"] = float(reads[10000][5]) if 10000 in reads else None
    idle = [r for r in answers if r[0] == "idle" and r[5] != "1.00"]
    out["idle_finished_jobs"] = int(idle[-1][1]) if idle else None
    out["idle_finished_cpu_s_per_min"] = float(idle[-1][2]) if idle else None
    # #29: a change's cost beside the JSON state file's (same run); windows; takeover.
    if len(sys.argv) > 11:
        st = bench_table.sides(sys.argv[10])
        db, js = st.get("sqlite", {}), st.get("json", {})
        out["state_bytes_per_change"] = int(db.get("bytes_with_checkpoints") or db["bytes_mean"]) if db else None
        out["state_bytes_per_change_saves_alone"] = int(db["bytes_mean"]) if db else None
        out["state_bytes_per_change_median"] = int(db["bytes_median"]) if db else None
        out["state_bytes_per_change_json"] = int(js["bytes_mean"]) if js else None
        out["state_save_p99_ms"] = float(db["ms_p99"]) if db else None
        out["state_save_p50_ms"] = float(db["ms_p50"]) if db else None
        out["state_save_p99_ms_json"] = float(js["ms_p99"]) if js else None
        out["state_changes"] = {"sqlite": int(db["changes"]) if db else None, "json": int(js["changes"]) if js else None}
        w = kv(sys.argv[11])
        number = lambda text: None if text in (None, "", "None") else float(text)
        out["windows_one_requests"] = [int(w["one_window_requests"]), int(w["one_window_again_requests"])] if w else None
        out["windows_three_requests"] = int(w["three_windows_requests"]) if w else None
        out["windows_three_over_one"] = number(w.get("three_over_one"))
        out["takeover_s"] = [number(t) for t in w["takeover_s"].split(",")] if w.get("takeover_s") else None
        out["takeover_logged_s"] = [number(t) for t in w["takeover_logged_s"].split(",")] if w.get("takeover_logged_s") else None
        out["takeover_max_s"] = number(w.get("takeover_max_s"))

    out["targets"] = {
        "decode_ratio <= 1.5": out["decode_ratio"] is not None and out["decode_ratio"] <= 1.5,
        "sign_us <= 10": out["sign_us"] is not None and out["sign_us"] <= 10,
        "sign_allocs <= 30": out["sign_allocs"] is not None and out["sign_allocs"] <= 30,
        "render_100k_over_1k <= 1.25": out["render_100k_over_1k"] is not None and out["render_100k_over_1k"] <= 1.25,
        "engine (rollout, balanced) requests <= 30% of fixed": out["engine_goals_met"]["requests <= 30% of fixed"],
        "engine (rollout, balanced) median and p90 <= fixed": out["engine_goals_met"]["median and p90 <= fixed"],
        "engine (rollout, balanced) every failure within 10 s": out["engine_goals_met"]["every failure within 10 s"],
        "idle_cpu_s_per_10min <= 0.2": out["idle_cpu_s_per_10min"] <= 0.2,
        "rss_kib_per_job <= 5": out["rss_kib_per_job"] is not None and out["rss_kib_per_job"] <= 5,
        "first_read_per_job_10k_over_1k <= 1.5": out["first_read_per_job_10k_over_1k"] is not None and out["first_read_per_job_10k_over_1k"] <= 1.5,
        "idle_finished_cpu_s_per_min <= 0.02": out["idle_finished_cpu_s_per_min"] is not None and out["idle_finished_cpu_s_per_min"] <= 0.02,
    }
    if "state_bytes_per_change" in out:
        out["targets"].update({
            "state_bytes_per_change <= 65536": out["state_bytes_per_change"] is not None and out["state_bytes_per_change"] <= 65536,
            "state_save_p99_ms <= 10": out["state_save_p99_ms"] is not None and out["state_save_p99_ms"] <= 10,
            "windows_three_over_one <= 1.1": out["windows_three_over_one"] is not None and out["windows_three_over_one"] <= 1.1,
            "takeover_max_s <= 10": out["takeover_max_s"] is not None and out["takeover_max_s"] <= 10,
        })
    print(json.dumps(out, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
