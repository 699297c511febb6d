"""Schemas of /plans: a planning draft, its consequences, cases, functions, budget and
proposal, and the mappers from a PlanView."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field

from app.domain.planning import net_emphases
from app.services.planning import PlanView
from app.web.api.schemas import Body, Key, Short, Title

# A plan's keyed collections (answers, functions, staff roles, phases) are small catalogue
# lists; 100 entries is far above any of them. Amounts stay within what sums safely.
MAX_ENTRIES = 100
Amount = Annotated[float, Field(ge=-1e10, le=1e10)]
Entries = Field(max_length=MAX_ENTRIES)


class PlanCreate(Body):
    title: Title


class PlanUpdate(Body):
    title: Title | None = None
    model: Key | None = None
    carriers: Annotated[dict[Key, Key], Entries] | None = None
    staff: Annotated[dict[Key, Amount], Entries] | None = None
    selection: Annotated[dict[Key, Key | None], Entries] | None = None
    reports_to: Short | None = None
    phases_done: Annotated[list[Key], Entries] | None = None


class AnswersUpdate(Body):
    answers: Annotated[dict[Key, Key | None], Entries]


class FunctionsUpdate(Body):
    carriers: Annotated[dict[Key, Key], Entries]


class BudgetLineUpdate(Body):
    key: Key | None = None
    label: Short | None = None
    amount: Amount | None = None


class AdjustmentUpdate(Body):
    year: Annotated[int, Field(ge=0, le=9999)] | None = None
    factor: Amount | None = None


class BudgetUpdate(Body):
    lines: Annotated[list[BudgetLineUpdate], Entries]
    # Absent: the plan keeps its price year; null or {} : back to the reference dollars.
    adjustment: AdjustmentUpdate | None = None


class PlanWorkshopCreate(Body):
    title: Title | None = None


class StaffPublic(BaseModel):
    key: str
    name: str
    fte: float


class PlanListedPublic(BaseModel):
    id: int
    title: str
    workshop_id: int | None
    updated_at: datetime


class PlanPublic(BaseModel):
    id: int
    title: str
    answers: dict[str, str]
    model: str
    model_name: str
    model_chosen: bool
    selection: dict[str, str]
    reports_to: str
    staff: list[StaffPublic]
    total_fte: float
    phases_done: list[str]
    workshop_id: int | None
    created_at: datetime
    updated_at: datetime


class ConsequencesPublic(BaseModel):
    consequences: list[dict[str, Any]]
    emphases: dict[str, int]
    leans: dict[str, int]
    leading_model: str


class CaseRankedPublic(BaseModel):
    key: str
    name: str
    kind: str
    model: str
    similarity: float
    shared: int
    coverage: float
    alike: list[dict[str, str]]
    near: list[dict[str, str]]
    differ: list[dict[str, str]]
    not_known: list[str]
    summary: str


class FunctionPublic(BaseModel):
    key: str
    name: str
    carrier: str
    default_carrier: str
    measures: dict[str, str] | None
    sources: list[str]


class FunctionsPublic(BaseModel):
    model: str
    functions: list[FunctionPublic]


class BudgetLinePublic(BaseModel):
    key: str
    category: str
    label: str
    amount: int
    reference: int | None
    computed: bool
    custom: bool
    fte: float | None = None


class AdjustmentPublic(BaseModel):
    """The planner's assumption: the year the budget is for and the factor applied to the
    reference figures."""

    year: int
    factor: float
    assumption: bool = True


class BudgetPublic(BaseModel):
    year: int
    currency: str
    source: str
    reference_total: int
    salaries: int
    total: int
    difference: int
    lines: list[BudgetLinePublic]
    covered_by: str = ""
    adjustment: AdjustmentPublic | None = None
    adjusted_reference_total: int | None = None


class ProposalPublic(BaseModel):
    criteria: list[str]
    proposed_weights: dict[str, int]
    reasons: dict[str, list[str]]


class ConvertedPublic(ProposalPublic):
    workshop_id: int
    plan_id: int


def plan_public(view: PlanView) -> PlanPublic:
    r, s = view.record, view.summary
    return PlanPublic(
        id=r.id,
        title=r.title,
        answers=dict(r.answers),
        model=s.model,
        model_name=s.model_name,
        model_chosen=s.model_chosen,
        selection=dict(r.state.selection),
        reports_to=r.state.reports_to,
        staff=[StaffPublic(key=x.key, name=x.name, fte=x.fte) for x in s.staff],
        total_fte=s.total_fte,
        phases_done=list(r.state.phases_done),
        workshop_id=r.workshop_id,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def consequences_public(view: PlanView) -> ConsequencesPublic:
    found = view.summary.consequences
    return ConsequencesPublic(
        consequences=[
            {
                "rule": c.rule,
                "says": c.says,
                "because": [{"question": q, "answer": a} for q, a in c.because],
                "emphases": [{"criterion": e.criterion, "change": e.change} for e in c.emphases],
                "flags": list(c.flags),
                "leans": dict(c.leans),
                "sources": list(c.sources),
            }
            for c in found
        ],
        emphases={k: v for k, v in net_emphases(found).items() if v},
        leans=dict(view.leading.leans),
        leading_model=view.leading.model,
    )


def functions_public(view: PlanView) -> FunctionsPublic:
    return FunctionsPublic(
        model=view.summary.model,
        functions=[
            FunctionPublic(
                key=f.key,
                name=f.name,
                carrier=f.carrier,
                default_carrier=f.default_carrier,
                measures=(
                    {"short_term": f.measures.short_term, "intermediate": f.measures.intermediate}
                    if f.measures
                    else None
                ),
                sources=list(f.sources),
            )
            for f in view.summary.functions
        ],
    )


def budget_public(view: PlanView) -> BudgetPublic:
    b = view.summary.budget
    return BudgetPublic(
        year=b.year,
        currency=b.currency,
        source=b.source,
        reference_total=b.reference_total,
        salaries=b.salaries,
        total=b.total,
        difference=b.difference,
        lines=[BudgetLinePublic(**line.__dict__) for line in b.lines],
        covered_by=b.covered_by,
        adjustment=(
            AdjustmentPublic(year=b.adjustment.year, factor=b.adjustment.factor)
            if b.adjustment
            else None
        ),
        adjusted_reference_total=b.adjusted_reference_total,
    )
