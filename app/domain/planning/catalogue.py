"""The planning catalogue as frozen domain objects: the state health department's questionnaire,
the consequence rules, the cases, the backbone's functions, staff roles, selection choices,
phases and the reference budget. Pure data; `app.catalogue.planning` reads and checks the YAML."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Change = Literal["more", "less"]
Match = Literal["all", "any"]

# The template a plan's workshop starts from, and whose models a plan chooses among.
PLANNING_TEMPLATE = "state-health-department"


@dataclass(frozen=True)
class Option:
    key: str
    label: str


@dataclass(frozen=True)
class Question:
    """One questionnaire item; `ordered` options run from one end to the other."""

    key: str
    text: str
    why: str
    ordered: bool
    options: tuple[Option, ...]
    sources: tuple[str, ...]

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)

    def index(self, key: str) -> int:
        return [o.key for o in self.options].index(key)


@dataclass(frozen=True)
class Emphasis:
    """A proposal to give a criterion more or less weight in a later workshop."""

    criterion: str
    change: Change


@dataclass(frozen=True)
class Rule:
    """A consequence: fires on `when` (all, or any with match='any'), never on `unless`."""

    key: str
    when: tuple[tuple[str, tuple[str, ...]], ...]
    unless: tuple[tuple[str, tuple[str, ...]], ...]
    match: Match
    says: str
    emphases: tuple[Emphasis, ...]
    flags: tuple[str, ...]
    leans: tuple[tuple[str, int], ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """A state's or a named example's situation, as answers to the questionnaire."""

    key: str
    name: str
    kind: Literal["state", "type-example"]
    model: str
    summary: str
    lessons: tuple[str, ...]
    features: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]

    def feature(self, question: str) -> str | None:
        return dict(self.features).get(question)


@dataclass(frozen=True)
class Measures:
    short_term: str
    intermediate: str


@dataclass(frozen=True)
class BackboneFunction:
    key: str
    name: str
    description: str
    carrier: str
    carriers_by_model: tuple[tuple[str, str], ...]
    measures: Measures | None
    sources: tuple[str, ...]

    def default_carrier(self, model: str | None) -> str:
        return dict(self.carriers_by_model).get(model or "", self.carrier)


@dataclass(frozen=True)
class StaffRole:
    key: str
    name: str
    fte: float
    duties: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class SelectionChoice:
    key: str
    question: str
    options: tuple[Option, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PhaseStep:
    key: str
    component: str
    text: str


@dataclass(frozen=True)
class Phase:
    key: str
    name: str
    steps: tuple[PhaseStep, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ReferenceLine:
    key: str
    category: str
    label: str
    amount: int
    salary: bool = False
    share_of_salaries: float | None = None
    # A salary line paid for one staff role: its amount is for `fte` of that role.
    role: str | None = None
    fte: float | None = None


@dataclass(frozen=True)
class ReferenceBudget:
    source: str
    year: int
    currency: str
    total: int
    lines: tuple[ReferenceLine, ...]
    covered_by: str = ""


@dataclass(frozen=True)
class Condition:
    key: str
    name: str
    text: str


@dataclass(frozen=True)
class Conditions:
    """The conditions a collective-impact effort rests on, as context for a plan."""

    intro: str
    items: tuple[Condition, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PlanningCatalogue:
    """Everything in criteria/planning/, keyed and in file order."""

    questions: Mapping[str, Question]
    rules: tuple[Rule, ...]
    cases: Mapping[str, Case]
    carriers: tuple[Option, ...]
    functions: tuple[BackboneFunction, ...]
    staff_roles: tuple[StaffRole, ...]
    selection: tuple[SelectionChoice, ...]
    phases: tuple[Phase, ...]
    budget: ReferenceBudget
    conditions: Conditions = Conditions("", (), ())
    template: str = PLANNING_TEMPLATE

    def carrier_label(self, key: str) -> str:
        return next((c.label for c in self.carriers if c.key == key), key)

    @property
    def step_keys(self) -> tuple[str, ...]:
        return tuple(s.key for p in self.phases for s in p.steps)
