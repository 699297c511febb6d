"""API: running the room: the join QR code, the countdown, the results a participant sees once
revealed, rounds of rating, and removing or merging participants."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.services import room, roster, rounds, workshops
from app.services.room import ResultsAsk
from app.web.api.schemas.results import ResultsPublic
from app.web.api.schemas.room import (
    MergeCreate,
    RoundsPublic,
    TimerCreate,
    TimerPublic,
    rounds_public,
    timer_public,
)
from app.web.api.schemas.workshops import WorkshopPublic, workshop_public
from app.web.cached import results_json
from app.web.deps import ApiFacilitator, ApiParticipantToken, SessionDep
from app.web.qr import join_link, qr_svg
from app.web.room_batches import results_asks

router = APIRouter(prefix="/workshops/{workshop_id}", tags=["the room"])


@router.get("/join-qr.svg", response_class=Response)
def read_join_qr(
    request: Request, workshop_id: int, me: ApiFacilitator, session: SessionDep
) -> Response:
    """An SVG QR code of the join link (`…/join?code=CODE`), for slides and handouts."""
    workshop = workshops.get_workshop(session, me.id, workshop_id)
    svg = qr_svg(join_link(request, workshop.join_code))
    return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": "private"})


@router.post("/timer", response_model=TimerPublic)
def start_timer(
    workshop_id: int, body: TimerCreate, me: ApiFacilitator, session: SessionDep
) -> TimerPublic:
    """Start (or restart) the countdown the room's screen and the phones show."""
    return timer_public(room.start_timer(session, me.id, workshop_id, body.seconds))


@router.delete("/timer", status_code=204)
def stop_timer(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> Response:
    room.stop_timer(session, me.id, workshop_id)
    return Response(status_code=204)


@router.get("/my/results", response_model=ResultsPublic)
async def read_my_results(request: Request, workshop_id: int, me: ApiParticipantToken) -> Response:
    """The group's results once the facilitator has revealed them (403 before): the body of
    the facilitator's results, rendered once per revision (ETag, 304 when unchanged). The
    whole room asks at once: the asks that arrive together are answered from one statement
    (web/batching.py)."""
    view = await results_asks(request).submit(ResultsAsk(me.token, workshop_id))
    return results_json(request, view)


@router.post("/rounds", response_model=RoundsPublic, status_code=201)
def open_round(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> RoundsPublic:
    """Keep the round so far as it stands and open another round of rating."""
    return rounds_public(rounds.open_round(session, me.id, workshop_id))


@router.get("/rounds", response_model=RoundsPublic)
def read_rounds(workshop_id: int, me: ApiFacilitator, session: SessionDep) -> RoundsPublic:
    _, found = rounds.workshop_rounds(session, me.id, workshop_id)
    return rounds_public(found)


@router.delete("/participants/{participant_id}", status_code=204)
def remove_participant(
    workshop_id: int, participant_id: int, me: ApiFacilitator, session: SessionDep
) -> Response:
    """Remove a participant and all their input (before the decision); logged."""
    roster.remove_participant(session, me.id, workshop_id, participant_id)
    return Response(status_code=204)


@router.post("/participants/merge", response_model=WorkshopPublic)
def merge_participants(
    workshop_id: int, body: MergeCreate, me: ApiFacilitator, session: SessionDep
) -> WorkshopPublic:
    """Merge `other` into `keep`: two entries of the same person become one."""
    merged = roster.merge_participants(session, me.id, workshop_id, body.keep, body.other)
    return workshop_public(merged)
