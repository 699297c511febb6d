"""API schemas (request bodies and public responses) and the mappers from domain objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain.results import WorkshopResults
from app.domain.workshop import Decision, Workshop
from app.services.accounts import Facilitator


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginIn(Body):
    email: str
    password: str


class FacilitatorPublic(BaseModel):
    id: int
    email: str
    name: str


class LoginOut(BaseModel):
    token: str
    facilitator: FacilitatorPublic


class JoinIn(Body):
    join_code: str
    name: str
    sector: str | None = None


class JoinOut(BaseModel):
    participant_id: int
    token: str
    workshop_id: int


class CriterionPublic(BaseModel):
    key: str
    name: str
    description: str
    direction: Literal["benefit", "cost"]
    guiding_questions: list[str]
    scale: dict[str, str]
    sources: list[str]


class ModelPublic(BaseModel):
    key: str
    name: str
    summary: str
    pros: list[str]
    cons: list[str]
    examples: list[str]
    sources: list[str]


class TemplatePublic(BaseModel):
    key: str
    name: str
    description: str
    criteria: list[str]
    models: list[str]


class WorkshopCreate(Body):
    title: str
    template: str
    goal: str | None = None
    convener: str | None = None
    anonymous: bool = False


class WorkshopUpdate(Body):
    title: str | None = None
    goal: str | None = None
    convener: str | None = None
    stage: str | None = None


class CriterionCreate(Body):
    name: str
    direction: str
    description: str | None = None


class OptionCreate(Body):
    name: str
    description: str | None = None


class ItemRef(BaseModel):
    key: str
    name: str


class CriterionRef(ItemRef):
    direction: str


class ItemOut(BaseModel):
    key: str
    name: str
    description: str
    direction: str | None = None
    custom: bool


class ParticipantPublic(BaseModel):
    id: int
    name: str
    sector: str
    submitted: bool


class WorkshopSummary(BaseModel):
    id: int
    title: str
    stage: str
    join_code: str
    created_at: datetime


class WorkshopPublic(BaseModel):
    id: int
    title: str
    goal: str
    convener: str
    template: str
    stage: str
    join_code: str
    anonymous: bool
    criteria: list[CriterionRef]
    options: list[ItemRef]
    participants: list[ParticipantPublic]
    created_at: datetime


class WeightsIn(Body):
    weights: dict[str, Any]


class WeightsOut(BaseModel):
    weights: dict[str, float]


class ScoresIn(Body):
    scores: dict[str, Any]
    comments: dict[str, Any] | None = None


class MyInputOut(BaseModel):
    participant_id: int
    workshop_id: int
    stage: str
    points: dict[str, float]
    weights: dict[str, float]
    scores: dict[str, dict[str, int]]
    comments: dict[str, dict[str, str]]


class RankedOut(BaseModel):
    option: str
    name: str
    score: float
    rank: int


class ParticipantCounts(BaseModel):
    joined: int
    submitted: int


class CellSpreadOut(BaseModel):
    option: str
    criterion: str
    count: int
    mean: float
    min: float
    max: float
    sd: float
    counts: list[int]


class ResultsOut(BaseModel):
    method: str = "points-mean-weighted-sum"
    weights: dict[str, float]
    scores: dict[str, dict[str, float]]
    ranking: list[RankedOut]
    participants: ParticipantCounts
    spread: list[CellSpreadOut] = Field(default_factory=list)


class DecisionIn(Body):
    option: str
    rationale: str
    agreement: str | None = None
    dissent: str | None = None
    conditions: str | None = None
    departure_reason: str | None = None


class DecisionOut(BaseModel):
    option: str
    option_name: str
    rationale: str
    agreement: str | None
    dissent: str
    conditions: str
    departure_reason: str
    departs_from_ranking: bool
    decided_at: datetime


def facilitator_public(f: Facilitator) -> FacilitatorPublic:
    return FacilitatorPublic(id=f.id, email=f.email, name=f.name)


def workshop_public(w: Workshop) -> WorkshopPublic:
    return WorkshopPublic(
        id=w.id,
        title=w.title,
        goal=w.goal,
        convener=w.convener,
        template=w.template,
        stage=w.stage.value,
        join_code=w.join_code,
        anonymous=w.anonymous,
        criteria=[CriterionRef(key=c.key, name=c.name, direction=c.direction) for c in w.criteria],
        options=[ItemRef(key=o.key, name=o.name) for o in w.options],
        participants=[
            ParticipantPublic(id=p.id, name=p.name, sector=p.sector, submitted=p.submitted)
            for p in w.participants
        ],
        created_at=w.created_at,
    )


def results_out(r: WorkshopResults) -> ResultsOut:
    return ResultsOut(
        weights=r.weights,
        scores=r.scores,
        ranking=[
            RankedOut(option=x.option, name=x.name, score=x.score, rank=x.rank) for x in r.ranking
        ],
        participants=ParticipantCounts(joined=r.joined, submitted=r.submitted),
        spread=[
            CellSpreadOut(
                option=o,
                criterion=c,
                count=s.count,
                mean=s.mean,
                min=s.minimum,
                max=s.maximum,
                sd=s.sd,
                counts=list(s.counts),
            )
            for (o, c), s in r.cells.items()
        ],
    )


def decision_out(d: Decision) -> DecisionOut:
    return DecisionOut(
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
