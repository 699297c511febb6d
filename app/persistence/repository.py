"""Queries and row writes; callers own the transaction, so nothing here commits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import delete, func, update
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
)


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
    session.exec(
        update(WorkshopRow)
        .where(col(WorkshopRow.id) == workshop_id)
        .values(revision=WorkshopRow.revision + 1, updated_at=datetime.now(UTC))
    )


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
    query = select(WorkshopItemRow.kind, WorkshopItemRow.key).where(
        WorkshopItemRow.workshop_id == workshop_id
    )
    for kind, key in session.exec(query):
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
    session.add(WorkshopEventRow(workshop_id=workshop_id, kind=kind, detail=detail[:300]))


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


def participant_by_token(session: Session, token_hash: str) -> ParticipantRow | None:
    return session.exec(
        select(ParticipantRow).where(ParticipantRow.token_hash == token_hash)
    ).first()


def weights_of(session: Session, participant_ids: Iterable[int]) -> list[WeightRow]:
    return list(
        session.exec(
            select(WeightRow).where(col(WeightRow.participant_id).in_(list(participant_ids)))
        )
    )


def ratings_of(session: Session, participant_ids: Iterable[int]) -> list[RatingRow]:
    return list(
        session.exec(
            select(RatingRow).where(col(RatingRow.participant_id).in_(list(participant_ids)))
        )
    )


def weight_values(session: Session, participant_ids: Iterable[int]) -> list[tuple[int, str, float]]:
    """(participant, criterion, points) as plain tuples: results read thousands of these, and
    building a table object per row cost more than the query (bench/load.py)."""
    query = select(WeightRow.participant_id, WeightRow.criterion_key, WeightRow.points).where(
        col(WeightRow.participant_id).in_(list(participant_ids))
    )
    return [tuple(r) for r in session.exec(query)]  # type: ignore[misc]


def rating_values(
    session: Session, participant_ids: Iterable[int]
) -> list[tuple[int, str, str, int, str]]:
    """(participant, option, criterion, rating, comment) as plain tuples."""
    query = select(  # type: ignore[call-overload]  # sqlmodel types up to four columns
        RatingRow.participant_id,
        RatingRow.option_key,
        RatingRow.criterion_key,
        RatingRow.rating,
        RatingRow.comment,
    ).where(col(RatingRow.participant_id).in_(list(participant_ids)))
    return [tuple(r) for r in session.exec(query)]  # type: ignore[misc]


def replace_weights(session: Session, participant_id: int, points: dict[str, float]) -> None:
    session.exec(delete(WeightRow).where(col(WeightRow.participant_id) == participant_id))
    session.add_all(
        WeightRow(participant_id=participant_id, criterion_key=k, points=v)
        for k, v in points.items()
    )


def upsert_rating(
    session: Session,
    participant_id: int,
    option: str,
    criterion: str,
    rating: int,
    comment: str | None,
) -> None:
    row = session.get(RatingRow, (participant_id, option, criterion))
    if row is None:
        session.add(
            RatingRow(
                participant_id=participant_id,
                option_key=option,
                criterion_key=criterion,
                rating=rating,
                comment=comment or "",
            )
        )
        return
    row.rating = rating
    if comment is not None:
        row.comment = comment
    session.add(row)


def upsert_ratings(
    session: Session, participant_id: int, cells: dict[tuple[str, str], tuple[int, str | None]]
) -> None:
    """Set several cells of one participant's ratings after one read (not one per cell)."""
    existing = {(r.option_key, r.criterion_key): r for r in ratings_of(session, [participant_id])}
    for (option, criterion), (rating, comment) in cells.items():
        row = existing.get((option, criterion))
        if row is None:
            session.add(
                RatingRow(
                    participant_id=participant_id,
                    option_key=option,
                    criterion_key=criterion,
                    rating=rating,
                    comment=comment or "",
                )
            )
            continue
        row.rating = rating
        if comment is not None:
            row.comment = comment
        session.add(row)


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
