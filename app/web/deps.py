"""Request dependencies as `Annotated` aliases: the session, the catalogue, who is asking."""

from __future__ import annotations

from collections.abc import AsyncIterator
from functools import lru_cache
from ipaddress import IPv4Network, IPv6Network, ip_address, ip_network
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.domain.catalogue import Catalogue
from app.domain.errors import NotFound, Unauthorized
from app.domain.planning.catalogue import PlanningCatalogue
from app.services import accounts, attempts, participation
from app.services.accounts import Facilitator
from app.services.documents import Archive
from app.services.participation import ParticipantIdentity
from app.settings import Settings

FACILITATOR_COOKIE = "bs_session"
PARTICIPANT_COOKIE = "bs_participant"
# The participant's resume code, kept in their browser so their page can show it again.
RESUME_COOKIE = "bs_resume"


async def get_session(request: Request) -> AsyncIterator[Session]:
    # Async so FastAPI opens and closes it on the event loop: making a Session does no I/O,
    # and a sync dependency would cost two hops to the thread pool per request.
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_catalogue(request: Request) -> Catalogue:
    return request.app.state.catalogue  # type: ignore[no-any-return]


def get_planning(request: Request) -> PlanningCatalogue:
    return request.app.state.planning  # type: ignore[no-any-return]


def get_archive(request: Request) -> Archive:
    return request.app.state.archive  # type: ignore[no-any-return]


SessionDep = Annotated[Session, Depends(get_session)]
ArchiveDep = Annotated[Archive, Depends(get_archive)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
CatalogueDep = Annotated[Catalogue, Depends(get_catalogue)]
PlanningDep = Annotated[PlanningCatalogue, Depends(get_planning)]


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def api_facilitator(request: Request, session: SessionDep) -> Facilitator:
    token = bearer_token(request) or request.cookies.get(FACILITATOR_COOKIE)
    facilitator = accounts.facilitator_for_token(session, token) if token else None
    if facilitator is None:
        raise Unauthorized("Sign in as a facilitator: send 'Authorization: Bearer <token>'.")
    return facilitator


async def api_participant_token(request: Request) -> participation.ParticipantToken:
    """The caller's participant token, looked up later by the use case itself."""
    token = bearer_token(request) or request.cookies.get(PARTICIPANT_COOKIE)
    if not token:
        raise Unauthorized(participation.JOIN_FIRST)
    return participation.ParticipantToken(token)


def api_participant(
    token: Annotated[participation.ParticipantToken, Depends(api_participant_token)],
    session: SessionDep,
) -> ParticipantIdentity:
    me = participation.participant_for_token(session, token.token)
    if me is None:
        raise Unauthorized(participation.JOIN_FIRST)
    return me


class SignInRequired(Exception):
    """An HTML page needs a signed-in facilitator; the edge redirects to the sign-in page."""


def page_facilitator(request: Request, session: SessionDep) -> Facilitator:
    token = request.cookies.get(FACILITATOR_COOKIE)
    facilitator = accounts.facilitator_for_token(session, token) if token else None
    if facilitator is None:
        raise SignInRequired()
    return facilitator


def page_participant_or_none(
    request: Request, session: SessionDep, workshop_id: int
) -> ParticipantIdentity | None:
    """The participant of this workshop signed in from this browser, if any."""
    token = request.cookies.get(PARTICIPANT_COOKIE)
    me = participation.participant_for_token(session, token) if token else None
    if me is None or me.workshop_id != workshop_id:
        return None
    request.state.language = me.language  # the participant's pages follow their choice
    return me


def page_participant(
    me: Annotated[ParticipantIdentity | None, Depends(page_participant_or_none)],
) -> ParticipantIdentity:
    if me is None:
        raise NotFound("You have not joined this workshop from this browser. Join with the code.")
    return me


ApiFacilitator = Annotated[Facilitator, Depends(api_facilitator)]
ApiParticipant = Annotated[ParticipantIdentity, Depends(api_participant)]
ApiParticipantToken = Annotated[participation.ParticipantToken, Depends(api_participant_token)]
PageFacilitator = Annotated[Facilitator, Depends(page_facilitator)]
PageParticipant = Annotated[ParticipantIdentity, Depends(page_participant)]
MaybePageParticipant = Annotated[ParticipantIdentity | None, Depends(page_participant_or_none)]


def client_address(request: Request) -> str:
    """The caller's address; X-Forwarded-For is believed only when the connection comes from a
    configured proxy (BACKBONE_TRUSTED_PROXIES), read right to left past trusted hops."""
    peer = request.client.host if request.client else "unknown"
    proxies = trusted_networks(request.app.state.settings.trusted_proxies)
    if not proxies or not _within(peer, proxies):
        return peer
    hops = [h.strip() for h in ",".join(request.headers.getlist("x-forwarded-for")).split(",")]
    for hop in reversed([h for h in hops if h]):
        if not _within(hop, proxies):
            return hop[:64]
    return peer


@lru_cache(maxsize=8)
def trusted_networks(setting: str) -> tuple[IPv4Network | IPv6Network, ...]:
    return tuple(ip_network(p.strip(), strict=False) for p in setting.split(",") if p.strip())


def _within(address: str, networks: tuple[IPv4Network | IPv6Network, ...]) -> bool:
    try:
        ip = ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in networks)


def join_limit(settings: Settings) -> attempts.Limit:
    """Wrong join codes (and wrong resume codes) one address may try per window."""
    return attempts.Limit(settings.join_failures_allowed, settings.join_failure_window_seconds)


def sign_in_limit(settings: Settings) -> attempts.Limit:
    return attempts.Limit(
        settings.sign_in_failures_allowed, settings.sign_in_failure_window_seconds
    )
