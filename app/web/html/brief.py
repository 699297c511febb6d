"""Pages: the brief, what a participant will weigh and rate, by their seat or by join code."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.domain.catalogue import Catalogue
from app.domain.workshop import Workshop
from app.services import brief
from app.web.deps import (
    CatalogueDep,
    PageParticipant,
    SessionDep,
    SettingsDep,
    client_address,
    join_limit,
)
from app.web.html.forms import attempt
from app.web.templating import render

router = APIRouter(include_in_schema=False)


def _context(w: Workshop, catalogue: Catalogue, back: str, back_label: str) -> dict[str, Any]:
    titles = {key: s.title for key, s in catalogue.sources.items()}
    return {"w": w, "titles": titles, "back": back, "back_label": back_label}


@router.get("/w/{workshop_id}/brief")
def show_my_brief(
    workshop_id: int,
    request: Request,
    me: PageParticipant,
    session: SessionDep,
    catalogue: CatalogueDep,
) -> Response:
    w = brief.brief_for(session, me, workshop_id)
    context = _context(w, catalogue, f"/w/{workshop_id}", "Back to your page") | {"seated": True}
    return render(request, "pages/brief.html", context)


@router.get("/brief")
def show_brief_by_code(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    catalogue: CatalogueDep,
    code: str = "",
) -> Response:
    """Before joining: the brief of the workshop whose code one was given."""
    done = attempt(
        lambda: brief.brief_by_code(
            session,
            code,
            client_address(request),
            join_limit(settings),
        )
    )
    if done.value is None:
        context = {"values": {"join_code": code}, "errors": done.errors}
        return render(request, "pages/join.html", context, done.status)
    context = _context(done.value, catalogue, f"/join?code={done.value.join_code}", "Join")
    return render(request, "pages/brief.html", context)
