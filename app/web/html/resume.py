"""Pages: coming back on another device with a resume code, and the code's QR square."""

from __future__ import annotations

import io

import segno
from fastapi import APIRouter, Request
from starlette.responses import Response

from app.services import resuming
from app.services.participation import Joined
from app.web.deps import (
    PARTICIPANT_COOKIE,
    RESUME_COOKIE,
    PageParticipant,
    SessionDep,
    SettingsDep,
    client_address,
    join_limit,
)
from app.web.html import forms
from app.web.html.forms import FormDep, attempt, redirect, set_cookie
from app.web.templating import render

router = APIRouter(include_in_schema=False)
COOKIE_DAYS = 7


def signed_in(request: Request, joined: Joined, secure: bool, target: str) -> Response:
    """Off to the participant's page with both cookies: the token and the resume code."""
    response = redirect(request, target)
    set_cookie(response, PARTICIPANT_COOKIE, joined.token, COOKIE_DAYS, secure)
    return set_cookie(response, RESUME_COOKIE, joined.resume_code, COOKIE_DAYS, secure)


def resume_link(request: Request, join_code: str, resume_code: str) -> str:
    return str(request.url_for("show_resume")) + f"?code={join_code}&resume={resume_code}"


@router.get("/resume")
def show_resume(request: Request, code: str = "", resume: str = "") -> Response:
    values = {"join_code": code, "resume_code": resume}
    return render(request, "pages/resume.html", {"values": values, "errors": {}})


@router.post("/resume")
def resume_participant(
    request: Request, session: SessionDep, settings: SettingsDep, form: FormDep
) -> Response:
    values = forms.texts(form, ("join_code", "resume_code"))
    done = attempt(
        lambda: resuming.resume(
            session,
            values["join_code"],
            values["resume_code"],
            client_address(request),
            join_limit(settings),
        )
    )
    if done.value is None:
        context = {"values": values, "errors": done.errors}
        return render(request, "pages/resume.html", context, done.status)
    secure = settings.environment == "production"
    return signed_in(request, done.value, secure, f"/w/{done.value.workshop_id}")


@router.post("/w/{workshop_id}/resume-code")
def renew_resume_code(
    workshop_id: int,
    request: Request,
    me: PageParticipant,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """A new resume code for this participant, kept in this browser (the old one stops)."""
    code = resuming.new_resume_code(session, me)
    response = redirect(request, f"/w/{workshop_id}?welcome=1#resume-box")
    secure = settings.environment == "production"
    return set_cookie(response, RESUME_COOKIE, code, COOKIE_DAYS, secure)


@router.get("/w/{workshop_id}/resume-qr.svg")
def show_resume_qr(
    workshop_id: int, request: Request, me: PageParticipant, session: SessionDep
) -> Response:
    """The resume page's link with both codes filled in, as a QR square to photograph."""
    resume_code = request.cookies.get(RESUME_COOKIE, "")
    join_code = resuming.join_code_of(session, me)
    qr = segno.make(resume_link(request, join_code, resume_code), error="m")
    out = io.BytesIO()
    qr.save(out, kind="svg", scale=4, border=2, xmldecl=False, title="Your resume link")
    # The picture is a key to the participant's answers: never kept by a shared cache.
    headers = {"Cache-Control": "no-store"}
    return Response(out.getvalue(), media_type="image/svg+xml", headers=headers)
