"""API: the workshop's method (how weights are asked for and how the group is combined) and
how much each participant counts."""

from __future__ import annotations

from fastapi import APIRouter

from app.services import methods
from app.web.api.schemas.methods import (
    MethodPublic,
    MethodUpdate,
    ParticipantWeightPublic,
    ParticipantWeightUpdate,
    method_public,
)
from app.web.deps import ApiFacilitator, SessionDep

router = APIRouter(prefix="/workshops/{workshop_id}", tags=["results and decision"])


@router.get("/method", response_model=MethodPublic)
def read_method(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> MethodPublic:
    return method_public(methods.get_method(session, me.id, workshop_id))


@router.put("/method", response_model=MethodPublic)
def set_method(
    workshop_id: int, body: MethodUpdate, me: ApiFacilitator, session: SessionDep
) -> MethodPublic:
    changes = body.model_dump(exclude_none=True)
    return method_public(methods.set_method(session, me.id, workshop_id, changes))


@router.put("/participants/{participant_id}/weight", response_model=ParticipantWeightPublic)
def set_participant_weight(
    workshop_id: int,
    participant_id: int,
    body: ParticipantWeightUpdate,
    me: ApiFacilitator,
    session: SessionDep,
) -> ParticipantWeightPublic:
    weight = methods.set_participant_weight(
        session, me.id, workshop_id, participant_id, body.weight
    )
    return ParticipantWeightPublic(participant_id=participant_id, weight=weight)
