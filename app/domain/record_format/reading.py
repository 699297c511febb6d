"""Reading a JSON record file back: its shape (`RecordIn`), its version and fingerprint, and
every reference inside it checked, so a malformed or changed file is refused before any write."""

from __future__ import annotations

import json
import math
import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from app.domain.errors import InvalidInput
from app.domain.followup import check_date
from app.domain.limits import MAX_CRITERIA, MAX_EVENTS, MAX_OPTIONS, MAX_PARTICIPANTS
from app.domain.numbers import check_weight
from app.domain.record_format.canonical import SCHEMA_VERSION, fingerprint_of
from app.domain.record_format.signing import signature_problem
from app.domain.workshop import AGREEMENT_LEVELS, SECTORS, Stage, check_rating

MAX_BYTES = 20_000_000

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,79}$")]


def _text(limit: int) -> Any:
    return Annotated[str, StringConstraints(max_length=limit)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class WorkshopIn(_Strict):
    id: int
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    goal: _text(2000)  # type: ignore[valid-type]
    convener: _text(200)  # type: ignore[valid-type]
    template: _text(64)  # type: ignore[valid-type]
    stage: Literal["setup", "weighting", "scoring", "results", "decided"]
    anonymous: bool
    settings: dict[str, Any]
    created_at: str
    # The id, on the instance that made it, of the workshop this one revisits.
    supersedes: int | None = None


class ItemIn(_Strict):
    key: Key
    name: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    description: _text(2000)  # type: ignore[valid-type]
    direction: Literal["benefit", "cost"]
    custom: bool
    details: dict[str, Any]


class ElicitationIn(_Strict):
    method: Annotated[str, StringConstraints(min_length=1, max_length=16)]
    payload: dict[str, Any]


class ParticipantIn(_Strict):
    ref: Annotated[str, StringConstraints(pattern=r"^P\d{2,}$")]
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)]
    sector: str
    influence: float
    joined_at: str
    points: dict[str, float]
    ratings: dict[str, dict[str, int]]
    comments: dict[str, dict[str, _text(1000)]]  # type: ignore[valid-type]
    elicitation: ElicitationIn | None = None


class FollowUpIn(_Strict):
    kind: Literal["condition", "step"]
    text: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    owner: _text(120)  # type: ignore[valid-type]
    due: str | None


class ApproverIn(_Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    title: _text(120)  # type: ignore[valid-type]


class DecisionIn(_Strict):
    option: str
    rationale: Annotated[str, StringConstraints(min_length=1, max_length=10000)]
    departure_reason: _text(5000)  # type: ignore[valid-type]
    agreement: str | None
    dissent: _text(10000)  # type: ignore[valid-type]
    conditions: _text(5000)  # type: ignore[valid-type]
    top_options: list[str]
    decided_at: str
    follow_ups: list[FollowUpIn] = []
    approvers: list[ApproverIn] = []
    review_on: str | None = None


class EventIn(_Strict):
    kind: Annotated[str, StringConstraints(min_length=1, max_length=30)]
    detail: _text(300)  # type: ignore[valid-type]
    at: str


class RecordIn(_Strict):
    schema_version: int
    kind: Literal["backbone-select/workshop-record"]
    workshop: WorkshopIn
    criteria: Annotated[list[ItemIn], Field(min_length=1, max_length=MAX_CRITERIA)]
    options: Annotated[list[ItemIn], Field(min_length=1, max_length=MAX_OPTIONS)]
    participants: Annotated[list[ParticipantIn], Field(max_length=MAX_PARTICIPANTS)]
    decision: DecisionIn | None
    events: Annotated[list[EventIn], Field(max_length=MAX_EVENTS)]
    results: dict[str, Any]
    sources: list[dict[str, Any]]
    # The backbone plan the workshop came from: accepted for the fingerprint, not
    # imported. The plan is the planner's draft; the workshop created again links to no plan.
    plan: dict[str, Any] | None = None
    fingerprint: str
    # The instance's Ed25519 signature of the fingerprint (record_format.signing); older
    # records have none and import as unverified.
    signature: dict[str, Any] | None = None


def when(value: str, field: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"'{value[:40]}' is not a date and time.", field=field) from None
    if parsed.tzinfo is None:
        raise InvalidInput("A time must carry its UTC offset.", field=field)
    return parsed


def parse_record(raw: bytes | str) -> RecordIn:
    """Check a JSON record: format, version, fingerprint and signature, then every field and
    reference. Whether the signer is trusted is the caller's question (signing.KeyRing.check)."""
    if len(raw) > MAX_BYTES:
        raise InvalidInput("The file is larger than a workshop record can be.", field="file")
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInput(f"The file is not valid JSON: {error}.", field="file") from None
    if not isinstance(data, dict):
        raise InvalidInput("The file must hold one JSON object.", field="file")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise InvalidInput(
            f"Unsupported schema_version {version!r}: this version reads {SCHEMA_VERSION}.",
            field="schema_version",
        )
    stated = data.get("fingerprint")
    if not isinstance(stated, str) or not re.fullmatch(r"[0-9a-f]{64}", stated):
        raise InvalidInput("The record has no SHA-256 fingerprint.", field="fingerprint")
    if fingerprint_of(data) != stated:
        raise InvalidInput(
            "The fingerprint does not match the content: the file was changed after export.",
            field="fingerprint",
        )
    if "signature" in data:
        problem = signature_problem(data["signature"], stated)
        if problem:
            raise InvalidInput(problem, field="signature")
    try:
        record = RecordIn.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "file"
        raise InvalidInput(f"{where}: {first['msg']}.", field=where) from None
    _check_references(record)
    return record


def _unique(keys: list[str], field: str) -> set[str]:
    seen: set[str] = set()
    for key in keys:
        if key in seen:
            raise InvalidInput(f"'{key}' appears twice.", field=field)
        seen.add(key)
    return seen


def _check_references(r: RecordIn) -> None:
    criteria = _unique([c.key for c in r.criteria], "criteria")
    options = _unique([o.key for o in r.options], "options")
    _unique([p.ref for p in r.participants], "participants")
    when(r.workshop.created_at, "workshop.created_at")
    for i, p in enumerate(r.participants):
        at = f"participants.{i}"
        if p.sector not in SECTORS:
            raise InvalidInput(f"Unknown sector '{p.sector}'.", field=f"{at}.sector")
        if not math.isfinite(p.influence) or p.influence < 0:
            raise InvalidInput("Influence must be a finite number >= 0.", field=f"{at}.influence")
        when(p.joined_at, f"{at}.joined_at")
        for key, value in p.points.items():
            if key not in criteria:
                raise InvalidInput(f"Unknown criterion '{key}'.", field=f"{at}.points.{key}")
            check_weight(value, f"{at}.points.{key}", noun="Points")
        for section in ("ratings", "comments"):
            for option, row in getattr(p, section).items():
                if option not in options:
                    raise InvalidInput(
                        f"Unknown option '{option}'.", field=f"{at}.{section}.{option}"
                    )
                for criterion, value in row.items():
                    field = f"{at}.{section}.{option}.{criterion}"
                    if criterion not in criteria:
                        raise InvalidInput(f"Unknown criterion '{criterion}'.", field=field)
                    if section == "ratings":
                        check_rating(value, field)
                    elif criterion not in p.ratings.get(option, {}):
                        raise InvalidInput(
                            "A comment needs a rating for the same cell.", field=field
                        )
    for i, e in enumerate(r.events):
        when(e.at, f"events.{i}.at")
    d = r.decision
    if d is not None:
        if d.option not in options:
            raise InvalidInput(f"Unknown option '{d.option}'.", field="decision.option")
        if d.agreement is not None and d.agreement not in AGREEMENT_LEVELS:
            raise InvalidInput(f"Unknown agreement '{d.agreement}'.", field="decision.agreement")
        for key in d.top_options:
            if key not in options:
                raise InvalidInput(f"Unknown option '{key}'.", field="decision.top_options")
        when(d.decided_at, "decision.decided_at")
        for i, f in enumerate(d.follow_ups):
            check_date(f.due, f"decision.follow_ups.{i}.due")
        check_date(d.review_on, "decision.review_on")
    if (d is None) != (r.workshop.stage != Stage.DECIDED.value):
        raise InvalidInput(
            "A record has a decision exactly when its stage is 'decided'.", field="decision"
        )
