"""API: results, the decision and the rationale export of a workshop."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.exports import render_document
from app.services import decisions, results
from app.web.api.schemas import DecisionIn, DecisionOut, ResultsOut, decision_out, results_out
from app.web.deps import ApiFacilitator, SessionDep
from app.web.downloads import document_response

router = APIRouter(prefix="/workshops/{workshop_id}", tags=["results and decision"])


@router.get("/results", response_model=ResultsOut)
def read_results(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> ResultsOut:
    return results_out(results.workshop_results(session, me.id, workshop_id).results)


@router.post("/decision", response_model=DecisionOut, status_code=201)
def record_decision(
    workshop_id: int, body: DecisionIn, me: ApiFacilitator, session: SessionDep
) -> DecisionOut:
    decision = decisions.record_decision(session, me.id, me.id, workshop_id, **body.model_dump())
    return decision_out(decision)


@router.get("/decision", response_model=DecisionOut)
def read_decision(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> DecisionOut:
    return decision_out(decisions.get_decision(session, me.id, workshop_id))


@router.get("/export.{ext}", response_class=Response)
def export_rationale(
    workshop_id: int, ext: str, me: ApiFacilitator, session: SessionDep
) -> Response:
    return document_response(
        render_document(results.workshop_record(session, me.id, workshop_id), ext)
    )
