"""API: recording a workshop's decision, and reading it back."""

from __future__ import annotations

from fastapi import APIRouter

from app.services import decisions
from app.web.api.schemas.decisions import DecisionCreate, DecisionPublic, decision_public
from app.web.deps import ApiFacilitator, ArchiveDep, SessionDep

router = APIRouter(prefix="/workshops/{workshop_id}", tags=["results and decision"])


@router.post("/decision", response_model=DecisionPublic, status_code=201)
def record_decision(
    workshop_id: int,
    body: DecisionCreate,
    me: ApiFacilitator,
    session: SessionDep,
    archive: ArchiveDep,
) -> DecisionPublic:
    decision = decisions.record_decision(
        session, archive, me.id, me.id, workshop_id, **body.model_dump()
    )
    return decision_public(decision)


@router.get("/decision", response_model=DecisionPublic)
def read_decision(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> DecisionPublic:
    return decision_public(decisions.get_decision(session, me.id, workshop_id))
