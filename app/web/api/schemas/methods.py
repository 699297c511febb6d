"""Schemas of /workshops/{id}/method and the participants' weights in the group."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from app.domain.analysis import Analysis
from app.domain.elicitation import (
    ELICITATIONS,
    MAX_SAMPLES,
    RANK_METHODS,
    RATING_AGGREGATIONS,
    WEIGHT_AGGREGATIONS,
    MethodSettings,
)
from app.web.api.schemas import Body, Number, one_of


class MethodUpdate(Body):
    elicitation: Annotated[str, one_of(ELICITATIONS)] | None = None
    rank_method: Annotated[str, one_of(RANK_METHODS)] | None = None
    weight_aggregation: Annotated[str, one_of(WEIGHT_AGGREGATIONS)] | None = None
    rating_aggregation: Annotated[str, one_of(RATING_AGGREGATIONS)] | None = None
    participant_weights: bool | None = None
    samples: Annotated[int, Field(ge=100, le=MAX_SAMPLES)] | None = None
    seed: Annotated[int, Field(ge=0, le=2**31 - 1)] | None = None


class MethodPublic(BaseModel):
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


class ParticipantWeightUpdate(Body):
    weight: Number


class ParticipantWeightPublic(BaseModel):
    participant_id: int
    weight: float


def method_public(s: MethodSettings, analysis: Analysis | None = None) -> MethodPublic:
    return MethodPublic(
        label=s.label,
        **s.to_dict(),
        explanation=analysis.method.sentences if analysis else [],
        inconsistent_participants=analysis.method.inconsistent if analysis else 0,
    )
