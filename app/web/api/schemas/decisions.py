"""Schemas of /workshops/{id}/decision."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel

from app.domain.workshop import AGREEMENT_LEVELS, Decision
from app.web.api.schemas import Body, Key, LongText, LongTitle, one_of


class DecisionCreate(Body):
    option: Key
    rationale: LongTitle
    agreement: Annotated[str, one_of(AGREEMENT_LEVELS)] | None = None
    dissent: LongText | None = None
    conditions: LongText | None = None
    departure_reason: LongText | None = None


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
