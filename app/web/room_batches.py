"""The room's busiest calls, grouped (web/batching.py): each participant's rating saves and
the phones' asks for the revealed results. One batcher of each per event loop, made by
`create_app` and reached by the routes through `score_saves(request)` and
`results_asks(request)`."""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Request
from sqlalchemy.engine import Engine
from sqlmodel import Session

from app.domain.errors import DomainError
from app.services import room, score_batches
from app.services.participation import OwnInput
from app.services.results import ResultsView
from app.services.room import ResultsAsk
from app.services.score_batches import ScoreSave
from app.web.batching import Batcher, PerLoop
from app.web.cached import renderings


def score_save_batches(engine: Engine) -> PerLoop[ScoreSave, OwnInput]:
    """The app's rating saves, grouped (web/batching.py): each group in one transaction, in the
    batcher's thread, with a session of its own."""

    def handle(saves: Sequence[ScoreSave]) -> list[OwnInput | DomainError]:
        with Session(engine, expire_on_commit=False) as session:
            return score_batches.record_score_saves(session, saves)

    return PerLoop(lambda: Batcher(handle))


def results_ask_batches(engine: Engine) -> PerLoop[ResultsAsk, ResultsView]:
    """The phones' asks for the revealed results, grouped (web/batching.py): one read-only
    transaction per group in the batcher's thread, which also renders each view's JSON (once
    per revision) so the event loop only sends bytes."""

    def handle(asks: Sequence[ResultsAsk]) -> list[ResultsView | DomainError]:
        with Session(engine, expire_on_commit=False) as session:
            views = room.revealed_results(session, asks)
        for view in {id(v): v for v in views if not isinstance(v, DomainError)}.values():
            renderings(view)
        return views

    return PerLoop(lambda: Batcher(handle))


def results_asks(request: Request) -> Batcher[ResultsAsk, ResultsView]:
    """The batcher of the phones' asks for the revealed results on the running event loop."""
    return request.app.state.results_asks.current()  # type: ignore[no-any-return]


def score_saves(request: Request) -> Batcher[ScoreSave, OwnInput]:
    """The batcher of rating saves on the running event loop."""
    return request.app.state.score_saves.current()  # type: ignore[no-any-return]
