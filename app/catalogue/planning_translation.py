"""The planning catalogue in another language: criteria/<language>/planning/*.yaml, the texts of
criteria/planning/ that reach a rationale document, keyed by the English keys. Read with the
rest of the language's catalogue (`read_plan_text`, from app.catalogue.translation) and checked
against the English planning files when they load (`check_plan_text`, from load_planning), so a
missing or extra text stops the start naming the file and the key."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from app.catalogue.loader import CatalogueProblem, Schema, Text, TranslationCheck, read_file
from app.domain.planning.catalogue import Measures, PlanningCatalogue
from app.domain.planning.translation import FunctionText, PlanText, StepText

FOLDER = "planning"
QUESTIONNAIRE, CONSEQUENCES, CASES, BACKBONE, BUDGET = (
    "questionnaire.yaml",
    "consequences.yaml",
    "cases.yaml",
    "backbone.yaml",
    "budget.yaml",
)


# --- the shape of each file (keys are the English keys) ---


class QuestionIn(Schema):
    text: Text
    options: dict[str, Text]


class QuestionnaireFile(Schema):
    questions: dict[str, QuestionIn]


class RuleIn(Schema):
    says: Text


class ConsequencesFile(Schema):
    rules: dict[str, RuleIn]


class CaseIn(Schema):
    name: Text


class CasesFile(Schema):
    cases: dict[str, CaseIn]


class MeasuresIn(Schema):
    short_term: Text
    intermediate: Text


class FunctionIn(Schema):
    name: Text
    measures: MeasuresIn | None = None


class RoleIn(Schema):
    name: Text


class ChoiceIn(Schema):
    question: Text
    options: dict[str, Text]


class StepIn(Schema):
    component: Text
    text: Text


class PhaseIn(Schema):
    name: Text
    steps: dict[str, StepIn]


class ConditionIn(Schema):
    name: Text
    text: Text


class ConditionsIn(Schema):
    intro: Text
    items: dict[str, ConditionIn]


class BackboneFile(Schema):
    carriers: dict[str, Text]
    functions: dict[str, FunctionIn]
    staff_roles: dict[str, RoleIn]
    selection: dict[str, ChoiceIn]
    phases: dict[str, PhaseIn]
    conditions: ConditionsIn


class LineIn(Schema):
    category: Text
    label: Text


class BudgetFile(Schema):
    lines: dict[str, LineIn]


def read_plan_text(folder: Path, shown: str, problems: list[CatalogueProblem]) -> PlanText | None:
    """<folder>/planning/*.yaml read and shaped (`shown` names the folder in problems); None
    when one of them is broken."""
    where, named = folder / FOLDER, f"{shown}/{FOLDER}"
    q = read_file(where, QUESTIONNAIRE, QuestionnaireFile, problems, named)
    r = read_file(where, CONSEQUENCES, ConsequencesFile, problems, named)
    c = read_file(where, CASES, CasesFile, problems, named)
    b = read_file(where, BACKBONE, BackboneFile, problems, named)
    g = read_file(where, BUDGET, BudgetFile, problems, named)
    if q is None or r is None or c is None or b is None or g is None:
        return None
    frozen = MappingProxyType
    return PlanText(
        questions=frozen({k: v.text for k, v in q.questions.items()}),
        answers=frozen(
            {(k, o): label for k, v in q.questions.items() for o, label in v.options.items()}
        ),
        rules=frozen({k: v.says for k, v in r.rules.items()}),
        cases=frozen({k: v.name for k, v in c.cases.items()}),
        carriers=frozen(dict(b.carriers)),
        functions=frozen(
            {
                k: FunctionText(
                    f.name,
                    Measures(f.measures.short_term, f.measures.intermediate)
                    if f.measures
                    else None,
                )
                for k, f in b.functions.items()
            }
        ),
        roles=frozen({k: v.name for k, v in b.staff_roles.items()}),
        choices=frozen({k: v.question for k, v in b.selection.items()}),
        picks=frozen(
            {(k, o): label for k, v in b.selection.items() for o, label in v.options.items()}
        ),
        phases=frozen({k: p.name for k, p in b.phases.items()}),
        steps=frozen(
            {
                s: StepText(k, step.component, step.text)
                for k, p in b.phases.items()
                for s, step in p.steps.items()
            }
        ),
        budget=frozen({k: (v.category, v.label) for k, v in g.lines.items()}),
        conditions_intro=b.conditions.intro,
        conditions=frozen({k: (v.name, v.text) for k, v in b.conditions.items.items()}),
    )


def check_plan_text(
    english: PlanningCatalogue, text: PlanText, shown: str
) -> list[CatalogueProblem]:
    """Every text of the English planning catalogue that reaches a document has its
    translation in `text`, and `text` has nothing the English lacks. `shown` names the
    language's planning folder, e.g. criteria/es/planning."""
    problems: list[CatalogueProblem] = []
    check = TranslationCheck(problems)
    f_q, f_r, f_c, f_b, f_g = (
        f"{shown}/{n}" for n in (QUESTIONNAIRE, CONSEQUENCES, CASES, BACKBONE, BUDGET)
    )
    check.keys(f_q, "questions", text.questions, list(english.questions))
    for key, q in english.questions.items():
        if key in text.questions:
            have = [o for (qk, o) in text.answers if qk == key]
            check.keys(f_q, f"questions.{key}.options", have, [o.key for o in q.options])
    check.keys(f_r, "rules", text.rules, [r.key for r in english.rules])
    check.keys(f_c, "cases", text.cases, list(english.cases))
    check.keys(f_b, "carriers", text.carriers, [c.key for c in english.carriers])
    check.keys(f_b, "functions", text.functions, [f.key for f in english.functions])
    for f in english.functions:
        t = text.functions.get(f.key)
        if t is None:
            continue
        if f.measures is not None and t.measures is None:
            problems.append(
                CatalogueProblem(f_b, f"functions.{f.key}.measures", "has no translation")
            )
        if f.measures is None and t.measures is not None:
            where = f"functions.{f.key}.measures"
            problems.append(CatalogueProblem(f_b, where, "is not a key of the English"))
    check.keys(f_b, "staff_roles", text.roles, [r.key for r in english.staff_roles])
    check.keys(f_b, "selection", text.choices, [c.key for c in english.selection])
    for c in english.selection:
        if c.key in text.choices:
            have = [o for (ck, o) in text.picks if ck == c.key]
            check.keys(f_b, f"selection.{c.key}.options", have, [o.key for o in c.options])
    check.keys(f_b, "phases", text.phases, [p.key for p in english.phases])
    for p in english.phases:
        if p.key in text.phases:
            have = [s for s, t in text.steps.items() if t.phase == p.key]
            check.keys(f_b, f"phases.{p.key}.steps", have, [s.key for s in p.steps])
    check.keys(f_b, "conditions.items", text.conditions, [c.key for c in english.conditions.items])
    check.keys(f_g, "lines", text.budget, [line.key for line in english.budget.lines])
    return problems
