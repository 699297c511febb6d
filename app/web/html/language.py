"""A participant's choice of language: stored with them, and left in a cookie so the pages
before joining again (and error pages) follow it too."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.services import participation
from app.web.deps import PageParticipant, SessionDep, SettingsDep
from app.web.html.forms import FormDep, redirect
from app.web.i18n import LANGUAGE_COOKIE, is_participant_path

router = APIRouter(include_in_schema=False)


def remember(response: Response, language: str, secure: bool) -> Response:
    """The cookie that carries a language choice to pages without a participant."""
    response.set_cookie(
        LANGUAGE_COOKIE, language, max_age=365 * 86400, samesite="lax", secure=secure
    )
    return response


@router.post("/w/{workshop_id}/language")
def choose_language(
    workshop_id: int,
    request: Request,
    me: PageParticipant,
    session: SessionDep,
    settings: SettingsDep,
    form: FormDep,
) -> Response:
    chosen = participation.choose_language(session, me, workshop_id, str(form.get("lang") or ""))
    back = str(form.get("back") or "")
    # Back to the participant's own page it was chosen on; never to another site.
    if not (back.startswith(f"/w/{workshop_id}") and is_participant_path(back)):
        back = f"/w/{workshop_id}"
    response = redirect(request, back)
    return remember(response, chosen.language, settings.environment == "production")
