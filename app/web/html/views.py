"""Builds the facilitator's workshop page context, shared by its routes and their error paths."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from sqlmodel import Session
from starlette.responses import Response

from app.domain.workshop import can_edit_items
from app.services import results
from app.services.accounts import Facilitator
from app.web.templating import render


def join_link(request: Request, code: str) -> str:
    return str(request.url_for("show_join")) + f"?code={code}"


def workshop_page(
    request: Request,
    session: Session,
    me: Facilitator,
    workshop_id: int,
    errors: dict[str, str] | None = None,
    status: int = 200,
    *,
    details: dict[str, str] | None = None,
    new_item: dict[str, str] | None = None,
    decision: dict[str, str] | None = None,
) -> Response:
    view = results.workshop_results(session, me.id, workshop_id)
    w = view.workshop
    context: dict[str, Any] = {
        "me": me,
        "w": w,
        "view": view,
        "r": view.results,
        "join_link": join_link(request, w.join_code),
        "errors": errors or {},
        "details": details or {"title": w.title, "convener": w.convener, "goal": w.goal},
        "new_item": new_item or {},
        "decision_values": decision
        or {"option": (view.results.top_options or [""])[0], "agreement": "consensus"},
        # Criteria and options are fixed once anyone has weighed or rated.
        "can_edit_items": can_edit_items(w.stage, view.results.has_input),
    }
    return render(request, "pages/workshop.html", context, status_code=status)
