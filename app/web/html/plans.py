"""Pages: state health department planning (questionnaire, consequences, similar cases, the
backbone plan with its budget) and the cases library. Real forms; htmx refreshes the budget."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from sqlmodel import Session
from starlette.datastructures import FormData
from starlette.responses import Response

from app.services import planning as plans
from app.services.accounts import Facilitator
from app.web.api.plans import PlanningDep
from app.web.deps import CatalogueDep, PageFacilitator, SessionDep
from app.web.html.forms import attempt, redirect
from app.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)


async def read_form(request: Request) -> FormData:
    # The questionnaire's and the plan's field names come from the catalogue, so the form is
    # read whole here (async) and the route itself stays synchronous.
    return await request.form()


FormDep = Annotated[FormData, Depends(read_form)]


def plan_page(
    request: Request,
    session: Session,
    catalogue: CatalogueDep,
    planning: PlanningDep,
    me: Facilitator,
    plan_id: int,
    errors: dict[str, str] | None = None,
    status: int = 200,
    *,
    posted: dict[str, Any] | None = None,
    partial: str | None = None,
) -> Response:
    """The plan page; with `partial`, only that partial (for htmx)."""
    view = plans.build_view(plans.get_plan(session, me.id, plan_id), catalogue, planning)
    context = {
        "me": me,
        "view": view,
        "s": view.summary,
        "planning": planning,
        "catalogue": catalogue,
        "answers": (posted or {}).get("answers", view.record.answers),
        "posted": posted or {},
        "errors": errors or {},
    }
    if partial and is_htmx(request):
        return render(request, f"partials/plan/{partial}", context, status_code=status)
    return render(request, "pages/plan.html", context, status_code=status)


@router.get("/plans")
def list_plans(request: Request, me: PageFacilitator, session: SessionDep) -> Response:
    context = {"me": me, "plans": plans.list_plans(session, me.id), "values": {}, "errors": {}}
    return render(request, "pages/plans.html", context)


@router.post("/plans")
def create_plan(
    request: Request, me: PageFacilitator, session: SessionDep, title: Annotated[str, Form()] = ""
) -> Response:
    created, errors, _, status = attempt(lambda: plans.create_plan(session, me.id, title))
    if created is None:
        context = {
            "me": me,
            "plans": plans.list_plans(session, me.id),
            "values": {"title": title},
            "errors": errors,
        }
        return render(request, "pages/plans.html", context, status_code=status)
    return redirect(request, f"/plans/{created.id}")


@router.get("/cases")
def list_cases(
    request: Request, me: PageFacilitator, planning: PlanningDep, catalogue: CatalogueDep
) -> Response:
    context = {"me": me, "planning": planning, "catalogue": catalogue}
    return render(request, "pages/plan_cases.html", context)


@router.get("/plans/{plan_id}")
def show_plan(
    request: Request,
    plan_id: int,
    me: PageFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> Response:
    return plan_page(request, session, catalogue, planning, me, plan_id)


@router.post("/plans/{plan_id}/answers")
def record_answers(
    request: Request,
    plan_id: int,
    me: PageFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
    form: FormDep,
) -> Response:
    # Every question is sent; an empty radio group means "not answered".
    answers = {q: str(form.get(f"answers.{q}") or "") or None for q in planning.questions}
    _, errors, _, status = attempt(
        lambda: plans.record_answers(session, planning, me.id, plan_id, answers)
    )
    if errors:
        posted = {"answers": {k: v for k, v in answers.items() if v}}
        return plan_page(
            request, session, catalogue, planning, me, plan_id, errors, status, posted=posted
        )
    return redirect(request, f"/plans/{plan_id}#consequences")


@router.post("/plans/{plan_id}/plan")
def update_plan(
    request: Request,
    plan_id: int,
    me: PageFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
    form: FormDep,
) -> Response:
    changes: dict[str, Any] = {
        "model": str(form.get("model") or "") or None,
        "selection": {c.key: str(form.get(f"selection.{c.key}") or "") for c in planning.selection},
        "staff": {r.key: form.get(f"staff.{r.key}", "") for r in planning.staff_roles},
        "reports_to": str(form.get("reports_to") or ""),
        "phases_done": [str(v) for v in form.getlist("phases_done")],
    }
    _, errors, _, status = attempt(
        lambda: plans.update_plan(session, catalogue, planning, me.id, plan_id, changes)
    )
    if errors:
        posted = {"plan": {**changes, "staff": dict(changes["staff"])}}
        return plan_page(
            request, session, catalogue, planning, me, plan_id, errors, status, posted=posted
        )
    return redirect(request, f"/plans/{plan_id}#plan")


@router.post("/plans/{plan_id}/functions")
def assign_functions(
    request: Request,
    plan_id: int,
    me: PageFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
    form: FormDep,
) -> Response:
    carriers = {
        f.key: str(form.get(f"carriers.{f.key}"))
        for f in planning.functions
        if form.get(f"carriers.{f.key}")
    }
    _, errors, _, status = attempt(
        lambda: plans.update_plan(
            session, catalogue, planning, me.id, plan_id, {"carriers": carriers}
        )
    )
    if errors:
        return plan_page(request, session, catalogue, planning, me, plan_id, errors, status)
    return redirect(request, f"/plans/{plan_id}#functions")


@router.post("/plans/{plan_id}/budget")
def set_budget(
    request: Request,
    plan_id: int,
    me: PageFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
    form: FormDep,
) -> Response:
    record = plans.get_plan(session, me.id, plan_id)
    # One row per line on the form: reference lines, the plan's added lines, one new line.
    names: list[str] = []
    lines: list[dict[str, Any]] = []
    for line in planning.budget.lines:
        names.append(f"amount.{line.key}")
        lines.append({"key": line.key, "amount": form.get(f"amount.{line.key}")})
    for custom in record.state.custom_lines:
        amount = str(form.get(f"amount.{custom.key}") or "").strip()
        if amount:  # an added line left empty is removed
            names.append(f"amount.{custom.key}")
            lines.append({"key": custom.key, "label": custom.label, "amount": amount})
    new_label = str(form.get("new_label") or "").strip()
    new_amount = str(form.get("new_amount") or "").strip()
    if new_label or new_amount:
        names.append("new_amount")
        lines.append({"label": new_label, "amount": new_amount})
    _, errors, _, status = attempt(
        lambda: plans.set_budget(session, planning, me.id, plan_id, lines)
    )
    if errors:
        errors = {_form_field(k, names): v for k, v in errors.items()}
        posted = {"budget": {k: str(v) for k, v in form.items()}}
        return plan_page(
            request,
            session,
            catalogue,
            planning,
            me,
            plan_id,
            errors,
            status,
            posted=posted,
            partial="_budget.html",
        )
    if is_htmx(request):
        return plan_page(request, session, catalogue, planning, me, plan_id, partial="_budget.html")
    return redirect(request, f"/plans/{plan_id}#budget")


def _form_field(field: str, names: list[str]) -> str:
    """`lines[3].amount` -> the name of the input it came from."""
    if field.startswith("lines[") and "]" in field:
        index = int(field[6 : field.index("]")])
        name = names[index] if index < len(names) else "_form"
        return "new_label" if field.endswith(".label") else name
    return field


@router.post("/plans/{plan_id}/workshop")
def convert_to_workshop(
    request: Request,
    plan_id: int,
    me: PageFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
    title: Annotated[str, Form()] = "",
) -> Response:
    done, errors, _, status = attempt(
        lambda: plans.convert_to_workshop(session, catalogue, planning, me.id, plan_id, title)
    )
    if done is None:
        posted = {"convert_title": title}
        return plan_page(
            request, session, catalogue, planning, me, plan_id, errors, status, posted=posted
        )
    return redirect(request, f"/workshops/{done.workshop_id}")
