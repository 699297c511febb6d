"""Rounds of rating: opening another round (the round so far kept as it stood), reading every
round's results, and what a participant is shown of the round before while revising."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from app.domain.errors import Conflict
from app.domain.rounds import EarlierCell, RoundInput, Rounds, earlier_round, summarize_rounds
from app.domain.rounds import cell_medians as medians_of
from app.domain.workshop import Cell, Stage, Workshop
from app.persistence import repository as repo
from app.persistence.repository import as_utc
from app.persistence.tables import RatingRoundRow, WorkshopRow
from app.services.mapping import InputSnapshot, load_workshop
from app.services.participation import ParticipantIdentity, own_workshop
from app.services.workshops import owned_row

# A closed round's JSON: {participant id: {criterion: points}} and
# {participant id: {option: {criterion: rating}}} (ids as strings, as JSON keys are).


def stored_ratings(ratings: Mapping[int, Mapping[Cell, int]]) -> dict[str, Any]:
    stored: dict[str, dict[str, dict[str, int]]] = {}
    for pid, cells in ratings.items():
        for (option, criterion), rating in cells.items():
            stored.setdefault(str(pid), {}).setdefault(option, {})[criterion] = rating
    return stored


def read_ratings(stored: Mapping[str, Any]) -> dict[int, dict[Cell, int]]:
    return {
        int(pid): {(o, c): int(r) for o, row in options.items() for c, r in row.items()}
        for pid, options in stored.items()
    }


def read_weights(stored: Mapping[str, Any]) -> dict[int, dict[str, float]]:
    return {int(pid): {k: float(v) for k, v in w.items()} for pid, w in stored.items()}


def _round_input(row: RatingRoundRow) -> RoundInput:
    return RoundInput(
        row.number, read_weights(row.weights), read_ratings(row.ratings), as_utc(row.closed_at)
    )


def read_rounds(session: Session, row: WorkshopRow, workshop: Workshop) -> Rounds:
    """Every closed round and the open one (everyone's input as it stands), summarized."""
    people = [p.id for p in workshop.participants]
    live = InputSnapshot(session, people)
    inputs = [_round_input(r) for r in repo.rounds(session, row.id or 0)]
    inputs.append(RoundInput(row.round, live.weights, live.ratings))
    return summarize_rounds(workshop.criteria, workshop.options, inputs)


def open_round(session: Session, owner_id: int, workshop_id: int) -> Rounds:
    """Close the round so far (kept as it stands, never rewritten) and open the next: each
    participant keeps their ratings and may revise them."""
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        stage = Stage(row.stage)
        if stage in (Stage.SETUP, Stage.DECIDED):
            raise Conflict("Another round opens only while the workshop takes input.")
        people = [p.id or 0 for p in repo.participants(session, workshop_id)]
        snapshot = InputSnapshot(session, people)
        if not any(snapshot.ratings.values()):
            raise Conflict("Nobody has rated yet: there is no round to close.")
        weights = {str(pid): dict(w) for pid, w in snapshot.weights.items()}
        repo.add_round(session, workshop_id, row.round, weights, stored_ratings(snapshot.ratings))
        repo.update_workshop(session, row, round=row.round + 1)
        repo.bump_revision(session, workshop_id)
        repo.add_event(
            session, workshop_id, "round", f"Round {row.round} kept; round {row.round + 1} open"
        )
        workshop, _ = load_workshop(session, row)
        return read_rounds(session, row, workshop)


def workshop_rounds(session: Session, owner_id: int, workshop_id: int) -> tuple[Workshop, Rounds]:
    with session.begin():
        repo.read_only(session)
        row = owned_row(session, owner_id, workshop_id)
        workshop, _ = load_workshop(session, row)
        return workshop, read_rounds(session, row, workshop)


@dataclass(frozen=True)
class RoundContext:
    """Beside each cell while revising: one's rating in the round before, the group median."""

    number: int  # the round now open
    earlier: dict[Cell, EarlierCell]

    def cell(self, option: str, criterion: str) -> EarlierCell | None:
        return self.earlier.get((option, criterion))


def read_round_context(
    session: Session, me: ParticipantIdentity, row: WorkshopRow
) -> RoundContext | None:
    """Inside the caller's transaction: None in the first round."""
    if row.round <= 1:
        return None
    closed = repo.rounds(session, row.id or 0)
    if not closed:
        return None
    ratings = read_ratings(closed[-1].ratings)
    return RoundContext(row.round, earlier_round(ratings.get(me.id, {}), medians_of(ratings)))


def round_context(
    session: Session, me: ParticipantIdentity, workshop_id: int
) -> RoundContext | None:
    """What a participant's rating forms show of the round before (None in the first round)."""
    with session.begin():
        repo.read_only(session)
        return read_round_context(session, me, own_workshop(session, me, workshop_id))
