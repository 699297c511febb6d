"""Attempt counters: one row per key, bumped by a single INSERT ... ON CONFLICT statement."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, delete
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.persistence.repository.base import as_utc
from app.persistence.tables import AttemptCounterRow


def bump_attempts(
    session: Session, key: str, now: datetime, since: datetime
) -> tuple[int, datetime]:
    """Count one more failure for `key` (a window older than `since` starts again at 1) and
    return the count and the window's start, read back by the same statement (atomic)."""
    table = AttemptCounterRow.__table__  # type: ignore[attr-defined]
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    stale = table.c.window_start < since
    statement = dialect.insert(table).values(key=key, failures=1, window_start=now)
    statement = statement.on_conflict_do_update(
        index_elements=[table.c.key],
        set_={
            "failures": case((stale, 1), else_=table.c.failures + 1),
            "window_start": case((stale, now), else_=table.c.window_start),
        },
    ).returning(table.c.failures, table.c.window_start)
    failures, start = session.execute(statement).one()
    return int(failures), as_utc(start)


def attempts(session: Session, key: str, since: datetime) -> tuple[int, datetime | None]:
    """Failures counted for `key` in the window still running, and when that window began."""
    row = session.exec(select(AttemptCounterRow).where(AttemptCounterRow.key == key)).first()
    if row is None or as_utc(row.window_start) < since:
        return 0, None
    return row.failures, as_utc(row.window_start)


def clear_attempts(session: Session, key: str) -> None:
    session.exec(delete(AttemptCounterRow).where(col(AttemptCounterRow.key) == key))


def forget_attempts_before(session: Session, before: datetime) -> None:
    session.exec(delete(AttemptCounterRow).where(col(AttemptCounterRow.window_start) < before))
