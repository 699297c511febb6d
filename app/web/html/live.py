"""Pages: the facilitator's live results panel (polled), the decision form, the method form
and the what-if panel, and the rationale downloads."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.services import decisions, methods, results
from app.web.deps import ArchiveDep, PageFacilitator, SessionDep
from app.web.downloads import rationale_response
from app.web.etags import etag_for, not_modified, tagged
from app.web.html import forms
from app.web.html.forms import FormDep, attempt, redirect
from app.web.html.pages import WorkshopPageDep
from app.web.html.room import CONFIRMED
from app.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)


@router.get("/workshops/{workshop_id}/live")
def show_live_results(
    request: Request, workshop_id: int, me: PageFacilitator, session: SessionDep
) -> Response:
    """Polled every two seconds; answers 304 from one cheap query when nothing changed."""
    etag = etag_for(workshop_id, results.current_revision(session, me.id, workshop_id))
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    view = results.workshop_results(session, me.id, workshop_id)
    context = {"w": view.workshop, "r": view.results, "view": view}
    response = render(request, "partials/results/_live.html", context)
    return tagged(response, etag_for(workshop_id, view.workshop.revision))


@router.post("/workshops/{workshop_id}/decision")
def record_decision(
    workshop_id: int, page: WorkshopPageDep, form: FormDep, archive: ArchiveDep
) -> Response:
    typed, rows = forms.decision_form(form)
    if form.get("confirm") != CONFIRMED:
        # Recording is permanent: the form's required box says so (checked here too, without
        # JavaScript or for a form posted some other way).
        message = "Tick the box to confirm: a recorded decision cannot be changed."
        return page.render(workshop_id, {"confirm": message}, 422, decision=typed)
    return page.save(
        workshop_id,
        lambda: decisions.record_decision(
            page.session,
            archive,
            page.me.id,
            page.me.id,
            workshop_id,
            option=typed["option"],
            rationale=typed["rationale"],
            agreement=typed["agreement"],
            dissent=typed["dissent"],
            conditions=typed["conditions"],
            departure_reason=typed["departure_reason"],
            risks=rows["risks"],
            next_steps=rows["next_steps"],
            approvers=rows["approvers"],
            review_on=typed.get("review_on") or None,
        ),
        "decision",
        decision=typed,
    )


@router.get("/workshops/{workshop_id}/export.{ext}")
def download_rationale(
    request: Request, workshop_id: int, ext: str, me: PageFacilitator, session: SessionDep
) -> Response:
    record = results.workshop_record(session, me.id, workshop_id)
    return rationale_response(request, session, record, ext)


def _method_page(
    page: WorkshopPageDep,
    view: results.ResultsView,
    status: int = 200,
    partial: str = "partials/workshop/_method.html",
    **extra: object,
) -> Response:
    """The method form with the what-if panel: `partial` for htmx, else a page of its own."""
    context = {"w": view.workshop, "r": view.results, "view": view, "errors": {}, **extra}
    template = partial if is_htmx(page.request) else "partials/workshop/_method_page.html"
    return render(page.request, template, context, status)


@router.post("/workshops/{workshop_id}/method")
def set_method(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    changes, weights = forms.method_changes(form)
    done = attempt(
        lambda: methods.set_method_and_show(page.session, page.me.id, workshop_id, changes, weights)
    )
    if done.value is None:
        view = results.workshop_results(page.session, page.me.id, workshop_id)
        typed = {k: str(v) for k, v in form.items()}
        return _method_page(page, view, done.status, errors=done.errors, typed=typed)
    if not is_htmx(page.request):
        return redirect(page.request, f"/workshops/{workshop_id}#method")
    return _method_page(page, done.value, saved=True)


@router.post("/workshops/{workshop_id}/what-if")
def explore_weights(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    """The ranking under the facilitator's slider weights; a full page without JavaScript."""
    weights = {k: forms.number(v) for k, v in forms.fields(form, "whatif").items()}
    typed = {k: str(v) for k, v in form.items()}
    partial = "partials/results/_what_if_result.html"
    done = attempt(lambda: results.explore_weights(page.session, page.me.id, workshop_id, weights))
    if done.value is None:
        view = results.workshop_results(page.session, page.me.id, workshop_id)
        return _method_page(page, view, done.status, partial, errors=done.errors, typed=typed)
    return _method_page(page, done.value.results, 200, partial, what_if=done.value, typed=typed)
