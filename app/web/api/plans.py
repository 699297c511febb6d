"""API: a state health department's planning drafts under /api/v1/plans (answers, consequences,
similar cases, functions matrix, budget, summary, conversion to a workshop)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from app.services import planning as plans
from app.services.planning import PlanView
from app.web.api.plan_schemas import (
    AnswersIn,
    BudgetIn,
    BudgetOut,
    CarriersIn,
    CaseRanked,
    ConsequencesOut,
    ConvertedOut,
    ConvertIn,
    FunctionsOut,
    PlanCreate,
    PlanListed,
    PlanPublic,
    PlanUpdate,
    ProposalOut,
    budget_out,
    consequences_out,
    functions_out,
    plan_public,
    summary_json,
)
from app.web.deps import ApiFacilitator, CatalogueDep, PlanningDep, SessionDep

router = APIRouter(prefix="/plans", tags=["planning"])


def _view(record: plans.PlanRecord, catalogue: CatalogueDep, planning: PlanningDep) -> PlanView:
    return plans.build_view(record, catalogue, planning)


@router.post("", response_model=PlanPublic, status_code=201)
def create_plan(
    body: PlanCreate,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> PlanPublic:
    return plan_public(_view(plans.create_plan(session, me.id, body.title), catalogue, planning))


@router.get("", response_model=list[PlanListed])
def list_plans(me: ApiFacilitator, session: SessionDep) -> list[PlanListed]:
    return [
        PlanListed(id=p.id, title=p.title, workshop_id=p.workshop_id, updated_at=p.updated_at)
        for p in plans.list_plans(session, me.id)
    ]


@router.get("/{plan_id}", response_model=PlanPublic)
def read_plan(
    plan_id: int,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> PlanPublic:
    return plan_public(_view(plans.get_plan(session, me.id, plan_id), catalogue, planning))


@router.patch("/{plan_id}", response_model=PlanPublic)
def update_plan(
    plan_id: int,
    body: PlanUpdate,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> PlanPublic:
    changes = body.model_dump(exclude_unset=True)
    record = plans.update_plan(session, catalogue, planning, me.id, plan_id, changes)
    return plan_public(_view(record, catalogue, planning))


@router.put("/{plan_id}/answers", response_model=PlanPublic)
def record_answers(
    plan_id: int,
    body: AnswersIn,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> PlanPublic:
    record = plans.record_answers(session, planning, me.id, plan_id, body.answers)
    return plan_public(_view(record, catalogue, planning))


@router.get("/{plan_id}/consequences", response_model=ConsequencesOut)
def read_consequences(
    plan_id: int,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> ConsequencesOut:
    view = _view(plans.get_plan(session, me.id, plan_id), catalogue, planning)
    return consequences_out(view)


@router.get("/{plan_id}/cases", response_model=list[CaseRanked])
def rank_cases(
    plan_id: int,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> list[CaseRanked]:
    view = _view(plans.get_plan(session, me.id, plan_id), catalogue, planning)
    return [
        CaseRanked(
            key=m.case.key,
            name=m.case.name,
            kind=m.case.kind,
            model=m.case.model,
            similarity=m.score,
            alike=[{"question": q, "answer": a} for q, a in m.alike],
            near=[{"question": q, "yours": y, "theirs": t} for q, y, t in m.near],
            summary=m.case.summary,
        )
        for m in view.cases
    ]


@router.get("/{plan_id}/functions", response_model=FunctionsOut)
def read_functions(
    plan_id: int,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> FunctionsOut:
    return functions_out(_view(plans.get_plan(session, me.id, plan_id), catalogue, planning))


@router.put("/{plan_id}/functions", response_model=FunctionsOut)
def assign_functions(
    plan_id: int,
    body: CarriersIn,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> FunctionsOut:
    changes = {"carriers": body.carriers}
    record = plans.update_plan(session, catalogue, planning, me.id, plan_id, changes)
    return functions_out(_view(record, catalogue, planning))


@router.get("/{plan_id}/budget", response_model=BudgetOut)
def read_budget(
    plan_id: int,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> BudgetOut:
    return budget_out(_view(plans.get_plan(session, me.id, plan_id), catalogue, planning))


@router.put("/{plan_id}/budget", response_model=BudgetOut)
def set_budget(
    plan_id: int,
    body: BudgetIn,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> BudgetOut:
    lines = [line.model_dump() for line in body.lines]
    record = plans.set_budget(session, planning, me.id, plan_id, lines)
    return budget_out(_view(record, catalogue, planning))


@router.get("/{plan_id}/proposal", response_model=ProposalOut)
def read_proposal(
    plan_id: int,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> ProposalOut:
    p = _view(plans.get_plan(session, me.id, plan_id), catalogue, planning).proposal
    reasons = {k: list(v) for k, v in p.reasons.items()}
    return ProposalOut(criteria=list(p.criteria), proposed_weights=dict(p.points), reasons=reasons)


@router.get("/{plan_id}/summary", response_model=dict[str, Any])
def read_summary(
    plan_id: int,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
) -> dict[str, Any]:
    """Every section of the plan in one record (what the rationale documents include)."""
    view = _view(plans.get_plan(session, me.id, plan_id), catalogue, planning)
    return summary_json(view.summary)


@router.post("/{plan_id}/workshop", response_model=ConvertedOut, status_code=201)
def convert_to_workshop(
    plan_id: int,
    me: ApiFacilitator,
    session: SessionDep,
    catalogue: CatalogueDep,
    planning: PlanningDep,
    body: ConvertIn | None = None,
) -> ConvertedOut:
    title = body.title if body else None
    done = plans.convert_to_workshop(session, catalogue, planning, me.id, plan_id, title)
    p = done.proposal
    return ConvertedOut(
        workshop_id=done.workshop_id,
        plan_id=done.plan_id,
        criteria=list(p.criteria),
        proposed_weights=dict(p.points),
        reasons={k: list(v) for k, v in p.reasons.items()},
    )
