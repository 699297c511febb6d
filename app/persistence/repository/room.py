"""The room: closed rounds of rating, and removing or merging participants with their input."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from app.persistence.tables import (
    ElicitationRow,
    ParticipantRow,
    RatingRoundRow,
    RatingRow,
    WeightRow,
)


def rounds(session: Session, workshop_id: int) -> list[RatingRoundRow]:
    """The closed rounds of a workshop, first round first."""
    return list(
        session.exec(
            select(RatingRoundRow)
            .where(RatingRoundRow.workshop_id == workshop_id)
            .order_by(col(RatingRoundRow.number))
        )
    )


def add_round(
    session: Session,
    workshop_id: int,
    number: int,
    weights: dict[str, Any],
    ratings: dict[str, Any],
) -> None:
    session.add(
        RatingRoundRow(workshop_id=workshop_id, number=number, weights=weights, ratings=ratings)
    )
    session.flush()


def set_round_input(
    session: Session, row: RatingRoundRow, weights: dict[str, Any], ratings: dict[str, Any]
) -> None:
    """A closed round without a removed participant, or with two entries merged: the only
    changes a closed round ever takes."""
    row.weights, row.ratings = weights, ratings
    session.add(row)


def delete_participant(session: Session, row: ParticipantRow) -> None:
    """A participant and every input they gave (weights, ratings, raw answers)."""
    pid = row.id
    for table in (WeightRow, RatingRow, ElicitationRow):
        session.exec(delete(table).where(col(table.participant_id) == pid))  # type: ignore[attr-defined]
    session.delete(row)
    session.flush()


def move_input(session: Session, source: int, target: int) -> None:
    """Give `target` the input of `source` that `target` lacks: weights and raw answers when
    it has none, ratings cell by cell. What `target` gave itself stays."""
    if session.exec(select(WeightRow).where(WeightRow.participant_id == target)).first() is None:
        session.exec(
            update(WeightRow)
            .where(col(WeightRow.participant_id) == source)
            .values(participant_id=target)
        )
        if session.get(ElicitationRow, target) is None:
            session.exec(
                update(ElicitationRow)
                .where(col(ElicitationRow.participant_id) == source)
                .values(participant_id=target)
            )
    have = {
        (r.option_key, r.criterion_key)
        for r in session.exec(select(RatingRow).where(RatingRow.participant_id == target))
    }
    for r in list(session.exec(select(RatingRow).where(RatingRow.participant_id == source))):
        if (r.option_key, r.criterion_key) not in have:
            session.add(
                RatingRow(
                    participant_id=target,
                    option_key=r.option_key,
                    criterion_key=r.criterion_key,
                    rating=r.rating,
                    comment=r.comment,
                )
            )
    session.flush()
