"""Pages: joining with a code, then weighing the criteria and rating the options."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from sqlmodel import Session
from starlette.responses import Response

from app.domain.errors import InvalidInput
from app.domain.workshop import POINTS_TOTAL
from app.services import participation
from app.services.participation import MyElicitation, MyInput, ParticipantIdentity
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
    el: MyElicitation,
    errors: dict[str, str] | None = None,
    status: int = 200,
    **extra: Any,
) -> Response:
    context = {
        "w": mine.workshop,
        "mine": mine,
        "el": el,
        "errors": errors or {},
        "total": POINTS_TOTAL,
        **extra,
    }
    return render(request, "pages/participate.html", context, status_code=status)


@router.get("/w/{workshop_id}")
def show_participation(
    request: Request, workshop_id: int, me: PageParticipant, session: SessionDep
) -> Response:
    return _page(
        request,
        participation.my_input(session, me, workshop_id),
        participation.my_elicitation(session, me, workshop_id),
    )


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
        return _section(request, session, mine, "weights", errors, status, typed_points=typed)
    return _section(
        request, session, participation.my_input(session, me, workshop_id), "weights", saved=True
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
        session,
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
    session: Session,
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
        own = participation.my_elicitation(session, mine.participant, mine.workshop.id)
        return _page(request, mine, own, errors, status, **extra)
    # Only the weights forms show one's raw answers (ranks, swing points, pairs).
    el = (
        participation.my_elicitation(session, mine.participant, mine.workshop.id)
        if part == "weights"
        else None
    )
    template = {
        "weights": "partials/participate/_weights.html",
        "option": "partials/participate/_option_scores.html",
    }[part]
    option = mine.workshop.option(extra["option_key"]) if part == "option" else None
    context = {
        "w": mine.workshop,
        "mine": mine,
        "el": el,
        "errors": errors or {},
        "total": POINTS_TOTAL,
        "o": option,
        **extra,
    }
    return render(request, template, context, status_code=status)


# Other ways of giving weights (the facilitator's method choice): one form each, same target.


def _form_numbers(form: dict[str, str], prefix: str, keys: list[str]) -> dict[str, Any]:
    """Numbers typed into fields named prefix.key; what is not a number is passed on as typed."""
    out: dict[str, Any] = {}
    for key in keys:
        raw = (form.get(f"{prefix}.{key}") or "").strip()
        if not raw:
            continue
        try:
            number = float(raw)
            out[key] = int(number) if number.is_integer() else number
        except ValueError:
            out[key] = raw
    return out


async def _record_numbers(
    request: Request,
    workshop_id: int,
    me: ParticipantIdentity,
    session: Session,
    prefix: str,
    use_case: Callable[[Session, ParticipantIdentity, int, dict[str, Any]], Any],
) -> Response:
    """Rank-order and swing forms: one number per criterion, named `<prefix>.<criterion>`."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    mine = participation.my_input(session, me, workshop_id)
    keys = [c.key for c in mine.workshop.criteria]
    numbers = _form_numbers(form, prefix, keys)
    _, errors, _, status = attempt(lambda: use_case(session, me, workshop_id, numbers))
    fresh = participation.my_input(session, me, workshop_id)
    if errors:
        typed = {k: form.get(f"{prefix}.{k}", "") for k in keys}
        return _section(request, session, fresh, "weights", errors, status, typed=typed)
    return _section(request, session, fresh, "weights", saved=True)


@router.post("/w/{workshop_id}/ranks")
async def record_ranks(
    request: Request, workshop_id: int, me: PageParticipant, session: SessionDep
) -> Response:
    return await _record_numbers(
        request, workshop_id, me, session, "rank", participation.record_ranks
    )


@router.post("/w/{workshop_id}/swing")
async def record_swing(
    request: Request, workshop_id: int, me: PageParticipant, session: SessionDep
) -> Response:
    return await _record_numbers(
        request, workshop_id, me, session, "swing", participation.record_swing
    )


def _saaty(raw: str) -> float | str:
    """'3' -> 3.0 and '1/3' -> 0.333...; anything else is passed on for the domain to refuse."""
    text = raw.strip()
    try:
        if text.startswith("1/"):
            return 1 / float(text[2:])
        return float(text)
    except (ValueError, ZeroDivisionError):
        return text


@router.post("/w/{workshop_id}/pairwise")
async def record_pairwise(
    request: Request, workshop_id: int, me: PageParticipant, session: SessionDep
) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    mine = participation.my_input(session, me, workshop_id)
    keys = [c.key for c in mine.workshop.criteria]
    judgments: list[Any] = []
    typed: dict[str, str] = {}
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            raw = form.get(f"pair.{a}.{b}", "")
            typed[f"{a}.{b}"] = raw
            if raw:
                judgments.append({"first": a, "second": b, "value": _saaty(raw)})
    _, errors, _, status = attempt(
        lambda: participation.record_pairwise(session, me, workshop_id, judgments)
    )
    fresh = participation.my_input(session, me, workshop_id)
    if errors:
        return _section(request, session, fresh, "weights", errors, status, typed=typed)
    # Shown again even without JavaScript: the consistency check is what the participant needs.
    if request.headers.get("hx-request") != "true":
        return redirect(request, f"/w/{workshop_id}#weights")
    return _section(request, session, fresh, "weights", saved=True)
