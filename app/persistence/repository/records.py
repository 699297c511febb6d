"""Sealed records and the provenance of imported ones."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, select

from app.persistence.repository.base import save, storable_id
from app.persistence.tables import (
    DecisionRow,
    FollowUpRow,
    RecordImportRow,
    RecordSnapshotRow,
    WorkshopRow,
)


def snapshot(session: Session, workshop_id: int) -> RecordSnapshotRow | None:
    return session.get(RecordSnapshotRow, workshop_id)


def add_snapshot(session: Session, workshop_id: int, **fields: Any) -> RecordSnapshotRow:
    row = RecordSnapshotRow(workshop_id=workshop_id, **fields)
    session.add(row)
    session.flush()
    return row


def provenance(session: Session, workshop_id: int) -> RecordImportRow | None:
    return session.get(RecordImportRow, workshop_id)


def add_provenance(session: Session, workshop_id: int, **fields: Any) -> RecordImportRow:
    row = RecordImportRow(workshop_id=workshop_id, **fields)
    session.add(row)
    session.flush()
    return row


def follow_ups(session: Session, workshop_id: int) -> list[FollowUpRow]:
    query = (
        select(FollowUpRow)
        .where(FollowUpRow.workshop_id == workshop_id)
        .order_by(FollowUpRow.kind, FollowUpRow.position)  # type: ignore[arg-type]
    )
    return list(session.exec(query))


def follow_up(session: Session, item_id: int) -> FollowUpRow | None:
    return session.get(FollowUpRow, item_id) if storable_id(item_id) else None


def add_follow_ups(session: Session, workshop_id: int, items: list[dict[str, Any]]) -> None:
    for position, item in enumerate(items):
        session.add(FollowUpRow(workshop_id=workshop_id, position=position, **item))
    session.flush()


def set_follow_up_done(session: Session, row: FollowUpRow, done_at: datetime | None) -> None:
    row.done_at = done_at
    session.add(row)
    session.flush()


def superseded_by(session: Session, workshop_id: int) -> list[int]:
    query = select(WorkshopRow.id).where(WorkshopRow.supersedes_id == workshop_id)
    return [i for i in session.exec(query) if i is not None]


def update_decision(session: Session, row: DecisionRow, **values: Any) -> None:
    """Set columns of a decision row that follow-up may change (its review date)."""
    save(session, row, values)
