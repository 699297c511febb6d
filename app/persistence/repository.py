"""Queries and row writes; callers own the transaction, so nothing here commits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Insert, delete, func, insert, update
from sqlalchemy import select as core_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlmodel import Session, col, select

from app.persistence.engine import READ_ONLY
from app.persistence.tables import (
    AuthSessionRow,
    DecisionRow,
    FacilitatorRow,
    JoinFailureRow,
    ParticipantRow,
    RatingRow,
    WeightRow,
    WorkshopEventRow,
    WorkshopItemRow,
    WorkshopRow,
    utcnow,
)

# The tables as SQLAlchemy Core sees them. The statements a participant's save runs (token
# lookup, lock, ratings, revision, timeline, read-back) go through the session's connection
# with these rather than through ORM objects: building and flushing table objects cost several
# times the SQL itself, and a full room sends hundreds of saves a second (bench/load.py).
WORKSHOP = WorkshopRow.__table__  # type: ignore[attr-defined]
ITEM = WorkshopItemRow.__table__  # type: ignore[attr-defined]
PARTICIPANT = ParticipantRow.__table__  # type: ignore[attr-defined]
WEIGHT = WeightRow.__table__  # type: ignore[attr-defined]
RATING = RatingRow.__table__  # type: ignore[attr-defined]
EVENT = WorkshopEventRow.__table__  # type: ignore[attr-defined]


def _core(session: Session) -> Connection:
    """The session's connection for Core statements, after writing the table objects still
    pending in the session (a workshop just created): Core statements skip the autoflush."""
    session.flush()
    return session.connection()


def read_only(session: Session) -> None:
    """Call first in a transaction that only reads: on SQLite it then begins without taking
    the write lock, so it neither waits for writers nor holds them up."""
    session.connection(execution_options={READ_ONLY: True})


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# Facilitators and their sign-ins


def facilitator_by_email(session: Session, email: str) -> FacilitatorRow | None:
    return session.exec(
        select(FacilitatorRow).where(func.lower(FacilitatorRow.email) == email.lower())
    ).first()


def count_facilitators(session: Session) -> int:
    return session.exec(select(func.count()).select_from(FacilitatorRow)).one()


def auth_session(session: Session, token_hash: str) -> AuthSessionRow | None:
    return session.get(AuthSessionRow, token_hash)


def delete_auth_session(session: Session, token_hash: str) -> None:
    session.exec(delete(AuthSessionRow).where(col(AuthSessionRow.token_hash) == token_hash))


# Workshops


def workshop(session: Session, workshop_id: int) -> WorkshopRow | None:
    return session.get(WorkshopRow, workshop_id)


def workshop_stage_for_update(session: Session, workshop_id: int) -> str | None:
    """Only the stage of a workshop, its row locked on PostgreSQL so concurrent writes queue."""
    query = core_select(WORKSHOP.c.stage).where(WORKSHOP.c.id == workshop_id).with_for_update()
    return _core(session).execute(query).scalar()  # type: ignore[no-any-return]


def workshop_for_update(session: Session, workshop_id: int) -> WorkshopRow | None:
    """The workshop row, locked on PostgreSQL so concurrent writes to it queue."""
    return session.exec(
        select(WorkshopRow).where(WorkshopRow.id == workshop_id).with_for_update()
    ).first()


def workshop_by_code(session: Session, join_code: str) -> WorkshopRow | None:
    return session.exec(select(WorkshopRow).where(WorkshopRow.join_code == join_code)).first()


def workshops_of(session: Session, owner_id: int) -> list[WorkshopRow]:
    return list(
        session.exec(
            select(WorkshopRow)
            .where(WorkshopRow.owner_id == owner_id)
            .order_by(col(WorkshopRow.created_at).desc(), col(WorkshopRow.id).desc())
        )
    )


def bump_revision(session: Session, workshop_id: int) -> None:
    _core(session).execute(
        update(WORKSHOP)
        .where(WORKSHOP.c.id == workshop_id)
        .values(revision=WORKSHOP.c.revision + 1, updated_at=datetime.now(UTC))
    )
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
    query = core_select(ITEM.c.kind, ITEM.c.key).where(ITEM.c.workshop_id == workshop_id)
    for kind, key in _core(session).execute(query):
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


def has_input(session: Session, workshop_id: int) -> bool:
    ids = select(ParticipantRow.id).where(ParticipantRow.workshop_id == workshop_id)
    weight = session.exec(select(WeightRow).where(col(WeightRow.participant_id).in_(ids))).first()
    if weight is not None:
        return True
    rating = session.exec(select(RatingRow).where(col(RatingRow.participant_id).in_(ids))).first()
    return rating is not None


def add_event(session: Session, workshop_id: int, kind: str, detail: str = "") -> None:
    _core(session).execute(
        insert(EVENT),
        {"workshop_id": workshop_id, "kind": kind, "detail": detail[:300], "at": utcnow()},
    )


def events(session: Session, workshop_id: int) -> list[WorkshopEventRow]:
    return list(
        session.exec(
            select(WorkshopEventRow)
            .where(WorkshopEventRow.workshop_id == workshop_id)
            .order_by(col(WorkshopEventRow.at), col(WorkshopEventRow.id))
        )
    )


# Participants and their input


def participants(session: Session, workshop_id: int) -> list[ParticipantRow]:
    return list(
        session.exec(
            select(ParticipantRow)
            .where(ParticipantRow.workshop_id == workshop_id)
            .order_by(col(ParticipantRow.id))
        )
    )


def participant_by_token(session: Session, token_hash: str) -> tuple[int, int, str, str] | None:
    """(id, workshop, name, sector) of the participant holding this token, if any."""
    query = core_select(
        PARTICIPANT.c.id, PARTICIPANT.c.workshop_id, PARTICIPANT.c.name, PARTICIPANT.c.sector
    ).where(PARTICIPANT.c.token_hash == token_hash)
    found = _core(session).execute(query).first()
    return None if found is None else (found[0], found[1], found[2], found[3])


def _among(column: Any, ids: Iterable[int]) -> Any:
    """`column IN (ids)`, or `column = id` for one: a participant reading back their own input
    after each save, where expanding the IN list cost more than running the query."""
    ids = list(ids)
    return column == ids[0] if len(ids) == 1 else column.in_(ids)


def weight_values(session: Session, participant_ids: Iterable[int]) -> list[tuple[int, str, float]]:
    """(participant, criterion, points) as plain tuples: results read thousands of these, and
    building a table object per row cost more than the query (bench/load.py)."""
    query = core_select(WEIGHT.c.participant_id, WEIGHT.c.criterion_key, WEIGHT.c.points).where(
        _among(WEIGHT.c.participant_id, participant_ids)
    )
    return [tuple(r) for r in _core(session).execute(query)]  # type: ignore[misc]


def rating_values(
    session: Session, participant_ids: Iterable[int]
) -> list[tuple[int, str, str, int, str]]:
    """(participant, option, criterion, rating, comment) as plain tuples."""
    query = core_select(
        RATING.c.participant_id,
        RATING.c.option_key,
        RATING.c.criterion_key,
        RATING.c.rating,
        RATING.c.comment,
    ).where(_among(RATING.c.participant_id, participant_ids))
    return [tuple(r) for r in _core(session).execute(query)]  # type: ignore[misc]


def replace_weights(session: Session, participant_id: int, points: dict[str, float]) -> None:
    session.exec(delete(WeightRow).where(col(WeightRow.participant_id) == participant_id))
    session.add_all(
        WeightRow(participant_id=participant_id, criterion_key=k, points=v)
        for k, v in points.items()
    )


def upsert_ratings(
    session: Session, participant_id: int, cells: dict[tuple[str, str], tuple[int, str | None]]
) -> None:
    """Set several cells of one participant's ratings: one INSERT ... ON CONFLICT DO UPDATE
    per kind of cell. A cell whose comment is None keeps the comment it has."""
    connection = _core(session)
    for with_comment in (False, True):
        rows = [
            _rating(participant_id, cell, rating, comment or "")
            for cell, (rating, comment) in cells.items()
            if (comment is not None) == with_comment
        ]
        if rows:
            connection.execute(_rating_upsert(connection.dialect.name, with_comment), rows)


def _rating(
    participant_id: int, cell: tuple[str, str], rating: int, comment: str
) -> dict[str, Any]:
    return {
        "participant_id": participant_id,
        "option_key": cell[0],
        "criterion_key": cell[1],
        "rating": rating,
        "comment": comment,
    }


_UPSERTS: dict[tuple[str, bool], Insert] = {}


def _rating_upsert(dialect: str, with_comment: bool) -> Insert:
    """INSERT ... ON CONFLICT (the cell) DO UPDATE, built once per dialect and kind."""
    key = (dialect, with_comment)
    if key not in _UPSERTS:
        statement = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(RATING)
        changed = {"rating": statement.excluded.rating}
        if with_comment:
            changed["comment"] = statement.excluded.comment
        _UPSERTS[key] = statement.on_conflict_do_update(
            index_elements=[RATING.c.participant_id, RATING.c.option_key, RATING.c.criterion_key],
            set_=changed,
        )
    return _UPSERTS[key]


# Decision and rate limits


def decision(session: Session, workshop_id: int) -> DecisionRow | None:
    return session.get(DecisionRow, workshop_id)


def count_join_failures(session: Session, address: str, since: datetime) -> int:
    return session.exec(
        select(func.count())
        .select_from(JoinFailureRow)
        .where(JoinFailureRow.address == address, col(JoinFailureRow.at) >= since)
    ).one()


def forget_join_failures_before(session: Session, before: datetime) -> None:
    session.exec(delete(JoinFailureRow).where(col(JoinFailureRow.at) < before))
