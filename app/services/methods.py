"""Facilitator use cases for the method: how weights are asked for and how the group is combined."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from app.domain.elicitation import MethodSettings
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.numbers import check_weight
from app.domain.workshop import Stage
from app.persistence import repository as repo
from app.persistence.tables import ElicitationRow, ParticipantRow, WeightRow, WorkshopRow
from app.services.workshops import owned_row

SETTINGS_KEY = "method"
MAX_PARTICIPANT_WEIGHT = 100.0


def settings_of(row: WorkshopRow) -> MethodSettings:
    """The stored method, or the default for workshops that never chose one."""
    stored = (row.settings or {}).get(SETTINGS_KEY)
    try:
        return MethodSettings.from_dict(stored)
    except InvalidInput:
        # Settings written by an older version stay readable as the default method.
        return MethodSettings()


def get_method(session: Session, owner_id: int, workshop_id: int) -> MethodSettings:
    with session.begin():
        return settings_of(owned_row(session, owner_id, workshop_id))


def weights_given(session: Session, workshop_id: int) -> bool:
    ids = select(ParticipantRow.id).where(ParticipantRow.workshop_id == workshop_id)
    found = session.exec(select(WeightRow).where(col(WeightRow.participant_id).in_(ids))).first()
    return found is not None


def set_method(
    session: Session,
    owner_id: int,
    workshop_id: int,
    changes: dict[str, Any],
    participant_weights: dict[int, Any] | None = None,
) -> MethodSettings:
    """Change the method (and, optionally, how much each participant counts) in one go.

    How weights are asked for is fixed once anyone has given weights.
    """
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        for participant_id, weight in (participant_weights or {}).items():
            _set_weight(session, workshop_id, participant_id, weight)
        if Stage(row.stage) == Stage.DECIDED:
            raise Conflict("The workshop is decided and can no longer change.")
        current = settings_of(row)
        updated = MethodSettings.from_dict({**current.to_dict(), **changes})
        asked_differently = (
            updated.elicitation != current.elicitation or updated.rank_method != current.rank_method
        )
        if asked_differently and weights_given(session, workshop_id):
            raise Conflict(
                "People have already given weights this way; the way weights are asked for "
                "can no longer change.",
                field="elicitation",
            )
        # A new dict, so the JSON column is seen as changed.
        row.settings = {**(row.settings or {}), SETTINGS_KEY: updated.to_dict()}
        session.add(row)
        repo.bump_revision(session, workshop_id)
        if updated != current:
            repo.add_event(session, workshop_id, "method", updated.label)
        return updated


def set_participant_weight(
    session: Session, owner_id: int, workshop_id: int, participant_id: int, weight: Any
) -> float:
    """How much one participant counts when participant weights are on (1 = a single voice)."""
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        if Stage(row.stage) == Stage.DECIDED:
            raise Conflict("The workshop is decided and can no longer change.")
        value = _set_weight(session, workshop_id, participant_id, weight)
        repo.bump_revision(session, workshop_id)
        return value


def _set_weight(session: Session, workshop_id: int, participant_id: int, weight: Any) -> float:
    field = f"participant_weights.{participant_id}"
    value = check_weight(weight, field, maximum=MAX_PARTICIPANT_WEIGHT, noun="A participant weight")
    person = session.get(ParticipantRow, participant_id)
    if person is None or person.workshop_id != workshop_id:
        raise NotFound(f"No participant {participant_id} in this workshop.")
    person.weight = value
    session.add(person)
    return value


def elicitations_of(session: Session, participant_ids: list[int]) -> dict[int, ElicitationRow]:
    if not participant_ids:
        return {}
    rows = session.exec(
        select(ElicitationRow).where(col(ElicitationRow.participant_id).in_(participant_ids))
    )
    return {r.participant_id: r for r in rows}
