"""The database tables (`...Row`); nothing outside persistence/ and services/ touches them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Date, DateTime, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def _when(**kwargs: Any) -> Any:
    return Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), **kwargs))


class FacilitatorRow(SQLModel, table=True):
    __tablename__ = "facilitator"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    name: str = Field(max_length=120)
    password_hash: str = Field(max_length=255)
    created_at: datetime = _when(nullable=False)


class AuthSessionRow(SQLModel, table=True):
    """A facilitator's sign-in: the token's hash, never the token itself."""

    __tablename__ = "auth_session"
    token_hash: str = Field(primary_key=True, max_length=64)
    facilitator_id: int = Field(foreign_key="facilitator.id", index=True, ondelete="CASCADE")
    created_at: datetime = _when(nullable=False)
    expires_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class WorkshopRow(SQLModel, table=True):
    __tablename__ = "workshop"
    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="facilitator.id", index=True)
    title: str = Field(max_length=200)
    goal: str = Field(default="", max_length=2000)
    convener: str = Field(default="", max_length=200)
    template: str = Field(max_length=64)
    stage: str = Field(default="setup", max_length=16)
    join_code: str = Field(max_length=16, unique=True, index=True)
    # A workshop marked anonymous shows no participant names in any view or document.
    anonymous: bool = False
    # How weights are elicited and aggregated (the method choices of the facilitator).
    settings: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    # Bumped by every write that changes what the results show: the ETag of live views.
    revision: int = Field(default=1)
    # The room: whether participants and the room's screen see the results, when the
    # facilitator's countdown ends (None: no countdown), and which round of rating is open.
    results_visible: bool = False
    timer_ends_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    round: int = Field(default=1)
    created_at: datetime = _when(nullable=False)
    updated_at: datetime = _when(nullable=False)
    # The decided workshop this one revisits ("revisit" on a decided workshop), if any.
    supersedes_id: int | None = Field(default=None, index=True)


class WorkshopItemRow(SQLModel, table=True):
    """A criterion or an option, copied from the catalogue (or added) for one workshop."""

    __tablename__ = "workshop_item"
    __table_args__ = (UniqueConstraint("workshop_id", "kind", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=10)  # "criterion" | "option"
    key: str = Field(max_length=80)
    position: int
    name: str = Field(max_length=200)
    description: str = Field(default="", max_length=2000)
    direction: str = Field(default="benefit", max_length=10)
    custom: bool = False
    # The catalogue text shown beside it (questions, anchors, pros, cons, reference hints).
    details: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class ParticipantRow(SQLModel, table=True):
    __tablename__ = "participant"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=80)
    sector: str = Field(max_length=20)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    # The hash of the code that opens this participant's input on another device.
    resume_hash: str | None = Field(default=None, max_length=64, index=True)
    # The language of the participant's pages and documents ("en", "es"): chosen at join.
    language: str = Field(default="en", max_length=8)
    # How much this participant's input counts in the group (1 = equal; set by the facilitator).
    weight: float = 1.0
    joined_at: datetime = _when(nullable=False)


class WeightRow(SQLModel, table=True):
    __tablename__ = "weight"
    participant_id: int = Field(foreign_key="participant.id", primary_key=True, ondelete="CASCADE")
    criterion_key: str = Field(primary_key=True, max_length=80)
    points: float


class RatingRow(SQLModel, table=True):
    __tablename__ = "rating"
    participant_id: int = Field(foreign_key="participant.id", primary_key=True, ondelete="CASCADE")
    option_key: str = Field(primary_key=True, max_length=80)
    criterion_key: str = Field(primary_key=True, max_length=80)
    rating: int
    comment: str = Field(default="", max_length=1000)


class DecisionRow(SQLModel, table=True):
    __tablename__ = "decision"
    workshop_id: int = Field(foreign_key="workshop.id", primary_key=True, ondelete="CASCADE")
    option_key: str = Field(max_length=80)
    rationale: str = Field(max_length=10000)
    departure_reason: str = Field(default="", max_length=5000)
    agreement: str | None = Field(default=None, max_length=20)
    dissent: str = Field(default="", max_length=10000)
    conditions: str = Field(default="", max_length=5000)
    top_option_keys: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    decided_by: int = Field(foreign_key="facilitator.id")
    decided_at: datetime = _when(nullable=False)
    # Who signs the record ([{"name", "title"}]) and when the decision is to be reviewed.
    approvers: list[dict[str, str]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )
    review_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))


class WorkshopEventRow(SQLModel, table=True):
    """The timeline of a workshop: stage changes, joins, submissions, the decision."""

    __tablename__ = "workshop_event"
    __table_args__ = (Index("ix_workshop_event_workshop_at", "workshop_id", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE")
    kind: str = Field(max_length=30)
    detail: str = Field(default="", max_length=300)
    at: datetime = _when(nullable=False)


class RatingRoundRow(SQLModel, table=True):
    """A closed round of rating, kept as it stood when the next round opened: every
    participant's weights and ratings ({participant id: {criterion: points}} and
    {participant id: {"option/criterion": rating}}). Never rewritten by later rounds."""

    __tablename__ = "rating_round"
    workshop_id: int = Field(foreign_key="workshop.id", primary_key=True, ondelete="CASCADE")
    number: int = Field(primary_key=True)
    closed_at: datetime = _when(nullable=False)
    weights: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    ratings: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class JoinFailureRow(SQLModel, table=True):
    """Failed join attempts per address, kept in the database so every process sees them."""

    __tablename__ = "join_failure"
    __table_args__ = (Index("ix_join_failure_address_at", "address", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    address: str = Field(max_length=64)
    at: datetime = _when(nullable=False)


class ElicitationRow(SQLModel, table=True):
    """A participant's raw weighting answers (ranks, swing points, pairwise judgments).

    The normalized weights they give are also written to `weight`, so counts and the default
    results never need to read this table.
    """

    __tablename__ = "elicitation"
    participant_id: int = Field(foreign_key="participant.id", primary_key=True, ondelete="CASCADE")
    method: str = Field(max_length=16)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))


class PlanRow(SQLModel, table=True):
    """A state health department's planning draft: its answers and its backbone plan (JSON,
    shaped by app.domain.planning.PlanState), and the workshop made from it, if any."""

    __tablename__ = "plan"
    id: int | None = Field(default=None, primary_key=True)
    owner_id: int = Field(foreign_key="facilitator.id", index=True)
    title: str = Field(max_length=200)
    answers: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    plan: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    workshop_id: int | None = Field(default=None, foreign_key="workshop.id", ondelete="SET NULL")
    created_at: datetime = _when(nullable=False)
    updated_at: datetime = _when(nullable=False)


class AttemptCounterRow(SQLModel, table=True):
    """Failed attempts (wrong join codes, wrong passwords) per key in a fixed window, counted
    in the database with one atomic upsert so every app process sees the same count."""

    __tablename__ = "attempt_counter"
    key: str = Field(primary_key=True, max_length=100)
    failures: int = Field(default=0)
    window_start: datetime = _when(nullable=False, index=True)


class RecordSnapshotRow(SQLModel, table=True):
    """A decided workshop's record, sealed in the decision's transaction: the signed JSON record
    exactly as every export returns it, and the whole record its documents are made from."""

    __tablename__ = "record_snapshot"
    workshop_id: int = Field(foreign_key="workshop.id", primary_key=True, ondelete="CASCADE")
    fingerprint: str = Field(max_length=64)
    # Text, not JSON: the bytes stay exactly as sealed on every database.
    record: str = Field(sa_column=Column(Text, nullable=False))
    document: str = Field(sa_column=Column(Text, nullable=False))
    sealed_at: datetime = _when(nullable=False)


class RecordImportRow(SQLModel, table=True):
    """Where an imported workshop came from and whether its signature verified."""

    __tablename__ = "record_import"
    workshop_id: int = Field(foreign_key="workshop.id", primary_key=True, ondelete="CASCADE")
    source_fingerprint: str = Field(max_length=64)
    verified: bool = False
    signed_by: str | None = Field(default=None, max_length=64)
    message: str = Field(default="", max_length=300)
    imported_at: datetime = _when(nullable=False)


class FollowUpRow(SQLModel, table=True):
    """A condition or next step of a decision: owner, due date, and when it was done."""

    __tablename__ = "follow_up"
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=10)  # "condition" | "step"
    position: int
    text: str = Field(max_length=500)
    owner: str = Field(default="", max_length=120)
    due: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    done_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
