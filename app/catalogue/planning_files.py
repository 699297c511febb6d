"""The shapes of the files in criteria/planning/, as the loader reads them (checked on read;
turned into domain objects by app.catalogue.planning)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from app.catalogue.loader import Key, Keys, Schema, Text, Texts


class OptionIn(Schema):
    key: Key
    label: Text


class QuestionIn(Schema):
    key: Key
    text: Text
    why: Text
    ordered: bool
    options: Annotated[list[OptionIn], Field(min_length=2)]
    sources: Keys


class EmphasisIn(Schema):
    criterion: Key
    change: Literal["more", "less"]


class RuleIn(Schema):
    key: Key
    when: Annotated[dict[Key, Keys], Field(min_length=1)]
    unless: dict[Key, Keys] = {}
    match: Literal["all", "any"] = "all"
    says: Text
    emphases: list[EmphasisIn] = []
    flags: list[Text] = []
    leans: dict[Key, Literal[-1, 0, 1]] = {}
    sources: Keys


class CaseIn(Schema):
    key: Key
    name: Text
    kind: Literal["state", "type-example"]
    model: Key
    summary: Text
    lessons: Texts
    # Only what the source says: a case may answer no question at all. `support` names the
    # source passages behind each answer (support.yaml); tests/planning hold the two together.
    features: dict[Key, Key] = {}
    support: dict[Key, Keys] = {}
    sources: Keys


class MeasuresIn(Schema):
    short_term: Text
    intermediate: Text


class FunctionIn(Schema):
    key: Key
    name: Text
    description: Text
    carrier: Key
    carriers_by_model: dict[Key, Key] = {}
    measures: MeasuresIn | None = None
    sources: Keys


class ConditionIn(Schema):
    key: Key
    name: Text
    text: Text


class ConditionsIn(Schema):
    intro: Text
    items: Annotated[list[ConditionIn], Field(min_length=1)]
    sources: Keys


class StaffRoleIn(Schema):
    key: Key
    name: Text
    fte: Annotated[float, Field(ge=0, le=20)]
    duties: Texts
    sources: Keys


class SelectionIn(Schema):
    key: Key
    question: Text
    options: Annotated[list[OptionIn], Field(min_length=2)]
    sources: Keys


class StepIn(Schema):
    key: Key
    component: Text
    text: Text


class PhaseIn(Schema):
    key: Key
    name: Text
    steps: Annotated[list[StepIn], Field(min_length=1)]
    sources: Keys


class LineIn(Schema):
    key: Key
    category: Text
    label: Text
    amount: Annotated[int, Field(ge=0)]
    salary: bool = False
    share_of_salaries: Annotated[float, Field(gt=0, le=1)] | None = None
    role: Key | None = None
    fte: Annotated[float, Field(gt=0, le=20)] | None = None


class QuestionnaireFile(Schema):
    questions: Annotated[list[QuestionIn], Field(min_length=1)]


class ConsequencesFile(Schema):
    rules: Annotated[list[RuleIn], Field(min_length=1)]


class CasesFile(Schema):
    cases: Annotated[list[CaseIn], Field(min_length=1)]


class BackboneFile(Schema):
    carriers: Annotated[list[OptionIn], Field(min_length=2)]
    functions: Annotated[list[FunctionIn], Field(min_length=1)]
    staff_roles: Annotated[list[StaffRoleIn], Field(min_length=1)]
    selection: Annotated[list[SelectionIn], Field(min_length=1)]
    phases: Annotated[list[PhaseIn], Field(min_length=1)]
    conditions: ConditionsIn


class BudgetFile(Schema):
    source: Key
    year: int
    currency: Text
    total: Annotated[int, Field(ge=0)]
    covered_by: Text
    lines: Annotated[list[LineIn], Field(min_length=1)]
