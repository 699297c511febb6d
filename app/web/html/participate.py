"""Pages: joining with a code, then weighing the criteria and rating the options."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.services import participant_page, participation, resuming
from app.web.deps import (
    CatalogueDep,
    MaybePageParticipant,
    SessionDep,
    SettingsDep,
    client_address,
    join_limit,
)
from app.web.etags import etag_for, not_modified, tagged
from app.web.html import forms
from app.web.html.forms import FormDep, attempt
from app.web.html.language import remember
from app.web.html.pages import ParticipantPage, ParticipantPageDep
from app.web.html.resume import signed_in
from app.web.i18n import in_etag, request_language
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
    form: FormDep,
    catalogue: CatalogueDep,
) -> Response:
    values = forms.texts(form, ("join_code", "name", "sector", "someone_else", "language"))
    values["language"] = values["language"] or request_language(request)
    if not values["someone_else"] and resuming.name_in_use(
        session, values["join_code"], values["name"]
    ):
        # Most often the same person on a new device: offer to resume rather than add a twin.
        context = {"values": values, "errors": {}, "name_taken": True}
        return render(request, "pages/join.html", context, 409)
    done = attempt(
        lambda: participation.join(
            session,
            values["join_code"],
            values["name"],
            values["sector"] or None,
            client_address(request),
            join_limit(settings),
            values["language"],
            catalogue.sector_names(),
        )
    )
    if done.value is None:
        context = {"values": values, "errors": done.errors}
        page = render(request, "pages/join.html", context, done.status)
        page.headers.update(done.headers)
        return page
    secure = settings.environment == "production"
    response = signed_in(request, done.value, secure, f"/w/{done.value.workshop_id}?welcome=1")
    return remember(response, values["language"], secure)


@router.get("/w/{workshop_id}")
def show_participation(
    workshop_id: int,
    request: Request,
    me: MaybePageParticipant,
    session: SessionDep,
    step: str = "",
    saved: str = "",
    welcome: str = "",
) -> Response:
    if me is None:
        # Another device, or cookies cleared: not a dead end, the way back in.
        context = {"values": {}, "errors": {}, "not_here": True}
        return render(request, "pages/resume.html", context, 404)
    page = ParticipantPage(request, me, session, workshop_id)
    return page.render(page.show(), step=step, saved_step=saved, welcome=bool(welcome))


@router.get("/w/{workshop_id}/stage")
def show_stage(page: ParticipantPageDep, seen: str = "") -> Response:
    """Polled: tells a participant when the facilitator has moved the workshop on."""
    stage = participation.current_stage(page.session, page.me, page.workshop_id)
    # The banner shows only the stage (and `seen`, part of the URL): that is its version.
    etag = in_etag(etag_for(page.workshop_id, stage, "stage"), page.request)
    unchanged = not_modified(page.request, etag)
    if unchanged is not None:
        return unchanged
    mine = participation.my_input(page.session, page.me, page.workshop_id)
    context = {"w": mine.workshop, "seen": seen}
    response = render(page.request, "partials/participate/_stage.html", context)
    return tagged(
        response,
        in_etag(etag_for(page.workshop_id, mine.workshop.stage.value, "stage"), page.request),
    )


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
    return page.save_step(
        "option",
        option,
        lambda: participant_page.record_option_scores(
            page.session, page.me, page.workshop_id, option, scores, comments
        ),
        typed={"ratings": scores, "comments": comments},
        go_next=form.get("go") == "next",
    )


@router.post("/w/{workshop_id}/criteria/{criterion}")
def record_criterion_scores(criterion: str, page: ParticipantPageDep, form: FormDep) -> Response:
    """One criterion at a time: every option's rating on it (`rating.<option>`)."""
    scores, comments = forms.ratings(form)
    return page.save_step(
        "criterion",
        criterion,
        lambda: participant_page.record_criterion_scores(
            page.session, page.me, page.workshop_id, criterion, scores, comments
        ),
        typed={"ratings": scores, "comments": comments},
        go_next=form.get("go") == "next",
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
        typed=forms.fields(form, "pair") | forms.sided_pairs(form),
    )
