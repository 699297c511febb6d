"""Pages: running the room: the presenter view and its polled panel, the console's room
panel, revealing the results, the countdown, another round, removing and merging
participants (each irreversible step behind a confirmation page), and a phone's room panel."""

from __future__ import annotations

from collections.abc import Callable

from fastapi import APIRouter, Request
from starlette.datastructures import FormData
from starlette.responses import Response

from app.services import room, roster, rounds
from app.web.deps import PageFacilitator, SessionDep
from app.web.html import forms
from app.web.html.forms import FormDep, attempt, redirect
from app.web.html.pages import ParticipantPageDep, WorkshopPageDep
from app.web.i18n import in_etag
from app.web.qr import join_link, qr_svg_inline
from app.web.templating import render

router = APIRouter(include_in_schema=False)

CONFIRMED = "yes"


def polled(request: Request, etag: str, draw: Callable[[], Response]) -> Response:
    """A panel polled every two seconds: 304 from one cheap query when nothing changed."""
    headers = {"ETag": etag, "Cache-Control": "no-cache, private"}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    response = draw()
    response.headers.update(headers)
    return response


def _room_context(request: Request, view: room.RoomView) -> dict[str, object]:
    link = join_link(request, view.workshop.join_code)
    return {"w": view.workshop, "room": view, "join_link": link, "qr": qr_svg_inline(link)}


@router.get("/workshops/{workshop_id}/present")
def show_presenter_view(
    request: Request, workshop_id: int, me: PageFacilitator, session: SessionDep
) -> Response:
    """The room's screen: join code and QR, progress, countdown, results once revealed."""
    view = room.presenter_view(session, me.id, workshop_id)
    return render(request, "pages/present.html", _room_context(request, view))


@router.get("/workshops/{workshop_id}/present/live")
def show_presenter_panel(
    request: Request, workshop_id: int, me: PageFacilitator, session: SessionDep
) -> Response:
    revision = room.room_revision(session, me.id, workshop_id)

    def draw() -> Response:
        view = room.presenter_view(session, me.id, workshop_id)
        return render(request, "partials/workshop/_present.html", _room_context(request, view))

    return polled(request, f'W/"p{workshop_id}-r{revision}"', draw)


@router.get("/workshops/{workshop_id}/room")
def show_room_panel(
    request: Request, workshop_id: int, me: PageFacilitator, session: SessionDep
) -> Response:
    """The console's room pane: progress by sector, the people, the rounds."""
    revision = room.room_revision(session, me.id, workshop_id)

    def draw() -> Response:
        view = room.presenter_view(session, me.id, workshop_id)
        context = {"w": view.workshop, "room": view, "rounds": room.console_rounds(view)}
        return render(request, "partials/workshop/_room.html", context)

    return polled(request, f'W/"c{workshop_id}-r{revision}"', draw)


def control(
    workshop_id: int,
    page: WorkshopPageDep,
    form: FormData,
    action: Callable[[], object],
    anchor: str = "room",
) -> Response:
    """Run one of the room's controls; back to where it was pressed (the presenter view or
    the console at `anchor`), or the console with the error beside the control."""
    if form.get("back") != "present":
        return page.save(workshop_id, action, anchor)
    done = attempt(action)
    if done.failed:
        return page.render(workshop_id, done.errors, done.status)
    return redirect(page.request, f"/workshops/{workshop_id}/present")


@router.post("/workshops/{workshop_id}/reveal")
def reveal_results(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    visible = form.get("visible") == "true"
    return control(
        workshop_id,
        page,
        form,
        lambda: room.show_results(page.session, page.me.id, workshop_id, visible),
    )


@router.post("/workshops/{workshop_id}/timer")
def start_timer(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    minutes = forms.number(str(form.get("minutes") or ""))
    seconds = minutes * 60 if isinstance(minutes, int | float) else minutes
    return control(
        workshop_id,
        page,
        form,
        lambda: room.start_timer(page.session, page.me.id, workshop_id, seconds),
    )


@router.post("/workshops/{workshop_id}/timer/stop")
def stop_timer(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    return control(
        workshop_id, page, form, lambda: room.stop_timer(page.session, page.me.id, workshop_id)
    )


@router.post("/workshops/{workshop_id}/rounds")
def open_round(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    return control(
        workshop_id, page, form, lambda: rounds.open_round(page.session, page.me.id, workshop_id)
    )


def confirm_page(
    page: WorkshopPageDep, heading: str, message: str, action: str, button: str, **hidden: object
) -> Response:
    """The step before anything that cannot be undone: works without JavaScript."""
    context = {
        "me": page.me,
        "heading": heading,
        "message": message,
        "action": action,
        "button": button,
        "hidden": {k: str(v) for k, v in hidden.items()},
        "cancel": action.split("/participants")[0].split("/criteria")[0].split("/options")[0],
    }
    return render(page.request, "pages/confirm.html", context)


@router.post("/workshops/{workshop_id}/participants/{participant_id}/remove")
def remove_participant(
    workshop_id: int, participant_id: int, page: WorkshopPageDep, form: FormDep
) -> Response:
    if form.get("confirm") != CONFIRMED:
        who = roster.participant(page.session, page.me.id, workshop_id, participant_id)
        return confirm_page(
            page,
            f"Remove {who.name}?",
            f"{who.name} and every weight, rating and comment they gave leave the workshop, "
            "its results and its earlier rounds. This cannot be undone; the timeline records it.",
            f"/workshops/{workshop_id}/participants/{participant_id}/remove",
            f"Remove {who.name} and their input",
        )
    return page.save(
        workshop_id,
        lambda: roster.remove_participant(page.session, page.me.id, workshop_id, participant_id),
        "room",
    )


@router.post("/workshops/{workshop_id}/participants/merge")
def merge_participants(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    keep, other = (
        forms.number(str(form.get("keep") or "")),
        forms.number(str(form.get("other") or "")),
    )
    if not isinstance(keep, int) or not isinstance(other, int):
        return page.render(workshop_id, {"merge": "Choose the two entries to merge."}, 422)
    if form.get("confirm") != CONFIRMED:
        kept = roster.participant(page.session, page.me.id, workshop_id, keep)
        gone = roster.participant(page.session, page.me.id, workshop_id, other)
        return confirm_page(
            page,
            f"Merge {gone.name} into {kept.name}?",
            f"The two entries become one, {kept.name}: what {kept.name} gave stays, what only "
            f"{gone.name} gave moves over, and {gone.name}'s entry is removed. This cannot be "
            "undone; the timeline records it.",
            f"/workshops/{workshop_id}/participants/merge",
            "Merge the two entries",
            keep=keep,
            other=other,
        )
    return page.save(
        workshop_id,
        lambda: roster.merge_participants(page.session, page.me.id, workshop_id, keep, other),
        "room",
    )


@router.get("/w/{workshop_id}/room")
def show_phone_room(page: ParticipantPageDep, round_seen: int = 0) -> Response:
    """Polled by a participant's phone: the countdown, the results once revealed, and a
    note when another round opens."""
    state = room.phone_state(page.session, page.me, page.workshop_id)

    def draw() -> Response:
        phone = room.phone_view(page.session, page.me, page.workshop_id)
        context = {"w": phone.workshop, "phone": phone, "round_seen": round_seen}
        return render(page.request, "partials/participate/_room.html", context)

    etag = in_etag(f'W/"m{page.workshop_id}-{state}-{round_seen}"', page.request)
    return polled(page.request, etag, draw)
