"""Records in and out: a participant's copy of the decided record, and importing a JSON record
back as a new workshop (one transaction; a malformed or tampered file writes nothing)."""

from __future__ import annotations

import hashlib
import json
import math
import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError
from sqlmodel import Session

from app import security
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.record import Record
from app.domain.workshop import AGREEMENT_LEVELS, SECTORS, Stage, Workshop, check_rating
from app.persistence import repository as repo
from app.persistence.tables import (
    DecisionRow,
    ElicitationRow,
    ParticipantRow,
    RatingRow,
    WeightRow,
    WorkshopEventRow,
    WorkshopItemRow,
    WorkshopRow,
)
from app.services.mapping import load_workshop
from app.services.participation import ParticipantIdentity
from app.services.results import record_of
from app.services.workshops import unused_join_code

SCHEMA_VERSION = 1
KIND = "backbone-select/workshop-record"
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


class DecisionIn(_Strict):
    option: str
    rationale: Annotated[str, StringConstraints(min_length=1, max_length=10000)]
    departure_reason: _text(5000)  # type: ignore[valid-type]
    agreement: str | None
    dissent: _text(10000)  # type: ignore[valid-type]
    conditions: _text(5000)  # type: ignore[valid-type]
    top_options: list[str]
    decided_at: str


class EventIn(_Strict):
    kind: Annotated[str, StringConstraints(min_length=1, max_length=30)]
    detail: _text(300)  # type: ignore[valid-type]
    at: str


class RecordIn(_Strict):
    schema_version: int
    kind: Literal["backbone-select/workshop-record"]
    workshop: WorkshopIn
    criteria: Annotated[list[ItemIn], Field(min_length=1)]
    options: Annotated[list[ItemIn], Field(min_length=1)]
    participants: list[ParticipantIn]
    decision: DecisionIn | None
    events: list[EventIn]
    results: dict[str, Any]
    sources: list[dict[str, Any]]
    # The backbone plan the workshop came from (issue 5): accepted for the fingerprint, not
    # imported. The plan is the planner's draft; the workshop created again links to no plan.
    plan: dict[str, Any] | None = None
    fingerprint: str


def participant_record(session: Session, me: ParticipantIdentity, workshop_id: int) -> Record:
    """A participant's copy of the record: only their own workshop, only once it is decided."""
    with session.begin():
        row = repo.workshop(session, workshop_id)
        if row is None or me.workshop_id != workshop_id:
            raise NotFound(f"No workshop {workshop_id}.")
        if row.stage != Stage.DECIDED:
            raise Conflict("The rationale can be downloaded once the group records its decision.")
        return record_of(session, row)


def _canonical_fingerprint(data: dict[str, Any]) -> str:
    body = {k: v for k, v in data.items() if k != "fingerprint"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _when(value: str, field: str) -> datetime:
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"'{value[:40]}' is not a date and time.", field=field) from None
    if parsed.tzinfo is None:
        raise InvalidInput("A time must carry its UTC offset.", field=field)
    return parsed


def parse_record(raw: bytes | str) -> RecordIn:
    """Check a JSON record: format, version, fingerprint, then every field and reference."""
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
    if _canonical_fingerprint(data) != stated:
        raise InvalidInput(
            "The fingerprint does not match the content: the file was changed after export.",
            field="fingerprint",
        )
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
    _when(r.workshop.created_at, "workshop.created_at")
    for i, p in enumerate(r.participants):
        at = f"participants.{i}"
        if p.sector not in SECTORS:
            raise InvalidInput(f"Unknown sector '{p.sector}'.", field=f"{at}.sector")
        if not math.isfinite(p.influence) or p.influence < 0:
            raise InvalidInput("Influence must be a finite number >= 0.", field=f"{at}.influence")
        _when(p.joined_at, f"{at}.joined_at")
        for key, value in p.points.items():
            if key not in criteria:
                raise InvalidInput(f"Unknown criterion '{key}'.", field=f"{at}.points.{key}")
            if not math.isfinite(value) or value < 0:
                raise InvalidInput("Points must be finite and >= 0.", field=f"{at}.points.{key}")
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
        _when(e.at, f"events.{i}.at")
    d = r.decision
    if d is not None:
        if d.option not in options:
            raise InvalidInput(f"Unknown option '{d.option}'.", field="decision.option")
        if d.agreement is not None and d.agreement not in AGREEMENT_LEVELS:
            raise InvalidInput(f"Unknown agreement '{d.agreement}'.", field="decision.agreement")
        for key in d.top_options:
            if key not in options:
                raise InvalidInput(f"Unknown option '{key}'.", field="decision.top_options")
        _when(d.decided_at, "decision.decided_at")
    if (d is None) != (r.workshop.stage != Stage.DECIDED.value):
        raise InvalidInput(
            "A record has a decision exactly when its stage is 'decided'.", field="decision"
        )


def import_record(session: Session, owner_id: int, raw: bytes | str) -> Workshop:
    """Create the recorded workshop again for this facilitator, ids and join code new."""
    r = parse_record(raw)
    w = r.workshop
    with session.begin():
        code = unused_join_code(session)
        created = _when(w.created_at, "workshop.created_at")
        row = WorkshopRow(
            owner_id=owner_id,
            title=w.title,
            goal=w.goal,
            convener=w.convener,
            template=w.template,
            stage=w.stage,
            join_code=code,
            anonymous=w.anonymous,
            settings=w.settings,
            created_at=created,
            updated_at=created,
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        for kind, items in (("criterion", r.criteria), ("option", r.options)):
            session.add_all(
                WorkshopItemRow(
                    workshop_id=row.id,
                    kind=kind,
                    key=item.key,
                    position=position,
                    name=item.name,
                    description=item.description,
                    direction=item.direction if kind == "criterion" else "benefit",
                    custom=item.custom,
                    details=item.details,
                )
                for position, item in enumerate(items)
            )
        for p in r.participants:
            # Nobody can act as an imported participant: the token is never shown.
            person = ParticipantRow(
                workshop_id=row.id,
                name=p.name,
                sector=p.sector,
                token_hash=security.token_hash(security.new_token()),
                weight=p.influence,
                joined_at=_when(p.joined_at, "joined_at"),
            )
            session.add(person)
            session.flush()
            assert person.id is not None
            if p.elicitation is not None:
                session.add(
                    ElicitationRow(
                        participant_id=person.id,
                        method=p.elicitation.method,
                        payload=p.elicitation.payload,
                    )
                )
            session.add_all(
                WeightRow(participant_id=person.id, criterion_key=k, points=v)
                for k, v in p.points.items()
            )
            session.add_all(
                RatingRow(
                    participant_id=person.id,
                    option_key=option,
                    criterion_key=criterion,
                    rating=value,
                    comment=p.comments.get(option, {}).get(criterion, ""),
                )
                for option, row_body in p.ratings.items()
                for criterion, value in row_body.items()
            )
        if r.decision is not None:
            d = r.decision
            session.add(
                DecisionRow(
                    workshop_id=row.id,
                    option_key=d.option,
                    rationale=d.rationale,
                    departure_reason=d.departure_reason,
                    agreement=d.agreement,
                    dissent=d.dissent,
                    conditions=d.conditions,
                    top_option_keys=list(d.top_options),
                    decided_by=owner_id,
                    decided_at=_when(d.decided_at, "decided_at"),
                )
            )
        session.add_all(
            WorkshopEventRow(workshop_id=row.id, kind=e.kind, detail=e.detail, at=_when(e.at, "at"))
            for e in r.events
        )
        session.flush()
        return load_workshop(session, row)[0]
