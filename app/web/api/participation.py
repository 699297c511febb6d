"""API: a participant's own input: weights in whichever way the workshop asks for them (points,
ranks, swing or pairwise comparisons), ratings and comments."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.domain.errors import NotFound
from app.services import elicitation, participation
from app.services.score_batches import ScoreSave
from app.web.api.schemas.participation import (
    MyInputPublic,
    PairwisePublic,
    PairwiseUpdate,
    RanksUpdate,
    ScoresUpdate,
    SwingUpdate,
    WeightsPublic,
    WeightsUpdate,
    pairwise_public,
)
from app.web.deps import ApiParticipant, ApiParticipantToken, SessionDep
from app.web.room_batches import score_saves

router = APIRouter(prefix="/workshops/{workshop_id}/my", tags=["participant input"])


@router.put("/weights", response_model=WeightsPublic)
def record_weights(
    workshop_id: int, body: WeightsUpdate, me: ApiParticipant, session: SessionDep
) -> WeightsPublic:
    weights = participation.record_weights(session, me, workshop_id, body.weights)
    return WeightsPublic(weights=weights)


@router.put("/scores", response_model=MyInputPublic)
async def record_scores(
    request: Request, workshop_id: int, body: ScoresUpdate, me: ApiParticipantToken
) -> Response:
    """The busiest call of a room (every participant, every option): saves arriving together
    are written together, in one transaction (web/batching.py), each answered on its own."""
    own = await score_saves(request).submit(
        ScoreSave(me.token, workshop_id, body.scores, body.comments)
    )
    answer = MyInputPublic(
        participant_id=own.participant_id,
        workshop_id=workshop_id,
        stage=own.stage.value,
        points=own.points,
        weights=own.weights,
        scores=own.ratings,
        comments=own.comments,
    )
    return Response(answer.model_dump_json(), media_type="application/json")


@router.get("", response_model=MyInputPublic)
def read_my_input(workshop_id: int, me: ApiParticipant, session: SessionDep) -> MyInputPublic:
    mine = participation.my_input(session, me, workshop_id)
    return MyInputPublic(
        participant_id=me.id,
        workshop_id=workshop_id,
        stage=mine.workshop.stage.value,
        points=mine.points,
        weights=mine.weights,
        scores=mine.ratings,
        comments=mine.comments,
    )


@router.put("/ranks", response_model=WeightsPublic)
def record_ranks(
    workshop_id: int, body: RanksUpdate, me: ApiParticipant, session: SessionDep
) -> WeightsPublic:
    return WeightsPublic(weights=elicitation.record_ranks(session, me, workshop_id, body.ranks))


@router.put("/swing", response_model=WeightsPublic)
def record_swing(
    workshop_id: int, body: SwingUpdate, me: ApiParticipant, session: SessionDep
) -> WeightsPublic:
    return WeightsPublic(weights=elicitation.record_swing(session, me, workshop_id, body.points))


@router.put("/pairwise", response_model=PairwisePublic)
def record_pairwise(
    workshop_id: int, body: PairwiseUpdate, me: ApiParticipant, session: SessionDep
) -> PairwisePublic:
    judgments = [j.model_dump() for j in body.judgments]
    return pairwise_public(elicitation.record_pairwise(session, me, workshop_id, judgments))


@router.get("/pairwise", response_model=PairwisePublic)
def read_pairwise(workshop_id: int, me: ApiParticipant, session: SessionDep) -> PairwisePublic:
    """One's stored comparisons checked again: weights, CR and the judgments to revisit."""
    mine = elicitation.my_elicitation(session, me, workshop_id)
    if mine.check is None:
        raise NotFound("No pairwise comparisons from you in this workshop yet.")
    return pairwise_public(mine.check)
