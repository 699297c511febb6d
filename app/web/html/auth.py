"""Pages: the front door, facilitator sign-in and sign-out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from app.services import accounts
from app.web.deps import (
    FACILITATOR_COOKIE,
    SessionDep,
    SettingsDep,
    client_address,
    sign_in_limit,
)
from app.web.html.forms import attempt, redirect, set_cookie
from app.web.templating import render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    # Only paths on this site, so a sign-in link cannot send people elsewhere.
    return (
        target
        if target and target.startswith("/") and not target.startswith("//")
        else "/workshops"
    )


@router.get("/")
def show_home(request: Request) -> Response:
    return render(request, "pages/home.html")


@router.get("/login")
def show_login(request: Request, next: str | None = None) -> Response:
    return render(
        request, "pages/login.html", {"next": _safe_next(next), "values": {}, "errors": {}}
    )


@router.post("/login")
def sign_in(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/workshops",
) -> Response:
    limit = sign_in_limit(settings)
    address = client_address(request)
    done = attempt(
        lambda: accounts.sign_in(session, email, password, settings.session_days, address, limit)
    )
    if done.value is None:
        context = {"next": _safe_next(next), "values": {"email": email}, "errors": done.errors}
        page = render(request, "pages/login.html", context, done.status)
        page.headers.update(done.headers)
        return page
    response = redirect(request, _safe_next(next))
    secure = settings.environment == "production"
    return set_cookie(response, FACILITATOR_COOKIE, done.value.token, settings.session_days, secure)


@router.post("/logout")
def sign_out(request: Request, session: SessionDep) -> Response:
    token = request.cookies.get(FACILITATOR_COOKIE)
    if token:
        accounts.sign_out(session, token)
    response = redirect(request, "/")
    response.delete_cookie(FACILITATOR_COOKIE)
    return response
