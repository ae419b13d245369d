#!/usr/bin/env python3
"""Runs a command several times; prints "median min max peak_rss_kb" (seconds, KB).

Usage: measure.py RUNS COMMAND [ARG...]
Wall time is measured with a monotonic high-resolution clock around the run, so process start
is included; peak resident memory comes from GNU time (`/usr/bin/time -f %M`), which measures
the command itself (the rusage of a child forked from Python would include Python's pages).
The command's output is discarded; a non-zero exit does not stop the measurement.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

runs = int(sys.argv[1])
command = sys.argv[2:]
times, peak = [], 0
with tempfile.NamedTemporaryFile("r") as report:
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", report.name] + command,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        with open(report.name) as f:
            peak = max(peak, int(f.read().split()[-1]))
print(f"{statistics.median(times):.4f} {min(times):.4f} {max(times):.4f} {peak}")
