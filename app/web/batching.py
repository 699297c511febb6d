"""Requests that arrive together, handled together: the saves a room sends at once are written
in one transaction by a worker thread (services/score_batches.py).

Nothing waits to fill a group: a save that finds nothing being written goes at once, alone.
Saves that arrive while something is being written wait for it and then go together. On a
quiet workshop each save is its own group; in a room's rush the groups grow with the rush, and
the database sees one transaction per group instead of one per save.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar
from weakref import WeakKeyDictionary

import anyio
import anyio.to_thread

Item = TypeVar("Item")
Outcome = TypeVar("Outcome")


class Batcher(Generic[Item, Outcome]):
    """Collects items on one event loop (make it there) and hands each group to `handle` in a
    worker thread; `handle` answers one outcome per item, in order, an exception being an
    outcome too."""

    def __init__(self, handle: Callable[[Sequence[Item]], Sequence[Outcome | Exception]]) -> None:
        self._handle = handle
        # One thread of its own: a batcher never has more than one group in flight, and its
        # group never waits behind pages and analyses in the shared pool of forty threads.
        self._limiter = anyio.CapacityLimiter(1)
        self._waiting: list[tuple[Item, asyncio.Future[Outcome]]] = []
        self._writing = False

    async def submit(self, item: Item) -> Outcome:
        """The outcome of `item`, handled with whatever else arrives meanwhile; raises it when
        it is an exception."""
        if self._writing:
            future: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
            self._waiting.append((item, future))
            return await future
        # Nothing is being written: this request goes at once, alone, by the same single hop
        # to a thread as an unbatched request (a quiet room's saves gain no step). Requests
        # arriving meanwhile wait, and a task writes them together once this one is done.
        self._writing = True
        try:
            outcome = (await self._run([item]))[0]
        finally:
            if self._waiting:
                asyncio.get_running_loop().create_task(self._drain())
            else:
                self._writing = False
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    async def _run(self, items: list[Item]) -> Sequence[Outcome | Exception]:
        return await anyio.to_thread.run_sync(self._handle, items, limiter=self._limiter)

    async def _drain(self) -> None:
        try:
            while self._waiting:
                group, self._waiting = self._waiting, []
                try:
                    outcomes = await self._run([item for item, _ in group])
                except Exception as failed:  # the whole group failed: each request hears it
                    outcomes = [failed] * len(group)
                for (_, future), outcome in zip(group, outcomes, strict=True):
                    if future.done():  # the request was cancelled (its client went away)
                        continue
                    if isinstance(outcome, Exception):
                        future.set_exception(outcome)
                    else:
                        future.set_result(outcome)
        finally:
            self._writing = False


class PerLoop(Generic[Item, Outcome]):
    """One batcher per event loop (tests run an app on several loops in turn; a future belongs
    to the loop that made it)."""

    def __init__(self, make: Callable[[], Batcher[Item, Outcome]]) -> None:
        self._make = make
        self._batchers: WeakKeyDictionary[asyncio.AbstractEventLoop, Batcher[Item, Outcome]] = (
            WeakKeyDictionary()
        )

    def current(self) -> Batcher[Item, Outcome]:
        loop = asyncio.get_running_loop()
        batcher = self._batchers.get(loop)
        if batcher is None:
            batcher = self._batchers[loop] = self._make()
        return batcher
