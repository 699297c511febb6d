"""Schemas of /workshops/{id}/decision."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from app.domain.workshop import Decision
from app.web.api.schemas import Body


class DecisionCreate(Body):
    option: str
    rationale: str
    agreement: str | None = None
    dissent: str | None = None
    conditions: str | None = None
    departure_reason: str | None = None


class DecisionPublic(BaseModel):
    option: str
    option_name: str
    rationale: str
    agreement: str | None
    dissent: str
    conditions: str
    departure_reason: str
    departs_from_ranking: bool
    decided_at: datetime


def decision_public(d: Decision) -> DecisionPublic:
    return DecisionPublic(
        option=d.option,
        option_name=d.option_name,
        rationale=d.rationale,
        agreement=d.agreement,
        dissent=d.dissent,
        conditions=d.conditions,
        departure_reason=d.departure_reason,
        departs_from_ranking=d.departs_from_ranking,
        decided_at=d.decided_at,
    )
