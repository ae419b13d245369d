#!/usr/bin/env python3
"""Runs a command several times; prints "median min max peak_rss_kb cpu_median" (seconds, KB).

Usage: measure.py RUNS COMMAND [ARG...]
Wall time is measured with a monotonic high-resolution clock around the run, so process start
is included; peak resident memory comes from GNU time (`/usr/bin/time -f %M`), which measures
the command itself (the rusage of a child forked from Python would include Python's pages), and
CPU time (user + system) from the rusage of GNU time's process, which includes the command's.
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
times, cpus, peak = [], [], 0
with tempfile.NamedTemporaryFile("r") as report:
    for _ in range(runs):
        start = time.perf_counter()
        child = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", report.name] + command,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(child.pid, 0)
        times.append(time.perf_counter() - start)
        child.returncode = 0  # reaped above
        with open(report.name) as f:
            peak = max(peak, int(f.read().split()[-1]))
        # CPU time of GNU time and the command it waited for, to the microsecond (GNU time
        # itself prints hundredths; its own share is well under a millisecond).
        cpus.append(usage.ru_utime + usage.ru_stime)
print(f"{statistics.median(times):.4f} {min(times):.4f} {max(times):.4f} {peak} {statistics.median(cpus):.4f}")
