"""Pages: state health department planning (questionnaire, consequences, similar cases, the
backbone plan with its budget) and the cases library. Real forms; htmx refreshes the budget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from sqlmodel import Session
from starlette.responses import Response

from app.domain.catalogue import Catalogue
from app.domain.planning.catalogue import PlanningCatalogue
from app.services import planning as plans
from app.services.accounts import Facilitator
from app.web.deps import CatalogueDep, PageFacilitator, PlanningDep, SessionDep
from app.web.html import forms
from app.web.html.forms import FormDep, attempt, redirect
from app.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class PlanPage:
    """What every plan route needs: the request, who asks, the database and both catalogues."""

    request: Request
    me: Facilitator
    session: Session
    catalogue: Catalogue
    planning: PlanningCatalogue

    def render(
        self,
        plan_id: int,
        errors: dict[str, str] | None = None,
        status: int = 200,
        *,
        posted: dict[str, Any] | None = None,
        partial: str | None = None,
    ) -> Response:
        """The plan page; with `partial`, only that partial (for htmx)."""
        record = plans.get_plan(self.session, self.me.id, plan_id)
        view = plans.build_view(record, self.catalogue, self.planning)
        context = {
            "me": self.me,
            "view": view,
            "s": view.summary,
            "planning": self.planning,
            "catalogue": self.catalogue,
            "answers": (posted or {}).get("answers", view.record.answers),
            "posted": posted or {},
            "errors": errors or {},
        }
        if partial and is_htmx(self.request):
            return render(self.request, f"partials/plan/{partial}", context, status_code=status)
        return render(self.request, "pages/plan.html", context, status_code=status)

    def save(
        self,
        plan_id: int,
        action: Callable[[], object],
        anchor: str,
        posted: dict[str, Any] | None = None,
    ) -> Response:
        """Run one use case; on failure the page comes back with the input kept (422)."""
        done = attempt(action)
        if done.failed:
            return self.render(plan_id, done.errors, done.status, posted=posted)
        return redirect(self.request, f"/plans/{plan_id}#{anchor}")


def plan_page(
    request: Request,
    me: PageFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> PlanPage:
    return PlanPage(request, me, session, catalogue, planning)


PlanPageDep = Annotated[PlanPage, Depends(plan_page)]


@router.get("/plans")
def list_plans(request: Request, me: PageFacilitator, session: SessionDep) -> Response:
    context = {"me": me, "plans": plans.list_plans(session, me.id), "values": {}, "errors": {}}
    return render(request, "pages/plans.html", context)


@router.post("/plans")
def create_plan(
    request: Request, me: PageFacilitator, session: SessionDep, title: Annotated[str, Form()] = ""
) -> Response:
    done = attempt(lambda: plans.create_plan(session, me.id, title))
    if done.value is None:
        context = {
            "me": me,
            "plans": plans.list_plans(session, me.id),
            "values": {"title": title},
            "errors": done.errors,
        }
        return render(request, "pages/plans.html", context, status_code=done.status)
    return redirect(request, f"/plans/{done.value.id}")


@router.get("/cases")
def list_cases(
    request: Request, me: PageFacilitator, planning: PlanningDep, catalogue: CatalogueDep
) -> Response:
    context = {"me": me, "planning": planning, "catalogue": catalogue}
    return render(request, "pages/plan_cases.html", context)


@router.get("/plans/{plan_id}")
def show_plan(plan_id: int, page: PlanPageDep) -> Response:
    return page.render(plan_id)


@router.post("/plans/{plan_id}/answers")
def record_answers(plan_id: int, page: PlanPageDep, form: FormDep) -> Response:
    # Every question is sent; an empty radio group means "not answered".
    answers = {q: str(form.get(f"answers.{q}") or "") or None for q in page.planning.questions}
    return page.save(
        plan_id,
        lambda: plans.record_answers(page.session, page.planning, page.me.id, plan_id, answers),
        "consequences",
        posted={"answers": {k: v for k, v in answers.items() if v}},
    )


@router.post("/plans/{plan_id}/plan")
def update_plan(plan_id: int, page: PlanPageDep, form: FormDep) -> Response:
    planning = page.planning
    changes: dict[str, Any] = {
        "model": str(form.get("model") or "") or None,
        "selection": {c.key: str(form.get(f"selection.{c.key}") or "") for c in planning.selection},
        "staff": {r.key: form.get(f"staff.{r.key}", "") for r in planning.staff_roles},
        "reports_to": str(form.get("reports_to") or ""),
        "phases_done": [str(v) for v in form.getlist("phases_done")],
    }
    return page.save(
        plan_id,
        lambda: plans.update_plan(
            page.session, page.catalogue, planning, page.me.id, plan_id, changes
        ),
        "plan",
        posted={"plan": {**changes, "staff": dict(changes["staff"])}},
    )


@router.post("/plans/{plan_id}/functions")
def assign_functions(plan_id: int, page: PlanPageDep, form: FormDep) -> Response:
    carriers = {
        f.key: str(form.get(f"carriers.{f.key}"))
        for f in page.planning.functions
        if form.get(f"carriers.{f.key}")
    }
    return page.save(
        plan_id,
        lambda: plans.update_plan(
            page.session,
            page.catalogue,
            page.planning,
            page.me.id,
            plan_id,
            {"carriers": carriers},
        ),
        "functions",
    )


@router.post("/plans/{plan_id}/budget")
def set_budget(plan_id: int, page: PlanPageDep, form: FormDep) -> Response:
    lines, names = forms.budget_lines(form, (line.key for line in page.planning.budget.lines))
    adjust = forms.budget_adjustment(form)
    done = attempt(
        lambda: plans.set_budget(page.session, page.planning, page.me.id, plan_id, lines, adjust)
    )
    if done.failed:
        errors = {forms.field_of_line(k, names): v for k, v in done.errors.items()}
        posted = {"budget": {k: str(v) for k, v in form.items()}}
        return page.render(plan_id, errors, done.status, posted=posted, partial="_budget.html")
    if is_htmx(page.request):
        return page.render(plan_id, partial="_budget.html")
    return redirect(page.request, f"/plans/{plan_id}#budget")


@router.post("/plans/{plan_id}/workshop")
def convert_to_workshop(
    plan_id: int, page: PlanPageDep, title: Annotated[str, Form()] = ""
) -> Response:
    done = attempt(
        lambda: plans.convert_to_workshop(
            page.session, page.catalogue, page.planning, page.me.id, plan_id, title
        )
    )
    if done.value is None:
        return page.render(plan_id, done.errors, done.status, posted={"convert_title": title})
    return redirect(page.request, f"/workshops/{done.value.workshop_id}")
