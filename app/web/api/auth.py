"""API: facilitator sign-in and participant joining."""

from __future__ import annotations

from fastapi import APIRouter, Request

from app.services import accounts, participation
from app.web.api.schemas import JoinIn, JoinOut, LoginIn, LoginOut, facilitator_public
from app.web.deps import SessionDep, SettingsDep, client_address

router = APIRouter(tags=["authentication"])


@router.post("/auth/login", response_model=LoginOut)
def login(body: LoginIn, session: SessionDep, settings: SettingsDep) -> LoginOut:
    signed_in = accounts.sign_in(session, body.email, body.password, settings.session_days)
    return LoginOut(token=signed_in.token, facilitator=facilitator_public(signed_in.facilitator))


@router.post("/join", response_model=JoinOut, status_code=201)
def join_workshop(
    body: JoinIn, request: Request, session: SessionDep, settings: SettingsDep
) -> JoinOut:
    joined = participation.join(
        session,
        body.join_code,
        body.name,
        body.sector,
        client_address(request),
        settings.join_failures_allowed,
        settings.join_failure_window_seconds,
    )
    return JoinOut(
        participant_id=joined.participant_id, token=joined.token, workshop_id=joined.workshop_id
    )
