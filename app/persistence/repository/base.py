"""What every repository module shares: the tables as Core sees them and the session helpers."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam
from sqlalchemy.engine import Connection
from sqlmodel import Session

from app.domain import limits
from app.persistence.engine import READ_ONLY
from app.persistence.tables import (
    ParticipantRow,
    RatingRow,
    WeightRow,
    WorkshopEventRow,
    WorkshopItemRow,
    WorkshopRow,
)

# The tables as SQLAlchemy Core sees them. The statements a participant's save runs (token
# lookup, lock, ratings, revision, timeline, read-back) go through the session's connection
# with these rather than through ORM objects: building and flushing table objects cost several
# times the SQL itself, and a full room sends hundreds of saves a second (bench/load.py). Those
# statements are built once, at import, with bound parameters: SQLAlchemy then finds each one's
# compiled form in its cache instead of building and hashing a new statement per call.
WORKSHOP = WorkshopRow.__table__  # type: ignore[attr-defined]
ITEM = WorkshopItemRow.__table__  # type: ignore[attr-defined]
PARTICIPANT = ParticipantRow.__table__  # type: ignore[attr-defined]
WEIGHT = WeightRow.__table__  # type: ignore[attr-defined]
RATING = RatingRow.__table__  # type: ignore[attr-defined]
EVENT = WorkshopEventRow.__table__  # type: ignore[attr-defined]


def storable_id(value: int) -> bool:
    """Whether a row could have this id: ids from a body (not the path guard's) may be any
    integer, and SQLite refuses to bind one past 2^63."""
    return 0 < value <= limits.MAX_ID


def core(session: Session) -> Connection:
    """The session's connection for Core statements, after writing the table objects still
    pending in the session (a workshop just created): Core statements skip the autoflush."""
    if session.new or session.dirty or session.deleted:
        session.flush()
    return session.connection()


def read_only(session: Session) -> None:
    """Call first in a transaction that only reads: on SQLite it then begins without taking
    the write lock, so it neither waits for writers nor holds them up."""
    session.connection(execution_options={READ_ONLY: True})


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def among(ids: Iterable[int]) -> tuple[str, dict[str, Any]]:
    """Which of a pair of prebuilt statements to run for these ids, and its parameters: `= :one`
    for one id (a participant reading back their own input after each save, where expanding
    an IN list cost more than running the query), `IN :ids` for several."""
    ids = list(ids)
    return ("one", {"one": ids[0]}) if len(ids) == 1 else ("several", {"ids": ids})


def for_one_or_several(build: Any, column: Any) -> dict[str, Any]:
    """`build(condition)` for both conditions `among` chooses between, built once: a statement
    built per call cost three times its execution on a participant's save (bench/load.py)."""
    return {
        "one": build(column == bindparam("one")),
        "several": build(column.in_(bindparam("ids", expanding=True))),
    }


def save(session: Session, row: Any, values: dict[str, Any]) -> None:
    """Set the given columns of a row the session holds; written at the next flush."""
    for name, value in values.items():
        if name not in type(row).model_fields:
            raise AttributeError(f"{type(row).__name__} has no column {name!r}")
        setattr(row, name, value)
    session.add(row)
