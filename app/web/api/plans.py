"""API: a state health department's planning drafts under /api/v1/plans (answers, consequences,
similar cases, functions matrix, budget, summary, conversion to a workshop)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from sqlmodel import Session

from app.domain.catalogue import Catalogue
from app.domain.planning import Proposal
from app.domain.planning.catalogue import PlanningCatalogue
from app.domain.record_format import plan_data
from app.services import planning as plans
from app.services.accounts import Facilitator
from app.services.planning import PlanView
from app.web.api.schemas.plans import (
    AnswersUpdate,
    BudgetPublic,
    BudgetUpdate,
    CaseRankedPublic,
    ConsequencesPublic,
    ConvertedPublic,
    FunctionsPublic,
    FunctionsUpdate,
    PlanCreate,
    PlanListedPublic,
    PlanPublic,
    PlanUpdate,
    PlanWorkshopCreate,
    ProposalPublic,
    budget_public,
    consequences_public,
    functions_public,
    plan_public,
)
from app.web.deps import ApiFacilitator, CatalogueDep, PlanningDep, SessionDep

router = APIRouter(prefix="/plans", tags=["planning"])


@dataclass(frozen=True)
class PlanDesk:
    """What every plan call needs: who asks, the database and both catalogues."""

    me: Facilitator
    session: Session
    catalogue: Catalogue
    planning: PlanningCatalogue

    def view(self, record: plans.PlanRecord) -> PlanView:
        return plans.build_view(record, self.catalogue, self.planning)

    def read(self, plan_id: int) -> PlanView:
        return self.view(plans.get_plan(self.session, self.me.id, plan_id))

    def update(self, plan_id: int, changes: dict[str, Any]) -> PlanView:
        return self.view(
            plans.update_plan(
                self.session, self.catalogue, self.planning, self.me.id, plan_id, changes
            )
        )


def plan_desk(
    me: ApiFacilitator, session: SessionDep, catalogue: CatalogueDep, planning: PlanningDep
) -> PlanDesk:
    return PlanDesk(me, session, catalogue, planning)


PlanDeskDep = Annotated[PlanDesk, Depends(plan_desk)]


@router.post("", response_model=PlanPublic, status_code=201)
def create_plan(body: PlanCreate, desk: PlanDeskDep) -> PlanPublic:
    return plan_public(desk.view(plans.create_plan(desk.session, desk.me.id, body.title)))


@router.get("", response_model=list[PlanListedPublic])
def list_plans(me: ApiFacilitator, session: SessionDep) -> list[PlanListedPublic]:
    return [
        PlanListedPublic(id=p.id, title=p.title, workshop_id=p.workshop_id, updated_at=p.updated_at)
        for p in plans.list_plans(session, me.id)
    ]


@router.get("/{plan_id}", response_model=PlanPublic)
def read_plan(plan_id: int, desk: PlanDeskDep) -> PlanPublic:
    return plan_public(desk.read(plan_id))


@router.patch("/{plan_id}", response_model=PlanPublic)
def update_plan(plan_id: int, body: PlanUpdate, desk: PlanDeskDep) -> PlanPublic:
    return plan_public(desk.update(plan_id, body.model_dump(exclude_unset=True)))


@router.put("/{plan_id}/answers", response_model=PlanPublic)
def record_answers(plan_id: int, body: AnswersUpdate, desk: PlanDeskDep) -> PlanPublic:
    record = plans.record_answers(desk.session, desk.planning, desk.me.id, plan_id, body.answers)
    return plan_public(desk.view(record))


@router.get("/{plan_id}/consequences", response_model=ConsequencesPublic)
def read_consequences(plan_id: int, desk: PlanDeskDep) -> ConsequencesPublic:
    return consequences_public(desk.read(plan_id))


@router.get("/{plan_id}/cases", response_model=list[CaseRankedPublic])
def rank_cases(plan_id: int, desk: PlanDeskDep) -> list[CaseRankedPublic]:
    return [
        CaseRankedPublic(
            key=m.case.key,
            name=m.case.name,
            kind=m.case.kind,
            model=m.case.model,
            similarity=m.score,
            shared=m.shared,
            coverage=m.coverage,
            alike=[{"question": q, "answer": a} for q, a in m.alike],
            near=[{"question": q, "yours": y, "theirs": t} for q, y, t in m.near],
            differ=[{"question": q, "yours": y, "theirs": t} for q, y, t in m.differ],
            not_known=list(m.unknown),
            summary=m.case.summary,
        )
        for m in desk.read(plan_id).cases
    ]


@router.get("/{plan_id}/functions", response_model=FunctionsPublic)
def read_functions(plan_id: int, desk: PlanDeskDep) -> FunctionsPublic:
    return functions_public(desk.read(plan_id))


@router.put("/{plan_id}/functions", response_model=FunctionsPublic)
def assign_functions(plan_id: int, body: FunctionsUpdate, desk: PlanDeskDep) -> FunctionsPublic:
    return functions_public(desk.update(plan_id, {"carriers": body.carriers}))


@router.get("/{plan_id}/budget", response_model=BudgetPublic)
def read_budget(plan_id: int, desk: PlanDeskDep) -> BudgetPublic:
    return budget_public(desk.read(plan_id))


@router.put("/{plan_id}/budget", response_model=BudgetPublic)
def set_budget(plan_id: int, body: BudgetUpdate, desk: PlanDeskDep) -> BudgetPublic:
    lines = [line.model_dump() for line in body.lines]
    adjustment = None
    if "adjustment" in body.model_fields_set:
        adjustment = body.adjustment.model_dump() if body.adjustment else {}
    record = plans.set_budget(desk.session, desk.planning, desk.me.id, plan_id, lines, adjustment)
    return budget_public(desk.view(record))


def _reasons(proposal: Proposal) -> dict[str, list[str]]:
    return {k: list(v) for k, v in proposal.reasons.items()}


@router.get("/{plan_id}/proposal", response_model=ProposalPublic)
def read_proposal(plan_id: int, desk: PlanDeskDep) -> ProposalPublic:
    p = desk.read(plan_id).proposal
    return ProposalPublic(
        criteria=list(p.criteria), proposed_weights=dict(p.points), reasons=_reasons(p)
    )


@router.get("/{plan_id}/summary", response_model=dict[str, Any])
def read_summary(plan_id: int, desk: PlanDeskDep) -> dict[str, Any]:
    """Every section of the plan in one record (what the rationale documents include)."""
    return plan_data(desk.read(plan_id).summary)


@router.post("/{plan_id}/workshop", response_model=ConvertedPublic, status_code=201)
def convert_to_workshop(
    plan_id: int, desk: PlanDeskDep, body: PlanWorkshopCreate | None = None
) -> ConvertedPublic:
    done = plans.convert_to_workshop(
        desk.session,
        desk.catalogue,
        desk.planning,
        desk.me.id,
        plan_id,
        body.title if body else None,
    )
    p = done.proposal
    return ConvertedPublic(
        workshop_id=done.workshop_id,
        plan_id=done.plan_id,
        criteria=list(p.criteria),
        proposed_weights=dict(p.points),
        reasons=_reasons(p),
    )
