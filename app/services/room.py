"""Running the room: the countdown, what the room's screen shows, and the group's results as
a participant sees them once the facilitator has revealed them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from app.domain.analysis import Analysis
from app.domain.errors import Conflict, Forbidden
from app.domain.results import WorkshopResults
from app.domain.room import (
    SectorCount,
    Timer,
    check_timer_seconds,
    missing_sectors,
    sector_counts,
    timer_at,
)
from app.domain.rounds import FarCell, Rounds, far_from_group, own_weights
from app.domain.workshop import Stage, Workshop
from app.persistence import repository as repo
from app.persistence.tables import WorkshopRow
from app.services import results
from app.services.mapping import InputSnapshot, load_workshop
from app.services.participation import ParticipantIdentity, own_workshop
from app.services.rounds import read_rounds
from app.services.workshops import owned_row


def now() -> datetime:
    return datetime.now(UTC)


def start_timer(session: Session, owner_id: int, workshop_id: int, seconds: object) -> Timer:
    """Start (or restart) the countdown: its deadline is stored, so every screen agrees."""
    length = check_timer_seconds(seconds)
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        if row.stage == Stage.DECIDED:
            raise Conflict("The workshop is decided; no countdown is needed.")
        ends_at = now() + timedelta(seconds=length)
        repo.update_workshop(session, row, timer_ends_at=ends_at)
        repo.bump_revision(session, workshop_id)
    timer = timer_at(ends_at, now())
    assert timer is not None
    return timer


def stop_timer(session: Session, owner_id: int, workshop_id: int) -> None:
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        if row.timer_ends_at is not None:
            repo.update_workshop(session, row, timer_ends_at=None)
            repo.bump_revision(session, workshop_id)


@dataclass(frozen=True)
class RoomView:
    """What the room's screen shows. `results` is None until the facilitator reveals them."""

    workshop: Workshop
    timer: Timer | None
    joined: int
    finished: int
    sectors: list[SectorCount]
    missing: list[str]
    results: WorkshopResults | None
    analysis: Analysis | None
    rounds: Rounds | None


def _room_view(session: Session, row: WorkshopRow, view: results.ResultsView) -> RoomView:
    w = view.workshop
    shown = w.results_visible and view.results.has_input
    rounds = read_rounds(session, row, w) if w.round > 1 else None
    return RoomView(
        workshop=w,
        timer=timer_at(w.timer_ends_at, now()),
        joined=len(w.participants),
        finished=sum(p.submitted for p in w.participants),
        sectors=sector_counts(w.participants),
        missing=missing_sectors(w.participants),
        results=view.results if shown else None,
        analysis=view.analysis if shown else None,
        rounds=rounds if shown else None,
    )


def presenter_view(session: Session, owner_id: int, workshop_id: int) -> RoomView:
    """The room's screen, for the facilitator who owns the workshop."""
    with session.begin():
        repo.read_only(session)
        view = results.read_results(session, owner_id, workshop_id)
        return _room_view(session, owned_row(session, owner_id, workshop_id), view)


def console_room(session: Session, owner_id: int, workshop_id: int) -> RoomView:
    """The room as the console shows it beside the live results (which it always shows)."""
    return presenter_view(session, owner_id, workshop_id)


def _group_view(session: Session, row: WorkshopRow) -> results.ResultsView:
    people = repo.participants(session, row.id or 0)
    workshop, snapshot = load_workshop(session, row, people=people)
    inputs = results.method_inputs(session, row, workshop, people)
    return results.results_of(workshop, snapshot, inputs)


@dataclass(frozen=True)
class MyResults:
    """The group's results beside one participant's own input. No one's name is in it."""

    workshop: Workshop  # without the participants
    results: WorkshopResults
    analysis: Analysis | None
    my_weights: dict[str, float]
    far: list[FarCell]


def my_results(session: Session, me: ParticipantIdentity, workshop_id: int) -> MyResults:
    """403 until the facilitator reveals the results to the room."""
    with session.begin():
        repo.read_only(session)
        row = own_workshop(session, me, workshop_id)
        if not row.results_visible:
            raise Forbidden("The facilitator has not shown the results to the room yet.")
        view = _group_view(session, row)
        own = InputSnapshot(session, [me.id])
        workshop, _ = load_workshop(session, row, own, with_people=False)
        return MyResults(
            workshop=workshop,
            results=view.results,
            analysis=view.analysis,
            my_weights=own_weights(own.weights.get(me.id, {})),
            far=far_from_group(own.ratings.get(me.id, {}), view.results.scores),
        )


def participant_revision(session: Session, me: ParticipantIdentity, workshop_id: int) -> int:
    """Cheap: the room's revision, so a phone's poll answers 304 when nothing changed."""
    with session.begin():
        repo.read_only(session)
        return int(own_workshop(session, me, workshop_id).revision)
