"""API: a facilitator's workshops, their criteria and options, and their stages."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.domain.workshop import custom_criterion_details
from app.services import workshops
from app.web.api.schemas.workshops import (
    CriterionCreate,
    ItemPublic,
    OptionCreate,
    WorkshopCreate,
    WorkshopListedPublic,
    WorkshopPublic,
    WorkshopUpdate,
    item_public,
    listed_public,
    workshop_public,
)
from app.web.deps import ApiFacilitator, CatalogueDep, SessionDep

router = APIRouter(prefix="/workshops", tags=["workshops"])


@router.post("", response_model=WorkshopPublic, status_code=201)
def create_workshop(
    body: WorkshopCreate, me: ApiFacilitator, session: SessionDep, catalogue: CatalogueDep
) -> WorkshopPublic:
    created = workshops.create_workshop(
        session,
        catalogue,
        me.id,
        body.title,
        body.template,
        body.goal,
        body.convener,
        body.anonymous,
    )
    return workshop_public(created)


@router.get("", response_model=list[WorkshopListedPublic])
def list_workshops(me: ApiFacilitator, session: SessionDep) -> list[WorkshopListedPublic]:
    return [listed_public(w) for w in workshops.list_workshops(session, me.id)]


@router.get("/{workshop_id}", response_model=WorkshopPublic)
def read_workshop(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> WorkshopPublic:
    return workshop_public(workshops.get_workshop(session, me.id, workshop_id))


@router.patch("/{workshop_id}", response_model=WorkshopPublic)
def update_workshop(
    workshop_id: int, body: WorkshopUpdate, me: ApiFacilitator, session: SessionDep
) -> WorkshopPublic:
    changes = body.model_dump(exclude_unset=True)
    return workshop_public(workshops.update_workshop(session, me.id, workshop_id, **changes))


@router.post("/{workshop_id}/criteria", response_model=ItemPublic, status_code=201)
def add_criterion(
    workshop_id: int, body: CriterionCreate, me: ApiFacilitator, session: SessionDep
) -> ItemPublic:
    details = custom_criterion_details(body.guiding_questions, body.scale)
    item = workshops.add_item(
        session,
        me.id,
        workshop_id,
        "criterion",
        body.name,
        body.description,
        body.direction,
        details,
    )
    return item_public(item, with_direction=True)


@router.post("/{workshop_id}/options", response_model=ItemPublic, status_code=201)
def add_option(
    workshop_id: int, body: OptionCreate, me: ApiFacilitator, session: SessionDep
) -> ItemPublic:
    item = workshops.add_item(session, me.id, workshop_id, "option", body.name, body.description)
    return item_public(item, with_direction=False)


@router.delete("/{workshop_id}/criteria/{key}", status_code=204)
def remove_criterion(
    workshop_id: int, key: str, me: ApiFacilitator, session: SessionDep
) -> Response:
    workshops.remove_item(session, me.id, workshop_id, "criterion", key)
    return Response(status_code=204)


@router.delete("/{workshop_id}/options/{key}", status_code=204)
def remove_option(workshop_id: int, key: str, me: ApiFacilitator, session: SessionDep) -> Response:
    workshops.remove_item(session, me.id, workshop_id, "option", key)
    return Response(status_code=204)
