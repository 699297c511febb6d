"""Pages: a facilitator's workshops, setting one up, and moving it through its stages."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.domain.workshop import custom_criterion_details
from app.services import workshops
from app.web.html import forms
from app.web.html.forms import FormDep, attempt, redirect
from app.web.html.pages import WorkshopPageDep
from app.web.html.room import CONFIRMED, confirm_page, control

router = APIRouter(include_in_schema=False)


@router.get("/workshops")
def list_workshops(page: WorkshopPageDep) -> Response:
    return page.render_list()


@router.post("/workshops")
def create_workshop(page: WorkshopPageDep, form: FormDep) -> Response:
    values = forms.texts(form, ("title", "template", "convener", "goal"))
    values["template"] = values["template"] or "quick"
    anonymous = form.get("anonymous") in ("true", "on", "1", "yes")
    done = attempt(
        lambda: workshops.create_workshop(
            page.session, page.catalogue, page.me.id, **values, anonymous=anonymous
        )
    )
    if done.value is None:
        return page.render_list({**values, "anonymous": anonymous}, done)
    return redirect(page.request, f"/workshops/{done.value.id}")


@router.get("/workshops/{workshop_id}")
def show_workshop(workshop_id: int, page: WorkshopPageDep) -> Response:
    return page.render(workshop_id)


@router.post("/workshops/{workshop_id}/details")
def update_details(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    details = forms.texts(form, ("title", "convener", "goal"))
    return page.save(
        workshop_id,
        lambda: workshops.update_workshop(
            page.session,
            page.me.id,
            workshop_id,
            title=details["title"],
            convener=details["convener"],
            goal=details["goal"],
        ),
        details=details,
    )


@router.post("/workshops/{workshop_id}/stage")
def change_stage(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    stage = str(form.get("stage") or "")
    # Pressed on the presenter view (its N key), the facilitator goes back there.
    return control(
        workshop_id,
        page,
        form,
        lambda: workshops.update_workshop(page.session, page.me.id, workshop_id, stage=stage),
        anchor="",
    )


@router.post("/workshops/{workshop_id}/rating-order")
def change_rating_order(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    order = str(form.get("rating_order") or "")
    return page.save(
        workshop_id,
        lambda: workshops.update_workshop(
            page.session, page.me.id, workshop_id, rating_order=order
        ),
        "rating-order",
    )


def _add_item(workshop_id: int, kind: str, page: WorkshopPageDep, form: FormDep) -> Response:
    typed = forms.texts(form, ("name", "description"))
    typed["direction"] = str(form.get("direction") or "benefit")
    # A criterion's questions (one a line) and anchors (scale.1, scale.3, scale.5), as typed.
    extra = forms.texts(form, ("guiding_questions", "scale.1", "scale.3", "scale.5"))

    def add() -> object:
        details = None
        if kind == "criterion":
            questions = extra["guiding_questions"].splitlines()
            scale = {k: extra[f"scale.{k}"] for k in ("1", "3", "5")}
            details = custom_criterion_details(questions, scale)
        return workshops.add_item(
            page.session, page.me.id, workshop_id, kind, details=details, **typed
        )

    return page.save(workshop_id, add, "setup", new_item={"kind": kind, **typed, **extra})


@router.post("/workshops/{workshop_id}/criteria")
def add_criterion(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    return _add_item(workshop_id, "criterion", page, form)


@router.post("/workshops/{workshop_id}/options")
def add_option(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    return _add_item(workshop_id, "option", page, form)


def _remove_item(
    workshop_id: int, kind: str, key: str, page: WorkshopPageDep, form: FormDep
) -> Response:
    """Removing asks first, on a page of its own (works without JavaScript)."""
    if form.get("confirm") != CONFIRMED:
        w = workshops.get_workshop(page.session, page.me.id, workshop_id)
        items = w.criteria if kind == "criterion" else w.options
        name = next((i.name for i in items if i.key == key), key)
        path = "criteria" if kind == "criterion" else "options"
        return confirm_page(
            page,
            f"Remove the {kind} {name}?",
            f"{name} leaves this workshop; participants will not see it. The timeline records it.",
            f"/workshops/{workshop_id}/{path}/{key}/delete",
            f"Remove {name}",
        )
    return page.save(
        workshop_id,
        lambda: workshops.remove_item(page.session, page.me.id, workshop_id, kind, key),
        "setup",
    )


@router.post("/workshops/{workshop_id}/criteria/{key}/delete")
def remove_criterion(workshop_id: int, key: str, page: WorkshopPageDep, form: FormDep) -> Response:
    return _remove_item(workshop_id, "criterion", key, page, form)


@router.post("/workshops/{workshop_id}/options/{key}/delete")
def remove_option(workshop_id: int, key: str, page: WorkshopPageDep, form: FormDep) -> Response:
    return _remove_item(workshop_id, "option", key, page, form)
