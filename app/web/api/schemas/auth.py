"""Schemas of /auth/login, /join and /resume."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, StringConstraints

from app.domain import limits
from app.domain.translation import LANGUAGES
from app.domain.workshop import SECTORS
from app.services.accounts import Facilitator
from app.services.participation import Joined
from app.web.api.schemas import Body, Name, one_of


class SignInCreate(Body):
    email: Annotated[str, StringConstraints(min_length=3, max_length=limits.MAX_EMAIL)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_PASSWORD)]


class FacilitatorPublic(BaseModel):
    id: int
    email: str
    name: str


class SignInPublic(BaseModel):
    token: str
    facilitator: FacilitatorPublic


class ParticipantCreate(Body):
    join_code: Annotated[str, StringConstraints(min_length=1, max_length=32)]
    name: Name
    sector: Annotated[str, one_of(SECTORS)] | None = None
    # The language of the participant's pages and documents ("en" unless said).
    language: Annotated[str, one_of(LANGUAGES)] = "en"


class ResumeCreate(Body):
    join_code: str
    resume_code: str


class JoinedPublic(BaseModel):
    participant_id: int
    token: str
    workshop_id: int
    resume_code: str


def facilitator_public(f: Facilitator) -> FacilitatorPublic:
    return FacilitatorPublic(id=f.id, email=f.email, name=f.name)


def joined_public(j: Joined) -> JoinedPublic:
    return JoinedPublic(
        participant_id=j.participant_id,
        token=j.token,
        workshop_id=j.workshop_id,
        resume_code=j.resume_code,
    )
