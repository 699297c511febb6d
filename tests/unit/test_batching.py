"""Requests that arrive together are handled together: nothing waits to fill a group, what
arrives meanwhile goes in the next group, and each request hears its own outcome."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

import pytest

from app.web.batching import Batcher, PerLoop


class Recorder:
    """A handler run in a worker thread: doubles each number, refuses negative ones, and can
    hold the first group until told to go on (so others arrive meanwhile)."""

    def __init__(self, hold_first: bool = False) -> None:
        self.groups: list[list[int]] = []
        self.first_started = threading.Event()
        self.release = threading.Event()
        if not hold_first:
            self.release.set()

    def __call__(self, items: Sequence[int]) -> list[int | Exception]:
        self.groups.append(list(items))
        if len(self.groups) == 1:
            self.first_started.set()
            self.release.wait(5)
        return [ValueError(f"negative {i}") if i < 0 else 2 * i for i in items]


def test_a_lone_request_is_handled_at_once_on_its_own():
    recorder = Recorder()

    async def main() -> int:
        return await Batcher(recorder).submit(21)

    assert asyncio.run(main()) == 42
    assert recorder.groups == [[21]]


def test_requests_arriving_while_a_group_is_written_go_together_in_the_next():
    recorder = Recorder(hold_first=True)

    async def main() -> list[int]:
        batcher = Batcher(recorder)
        first = asyncio.create_task(batcher.submit(1))
        await asyncio.to_thread(recorder.first_started.wait, 5)
        later = [asyncio.create_task(batcher.submit(n)) for n in (2, 3, 4)]
        await asyncio.sleep(0)  # the three are waiting now
        recorder.release.set()
        return [await first, *[await t for t in later]]

    assert asyncio.run(main()) == [2, 4, 6, 8]
    assert recorder.groups == [[1], [2, 3, 4]]


def test_each_request_hears_its_own_refusal_and_the_others_their_answers():
    recorder = Recorder(hold_first=True)

    async def main() -> list[object]:
        batcher = Batcher(recorder)
        first = asyncio.create_task(batcher.submit(0))
        await asyncio.to_thread(recorder.first_started.wait, 5)
        group = [asyncio.create_task(batcher.submit(n)) for n in (5, -1, 6)]
        await asyncio.sleep(0)
        recorder.release.set()
        await first
        return list(await asyncio.gather(*group, return_exceptions=True))

    answers = asyncio.run(main())
    assert answers[0] == 10 and answers[2] == 12
    assert isinstance(answers[1], ValueError) and "negative -1" in str(answers[1])


def test_a_failed_group_fails_each_of_its_requests_and_the_next_group_still_runs():
    calls: list[list[int]] = []

    def flaky(items: Sequence[int]) -> list[int | Exception]:
        calls.append(list(items))
        if len(calls) == 1:
            raise RuntimeError("the database went away")
        return list(items)

    async def main() -> tuple[BaseException | None, int]:
        batcher = Batcher(flaky)
        with pytest.raises(RuntimeError) as failed:
            await batcher.submit(1)
        return failed.value, await batcher.submit(2)

    error, answer = asyncio.run(main())
    assert "went away" in str(error)
    assert answer == 2


def test_a_cancelled_request_does_not_stop_the_rest_of_its_group():
    recorder = Recorder(hold_first=True)

    async def main() -> int:
        batcher = Batcher(recorder)
        first = asyncio.create_task(batcher.submit(0))
        await asyncio.to_thread(recorder.first_started.wait, 5)
        gone = asyncio.create_task(batcher.submit(7))
        kept = asyncio.create_task(batcher.submit(8))
        await asyncio.sleep(0)
        gone.cancel()  # its client went away
        recorder.release.set()
        await first
        return await kept

    assert asyncio.run(main()) == 16
    assert recorder.groups[1] == [7, 8]  # written all the same, as a save whose client left


def test_each_event_loop_has_its_own_batcher():
    per_loop = PerLoop(lambda: Batcher(Recorder()))

    async def which() -> Batcher[int, int]:
        return per_loop.current()

    async def twice() -> tuple[Batcher[int, int], Batcher[int, int]]:
        return per_loop.current(), per_loop.current()

    same_a, same_b = asyncio.run(twice())
    assert same_a is same_b
    assert asyncio.run(which()) is not same_a
