"""The backbone a plan sets out, pure: who carries each function, the staff and their FTE,
and the budget arithmetic against the reference budget."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.planning.catalogue import Measures, PlanningCatalogue
from app.domain.planning.state import PlanState


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
