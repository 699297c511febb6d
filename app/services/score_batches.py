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
from typing import NamedTuple

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


class _Checked(NamedTuple):
    """A save that passed its checks: who saves, the workshop's stage, the cells it sets."""

    me: ParticipantIdentity
    stage: Stage
    cells: dict[Cell, tuple[int, str | None]]


def record_score_saves(session: Session, saves: Sequence[ScoreSave]) -> list[Outcome]:
    """Write every acceptable save of `saves` in one transaction, in their order (a later save
    of the same cell wins); each one's outcome, in the same order."""
    hashes = [security.token_hash(s.token) for s in saves]
    with session.begin():
        holders = repo.participants_by_tokens(session, list(set(hashes)))
        workshops = _Workshops(session)
        checked: list[_Checked | DomainError] = []
        for save, hashed in zip(saves, hashes, strict=True):
            try:
                checked.append(_checked(save, holders.get(hashed), workshops))
            except DomainError as refused:
                checked.append(refused)
        valid = [c for c in checked if isinstance(c, _Checked)]
        repo.upsert_ratings_of_many(session, [(c.me.id, c.cells) for c in valid])
        saving = [c for c in valid if c.cells]
        for workshop_id in sorted({c.me.workshop_id for c in saving}):
            repo.bump_revision(session, workshop_id)
        repo.add_events(session, [(c.me.workshop_id, "ratings", c.me.name) for c in saving])
        snapshot = InputSnapshot(session, list({c.me.id for c in valid}))
    return [
        c if isinstance(c, DomainError) else own_input(snapshot, c.me.id, c.stage) for c in checked
    ]


def _checked(
    save: ScoreSave,
    holder: tuple[int, int, str, str, str] | None,
    workshops: _Workshops,
) -> _Checked:
    """The checks of `participation.write_scores`, in its order, before anything is written."""
    if holder is None:
        raise Unauthorized(JOIN_FIRST)
    me = ParticipantIdentity(*holder)
    if me.workshop_id != save.workshop_id:
        raise NotFound(f"No workshop {save.workshop_id}.")
    stage, keys = workshops.stage_and_keys(me.workshop_id)
    cells = rating_cells(save.scores, save.comments or {}, keys["option"], keys["criterion"])
    check_accepts_input(stage)
    return _Checked(me, stage, cells)


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
