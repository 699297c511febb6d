"""Benchmark of the rationale documents (run by hand, not a test).

    .venv/bin/python bench/bench_exports.py [--runs 5] [--participants 30 --criteria 15 --options 8]

Renders every format for a seeded, decided workshop and prints the median and worst time per
format, and the size of each file. Targets on this machine: PDF under 2 s, Word under 1 s.
The first run of each format is a warm-up (imports, font loading) and is reported apart.
On a shared machine the wall time follows the load; the CPU column (this process's own time)
is the steadier figure, and the load average is printed first.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.exports import RENDERERS, render_document  # noqa: E402 - after the path tweak
from tests.exports.records import make_record  # noqa: E402

TARGETS = {"pdf": 2.0, "docx": 1.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--criteria", type=int, default=15)
    parser.add_argument("--options", type=int, default=8)
    args = parser.parse_args()
    record = make_record(args.participants, args.criteria, args.options, seed=2024)
    print(
        f"{args.participants} participants, {args.criteria} criteria, {args.options} options; "
        f"{args.runs} runs after one warm-up; Python {platform.python_version()} on "
        f"{platform.machine()}"
    )
    print(f"load average (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(
        f"{'format':<7}{'warm-up s':>11}{'median s':>10}{'worst s':>9}{'cpu s':>8}{'size KB':>9}"
        "  target"
    )
    failed = False
    for ext in RENDERERS:
        start = time.perf_counter()
        size = len(render_document(record, ext).content)
        warm = time.perf_counter() - start
        times, cpu = [], []
        for _ in range(args.runs):
            start, started = time.perf_counter(), time.process_time()
            render_document(record, ext)
            times.append(time.perf_counter() - start)
            cpu.append(time.process_time() - started)
        median, worst = statistics.median(times), max(times)
        target = TARGETS.get(ext)
        verdict = ""
        if target is not None:
            verdict = f"< {target:.0f} s " + ("met" if median < target else "MISSED")
            failed |= median >= target
        print(
            f"{ext:<7}{warm:>11.3f}{median:>10.3f}{worst:>9.3f}{statistics.median(cpu):>8.3f}"
            f"{size / 1024:>9.1f}  {verdict}"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
