"""Schemas of /workshops/{id}/my: a participant's own weights (in any of the workshop's ways),
ratings and comments."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field, StrictInt

from app.domain import limits
from app.domain.elicitation import PairwiseCheck
from app.web.api.schemas import Body, ByCriterion, Comment, Key, Number


class WeightsUpdate(Body):
    weights: ByCriterion


class WeightsPublic(BaseModel):
    weights: dict[str, float]


class ScoresUpdate(Body):
    scores: Annotated[dict[Key, ByCriterion], Field(max_length=limits.MAX_OPTIONS)]
    comments: (
        Annotated[
            dict[Key, Annotated[dict[Key, Comment | None], Field(max_length=limits.MAX_CRITERIA)]],
            Field(max_length=limits.MAX_OPTIONS),
        ]
        | None
    ) = None


class MyInputPublic(BaseModel):
    participant_id: int
    workshop_id: int
    stage: str
    points: dict[str, float]
    weights: dict[str, float]
    scores: dict[str, dict[str, int]]
    comments: dict[str, dict[str, str]]


class RanksUpdate(Body):
    ranks: Annotated[
        dict[Key, Annotated[StrictInt, Field(ge=1, le=limits.MAX_CRITERIA)]],
        Field(max_length=limits.MAX_CRITERIA),
    ]


class SwingUpdate(Body):
    points: ByCriterion


class JudgmentUpdate(BaseModel):
    """One comparison: how much more `first` matters than `second` (1/9 to 9)."""

    first: Key
    second: Key
    value: Number


class PairwiseUpdate(Body):
    judgments: Annotated[list[JudgmentUpdate], Field(max_length=limits.MAX_JUDGMENTS)]


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
