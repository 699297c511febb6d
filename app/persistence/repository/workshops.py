"""Workshops, their criteria and options, their timeline and their decision."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from app.persistence.repository.base import EVENT, ITEM, WORKSHOP, core, save
from app.persistence.tables import (
    DecisionRow,
    WorkshopEventRow,
    WorkshopItemRow,
    WorkshopRow,
    utcnow,
)


def workshop(session: Session, workshop_id: int) -> WorkshopRow | None:
    return session.get(WorkshopRow, workshop_id)


# The statements of a participant's save, built once (see repository.base).
_STAGE_FOR_UPDATE = (
    core_select(WORKSHOP.c.stage).where(WORKSHOP.c.id == bindparam("workshop_id")).with_for_update()
)
_ITEM_KEYS = core_select(ITEM.c.kind, ITEM.c.key).where(
    ITEM.c.workshop_id == bindparam("workshop_id")
)
_BUMP_REVISION = (
    update(WORKSHOP)
    .where(WORKSHOP.c.id == bindparam("workshop_id"))
    .values(revision=WORKSHOP.c.revision + 1, updated_at=bindparam("now"))
)
_ADD_EVENT = insert(EVENT)


def workshop_stage_for_update(session: Session, workshop_id: int) -> str | None:
    """Only the stage of a workshop, its row locked on PostgreSQL so concurrent writes queue."""
    found = core(session).execute(_STAGE_FOR_UPDATE, {"workshop_id": workshop_id})
    return found.scalar()  # type: ignore[no-any-return]


def workshop_for_update(session: Session, workshop_id: int) -> WorkshopRow | None:
    """The workshop row, locked on PostgreSQL so concurrent writes to it queue."""
    return session.exec(
        select(WorkshopRow).where(WorkshopRow.id == workshop_id).with_for_update()
    ).first()


def workshop_by_code(session: Session, join_code: str) -> WorkshopRow | None:
    return session.exec(select(WorkshopRow).where(WorkshopRow.join_code == join_code)).first()


def workshop_ids(session: Session) -> list[int]:
    """Every workshop's id, oldest first, whoever owns it."""
    query = core_select(WORKSHOP.c.id).order_by(WORKSHOP.c.id)
    return [int(i) for i in core(session).execute(query).scalars()]


def workshops_of(session: Session, owner_id: int) -> list[WorkshopRow]:
    return list(
        session.exec(
            select(WorkshopRow)
            .where(WorkshopRow.owner_id == owner_id)
            .order_by(col(WorkshopRow.created_at).desc(), col(WorkshopRow.id).desc())
        )
    )


def add_workshop(
    session: Session, fields: dict[str, Any], items: Iterable[dict[str, Any]]
) -> WorkshopRow:
    """A new workshop row and its item rows (the fields of each), flushed so it has an id."""
    row = WorkshopRow(**fields)
    session.add(row)
    session.flush()
    assert row.id is not None
    session.add_all(WorkshopItemRow(workshop_id=row.id, **item) for item in items)
    session.flush()
    return row


def update_workshop(session: Session, row: WorkshopRow, **values: Any) -> None:
    """Set columns of a held workshop row (a JSON column as a new dict, so it is seen as
    changed). The revision is not among them: `bump_revision` moves it."""
    save(session, row, values)


def bump_revision(session: Session, workshop_id: int) -> None:
    core(session).execute(_BUMP_REVISION, {"workshop_id": workshop_id, "now": datetime.now(UTC)})
    # A workshop object this session already holds reads the new values on next access.
    held = session.identity_map.get(session.identity_key(WorkshopRow, workshop_id))
    if held is not None:
        session.expire(held, ["revision", "updated_at"])


def items(session: Session, workshop_id: int, kind: str) -> list[WorkshopItemRow]:
    return list(
        session.exec(
            select(WorkshopItemRow)
            .where(WorkshopItemRow.workshop_id == workshop_id, WorkshopItemRow.kind == kind)
            .order_by(col(WorkshopItemRow.position))
        )
    )


def item_keys(session: Session, workshop_id: int) -> dict[str, set[str]]:
    """The keys of a workshop's criteria and options, by kind, in one query."""
    keys: dict[str, set[str]] = {"criterion": set(), "option": set()}
    for kind, key in core(session).execute(_ITEM_KEYS, {"workshop_id": workshop_id}):
        keys.setdefault(kind, set()).add(key)
    return keys


def item(session: Session, workshop_id: int, kind: str, key: str) -> WorkshopItemRow | None:
    return session.exec(
        select(WorkshopItemRow).where(
            WorkshopItemRow.workshop_id == workshop_id,
            WorkshopItemRow.kind == kind,
            WorkshopItemRow.key == key,
        )
    ).first()


def add_item(session: Session, workshop_id: int, **fields: Any) -> WorkshopItemRow:
    row = WorkshopItemRow(workshop_id=workshop_id, **fields)
    session.add(row)
    session.flush()
    return row


def delete_item(session: Session, row: WorkshopItemRow) -> None:
    session.delete(row)


def add_event(session: Session, workshop_id: int, kind: str, detail: str = "") -> None:
    core(session).execute(
        _ADD_EVENT,
        {"workshop_id": workshop_id, "kind": kind, "detail": detail[:300], "at": utcnow()},
    )


def add_events(session: Session, events: list[tuple[int, str, str]]) -> None:
    """Several timeline events, (workshop, kind, detail) each, at this moment, in one statement."""
    if events:
        at = utcnow()
        rows = [{"workshop_id": w, "kind": k, "detail": d[:300], "at": at} for w, k, d in events]
        core(session).execute(_ADD_EVENT, rows)


def copy_events(
    session: Session, workshop_id: int, timeline: Iterable[tuple[str, str, datetime]]
) -> None:
    """A timeline as recorded elsewhere, (kind, detail, at) each: an imported workshop's."""
    rows = [
        {"workshop_id": workshop_id, "kind": kind, "detail": detail, "at": at}
        for kind, detail, at in timeline
    ]
    if rows:
        core(session).execute(insert(EVENT), rows)


def events(session: Session, workshop_id: int) -> list[WorkshopEventRow]:
    return list(
        session.exec(
            select(WorkshopEventRow)
            .where(WorkshopEventRow.workshop_id == workshop_id)
            .order_by(col(WorkshopEventRow.at), col(WorkshopEventRow.id))
        )
    )


def decision(session: Session, workshop_id: int) -> DecisionRow | None:
    return session.get(DecisionRow, workshop_id)


def add_decision(session: Session, workshop_id: int, **fields: Any) -> DecisionRow:
    row = DecisionRow(workshop_id=workshop_id, **fields)
    session.add(row)
    session.flush()
    return row
