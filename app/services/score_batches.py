"""Many participants' rating saves in one transaction: the room's busiest write, grouped.

A room of phones saves ratings a few hundred times a second at its busiest. Each save alone
costs a transaction (and, on SQLite, a turn at the one write lock) and eight statements; saved
together, the saves that arrived while the previous group was being written share one
transaction and about ten statements in all. Every save is checked on its own first (who holds
the token, the workshop's stage, the keys and ratings), so a refused save is answered with its
own error and writes nothing, while the others of its group are written. The outcome of each
save is what `participation.record_scores` would answer: the participant's input as stored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session

from app import security
from app.domain.errors import DomainError, NotFound, Unauthorized
from app.domain.workshop import Cell, Stage, check_accepts_input, rating_cells
from app.persistence import repository as repo
from app.services.mapping import InputSnapshot
from app.services.participation import JOIN_FIRST, OwnInput, ParticipantIdentity, own_input


@dataclass(frozen=True)
class ScoreSave:
    """One `PUT …/my/scores`: the token it came with and what it asks to set."""

    token: str
    workshop_id: int
    scores: Mapping[str, Mapping[str, object]]
    comments: Mapping[str, Mapping[str, object]] | None = None


Outcome = OwnInput | DomainError


def record_score_saves(session: Session, saves: Sequence[ScoreSave]) -> list[Outcome]:
    """Write every acceptable save of `saves` in one transaction, in their order (a later save
    of the same cell wins); each one's outcome, in the same order."""
    with session.begin():
        holders = repo.participants_by_tokens(
            session, list({security.token_hash(s.token) for s in saves})
        )
        workshops = _Workshops(session)
        outcomes: list[Outcome | None] = []
        written: list[tuple[ParticipantIdentity, Stage, dict[Cell, tuple[int, str | None]]]] = []
        for save in saves:
            try:
                me, stage, cells = _checked(save, holders, workshops)
            except DomainError as refused:
                outcomes.append(refused)
                continue
            outcomes.append(None)
            written.append((me, stage, cells))
        repo.upsert_ratings_of_many(session, [(me.id, cells) for me, _, cells in written])
        changed = {me.workshop_id for me, _, cells in written if cells}
        for workshop_id in sorted(changed):
            repo.bump_revision(session, workshop_id)
        repo.add_events(
            session, [(me.workshop_id, "ratings", me.name) for me, _, cells in written if cells]
        )
        snapshot = InputSnapshot(session, list({me.id for me, _, _ in written}))
    answers = iter(own_input(snapshot, me.id, stage) for me, stage, _ in written)
    return [outcome if outcome is not None else next(answers) for outcome in outcomes]


def _checked(
    save: ScoreSave,
    holders: Mapping[str, tuple[int, int, str, str, str]],
    workshops: _Workshops,
) -> tuple[ParticipantIdentity, Stage, dict[Cell, tuple[int, str | None]]]:
    """The checks of `participation.write_scores`, in its order, before anything is written."""
    found = holders.get(security.token_hash(save.token))
    if found is None:
        raise Unauthorized(JOIN_FIRST)
    me = ParticipantIdentity(*found)
    if me.workshop_id != save.workshop_id:
        raise NotFound(f"No workshop {save.workshop_id}.")
    stage, keys = workshops.stage_and_keys(me.workshop_id)
    cells = rating_cells(save.scores, save.comments or {}, keys["option"], keys["criterion"])
    check_accepts_input(stage)
    return me, stage, cells


class _Workshops:
    """Each workshop of a group read once: its stage (its row locked on PostgreSQL, so saves
    queue behind a change of stage) and the keys of its criteria and options."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._seen: dict[int, tuple[Stage, dict[str, set[str]]]] = {}

    def stage_and_keys(self, workshop_id: int) -> tuple[Stage, dict[str, set[str]]]:
        if workshop_id not in self._seen:
            stage = repo.workshop_stage_for_update(self._session, workshop_id)
            if stage is None:
                raise NotFound(f"No workshop {workshop_id}.")
            self._seen[workshop_id] = (Stage(stage), repo.item_keys(self._session, workshop_id))
        return self._seen[workshop_id]
