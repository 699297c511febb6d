"""Sealed records and the provenance of imported ones."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app.persistence.tables import RecordImportRow, RecordSnapshotRow


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
