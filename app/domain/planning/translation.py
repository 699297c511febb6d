"""A backbone plan in another language: the planning catalogue's texts that reach a rationale
document (questions and their answers, what follows, carriers, functions and their measures,
staff roles, selection choices, phases, budget lines, case names and the conditions of
collective impact), keyed like the English, and how they replace the English in a plan's
summary. What the planner typed (the title, who the backbone reports to, an added budget line)
stays as typed. Pure; app.catalogue.planning_translation reads and checks the files."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from app.domain.planning.catalogue import Condition, Conditions, Measures
from app.domain.planning.summary import PlanSummary


def _empty() -> Mapping[Any, Any]:
    return MappingProxyType({})


@dataclass(frozen=True)
class FunctionText:
    name: str
    measures: Measures | None


@dataclass(frozen=True)
class StepText:
    phase: str  # the key of the phase the step belongs to
    component: str
    text: str


@dataclass(frozen=True)
class PlanText:
    """One language's words for the planning catalogue, keyed like the English."""

    questions: Mapping[str, str] = field(default_factory=_empty)  # question -> text
    answers: Mapping[tuple[str, str], str] = field(default_factory=_empty)  # (question, option)
    rules: Mapping[str, str] = field(default_factory=_empty)  # rule -> what follows
    cases: Mapping[str, str] = field(default_factory=_empty)  # case -> name
    carriers: Mapping[str, str] = field(default_factory=_empty)
    functions: Mapping[str, FunctionText] = field(default_factory=_empty)
    roles: Mapping[str, str] = field(default_factory=_empty)  # staff role -> name
    choices: Mapping[str, str] = field(default_factory=_empty)  # selection choice -> question
    picks: Mapping[tuple[str, str], str] = field(default_factory=_empty)  # (choice, option)
    phases: Mapping[str, str] = field(default_factory=_empty)  # phase -> name
    steps: Mapping[str, StepText] = field(default_factory=_empty)
    budget: Mapping[str, tuple[str, str]] = field(default_factory=_empty)  # line -> category, label
    conditions_intro: str = ""
    conditions: Mapping[str, tuple[str, str]] = field(default_factory=_empty)  # name, text


def _conditions(c: Conditions | None, text: PlanText) -> Conditions | None:
    if c is None:
        return None
    items = tuple(
        Condition(i.key, *text.conditions[i.key]) if i.key in text.conditions else i
        for i in c.items
    )
    return dataclasses.replace(c, intro=text.conditions_intro or c.intro, items=items)


def translate_plan(
    plan: PlanSummary, text: PlanText, model_names: Mapping[str, str] | None = None
) -> PlanSummary:
    """`plan` with the catalogue's words in `text`'s language; `model_names` names the models
    in that language. A key the translation does not know keeps its English."""
    rep = dataclasses.replace
    answers = tuple(
        rep(
            a,
            text=text.questions.get(a.question, a.text),
            answer_label=text.answers.get((a.question, a.answer or ""), a.answer_label),
        )
        for a in plan.answers
    )
    consequences = tuple(rep(c, says=text.rules.get(c.rule, c.says)) for c in plan.consequences)
    functions = []
    for f in plan.functions:
        t = text.functions.get(f.key)
        functions.append(
            rep(
                f,
                name=t.name if t else f.name,
                measures=t.measures if t and t.measures else f.measures,
                carrier_label=text.carriers.get(f.carrier, f.carrier_label),
            )
        )
    staff = tuple(rep(s, name=text.roles.get(s.key, s.name)) for s in plan.staff)
    lines = tuple(
        line
        if line.custom or line.key not in text.budget
        else rep(line, category=text.budget[line.key][0], label=text.budget[line.key][1])
        for line in plan.budget.lines
    )
    selection = tuple(
        rep(
            s,
            question=text.choices.get(s.key, s.question),
            choice_label=text.picks.get((s.key, s.choice or ""), s.choice_label),
        )
        for s in plan.selection
    )
    phases = tuple(
        rep(p, phase=text.phases.get(s.phase, p.phase), component=s.component, text=s.text)
        if (s := text.steps.get(p.step))
        else p
        for p in plan.phases
    )
    cases = tuple(
        rep(m, case=rep(m.case, name=text.cases.get(m.case.key, m.case.name)))
        for m in plan.similar_cases
    )
    return rep(
        plan,
        answers=answers,
        consequences=consequences,
        model_name=(model_names or {}).get(plan.model, plan.model_name),
        functions=tuple(functions),
        staff=staff,
        budget=rep(plan.budget, lines=lines),
        selection=selection,
        phases=phases,
        similar_cases=cases,
        conditions=_conditions(plan.conditions, text),
    )
