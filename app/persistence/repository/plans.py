"""State health department plans: a planner's drafts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, select

from app.persistence.repository.base import save
from app.persistence.tables import PlanRow


def plan(session: Session, plan_id: int, lock: bool = False) -> PlanRow | None:
    """The plan; with `lock`, its row locked on PostgreSQL so concurrent edits queue."""
    query = select(PlanRow).where(PlanRow.id == plan_id)
    return session.exec(query.with_for_update() if lock else query).first()


def plans_of(session: Session, owner_id: int) -> list[PlanRow]:
    query = select(PlanRow).where(PlanRow.owner_id == owner_id).order_by(col(PlanRow.id).desc())
    return list(session.exec(query).all())


def plan_for_workshop(session: Session, workshop_id: int) -> PlanRow | None:
    return session.exec(select(PlanRow).where(PlanRow.workshop_id == workshop_id)).first()


def add_plan(session: Session, owner_id: int, title: str, plan: dict[str, Any]) -> PlanRow:
    row = PlanRow(owner_id=owner_id, title=title, answers={}, plan=plan)
    session.add(row)
    session.flush()
    return row


def save_plan(session: Session, row: PlanRow, **values: Any) -> PlanRow:
    """Set the given columns (JSON columns as new dicts, so they are seen as changed) and the
    time of the change; flushed, so the row reads back as stored."""
    save(session, row, {**values, "updated_at": datetime.now(UTC)})
    session.flush()
    return row
