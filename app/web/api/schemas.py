"""API schemas (request bodies and public responses) and the mappers from domain objects."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.domain.analysis import Analysis
from app.domain.elicitation import MethodSettings, PairwiseCheck
from app.domain.results import RankedOption, Spread, WorkshopResults
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
    method_settings: MethodOut | None = None
    agreement: AgreementOut | None = None
    sensitivity: SensitivityOut | None = None
    by_sector: list[SectorOut] = Field(default_factory=list)


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


def results_out(r: WorkshopResults, analysis: Analysis | None = None) -> ResultsOut:
    if analysis is not None:
        return results_out(r).model_copy(update=analysis_fields(analysis))
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


# Methods, agreement, robustness and sectors: bodies, responses and their mappers.


class MethodIn(Body):
    elicitation: str | None = None
    rank_method: str | None = None
    weight_aggregation: str | None = None
    rating_aggregation: str | None = None
    participant_weights: bool | None = None
    samples: int | None = None
    seed: int | None = None


class MethodOut(BaseModel):
    label: str
    elicitation: str
    rank_method: str
    weight_aggregation: str
    rating_aggregation: str
    participant_weights: bool
    samples: int
    seed: int
    explanation: list[str] = Field(default_factory=list)
    inconsistent_participants: int = 0


class ParticipantWeightIn(Body):
    weight: float


class ParticipantWeightOut(BaseModel):
    participant_id: int
    weight: float


class RanksIn(Body):
    ranks: dict[str, Any]


class SwingIn(Body):
    points: dict[str, Any]


class PairwiseIn(Body):
    judgments: list[Any]


class RevisitOut(BaseModel):
    first: str
    second: str
    given: float
    suggested: float
    explanation: str


class PairwiseOut(BaseModel):
    weights: dict[str, float]
    consistency_ratio: float | None
    consistent: bool
    revisit: list[RevisitOut]
    explanation: str


class SpreadOut(BaseModel):
    count: int
    mean: float
    min: float
    max: float
    sd: float


class WeightAgreementOut(SpreadOut):
    criterion: str
    explanation: str


class DisputedCellOut(SpreadOut):
    option: str
    criterion: str
    explanation: str


class AgreementOut(BaseModel):
    consensus: float | None
    consensus_words: str
    kendall_w: float | None
    kendall_words: str
    kendall_participants: int
    weights: list[WeightAgreementOut]
    disputed_cells: list[DisputedCellOut]
    explanation: list[str]


class IntervalOut(BaseModel):
    criterion: str
    weight: float
    lower: float
    upper: float
    explanation: str


class AcceptabilityOut(BaseModel):
    option: str
    name: str
    ranks: list[float]
    explanation: str


class SimulationOut(BaseModel):
    source: str
    title: str
    samples: int
    seed: int
    options: list[AcceptabilityOut]
    explanation: str


class SensitivityOut(BaseModel):
    available: bool
    reason: str
    top: str | None
    stability: list[IntervalOut]
    rank_acceptability: list[SimulationOut]


class SectorOut(BaseModel):
    sector: str
    label: str
    participants: int
    ranking: list[RankedOut]
    explanation: str


class WhatIfIn(Body):
    weights: dict[str, Any]


class WhatIfOut(BaseModel):
    weights: dict[str, float]
    ranking: list[RankedOut]
    explanation: str


def _spread(s: Spread) -> dict[str, Any]:
    return {"count": s.count, "mean": s.mean, "min": s.minimum, "max": s.maximum, "sd": s.sd}


def ranked_out(rows: list[RankedOption]) -> list[RankedOut]:
    return [RankedOut(option=x.option, name=x.name, score=x.score, rank=x.rank) for x in rows]


def method_out(s: MethodSettings, analysis: Analysis | None = None) -> MethodOut:
    return MethodOut(
        label=s.label,
        **s.to_dict(),
        explanation=analysis.method.sentences if analysis else [],
        inconsistent_participants=analysis.method.inconsistent if analysis else 0,
    )


def pairwise_out(c: PairwiseCheck) -> PairwiseOut:
    return PairwiseOut(
        weights=c.weights,
        consistency_ratio=c.cr,
        consistent=c.consistent,
        revisit=[
            RevisitOut(
                first=r.first,
                second=r.second,
                given=r.given,
                suggested=r.suggested,
                explanation=r.sentence,
            )
            for r in c.revisit
        ],
        explanation=c.sentence,
    )


def analysis_fields(a: Analysis) -> dict[str, Any]:
    """The new results sections; `method` keeps its string meaning, now the method's label."""
    g, s = a.agreement, a.sensitivity
    return {
        "method": a.method.label,
        "method_settings": method_out(a.method.settings, a),
        "agreement": AgreementOut(
            consensus=g.consensus,
            consensus_words=g.consensus_words,
            kendall_w=g.kendall_w,
            kendall_words=g.kendall_words,
            kendall_participants=g.kendall_raters,
            weights=[
                WeightAgreementOut(
                    criterion=w.criterion, explanation=w.sentence, **_spread(w.spread)
                )
                for w in g.weights
            ],
            disputed_cells=[
                DisputedCellOut(
                    option=d.option,
                    criterion=d.criterion,
                    explanation=d.sentence,
                    **_spread(d.spread),
                )
                for d in g.disputed
            ],
            explanation=g.sentences,
        ),
        "sensitivity": SensitivityOut(
            available=s.available,
            reason=s.reason,
            top=s.top,
            stability=[
                IntervalOut(
                    criterion=i.criterion,
                    weight=i.weight,
                    lower=i.lower,
                    upper=i.upper,
                    explanation=i.sentence,
                )
                for i in s.intervals
            ],
            rank_acceptability=[
                SimulationOut(
                    source=m.source,
                    title=m.title,
                    samples=m.samples,
                    seed=m.seed,
                    options=[
                        AcceptabilityOut(
                            option=r.option, name=r.name, ranks=r.shares, explanation=r.sentence
                        )
                        for r in m.rows
                    ],
                    explanation=m.sentence,
                )
                for m in s.simulations
            ],
        ),
        "by_sector": [
            SectorOut(
                sector=x.sector,
                label=x.label,
                participants=x.people,
                ranking=ranked_out(x.ranking),
                explanation=x.sentence,
            )
            for x in a.by_sector
        ],
    }
