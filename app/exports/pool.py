"""Heavy documents (PDF) rendered in a small pool of processes: off the event loop and off
the server process's interpreter lock, and only a bounded number at once."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import fields, replace
from types import MappingProxyType
from typing import Any, TypeVar

from app.domain.record import Record
from app.exports import Document, Layout, render_document

T = TypeVar("T")

# Rendering a PDF is seconds of pure Python (WeasyPrint's layout). In a thread of the server it
# would hold the interpreter lock against every request of the room; in its own process it
# uses one core at most, and six exports at once queue here instead of taking both cores.
HEAVY = frozenset({"pdf"})
DEFAULT_WORKERS = 1
NICENESS = 10


class DocumentPool:
    """At most `workers` renders at once, each in a worker process started on first use and
    kept (WeasyPrint's import and fonts are loaded once). Callers block until their turn."""

    def __init__(self, workers: int = DEFAULT_WORKERS) -> None:
        self.workers = workers
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                # spawn, not fork: forking a server with running threads can copy held locks.
                context = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(
                    self.workers, mp_context=context, initializer=_yield_to_the_room
                )
            return self._executor

    def run(self, job: Callable[..., T], *args: Any) -> T:
        """`job(*args)` in a worker process (job and args must pickle); its result."""
        pool = self._pool()
        try:
            return pool.submit(job, *args).result()
        except BrokenProcessPool:
            # A worker died (out of memory, killed): start fresh ones and try once more.
            with self._lock:
                if self._executor is pool:
                    self._executor = None
            pool.shutdown(wait=False, cancel_futures=True)
            return self._pool().submit(job, *args).result()

    def shutdown(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)
                self._executor = None


def _yield_to_the_room() -> None:
    """A worker runs at a lower priority: when the cores are busy, the server's requests (a
    room submitting) go first and the document takes longer. It also ends with the server."""
    try:
        os.nice(NICENESS)
    except OSError:  # not permitted here: same priority as the server
        pass
    server = os.getppid()
    threading.Thread(target=_end_with, args=(server,), daemon=True).start()


# How often a worker checks that the server which started it is still there.
PARENT_CHECK_SECONDS = 1.0


def _end_with(server: int) -> None:
    """Exit once the server process is gone (killed, say, with SIGKILL, which leaves it no
    time to stop its workers): a worker whose parent has died is adopted by another process
    and would otherwise wait for work forever."""
    while os.getppid() == server:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def portable(record: Record) -> Record:
    """The record with its read-only catalogue mappings as plain dicts, so it pickles."""
    changes: dict[str, Any] = {
        f.name: dict(value)
        for f in fields(record)
        if isinstance(value := getattr(record, f.name), MappingProxyType)
    }
    return replace(record, **changes) if changes else record


POOL = DocumentPool()


def render_bounded(
    record: Record, ext: str, layout: Layout | None = None, *, pool: DocumentPool = POOL
) -> Document:
    """The document; a heavy format waits its turn in the pool, light ones render here."""
    if ext in HEAVY:
        return pool.run(render_document, portable(record), ext, layout)
    return render_document(record, ext, layout)
