"""State health department planning, pure: answers checked, consequences drawn, cases ranked by
similarity, the leading model, the functions matrix, budget arithmetic, the workshop proposal
and `plan_summary` (the plan's sections, for the rationale documents)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.planning_catalogue import (
    Emphasis,
    Measures,
    PlanningCatalogue,
    Rule,
)
from app.domain.planning_similarity import CaseMatch, rank_cases, similarity  # noqa: F401
from app.domain.planning_state import (  # noqa: F401  (re-exported: one import for callers)
    CustomLine,
    PlanState,
    check_budget_lines,
    check_carriers,
    check_model,
    check_phases,
    check_selection,
    check_staff,
)

# A proposed weight starts at BASE_WEIGHT; each "more" adds one step, each "less" takes one
# away, never below MIN_WEIGHT, so no criterion is silently dropped from the workshop.
BASE_WEIGHT = 2
MIN_WEIGHT = 1

# --- answers and consequences ---


def check_answers(planning: PlanningCatalogue, answers: Mapping[str, Any]) -> dict[str, str]:
    """The answers with unknown questions or options refused (field `answers.<question>`);
    a None or empty answer means 'not answered' and is dropped."""
    out: dict[str, str] = {}
    for key, value in answers.items():
        question = planning.questions.get(key)
        if question is None:
            raise InvalidInput(
                f"Unknown question '{key}'. Questions: {', '.join(planning.questions)}.",
                field=f"answers.{key}",
            )
        if value is None or value == "":
            continue
        if not isinstance(value, str) or question.option(value) is None:
            choices = ", ".join(o.key for o in question.options)
            raise InvalidInput(
                f"'{value}' is not an answer to '{key}'. Choose one of: {choices}.",
                field=f"answers.{key}",
            )
        out[key] = value
    return out


@dataclass(frozen=True)
class Consequence:
    """A rule that fired, with the answers that made it fire."""

    rule: str
    says: str
    because: tuple[tuple[str, str], ...]
    emphases: tuple[Emphasis, ...]
    flags: tuple[str, ...]
    leans: tuple[tuple[str, int], ...]
    sources: tuple[str, ...]


def _holds(answers: Mapping[str, str], question: str, values: Sequence[str]) -> bool:
    return answers.get(question) in values


def fires(rule: Rule, answers: Mapping[str, str]) -> bool:
    hits = [_holds(answers, q, vs) for q, vs in rule.when]
    matched = any(hits) if rule.match == "any" else all(hits)
    blocked = any(_holds(answers, q, vs) for q, vs in rule.unless)
    return bool(rule.when) and matched and not blocked


def consequences(planning: PlanningCatalogue, answers: Mapping[str, str]) -> list[Consequence]:
    """Every rule that fires on these answers, in the order of the rules file."""
    out = []
    for rule in planning.rules:
        if fires(rule, answers):
            because = tuple((q, answers[q]) for q, vs in rule.when if _holds(answers, q, vs))
            out.append(
                Consequence(
                    rule.key,
                    rule.says,
                    because,
                    rule.emphases,
                    rule.flags,
                    rule.leans,
                    rule.sources,
                )
            )
    return out


def net_emphases(found: Sequence[Consequence]) -> dict[str, int]:
    """Per criterion, the 'more' proposals minus the 'less' ones (zero entries kept)."""
    net: dict[str, int] = {}
    for c in found:
        for e in c.emphases:
            net[e.criterion] = net.get(e.criterion, 0) + (1 if e.change == "more" else -1)
    return net


def model_leans(found: Sequence[Consequence], models: Sequence[str]) -> dict[str, int]:
    """Per model (in the given order), the sum of the fired rules' leans."""
    leans = dict.fromkeys(models, 0)
    for c in found:
        for model, lean in c.leans:
            if model in leans:
                leans[model] += lean
    return leans


@dataclass(frozen=True)
class Leading:
    """The model the plan is built for: the planner's choice, else the one the answers lean to."""

    model: str
    chosen: bool
    leans: tuple[tuple[str, int], ...]
    closest_case: str | None


def leading_model(
    planning: PlanningCatalogue,
    answers: Mapping[str, str],
    models: Sequence[str],
    chosen: str | None = None,
) -> Leading:
    """The chosen model if any; else the model with the highest lean, ties broken by the
    most similar case whose model is among them, then by the order of `models`."""
    found = consequences(planning, answers)
    leans = model_leans(found, models)
    ranked = [m for m in rank_cases(planning, answers) if m.score > 0]
    closest = next((m.case.key for m in ranked if m.case.model in models), None)
    if chosen:
        return Leading(chosen, True, tuple(leans.items()), closest)
    best_case_score: dict[str, float] = {}
    for m in ranked:
        best_case_score.setdefault(m.case.model, m.score)
    model = max(
        models, key=lambda k: (leans[k], best_case_score.get(k, 0.0), -list(models).index(k))
    )
    return Leading(model, False, tuple(leans.items()), closest)


# --- budget arithmetic ---


@dataclass(frozen=True)
class BudgetLine:
    key: str
    category: str
    label: str
    amount: int
    reference: int | None
    computed: bool
    custom: bool


@dataclass(frozen=True)
class Budget:
    lines: tuple[BudgetLine, ...]
    salaries: int
    total: int
    reference_total: int
    difference: int
    year: int
    currency: str
    source: str


def budget(planning: PlanningCatalogue, state: PlanState) -> Budget:
    """The plan's budget: reference amounts unless edited; a line with a share of salaries is
    that share of the (edited) salary lines, rounded to the dollar, unless edited itself."""
    ref = planning.budget
    amount = {line.key: state.amounts.get(line.key, line.amount) for line in ref.lines}
    salaries = sum(amount[line.key] for line in ref.lines if line.salary)
    lines = []
    for line in ref.lines:
        computed = line.share_of_salaries is not None and line.key not in state.amounts
        if computed:
            assert line.share_of_salaries is not None
            amount[line.key] = int(round(salaries * line.share_of_salaries))
        lines.append(
            BudgetLine(
                line.key,
                line.category,
                line.label,
                amount[line.key],
                line.amount,
                computed,
                False,
            )
        )
    for c in state.custom_lines:
        lines.append(BudgetLine(c.key, "Added", c.label, c.amount, None, False, True))
    total = sum(line.amount for line in lines)
    return Budget(
        tuple(lines),
        salaries,
        total,
        ref.total,
        total - ref.total,
        ref.year,
        ref.currency,
        ref.source,
    )


# --- functions matrix ---


@dataclass(frozen=True)
class FunctionRow:
    key: str
    name: str
    description: str
    carrier: str
    carrier_label: str
    default_carrier: str
    measures: Measures | None
    sources: tuple[str, ...]


def functions_matrix(
    planning: PlanningCatalogue, model: str | None, carriers: Mapping[str, str]
) -> list[FunctionRow]:
    rows = []
    for f in planning.functions:
        default = f.default_carrier(model)
        carrier = carriers.get(f.key, default)
        rows.append(
            FunctionRow(
                f.key,
                f.name,
                f.description,
                carrier,
                planning.carrier_label(carrier),
                default,
                f.measures,
                f.sources,
            )
        )
    return rows


@dataclass(frozen=True)
class StaffLine:
    key: str
    name: str
    fte: float
    duties: tuple[str, ...]


def staff_plan(planning: PlanningCatalogue, state: PlanState) -> list[StaffLine]:
    return [
        StaffLine(r.key, r.name, state.staff.get(r.key, r.fte), r.duties)
        for r in planning.staff_roles
    ]


# --- the workshop proposal ---


@dataclass(frozen=True)
class Proposal:
    """Criteria and proposed weights (points summing to 100) for a workshop made from a plan;
    `reasons` lists, per criterion, the rules that moved its weight."""

    criteria: tuple[str, ...]
    points: Mapping[str, int]
    reasons: Mapping[str, tuple[str, ...]]


def largest_remainder(raw: Mapping[str, float], total: int = 100) -> dict[str, int]:
    """Whole points summing exactly to `total`, in proportion to `raw` (ties: first listed)."""
    whole = sum(raw.values())
    shares = {k: v * total / whole for k, v in raw.items()}
    points = {k: math.floor(s) for k, s in shares.items()}
    left = total - sum(points.values())
    order = sorted(raw, key=lambda k: (-(shares[k] - points[k]), list(raw).index(k)))
    for k in order[:left]:
        points[k] += 1
    return points


def propose_workshop(
    template_criteria: Sequence[str], found: Sequence[Consequence], known_criteria: Sequence[str]
) -> Proposal:
    """The template's criteria plus any catalogue criterion a rule asks to weigh more; each
    starts at BASE_WEIGHT and moves one step per emphasis, floored at MIN_WEIGHT."""
    net = net_emphases(found)
    criteria = list(template_criteria)
    for key, n in net.items():
        if n > 0 and key not in criteria and key in known_criteria:
            criteria.append(key)
    raw = {k: float(max(MIN_WEIGHT, BASE_WEIGHT + net.get(k, 0))) for k in criteria}
    reasons = {
        k: tuple(c.rule for c in found if any(e.criterion == k for e in c.emphases))
        for k in criteria
    }
    return Proposal(tuple(criteria), largest_remainder(raw), reasons)


# --- the summary the rationale documents render ---


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
    )
