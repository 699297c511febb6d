"""API: results, the decision and the rationale export of a workshop."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.domain.errors import NotFound
from app.services import decisions, methods, participation, results
from app.web.api.schemas import (
    DecisionIn,
    DecisionOut,
    MethodIn,
    MethodOut,
    PairwiseIn,
    PairwiseOut,
    ParticipantWeightIn,
    ParticipantWeightOut,
    RanksIn,
    ResultsOut,
    SwingIn,
    WeightsOut,
    WhatIfIn,
    WhatIfOut,
    decision_out,
    method_out,
    pairwise_out,
    ranked_out,
    results_out,
)
from app.web.deps import ApiFacilitator, ApiParticipant, SessionDep
from app.web.downloads import rationale_response

router = APIRouter(prefix="/workshops/{workshop_id}", tags=["results and decision"])


@router.get("/results", response_model=ResultsOut)
def read_results(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> ResultsOut:
    view = results.workshop_results(session, me.id, workshop_id)
    return results_out(view.results, view.analysis)


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
    request: Request, workshop_id: int, ext: str, me: ApiFacilitator, session: SessionDep
) -> Response:
    record = results.workshop_record(session, me.id, workshop_id)
    return rationale_response(request, session, record, ext)


@router.get("/method", response_model=MethodOut)
def read_method(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> MethodOut:
    return method_out(methods.get_method(session, me.id, workshop_id))


@router.put("/method", response_model=MethodOut)
def set_method(
    workshop_id: int, body: MethodIn, me: ApiFacilitator, session: SessionDep
) -> MethodOut:
    changes = body.model_dump(exclude_none=True)
    return method_out(methods.set_method(session, me.id, workshop_id, changes))


@router.put("/participants/{participant_id}/weight", response_model=ParticipantWeightOut)
def set_participant_weight(
    workshop_id: int,
    participant_id: int,
    body: ParticipantWeightIn,
    me: ApiFacilitator,
    session: SessionDep,
) -> ParticipantWeightOut:
    weight = methods.set_participant_weight(
        session, me.id, workshop_id, participant_id, body.weight
    )
    return ParticipantWeightOut(participant_id=participant_id, weight=weight)


@router.post("/what-if", response_model=WhatIfOut)
def explore_weights(
    workshop_id: int, body: WhatIfIn, me: ApiFacilitator, session: SessionDep
) -> WhatIfOut:
    view = results.explore_weights(session, me.id, workshop_id, body.weights)
    return WhatIfOut(
        weights=view.weights, ranking=ranked_out(view.ranking), explanation=view.sentence
    )


@router.put("/my/ranks", response_model=WeightsOut, tags=["participant input"])
def record_ranks(
    workshop_id: int, body: RanksIn, me: ApiParticipant, session: SessionDep
) -> WeightsOut:
    return WeightsOut(weights=participation.record_ranks(session, me, workshop_id, body.ranks))


@router.put("/my/swing", response_model=WeightsOut, tags=["participant input"])
def record_swing(
    workshop_id: int, body: SwingIn, me: ApiParticipant, session: SessionDep
) -> WeightsOut:
    return WeightsOut(weights=participation.record_swing(session, me, workshop_id, body.points))


@router.put("/my/pairwise", response_model=PairwiseOut, tags=["participant input"])
def record_pairwise(
    workshop_id: int, body: PairwiseIn, me: ApiParticipant, session: SessionDep
) -> PairwiseOut:
    return pairwise_out(participation.record_pairwise(session, me, workshop_id, body.judgments))


@router.get("/my/pairwise", response_model=PairwiseOut, tags=["participant input"])
def read_pairwise(workshop_id: int, me: ApiParticipant, session: SessionDep) -> PairwiseOut:
    """One's stored comparisons checked again: weights, CR and the judgments to revisit."""
    mine = participation.my_elicitation(session, me, workshop_id)
    if mine.check is None:
        raise NotFound("No pairwise comparisons from you in this workshop yet.")
    return pairwise_out(mine.check)
