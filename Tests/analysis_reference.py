#!/usr/bin/env python3
"""An independent computation of `trackplan analyze` figures, in plain Python (no modules).

Usage: analysis_reference.py EXPORT.ndjson MACRO MICRO[,MICRO...] STEP[,STEP...] [--unit session|user]
Prints JSON: per micro the 2x2 counts, rates, lift, Katz 95% CI (Haldane-Anscombe 0.5 when a cell
is zero), phi, chi-square p and Benjamini-Hochberg q; the closed and open funnel over STEPS then
MACRO (closed: each step's earliest event at or after the previous step's time, per unit).
"""
import json, math, sys

path, macro, micros, steps = sys.argv[1], sys.argv[2], sys.argv[3].split(","), sys.argv[4].split(",")
unit = sys.argv[6] if len(sys.argv) > 6 and sys.argv[5] == "--unit" else "session"
seen, times = {}, {}
for line in open(path, encoding="utf-8"):
    if not line.strip():
        continue
    row = json.loads(line)
    params = {p["key"]: p["value"] for p in row.get("event_params") or []}
    sid = params.get("ga_session_id", {}).get("int_value")
    key = row["user_pseudo_id"] if unit == "user" else (row["user_pseudo_id"], sid)
    seen.setdefault(key, set()).add(row["event_name"])
    times.setdefault(key, []).append((row["event_name"], row["event_timestamp"]))

rows = []
for micro in micros:
    a = sum(1 for s in seen.values() if micro in s and macro in s)
    b = sum(1 for s in seen.values() if micro in s and macro not in s)
    c = sum(1 for s in seen.values() if micro not in s and macro in s)
    d = len(seen) - a - b - c
    rw, rwo = a / (a + b), c / (c + d)
    lift = (rw / rwo) if rwo > 0 else ("Infinity" if rw > 0 else None)
    A, B, C, D = (a, b, c, d) if min(a, b, c, d) > 0 else (a + .5, b + .5, c + .5, d + .5)
    rr = (A / (A + B)) / (C / (C + D))
    se = math.sqrt(1 / A - 1 / (A + B) + 1 / C - 1 / (C + D))
    z = 1.959963984540054
    phi = (a * d - b * c) / math.sqrt((a + b) * (c + d) * (a + c) * (b + d))
    chi2 = len(seen) * phi * phi
    rows.append({"micro": micro, "a": a, "b": b, "c": c, "d": d, "rate_with": rw, "rate_without": rwo, "lift": lift,
                 "ci": [math.exp(math.log(rr) - z * se), math.exp(math.log(rr) + z * se)], "phi": phi,
                 "p": math.erfc(math.sqrt(chi2 / 2))})
order = sorted(range(len(rows)), key=lambda i: rows[i]["p"])
q, running = [None] * len(rows), 1.0
for rank in range(len(order) - 1, -1, -1):
    i = order[rank]
    running = min(running, rows[i]["p"] * len(rows) / (rank + 1))
    q[i] = running
for i, r in enumerate(rows):
    r["q"] = q[i]

funnel_steps = steps + [macro]
closed, opened = [0] * len(funnel_steps), [0] * len(funnel_steps)
for key, events in times.items():
    names = {n for n, _ in events}
    for k, step in enumerate(funnel_steps):
        if step in names:
            opened[k] += 1
    previous = -math.inf
    for k, step in enumerate(funnel_steps):
        later = [t for n, t in events if n == step and t >= previous]
        if not later:
            break
        closed[k] += 1
        previous = min(later)
print(json.dumps({"units": len(seen), "lift": rows, "funnel": {"steps": funnel_steps, "closed": closed, "open": opened}}))
