"""Pages: a facilitator's workshops, setting one up, and moving it through its stages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import Response

from app.services import workshops
from app.web.deps import CatalogueDep, PageFacilitator, SessionDep
from app.web.html.forms import attempt, redirect
from app.web.html.views import workshop_page
from app.web.templating import render

router = APIRouter(include_in_schema=False)


@router.get("/workshops")
def list_workshops(
    request: Request, me: PageFacilitator, session: SessionDep, catalogue: CatalogueDep
) -> Response:
    context = {
        "me": me,
        "workshops": workshops.list_workshops(session, me.id),
        "templates": catalogue.templates,
        "values": {"template": "quick"},
        "errors": {},
    }
    return render(request, "pages/workshops.html", context)


@router.post("/workshops")
def create_workshop(
    request: Request,
    me: PageFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    title: Annotated[str, Form()] = "",
    template: Annotated[str, Form()] = "quick",
    convener: Annotated[str, Form()] = "",
    goal: Annotated[str, Form()] = "",
    anonymous: Annotated[bool, Form()] = False,
) -> Response:
    created, errors, _, status = attempt(
        lambda: workshops.create_workshop(
            session, catalogue, me.id, title, template, goal, convener, anonymous
        )
    )
    if created is None:
        context = {
            "me": me,
            "workshops": workshops.list_workshops(session, me.id),
            "templates": catalogue.templates,
            "values": {
                "title": title,
                "template": template,
                "convener": convener,
                "goal": goal,
                "anonymous": anonymous,
            },
            "errors": errors,
        }
        return render(request, "pages/workshops.html", context, status_code=status)
    return redirect(request, f"/workshops/{created.id}")


@router.get("/workshops/{workshop_id}")
def show_workshop(
    request: Request, workshop_id: int, me: PageFacilitator, session: SessionDep
) -> Response:
    return workshop_page(request, session, me, workshop_id)


@router.post("/workshops/{workshop_id}/details")
def update_details(
    request: Request,
    workshop_id: int,
    me: PageFacilitator,
    session: SessionDep,
    title: Annotated[str, Form()] = "",
    convener: Annotated[str, Form()] = "",
    goal: Annotated[str, Form()] = "",
) -> Response:
    _, errors, _, status = attempt(
        lambda: workshops.update_workshop(
            session, me.id, workshop_id, title=title, convener=convener, goal=goal
        )
    )
    if errors:
        values = {"title": title, "convener": convener, "goal": goal}
        return workshop_page(request, session, me, workshop_id, errors, status, details=values)
    return redirect(request, f"/workshops/{workshop_id}")


@router.post("/workshops/{workshop_id}/stage")
def change_stage(
    request: Request,
    workshop_id: int,
    me: PageFacilitator,
    session: SessionDep,
    stage: Annotated[str, Form()] = "",
) -> Response:
    _, errors, _, status = attempt(
        lambda: workshops.update_workshop(session, me.id, workshop_id, stage=stage)
    )
    if errors:
        return workshop_page(request, session, me, workshop_id, errors, status)
    return redirect(request, f"/workshops/{workshop_id}")


@router.post("/workshops/{workshop_id}/{kind}")
def add_item(
    request: Request,
    workshop_id: int,
    kind: str,
    me: PageFacilitator,
    session: SessionDep,
    name: Annotated[str, Form()] = "",
    description: Annotated[str, Form()] = "",
    direction: Annotated[str, Form()] = "benefit",
) -> Response:
    item_kind = {"criteria": "criterion", "options": "option"}.get(kind)
    if item_kind is None:
        return render(request, "errors/error.html", {"status": 404, "message": "Not found"}, 404)
    _, errors, _, status = attempt(
        lambda: workshops.add_item(
            session, me.id, workshop_id, item_kind, name, description, direction
        )
    )
    if errors:
        new_item = {
            "kind": item_kind,
            "name": name,
            "description": description,
            "direction": direction,
        }
        return workshop_page(request, session, me, workshop_id, errors, status, new_item=new_item)
    return redirect(request, f"/workshops/{workshop_id}#setup")


@router.post("/workshops/{workshop_id}/{kind}/{key}/delete")
def remove_item(
    request: Request,
    workshop_id: int,
    kind: str,
    key: str,
    me: PageFacilitator,
    session: SessionDep,
) -> Response:
    item_kind = {"criteria": "criterion", "options": "option"}.get(kind, "")
    _, errors, _, status = attempt(
        lambda: workshops.remove_item(session, me.id, workshop_id, item_kind, key)
    )
    if errors:
        return workshop_page(request, session, me, workshop_id, errors, status)
    return redirect(request, f"/workshops/{workshop_id}#setup")
