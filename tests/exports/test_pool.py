"""The document pool: heavy documents render in worker processes, a bounded number at once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from app.exports.pool import NICENESS, DocumentPool, render_bounded
from tests.exports.records import make_record

ROOT = Path(__file__).resolve().parents[2]


def timed_nap(seconds: float) -> tuple[float, float]:
    """Runs in a worker process: when it started and when it ended (wall clock)."""
    started = time.time()
    time.sleep(seconds)
    return started, time.time()


def most_at_once(spans: list[tuple[float, float]]) -> int:
    return max(sum(1 for s, e in spans if s <= t < e) for t, _ in spans)


def test_document_pool_limits_concurrency():
    pool = DocumentPool(workers=2)
    try:
        with ThreadPoolExecutor(6) as askers:
            spans = list(askers.map(lambda _: pool.run(timed_nap, 0.3), range(6)))
    finally:
        pool.shutdown()
    assert len(spans) == 6
    assert most_at_once(spans) <= 2


def test_document_pool_renders_pdf_in_a_worker():
    pool = DocumentPool(workers=1)
    try:
        document = render_bounded(make_record(3, 4, 3, seed=1), "pdf", pool=pool)
    finally:
        pool.shutdown()
    assert document.content.startswith(b"%PDF")
    assert document.media_type == "application/pdf"


def worker_niceness() -> int:
    return os.nice(0)


def test_document_pool_worker_runs_below_the_server():
    pool = DocumentPool(workers=1)
    try:
        assert pool.run(worker_niceness) >= os.nice(0) + NICENESS
    finally:
        pool.shutdown()


# A server in a process of its own: starts a pool, has one job run, says the worker's pid,
# then waits to be killed.
SERVER = """
import os, sys, time
from app.exports.pool import DocumentPool
pool = DocumentPool(workers=1)
print(pool.run(os.getpid), flush=True)
time.sleep(60)
"""


def test_document_worker_ends_when_its_server_is_killed():
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        worker = int(server.stdout.readline())
        assert alive(worker)
        server.send_signal(signal.SIGKILL)  # no time to stop its workers
        server.wait(10)
        deadline = time.monotonic() + 10
        while alive(worker) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(worker)
    finally:
        server.kill()


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie waiting for its new parent counts as ended)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
