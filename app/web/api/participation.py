"""API: a participant's own weights and ratings."""

from __future__ import annotations

from fastapi import APIRouter

from app.services import participation
from app.web.api.schemas import MyInputOut, ScoresIn, WeightsIn, WeightsOut
from app.web.deps import ApiParticipant, ApiParticipantToken, SessionDep

router = APIRouter(prefix="/workshops/{workshop_id}/my", tags=["participant input"])


@router.put("/weights", response_model=WeightsOut)
def record_weights(
    workshop_id: int, body: WeightsIn, me: ApiParticipant, session: SessionDep
) -> WeightsOut:
    return WeightsOut(weights=participation.record_weights(session, me, workshop_id, body.weights))


@router.put("/scores", response_model=MyInputOut)
def record_scores(
    workshop_id: int, body: ScoresIn, me: ApiParticipantToken, session: SessionDep
) -> MyInputOut:
    own = participation.record_scores(session, me, workshop_id, body.scores, body.comments)
    return MyInputOut(
        participant_id=own.participant_id,
        workshop_id=workshop_id,
        stage=own.stage.value,
        points=own.points,
        weights=own.weights,
        scores=own.ratings,
        comments=own.comments,
    )


@router.get("", response_model=MyInputOut)
def read_my_input(workshop_id: int, me: ApiParticipant, session: SessionDep) -> MyInputOut:
    mine = participation.my_input(session, me, workshop_id)
    return MyInputOut(
        participant_id=me.id,
        workshop_id=workshop_id,
        stage=mine.workshop.stage.value,
        points=mine.points,
        weights=mine.weights,
        scores=mine.ratings,
        comments=mine.comments,
    )
