"""Schemas of /workshops/{id}/results and /what-if: the ranking, the spread of ratings, and
the analysis sections (agreement, robustness, sectors) with their mappers."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.domain.analysis import Analysis
from app.domain.results import RankedOption, Spread, WorkshopResults
from app.web.api.schemas import Body, ByCriterion
from app.web.api.schemas.methods import MethodPublic, method_public


class RankedPublic(BaseModel):
    option: str
    name: str
    score: float
    rank: int


class ParticipantCountsPublic(BaseModel):
    joined: int
    submitted: int


class CellSpreadPublic(BaseModel):
    option: str
    criterion: str
    count: int
    mean: float
    min: float
    max: float
    sd: float
    counts: list[int]


class ResultsPublic(BaseModel):
    method: str = "points-mean-weighted-sum"
    weights: dict[str, float]
    scores: dict[str, dict[str, float]]
    ranking: list[RankedPublic]
    participants: ParticipantCountsPublic
    spread: list[CellSpreadPublic] = Field(default_factory=list)
    method_settings: MethodPublic | None = None
    agreement: AgreementPublic | None = None
    sensitivity: SensitivityPublic | None = None
    by_sector: list[SectorPublic] = Field(default_factory=list)


class SpreadPublic(BaseModel):
    count: int
    mean: float
    min: float
    max: float
    sd: float


class WeightAgreementPublic(SpreadPublic):
    criterion: str
    explanation: str


class DisputedCellPublic(SpreadPublic):
    option: str
    criterion: str
    explanation: str


class AgreementPublic(BaseModel):
    consensus: float | None
    consensus_words: str
    kendall_w: float | None
    kendall_words: str
    kendall_participants: int
    weights: list[WeightAgreementPublic]
    disputed_cells: list[DisputedCellPublic]
    explanation: list[str]


class IntervalPublic(BaseModel):
    criterion: str
    weight: float
    lower: float
    upper: float
    explanation: str


class AcceptabilityPublic(BaseModel):
    option: str
    name: str
    ranks: list[float]
    explanation: str


class SimulationPublic(BaseModel):
    source: str
    title: str
    samples: int
    seed: int
    options: list[AcceptabilityPublic]
    explanation: str


class SensitivityPublic(BaseModel):
    available: bool
    reason: str
    top: str | None
    stability: list[IntervalPublic]
    rank_acceptability: list[SimulationPublic]


class SectorPublic(BaseModel):
    sector: str
    label: str
    participants: int
    ranking: list[RankedPublic]
    explanation: str


class WhatIfCreate(Body):
    weights: ByCriterion


class WhatIfPublic(BaseModel):
    weights: dict[str, float]
    ranking: list[RankedPublic]
    explanation: str


def _spread(s: Spread) -> dict[str, Any]:
    return {"count": s.count, "mean": s.mean, "min": s.minimum, "max": s.maximum, "sd": s.sd}


def ranked_public(rows: list[RankedOption]) -> list[RankedPublic]:
    return [RankedPublic(option=x.option, name=x.name, score=x.score, rank=x.rank) for x in rows]


def analysis_fields(a: Analysis) -> dict[str, Any]:
    """The new results sections; `method` keeps its string meaning, now the method's label."""
    g, s = a.agreement, a.sensitivity
    return {
        "method": a.method.label,
        "method_settings": method_public(a.method.settings, a),
        "agreement": AgreementPublic(
            consensus=g.consensus,
            consensus_words=g.consensus_words,
            kendall_w=g.kendall_w,
            kendall_words=g.kendall_words,
            kendall_participants=g.kendall_raters,
            weights=[
                WeightAgreementPublic(
                    criterion=w.criterion, explanation=w.sentence, **_spread(w.spread)
                )
                for w in g.weights
            ],
            disputed_cells=[
                DisputedCellPublic(
                    option=d.option,
                    criterion=d.criterion,
                    explanation=d.sentence,
                    **_spread(d.spread),
                )
                for d in g.disputed
            ],
            explanation=g.sentences,
        ),
        "sensitivity": SensitivityPublic(
            available=s.available,
            reason=s.reason,
            top=s.top,
            stability=[
                IntervalPublic(
                    criterion=i.criterion,
                    weight=i.weight,
                    lower=i.lower,
                    upper=i.upper,
                    explanation=i.sentence,
                )
                for i in s.intervals
            ],
            rank_acceptability=[
                SimulationPublic(
                    source=m.source,
                    title=m.title,
                    samples=m.samples,
                    seed=m.seed,
                    options=[
                        AcceptabilityPublic(
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
            SectorPublic(
                sector=x.sector,
                label=x.label,
                participants=x.people,
                ranking=ranked_public(x.ranking),
                explanation=x.sentence,
            )
            for x in a.by_sector
        ],
    }


def results_public(r: WorkshopResults, analysis: Analysis | None = None) -> ResultsPublic:
    if analysis is not None:
        return results_public(r).model_copy(update=analysis_fields(analysis))
    return ResultsPublic(
        weights=r.weights,
        scores=r.scores,
        ranking=[
            RankedPublic(option=x.option, name=x.name, score=x.score, rank=x.rank)
            for x in r.ranking
        ],
        participants=ParticipantCountsPublic(joined=r.joined, submitted=r.submitted),
        spread=[
            CellSpreadPublic(
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
