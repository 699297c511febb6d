"""API: after the decision: its tracked conditions and next steps, its review date, and
revisiting it in a new workshop linked to this one (the sealed record never changes)."""

from __future__ import annotations

from fastapi import APIRouter

from app.services import followup
from app.web.api.schemas.decisions import FollowUpPublic, follow_up_public
from app.web.api.schemas.followup import (
    FollowUpItemUpdate,
    FollowUpUpdate,
    FollowUpViewPublic,
    follow_up_view_public,
)
from app.web.api.schemas.workshops import WorkshopPublic, workshop_public
from app.web.deps import ApiFacilitator, SessionDep

router = APIRouter(prefix="/workshops/{workshop_id}", tags=["follow-up"])


@router.get("/follow-up", response_model=FollowUpViewPublic)
def read_follow_up(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> FollowUpViewPublic:
    """The decision's conditions and next steps as they stand, its review date, and the
    workshops this one revisits (`supersedes`) or is revisited by (`superseded_by`)."""
    return follow_up_view_public(followup.follow_up_of(session, me.id, workshop_id))


@router.patch("/follow-up", response_model=FollowUpViewPublic)
def update_follow_up(
    workshop_id: int, body: FollowUpUpdate, me: ApiFacilitator, session: SessionDep
) -> FollowUpViewPublic:
    """Move the review date (409 before the decision)."""
    followup.set_review_date(session, me.id, workshop_id, body.review_on)
    return follow_up_view_public(followup.follow_up_of(session, me.id, workshop_id))


@router.patch("/follow-up/items/{item_id}", response_model=FollowUpPublic)
def update_follow_up_item(
    workshop_id: int,
    item_id: int,
    body: FollowUpItemUpdate,
    me: ApiFacilitator,
    session: SessionDep,
) -> FollowUpPublic:
    """Tick a condition or next step off (`done`: true) or open it again."""
    return follow_up_public(followup.set_done(session, me.id, workshop_id, item_id, body.done))


@router.post("/revisit", response_model=WorkshopPublic, status_code=201)
def revisit_decision(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> WorkshopPublic:
    """A new workshop with the same criteria and options, linked to this decided one."""
    return workshop_public(followup.revisit(session, me.id, workshop_id))
