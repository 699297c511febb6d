"""API: facilitator sign-in, participant joining and resuming on another device."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.services import accounts, participation, resuming
from app.web.api.schemas.auth import (
    JoinedPublic,
    ParticipantCreate,
    ResumeCreate,
    SignInCreate,
    SignInPublic,
    facilitator_public,
    joined_public,
)
from app.web.deps import (
    FACILITATOR_COOKIE,
    ApiFacilitator,
    CatalogueDep,
    SessionDep,
    SettingsDep,
    bearer_token,
    client_address,
    join_limit,
    sign_in_limit,
)

router = APIRouter(tags=["authentication"])


@router.post("/auth/login", response_model=SignInPublic)
def login(
    body: SignInCreate, request: Request, session: SessionDep, settings: SettingsDep
) -> SignInPublic:
    """Sign in; repeated failures (per account, per address) are answered 429 with Retry-After."""
    signed_in = accounts.sign_in(
        session,
        body.email,
        body.password,
        settings.session_days,
        client_address(request),
        sign_in_limit(settings),
    )
    return SignInPublic(
        token=signed_in.token, facilitator=facilitator_public(signed_in.facilitator)
    )


@router.post("/auth/logout", status_code=204)
def logout(request: Request, me: ApiFacilitator, session: SessionDep) -> Response:
    """Revoke the token this request was made with; it no longer signs anything in."""
    token = bearer_token(request) or request.cookies.get(FACILITATOR_COOKIE)
    if token:
        accounts.sign_out(session, token)
    return Response(status_code=204)


@router.post("/join", response_model=JoinedPublic, status_code=201)
def join_workshop(
    body: ParticipantCreate,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    catalogue: CatalogueDep,
) -> JoinedPublic:
    joined = participation.join(
        session,
        body.join_code,
        body.name,
        body.sector,
        client_address(request),
        join_limit(settings),
        body.language,
        catalogue.sector_names(),
    )
    return joined_public(joined)


@router.post("/resume", response_model=JoinedPublic)
def resume_participant(
    body: ResumeCreate, request: Request, session: SessionDep, settings: SettingsDep
) -> JoinedPublic:
    """The same participant on another device (a new token; the previous one stops working)."""
    joined = resuming.resume(
        session,
        body.join_code,
        body.resume_code,
        client_address(request),
        join_limit(settings),
    )
    return joined_public(joined)
