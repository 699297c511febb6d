"""Facilitator use cases for the method: how weights are asked for and how the group is combined."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app.domain.anonymity import check_participant_weights_allowed
from app.domain.elicitation import MethodSettings
from app.domain.errors import Conflict, NotFound
from app.domain.numbers import check_weight
from app.domain.workshop import Stage
from app.persistence import repository as repo
from app.services.results import ResultsView, read_results
from app.services.workshops import owned_row

MAX_PARTICIPANT_WEIGHT = 100.0


def get_method(session: Session, owner_id: int, workshop_id: int) -> MethodSettings:
    with session.begin():
        return MethodSettings.stored_in(owned_row(session, owner_id, workshop_id).settings)


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
        return _write_method(session, owner_id, workshop_id, changes, participant_weights)


def set_method_and_show(
    session: Session,
    owner_id: int,
    workshop_id: int,
    changes: dict[str, Any],
    participant_weights: dict[int, Any] | None = None,
) -> ResultsView:
    """`set_method`, then the results under the new method, in the same transaction."""
    with session.begin():
        _write_method(session, owner_id, workshop_id, changes, participant_weights)
        return read_results(session, owner_id, workshop_id)


def _write_method(
    session: Session,
    owner_id: int,
    workshop_id: int,
    changes: dict[str, Any],
    participant_weights: dict[int, Any] | None,
) -> MethodSettings:
    row = owned_row(session, owner_id, workshop_id, lock=True)
    check_participant_weights_allowed(
        row.anonymous, bool(changes.get("participant_weights")) or bool(participant_weights)
    )
    for participant_id, weight in (participant_weights or {}).items():
        _set_weight(session, workshop_id, participant_id, weight)
    if Stage(row.stage) == Stage.DECIDED:
        raise Conflict("The workshop is decided and can no longer change.")
    current = MethodSettings.stored_in(row.settings)
    updated = MethodSettings.from_dict({**current.to_dict(), **changes})
    asked_differently = (
        updated.elicitation != current.elicitation or updated.rank_method != current.rank_method
    )
    if asked_differently and repo.weights_given(session, workshop_id):
        raise Conflict(
            "People have already given weights this way; the way weights are asked for "
            "can no longer change.",
            field="elicitation",
        )
    repo.update_workshop(session, row, settings=updated.stored(row.settings))
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
        check_participant_weights_allowed(row.anonymous, True)
        value = _set_weight(session, workshop_id, participant_id, weight)
        repo.bump_revision(session, workshop_id)
        return value


def _set_weight(session: Session, workshop_id: int, participant_id: int, weight: Any) -> float:
    field = f"participant_weights.{participant_id}"
    value = check_weight(weight, field, maximum=MAX_PARTICIPANT_WEIGHT, noun="A participant weight")
    person = repo.participant(session, participant_id)
    if person is None or person.workshop_id != workshop_id:
        raise NotFound(f"No participant {participant_id} in this workshop.")
    repo.set_participant_weight(session, person, value)
    return value
