"""Participants and their input (weights, ratings, raw elicitation answers), and the failed
joins counted per address."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Insert, bindparam, delete, func
from sqlalchemy import select as core_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from app.persistence.repository.base import (
    PARTICIPANT,
    RATING,
    WEIGHT,
    WORKSHOP,
    among,
    core,
    for_one_or_several,
    storable_id,
)
from app.persistence.tables import (
    ElicitationRow,
    ParticipantRow,
    RatingRow,
    WeightRow,
)


def participants(session: Session, workshop_id: int) -> list[ParticipantRow]:
    return list(
        session.exec(
            select(ParticipantRow)
            .where(ParticipantRow.workshop_id == workshop_id)
            .order_by(col(ParticipantRow.id))
        )
    )


_COUNT = (
    core_select(func.count())
    .select_from(PARTICIPANT)
    .where(PARTICIPANT.c.workshop_id == bindparam("workshop_id"))
)


def participant_count(session: Session, workshop_id: int) -> int:
    """How many have joined the workshop, counted by the database: a join checks it, and
    loading every participant's row to count them made each join slower as the room filled."""
    return int(core(session).execute(_COUNT, {"workshop_id": workshop_id}).scalar_one())


def participant(session: Session, participant_id: int) -> ParticipantRow | None:
    return session.get(ParticipantRow, participant_id) if storable_id(participant_id) else None


# Who a participant is, as a ParticipantIdentity takes it: (id, workshop, name, sector, language).
_IDENTITY = (
    PARTICIPANT.c.id,
    PARTICIPANT.c.workshop_id,
    PARTICIPANT.c.name,
    PARTICIPANT.c.sector,
    PARTICIPANT.c.language,
)
_BY_TOKEN = core_select(*_IDENTITY).where(PARTICIPANT.c.token_hash == bindparam("token_hash"))


_WORKSHOP_OF_TOKEN = (
    core_select(
        PARTICIPANT.c.token_hash,
        WORKSHOP.c.id,
        WORKSHOP.c.created_at,
        WORKSHOP.c.revision,
        WORKSHOP.c.updated_at,
        WORKSHOP.c.settings,
        WORKSHOP.c.results_visible,
    )
    .join_from(PARTICIPANT, WORKSHOP, PARTICIPANT.c.workshop_id == WORKSHOP.c.id)
    .where(PARTICIPANT.c.token_hash.in_(bindparam("hashes", expanding=True)))
)


def workshops_of_tokens(session: Session, token_hashes: list[str]) -> dict[str, Any]:
    """By token hash, the workshop each token's holder joined, as far as a cached view needs it
    (id, created_at, revision, updated_at, settings, results_visible), in one statement: a room
    of phones asking for the revealed results needs nothing more when the analysis is cached."""
    if not token_hashes:
        return {}
    found = core(session).execute(_WORKSHOP_OF_TOKEN, {"hashes": token_hashes})
    return {row.token_hash: row for row in found}


_BY_TOKENS = core_select(PARTICIPANT.c.token_hash, *_IDENTITY).where(
    PARTICIPANT.c.token_hash.in_(bindparam("hashes", expanding=True))
)


def participants_by_tokens(
    session: Session, token_hashes: list[str]
) -> dict[str, tuple[int, int, str, str, str]]:
    """`participant_by_token` for several tokens in one statement, by token hash."""
    if not token_hashes:
        return {}
    found = core(session).execute(_BY_TOKENS, {"hashes": token_hashes})
    return {r[0]: (r[1], r[2], r[3], r[4], r[5]) for r in found}


def participant_by_token(
    session: Session, token_hash: str
) -> tuple[int, int, str, str, str] | None:
    """(id, workshop, name, sector, language) of the participant holding this token, if any."""
    found = core(session).execute(_BY_TOKEN, {"token_hash": token_hash}).first()
    return None if found is None else (found[0], found[1], found[2], found[3], found[4])


def set_participant_language(session: Session, participant_id: int, language: str) -> None:
    core(session).execute(
        PARTICIPANT.update().where(PARTICIPANT.c.id == participant_id).values(language=language)
    )


def participant_by_resume(
    session: Session, workshop_id: int, resume_hash: str
) -> ParticipantRow | None:
    query = select(ParticipantRow).where(
        ParticipantRow.workshop_id == workshop_id, ParticipantRow.resume_hash == resume_hash
    )
    return session.exec(query).first()


def participant_named(session: Session, workshop_id: int, name: str) -> ParticipantRow | None:
    """Someone in the workshop with this name, in any case."""
    query = select(ParticipantRow).where(
        ParticipantRow.workshop_id == workshop_id,
        func.lower(ParticipantRow.name) == name.lower(),
    )
    return session.exec(query).first()


def set_participant_secrets(
    session: Session, participant_id: int, token_hash: str | None, resume_hash: str | None
) -> None:
    """A new token (another device takes over) and/or a new resume code."""
    row = session.get(ParticipantRow, participant_id)
    assert row is not None
    if token_hash is not None:
        row.token_hash = token_hash
    if resume_hash is not None:
        row.resume_hash = resume_hash
    session.add(row)


def add_participant(session: Session, workshop_id: int, **fields: Any) -> int:
    """A new participant (name, sector, token_hash; weight and joined_at when imported)."""
    row = ParticipantRow(workshop_id=workshop_id, **fields)
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def set_participant_weight(session: Session, row: ParticipantRow, weight: float) -> None:
    row.weight = weight
    session.add(row)


def _ids_of(workshop_id: int) -> Any:
    return select(ParticipantRow.id).where(ParticipantRow.workshop_id == workshop_id)


def weights_given(session: Session, workshop_id: int) -> bool:
    """Whether anyone in the workshop has given weights."""
    query = select(WeightRow).where(col(WeightRow.participant_id).in_(_ids_of(workshop_id)))
    return session.exec(query).first() is not None


def has_input(session: Session, workshop_id: int) -> bool:
    """Whether anyone in the workshop has given weights or ratings."""
    if weights_given(session, workshop_id):
        return True
    query = select(RatingRow).where(col(RatingRow.participant_id).in_(_ids_of(workshop_id)))
    return session.exec(query).first() is not None


_WEIGHTS = for_one_or_several(
    core_select(WEIGHT.c.participant_id, WEIGHT.c.criterion_key, WEIGHT.c.points).where,
    WEIGHT.c.participant_id,
)
_RATINGS = for_one_or_several(
    core_select(
        RATING.c.participant_id,
        RATING.c.option_key,
        RATING.c.criterion_key,
        RATING.c.rating,
        RATING.c.comment,
    ).where,
    RATING.c.participant_id,
)


def weight_values(session: Session, participant_ids: Iterable[int]) -> list[tuple[int, str, float]]:
    """(participant, criterion, points) as plain tuples: results read thousands of these, and
    building a table object per row cost more than the query (bench/load.py)."""
    which, params = among(participant_ids)
    return [tuple(r) for r in core(session).execute(_WEIGHTS[which], params)]  # type: ignore[misc]


def rating_values(
    session: Session, participant_ids: Iterable[int]
) -> list[tuple[int, str, str, int, str]]:
    """(participant, option, criterion, rating, comment) as plain tuples."""
    which, params = among(participant_ids)
    return [tuple(r) for r in core(session).execute(_RATINGS[which], params)]  # type: ignore[misc]


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
    upsert_ratings_of_many(session, [(participant_id, cells)])


def upsert_ratings_of_many(
    session: Session, saves: list[tuple[int, dict[tuple[str, str], tuple[int, str | None]]]]
) -> None:
    """`upsert_ratings` for several participants' saves, in their order, in two statements at
    most: the cells without a comment, then those with one."""
    connection = core(session)
    for with_comment in (False, True):
        rows = [
            _rating(participant_id, cell, rating, comment or "")
            for participant_id, cells in saves
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


def elicitation(session: Session, participant_id: int) -> ElicitationRow | None:
    return session.get(ElicitationRow, participant_id)


def elicitations(session: Session, participant_ids: list[int]) -> dict[int, ElicitationRow]:
    if not participant_ids:
        return {}
    rows = session.exec(
        select(ElicitationRow).where(col(ElicitationRow.participant_id).in_(participant_ids))
    )
    return {r.participant_id: r for r in rows}


def save_elicitation(
    session: Session, participant_id: int, method: str, payload: dict[str, Any]
) -> None:
    """One participant's raw answers, replacing those they gave before."""
    row = session.get(ElicitationRow, participant_id)
    if row is None:
        row = ElicitationRow(participant_id=participant_id, method=method, payload=payload)
    else:
        row.method, row.payload = method, payload
    session.add(row)
