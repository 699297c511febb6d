"""Schemas of /workshops/{id}/method and the participants' weights in the group."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.domain.analysis import Analysis
from app.domain.elicitation import MethodSettings
from app.web.api.schemas import Body


class MethodUpdate(Body):
    elicitation: str | None = None
    rank_method: str | None = None
    weight_aggregation: str | None = None
    rating_aggregation: str | None = None
    participant_weights: bool | None = None
    samples: int | None = None
    seed: int | None = None


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
    weight: float


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
