"""Schemas of /workshops/{id}/follow-up and /workshops/{id}/revisit."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel

from app.services.followup import FollowUpView
from app.web.api.schemas import Body
from app.web.api.schemas.decisions import FollowUpPublic, follow_up_public


class FollowUpItemUpdate(Body):
    done: bool


class FollowUpUpdate(Body):
    review_on: str  # YYYY-MM-DD


class FollowUpViewPublic(BaseModel):
    items: list[FollowUpPublic]
    review_on: date | None
    supersedes: int | None
    superseded_by: list[int]


def follow_up_view_public(view: FollowUpView) -> FollowUpViewPublic:
    return FollowUpViewPublic(
        items=[follow_up_public(f) for f in view.items],
        review_on=view.review_on,
        supersedes=view.supersedes,
        superseded_by=list(view.superseded_by),
    )
