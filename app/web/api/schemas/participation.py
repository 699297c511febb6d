"""Schemas of /workshops/{id}/my: a participant's own weights (in any of the workshop's ways),
ratings and comments."""

from __future__ import annotations

from pydantic import BaseModel, StrictInt

from app.domain.elicitation import PairwiseCheck
from app.web.api.schemas import Body, Number


class WeightsUpdate(Body):
    weights: dict[str, Number]


class WeightsPublic(BaseModel):
    weights: dict[str, float]


class ScoresUpdate(Body):
    scores: dict[str, dict[str, Number]]
    comments: dict[str, dict[str, str | None]] | None = None


class MyInputPublic(BaseModel):
    participant_id: int
    workshop_id: int
    stage: str
    points: dict[str, float]
    weights: dict[str, float]
    scores: dict[str, dict[str, int]]
    comments: dict[str, dict[str, str]]


class RanksUpdate(Body):
    ranks: dict[str, StrictInt]


class SwingUpdate(Body):
    points: dict[str, Number]


class JudgmentUpdate(BaseModel):
    """One comparison: how much more `first` matters than `second` (1/9 to 9)."""

    first: str
    second: str
    value: Number


class PairwiseUpdate(Body):
    judgments: list[JudgmentUpdate]


class RevisitPublic(BaseModel):
    first: str
    second: str
    given: float
    suggested: float
    explanation: str


class PairwisePublic(BaseModel):
    weights: dict[str, float]
    consistency_ratio: float | None
    consistent: bool
    revisit: list[RevisitPublic]
    explanation: str


def pairwise_public(c: PairwiseCheck) -> PairwisePublic:
    return PairwisePublic(
        weights=c.weights,
        consistency_ratio=c.cr,
        consistent=c.consistent,
        revisit=[
            RevisitPublic(
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
