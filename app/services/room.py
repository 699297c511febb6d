"""Running the room: the countdown, what the room's screen shows, and the group's results as
a participant sees them once the facilitator has revealed them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session

from app import security
from app.domain.analysis import Analysis
from app.domain.errors import Conflict, DomainError, Forbidden, NotFound, Unauthorized
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
from app.services import results, workshops
from app.services.mapping import InputSnapshot, load_workshop
from app.services.participation import (
    JOIN_FIRST,
    ParticipantIdentity,
    own_workshop,
)
from app.services.rounds import read_rounds
from app.services.workshops import owned_row


def now() -> datetime:
    return datetime.now(UTC)


def start_timer(session: Session, owner_id: int, workshop_id: int, seconds: object) -> Timer:
    """Start (or restart) the countdown: its deadline is stored, so every screen agrees."""
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        # Checked after ownership, so a stranger learns nothing from the body's refusal.
        length = check_timer_seconds(seconds)
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
    all_rounds: Rounds | None  # for the console, shown to the room or not


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
        all_rounds=rounds,
    )


def presenter_view(session: Session, owner_id: int, workshop_id: int) -> RoomView:
    """The room's screen, for the facilitator who owns the workshop."""
    with session.begin():
        repo.read_only(session)
        view = results.read_results(session, owner_id, workshop_id)
        return _room_view(session, owned_row(session, owner_id, workshop_id), view)


def console_view(
    session: Session, owner_id: int, workshop_id: int
) -> tuple[results.ResultsView, RoomView]:
    """The console: the live results (always, shown to the room or not) and the room."""
    with session.begin():
        repo.read_only(session)
        view = results.read_results(session, owner_id, workshop_id)
        return view, _room_view(session, owned_row(session, owner_id, workshop_id), view)


def _group_view(session: Session, row: WorkshopRow) -> results.ResultsView:
    """The group's results, computed once per revision and shared by the whole room."""
    return results.read_cached(session, row)


@dataclass(frozen=True)
class MyResults:
    """The group's results beside one participant's own input. No one's name is in it."""

    workshop: Workshop  # without the participants
    results: WorkshopResults
    analysis: Analysis | None
    my_weights: dict[str, float]
    far: list[FarCell]


@dataclass(frozen=True)
class ResultsAsk:
    """One phone asking for the revealed results: its token and the workshop in the address."""

    token: str
    workshop_id: int


def revealed_results(
    session: Session, asks: Sequence[ResultsAsk]
) -> list[results.ResultsView | DomainError]:
    """The group's results as the room sees them once revealed (403 before), for each of the
    phones asking at once: the same cached view as the facilitator's, so a room shares one
    computation. One read-only transaction and, once the analysis is cached, one statement for
    the whole group (each token's workshop and its version); each ask answered on its own."""
    hashes = [security.token_hash(a.token) for a in asks]
    with session.begin():
        repo.read_only(session)
        versions = repo.workshops_of_tokens(session, list(set(hashes)))
        outcomes: list[results.ResultsView | DomainError] = []
        for ask, hashed in zip(asks, hashes, strict=True):
            try:
                outcomes.append(_revealed(session, versions.get(hashed), ask.workshop_id))
            except DomainError as refused:
                outcomes.append(refused)
        return outcomes


def _revealed(session: Session, seen: Any, workshop_id: int) -> results.ResultsView:
    """One ask's answer from its token's workshop version (None: no such token)."""
    if seen is None:
        raise Unauthorized(JOIN_FIRST)
    if seen.id != workshop_id:
        raise NotFound(f"No workshop {workshop_id}.")
    if not seen.results_visible:
        raise Forbidden("The facilitator has not shown the results to the room yet.")
    return results.read_cached_version(session, seen)


def read_my_results(session: Session, me: ParticipantIdentity, row: WorkshopRow) -> MyResults:
    """What a phone shows once the results are revealed, inside the caller's transaction."""
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


def show_results(session: Session, owner_id: int, workshop_id: int, visible: bool) -> Workshop:
    """Reveal the results to the room (or hide them again): logged in the timeline."""
    return workshops.update_workshop(session, owner_id, workshop_id, results_visible=visible)


def room_revision(session: Session, owner_id: int, workshop_id: int) -> int:
    """Cheap: the workshop's revision, for the ETag of the presenter's and console's panels."""
    return results.current_revision(session, owner_id, workshop_id)


def console_rounds(view: RoomView) -> Rounds | None:
    """The rounds as the console shows them: always, shown to the room or not."""
    return view.all_rounds


def phone_state(session: Session, me: ParticipantIdentity, workshop_id: int) -> str:
    """Cheap: what a phone's room panel depends on. While the results are hidden that is only
    the countdown, the round and the stage, so a busy room's saves do not redraw every phone."""
    with session.begin():
        repo.read_only(session)
        row = own_workshop(session, me, workshop_id)
        if row.results_visible:
            return f"v{row.revision}"
        ends = row.timer_ends_at.timestamp() if row.timer_ends_at else 0
        return f"h{int(ends)}-{row.round}-{row.stage}"


@dataclass(frozen=True)
class PhoneView:
    """A participant's room panel: the countdown, the round, the results once revealed."""

    workshop: Workshop  # without the participants
    timer: Timer | None
    mine: MyResults | None


def phone_view(session: Session, me: ParticipantIdentity, workshop_id: int) -> PhoneView:
    with session.begin():
        repo.read_only(session)
        row = own_workshop(session, me, workshop_id)
        mine = read_my_results(session, me, row) if row.results_visible else None
        workshop = mine.workshop if mine else load_workshop(session, row, with_people=False)[0]
        return PhoneView(workshop, timer_at(workshop.timer_ends_at, now()), mine)
