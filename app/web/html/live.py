"""Pages: the facilitator's live results panel (polled) and the decision form."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from app.services import decisions, methods, results
from app.web.deps import PageFacilitator, SessionDep
from app.web.downloads import rationale_response
from app.web.html.forms import attempt, redirect
from app.web.html.views import workshop_page
from app.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)


def etag_for(workshop_id: int, revision: int) -> str:
    return f'W/"w{workshop_id}-r{revision}"'


@router.get("/workshops/{workshop_id}/live")
def show_live_results(
    request: Request, workshop_id: int, me: PageFacilitator, session: SessionDep
) -> Response:
    """Polled every two seconds; answers 304 from one cheap query when nothing changed."""
    etag = etag_for(workshop_id, results.current_revision(session, me.id, workshop_id))
    headers = {"ETag": etag, "Cache-Control": "no-cache, private"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    view = results.workshop_results(session, me.id, workshop_id)
    context = {"w": view.workshop, "r": view.results, "view": view}
    response = render(request, "partials/results/_live.html", context)
    response.headers.update(
        {
            "ETag": etag_for(workshop_id, view.workshop.revision),
            "Cache-Control": headers["Cache-Control"],
        }
    )
    return response


@router.post("/workshops/{workshop_id}/decision")
def record_decision(
    request: Request,
    workshop_id: int,
    me: PageFacilitator,
    session: SessionDep,
    option: Annotated[str, Form()] = "",
    rationale: Annotated[str, Form()] = "",
    departure_reason: Annotated[str, Form()] = "",
    agreement: Annotated[str, Form()] = "",
    dissent: Annotated[str, Form()] = "",
    conditions: Annotated[str, Form()] = "",
) -> Response:
    values = {
        "option": option,
        "rationale": rationale,
        "departure_reason": departure_reason,
        "agreement": agreement,
        "dissent": dissent,
        "conditions": conditions,
    }
    _, errors, _, status = attempt(
        lambda: decisions.record_decision(
            session,
            me.id,
            me.id,
            workshop_id,
            option,
            rationale,
            agreement or None,
            dissent,
            conditions,
            departure_reason,
        )
    )
    if errors:
        return workshop_page(request, session, me, workshop_id, errors, status, decision=values)
    return redirect(request, f"/workshops/{workshop_id}#decision")


@router.get("/workshops/{workshop_id}/export.{ext}")
def download_rationale(
    request: Request, workshop_id: int, ext: str, me: PageFacilitator, session: SessionDep
) -> Response:
    record = results.workshop_record(session, me.id, workshop_id)
    return rationale_response(request, session, record, ext)


# The method form and the what-if panel. They live here rather than in facilitate.py
# because its catch-all POST /workshops/{id}/{kind} would answer these paths first.


def _method_context(view: results.ResultsView, **extra: object) -> dict[str, object]:
    return {"w": view.workshop, "r": view.results, "view": view, "errors": {}, **extra}


@router.post("/workshops/{workshop_id}/method")
async def set_method(
    request: Request, workshop_id: int, me: PageFacilitator, session: SessionDep
) -> Response:
    form = {k: str(v) for k, v in (await request.form()).items()}
    changes: dict[str, object] = {
        k: form[k]
        for k in ("elicitation", "rank_method", "weight_aggregation", "rating_aggregation")
        if form.get(k)
    }
    changes["participant_weights"] = form.get("participant_weights") == "on"
    weights: dict[int, object] = {}
    for key, raw in form.items():
        if key.startswith("pw.") and key[3:].isdigit():
            try:
                weights[int(key[3:])] = float(raw)
            except ValueError:
                weights[int(key[3:])] = raw
    _, errors, _, status = attempt(
        lambda: methods.set_method(session, me.id, workshop_id, changes, weights)
    )
    if not is_htmx(request) and not errors:
        return redirect(request, f"/workshops/{workshop_id}#method")
    view = results.workshop_results(session, me.id, workshop_id)
    typed = {**form} if errors else None
    context = _method_context(view, errors=errors, typed=typed, saved=not errors)
    if not is_htmx(request):
        return render(request, "partials/workshop/_method_page.html", context, status)
    return render(request, "partials/workshop/_method.html", context, status)


@router.post("/workshops/{workshop_id}/what-if")
async def explore_weights(
    request: Request, workshop_id: int, me: PageFacilitator, session: SessionDep
) -> Response:
    """The ranking under the facilitator's slider weights; a full page without JavaScript."""
    form = {k: str(v) for k, v in (await request.form()).items()}
    weights: dict[str, object] = {}
    for key, raw in form.items():
        if key.startswith("whatif."):
            try:
                weights[key[7:]] = float(raw)
            except ValueError:
                weights[key[7:]] = raw
    view = results.workshop_results(session, me.id, workshop_id)
    explored, errors, _, status = attempt(
        lambda: results.explore_weights(session, me.id, workshop_id, weights, view)
    )
    context = _method_context(view, errors=errors, what_if=explored, typed=form)
    template = "partials/results/_what_if_result.html"
    if not is_htmx(request):
        template = "partials/workshop/_method_page.html"
    return render(request, template, context, status)
