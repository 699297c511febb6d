"""Schemas of /auth/login, /join and /resume."""

from __future__ import annotations

from pydantic import BaseModel

from app.services.accounts import Facilitator
from app.services.participation import Joined
from app.web.api.schemas import Body


class SignInCreate(Body):
    email: str
    password: str


class FacilitatorPublic(BaseModel):
    id: int
    email: str
    name: str


class SignInPublic(BaseModel):
    token: str
    facilitator: FacilitatorPublic


class ParticipantCreate(Body):
    join_code: str
    name: str
    sector: str | None = None


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
