"""Schemas of /workshops/{id}/decision."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field

from app.domain import limits
from app.domain.followup import FollowUp
from app.domain.workshop import AGREEMENT_LEVELS, Decision
from app.web.api.schemas import Body, Key, LongText, LongTitle, Short, Title, one_of


class FollowUpCreate(Body):
    text: Title
    owner: Short | None = None
    due: Short | None = None  # YYYY-MM-DD


class ApproverCreate(Body):
    name: Title
    title: Short | None = None


class DecisionCreate(Body):
    option: Key
    rationale: LongTitle
    agreement: Annotated[str, one_of(AGREEMENT_LEVELS)] | None = None
    dissent: LongText | None = None
    conditions: LongText | None = None
    departure_reason: LongText | None = None
    # Risks and conditions, and next steps: each with an owner and a due date.
    risks: Annotated[list[FollowUpCreate], Field(max_length=limits.MAX_FOLLOW_UPS)] = []
    next_steps: Annotated[list[FollowUpCreate], Field(max_length=limits.MAX_FOLLOW_UPS)] = []
    # Who signs the record besides the convener (name and title).
    approvers: Annotated[list[ApproverCreate], Field(max_length=limits.MAX_APPROVERS)] = []
    review_on: Short | None = None  # YYYY-MM-DD; by default a year after the decision


class FollowUpPublic(BaseModel):
    id: int
    kind: str
    text: str
    owner: str
    due: date | None
    done: bool
    done_at: datetime | None


class ApproverPublic(BaseModel):
    name: str
    title: str


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
    follow_ups: list[FollowUpPublic]
    approvers: list[ApproverPublic]
    review_on: date | None


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
        follow_ups=[follow_up_public(f) for f in d.follow_ups],
        approvers=[ApproverPublic(name=a.name, title=a.title) for a in d.approvers],
        review_on=d.review_on,
    )


def follow_up_public(f: FollowUp) -> FollowUpPublic:
    return FollowUpPublic(
        id=f.id,
        kind=f.kind,
        text=f.text,
        owner=f.owner,
        due=f.due,
        done=f.done,
        done_at=f.done_at,
    )
