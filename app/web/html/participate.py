"""Pages: joining with a code, then weighing the criteria and rating the options."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from app.domain.errors import InvalidInput
from app.domain.workshop import POINTS_TOTAL
from app.services import participation
from app.services.participation import MyInput
from app.web.deps import (
    PARTICIPANT_COOKIE,
    PageParticipant,
    SessionDep,
    SettingsDep,
    client_address,
)
from app.web.html.forms import attempt, redirect
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/join")
def show_join(request: Request, code: str = "") -> Response:
    return render(request, "pages/join.html", {"values": {"join_code": code}, "errors": {}})


@router.post("/join")
def join_workshop(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    join_code: Annotated[str, Form()] = "",
    name: Annotated[str, Form()] = "",
    sector: Annotated[str, Form()] = "",
) -> Response:
    joined, errors, _, status = attempt(
        lambda: participation.join(
            session,
            join_code,
            name,
            sector or None,
            client_address(request),
            settings.join_failures_allowed,
            settings.join_failure_window_seconds,
        )
    )
    if joined is None:
        values = {"join_code": join_code, "name": name, "sector": sector}
        return render(request, "pages/join.html", {"values": values, "errors": errors}, status)
    response = redirect(request, f"/w/{joined.workshop_id}")
    response.set_cookie(
        PARTICIPANT_COOKIE,
        joined.token,
        max_age=7 * 86400,
        httponly=True,
        samesite="lax",
        secure=settings.environment == "production",
    )
    return response


def _page(
    request: Request,
    mine: MyInput,
    errors: dict[str, str] | None = None,
    status: int = 200,
    **extra: Any,
) -> Response:
    context = {
        "w": mine.workshop,
        "mine": mine,
        "errors": errors or {},
        "total": POINTS_TOTAL,
        **extra,
    }
    return render(request, "pages/participate.html", context, status_code=status)


@router.get("/w/{workshop_id}")
def show_participation(
    request: Request, workshop_id: int, me: PageParticipant, session: SessionDep
) -> Response:
    return _page(request, participation.my_input(session, me, workshop_id))


@router.get("/w/{workshop_id}/stage")
def show_stage(
    request: Request, workshop_id: int, me: PageParticipant, session: SessionDep, seen: str = ""
) -> Response:
    """Polled: tells a participant when the facilitator has moved the workshop on."""
    mine = participation.my_input(session, me, workshop_id)
    context = {"w": mine.workshop, "seen": seen}
    return render(request, "partials/participate/_stage.html", context)


def _points_from_form(form: dict[str, str], criteria: list[str]) -> dict[str, float]:
    points: dict[str, float] = {}
    for key in criteria:
        raw = (form.get(f"points.{key}") or "0").strip() or "0"
        try:
            points[key] = float(raw)
        except ValueError:
            raise InvalidInput("Enter a whole number of points.", field=f"weights.{key}") from None
    given = sum(points.values())
    if abs(given - POINTS_TOTAL) > 1e-9:
        raise InvalidInput(
            f"Share exactly {POINTS_TOTAL} points: you have shared {given:g}.", field="weights"
        )
    return points


@router.post("/w/{workshop_id}/weights")
async def record_weights(
    request: Request, workshop_id: int, me: PageParticipant, session: SessionDep
) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    mine = participation.my_input(session, me, workshop_id)
    criteria = [c.key for c in mine.workshop.criteria]
    _, errors, _, status = attempt(
        lambda: participation.record_weights(
            session, me, workshop_id, _points_from_form(form, criteria)
        )
    )
    if errors:
        typed = {k: form.get(f"points.{k}", "") for k in criteria}
        return _section(request, mine, "weights", errors, status, typed_points=typed)
    return _section(
        request, participation.my_input(session, me, workshop_id), "weights", saved=True
    )


@router.post("/w/{workshop_id}/options/{option}")
async def record_option_scores(
    request: Request, workshop_id: int, option: str, me: PageParticipant, session: SessionDep
) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    mine = participation.my_input(session, me, workshop_id)
    scores: dict[str, Any] = {}
    comments: dict[str, str] = {}
    for criterion in mine.workshop.criteria:
        raw = form.get(f"rating.{criterion.key}", "").strip()
        if raw:
            scores[criterion.key] = int(raw) if raw.isdigit() else raw
            comments[criterion.key] = form.get(f"comment.{criterion.key}", "")
    _, errors, _, status = attempt(
        lambda: participation.record_scores(
            session, me, workshop_id, {option: scores}, {option: comments}
        )
    )
    if not errors and len(scores) < len(mine.workshop.criteria):
        # Saved what was given, and say what is still open rather than refusing it all.
        errors, status = {"_form": "Saved. Some criteria still have no rating."}, 200
    fresh = participation.my_input(session, me, workshop_id)
    typed = {"ratings": scores, "comments": comments} if status != 200 else None
    return _section(
        request,
        fresh,
        "option",
        errors,
        status,
        option_key=option,
        typed=typed,
        saved=status == 200,
    )


def _section(
    request: Request,
    mine: MyInput,
    part: str,
    errors: dict[str, str] | None = None,
    status: int = 200,
    **extra: Any,
) -> Response:
    """Re-render one form: alone for htmx, inside the whole page without JavaScript."""
    if request.headers.get("hx-request") != "true":
        if status == 200:
            return redirect(request, f"/w/{mine.workshop.id}")
        return _page(request, mine, errors, status, **extra)
    template = {
        "weights": "partials/participate/_weights.html",
        "option": "partials/participate/_option_scores.html",
    }[part]
    option = mine.workshop.option(extra["option_key"]) if part == "option" else None
    context = {
        "w": mine.workshop,
        "mine": mine,
        "errors": errors or {},
        "total": POINTS_TOTAL,
        "o": option,
        **extra,
    }
    return render(request, template, context, status_code=status)
