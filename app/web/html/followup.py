"""Pages: after the decision: ticking off conditions and next steps, the review date, and
revisiting the decision in a new linked workshop."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import Response

from app.services import followup
from app.web.html import forms
from app.web.html.forms import FormDep, attempt, redirect
from app.web.html.pages import WorkshopPageDep

router = APIRouter(include_in_schema=False)


@router.post("/workshops/{workshop_id}/follow-up/items/{item_id}")
def tick_follow_up(
    workshop_id: int, item_id: int, page: WorkshopPageDep, form: FormDep
) -> Response:
    done = forms.texts(form, ["done"])["done"] == "1"
    return page.save(
        workshop_id,
        lambda: followup.set_done(page.session, page.me.id, workshop_id, item_id, done),
        "follow-up",
    )


@router.post("/workshops/{workshop_id}/follow-up")
def set_review_date(workshop_id: int, page: WorkshopPageDep, form: FormDep) -> Response:
    value = forms.texts(form, ["review_on"])["review_on"]
    return page.save(
        workshop_id,
        lambda: followup.set_review_date(page.session, page.me.id, workshop_id, value),
        "follow-up",
    )


@router.post("/workshops/{workshop_id}/revisit")
def revisit_decision(workshop_id: int, page: WorkshopPageDep) -> Response:
    done = attempt(lambda: followup.revisit(page.session, page.me.id, workshop_id))
    if done.value is None:
        return page.render(workshop_id, done.errors, done.status)
    return redirect(page.request, f"/workshops/{done.value.id}")
