"""A plan's sections computed once (`plan_summary`), for the plan page, the API and every
rationale document, and the documents a plan cites."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.planning.backbone import (
    Budget,
    FunctionRow,
    StaffLine,
    budget,
    functions_matrix,
    staff_plan,
)
from app.domain.planning.catalogue import Conditions, PlanningCatalogue
from app.domain.planning.rules import Consequence, consequences, leading_model
from app.domain.planning.similarity import CaseMatch, rank_cases
from app.domain.planning.state import PlanState


@dataclass(frozen=True)
class AnsweredQuestion:
    question: str
    text: str
    answer: str | None
    answer_label: str | None


@dataclass(frozen=True)
class SelectionLine:
    key: str
    question: str
    choice: str | None
    choice_label: str | None


@dataclass(frozen=True)
class PhaseLine:
    phase: str
    step: str
    component: str
    text: str
    done: bool


@dataclass(frozen=True)
class PlanSummary:
    """Every section of a plan, computed once, for any renderer (Markdown, HTML, JSON...)."""

    title: str
    answers: tuple[AnsweredQuestion, ...]
    consequences: tuple[Consequence, ...]
    model: str
    model_name: str
    model_chosen: bool
    functions: tuple[FunctionRow, ...]
    staff: tuple[StaffLine, ...]
    total_fte: float
    budget: Budget
    selection: tuple[SelectionLine, ...]
    reports_to: str
    phases: tuple[PhaseLine, ...]
    similar_cases: tuple[CaseMatch, ...] = ()
    # What collective impact rests on, the context the plan is read in.
    conditions: Conditions | None = None


def plan_summary(
    planning: PlanningCatalogue,
    title: str,
    answers: Mapping[str, str],
    state: PlanState,
    model_names: Mapping[str, str],
) -> PlanSummary:
    """The plan's sections; `model_names` maps the candidate models (in order) to names."""
    models = list(model_names)
    lead = leading_model(planning, answers, models, state.model)
    staff = staff_plan(planning, state)
    done = set(state.phases_done)
    choices = []
    for c in planning.selection:
        picked = state.selection.get(c.key)
        label = next((o.label for o in c.options if o.key == picked), None)
        choices.append(SelectionLine(c.key, c.question, picked, label))
    return PlanSummary(
        title=title,
        answers=tuple(
            AnsweredQuestion(
                q.key,
                q.text,
                answers.get(q.key),
                (q.option(answers[q.key]) or q.options[0]).label if q.key in answers else None,
            )
            for q in planning.questions.values()
        ),
        consequences=tuple(consequences(planning, answers)),
        model=lead.model,
        model_name=model_names.get(lead.model, lead.model),
        model_chosen=lead.chosen,
        functions=tuple(functions_matrix(planning, lead.model, state.carriers)),
        staff=tuple(staff),
        total_fte=round(sum(s.fte for s in staff), 2),
        budget=budget(planning, state),
        selection=tuple(choices),
        reports_to=state.reports_to,
        phases=tuple(
            PhaseLine(p.name, s.key, s.component, s.text, s.key in done)
            for p in planning.phases
            for s in p.steps
        ),
        similar_cases=tuple(m for m in rank_cases(planning, answers) if m.score > 0)[:3],
        conditions=planning.conditions if planning.conditions.items else None,
    )


def plan_source_keys(plan: PlanSummary) -> list[str]:
    """The documents a plan rests on, in the order its sections cite them."""
    keys: list[str] = []
    groups = [c.sources for c in plan.consequences] + [f.sources for f in plan.functions]
    groups += [(plan.budget.source,)] + [m.case.sources for m in plan.similar_cases]
    groups += [plan.conditions.sources] if plan.conditions else []
    for group in groups:
        keys += [k for k in group if k not in keys]
    return keys
