"""Pages: joining with a code, then weighing the criteria and rating the options."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.services import participant_page, participation
from app.web.deps import PARTICIPANT_COOKIE, SessionDep, SettingsDep, client_address
from app.web.etags import etag_for, not_modified, tagged
from app.web.html import forms
from app.web.html.forms import FormDep, attempt, redirect, set_cookie
from app.web.html.pages import ParticipantPageDep
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/join")
def show_join(request: Request, code: str = "") -> Response:
    return render(request, "pages/join.html", {"values": {"join_code": code}, "errors": {}})


@router.post("/join")
def join_workshop(
    request: Request, session: SessionDep, settings: SettingsDep, form: FormDep
) -> Response:
    values = forms.texts(form, ("join_code", "name", "sector"))
    done = attempt(
        lambda: participation.join(
            session,
            values["join_code"],
            values["name"],
            values["sector"] or None,
            client_address(request),
            settings.join_failures_allowed,
            settings.join_failure_window_seconds,
        )
    )
    if done.value is None:
        context = {"values": values, "errors": done.errors}
        page = render(request, "pages/join.html", context, done.status)
        page.headers.update(done.headers)
        return page
    response = redirect(request, f"/w/{done.value.workshop_id}")
    secure = settings.environment == "production"
    return set_cookie(response, PARTICIPANT_COOKIE, done.value.token, 7, secure)


@router.get("/w/{workshop_id}")
def show_participation(page: ParticipantPageDep) -> Response:
    return page.render(page.show())


@router.get("/w/{workshop_id}/stage")
def show_stage(page: ParticipantPageDep, seen: str = "") -> Response:
    """Polled: tells a participant when the facilitator has moved the workshop on."""
    stage = participation.current_stage(page.session, page.me, page.workshop_id)
    # The banner shows only the stage (and `seen`, part of the URL): that is its version.
    unchanged = not_modified(page.request, etag_for(page.workshop_id, stage, "stage"))
    if unchanged is not None:
        return unchanged
    mine = participation.my_input(page.session, page.me, page.workshop_id)
    context = {"w": mine.workshop, "seen": seen}
    response = render(page.request, "partials/participate/_stage.html", context)
    return tagged(response, etag_for(page.workshop_id, mine.workshop.stage.value, "stage"))


@router.post("/w/{workshop_id}/weights")
def record_weights(page: ParticipantPageDep, form: FormDep) -> Response:
    points = forms.numbers(form, "points", empty=0)
    return page.save_weights(
        lambda: participant_page.record_points(page.session, page.me, page.workshop_id, points),
        typed_points=forms.fields(form, "points"),
    )


@router.post("/w/{workshop_id}/options/{option}")
def record_option_scores(option: str, page: ParticipantPageDep, form: FormDep) -> Response:
    scores, comments = forms.ratings(form)
    return page.save_option(
        option,
        lambda: participant_page.record_option_scores(
            page.session, page.me, page.workshop_id, option, scores, comments
        ),
        typed={"ratings": scores, "comments": comments},
    )


# Other ways of giving weights (the facilitator's method choice): one form each, same target.


@router.post("/w/{workshop_id}/ranks")
def record_ranks(page: ParticipantPageDep, form: FormDep) -> Response:
    ranks = forms.numbers(form, "rank")
    return page.save_weights(
        lambda: participant_page.record_ranks(page.session, page.me, page.workshop_id, ranks),
        typed=forms.fields(form, "rank"),
    )


@router.post("/w/{workshop_id}/swing")
def record_swing(page: ParticipantPageDep, form: FormDep) -> Response:
    points = forms.numbers(form, "swing")
    return page.save_weights(
        lambda: participant_page.record_swing(page.session, page.me, page.workshop_id, points),
        typed=forms.fields(form, "swing"),
    )


@router.post("/w/{workshop_id}/pairwise")
def record_pairwise(page: ParticipantPageDep, form: FormDep) -> Response:
    judgments = forms.judgments(form)
    # Back at the form even without JavaScript: its consistency check is what one needs next.
    return page.save_weights(
        lambda: participant_page.record_pairwise(
            page.session, page.me, page.workshop_id, judgments
        ),
        anchor="weights",
        typed=forms.fields(form, "pair"),
    )
