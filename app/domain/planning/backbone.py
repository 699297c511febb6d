"""The backbone a plan sets out, pure: who carries each function, the staff and their FTE,
and the budget arithmetic against the reference budget."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.planning.catalogue import Measures, PlanningCatalogue
from app.domain.planning.state import PlanState, PriceAdjustment


@dataclass(frozen=True)
class BudgetLine:
    key: str
    category: str
    label: str
    amount: int
    reference: int | None
    computed: bool
    custom: bool
    fte: float | None = None  # for a role's salary line, the FTE its amount pays for


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
    covered_by: str = ""
    # The planner's year and price factor (an assumption, not a source's figure), and the
    # reference total in that year's dollars; None when the plan keeps the reference dollars.
    adjustment: PriceAdjustment | None = None
    adjusted_reference_total: int | None = None


def _fte(planning: PlanningCatalogue, state: PlanState, role: str | None) -> float | None:
    if role is None:
        return None
    default = next(r.fte for r in planning.staff_roles if r.key == role)
    return state.staff.get(role, default)


def default_amount(reference: int, factor: float, fte: float | None, per: float | None) -> int:
    """A line's amount when the planner has not set it: the reference amount times the price
    factor and, for a role's salary line, times the role's FTE over the FTE the line is for."""
    share = fte / per if fte is not None and per else 1.0
    return int(round(reference * factor * share))


def budget(planning: PlanningCatalogue, state: PlanState) -> Budget:
    """The plan's budget: reference amounts unless edited, brought to the planner's year by
    their factor, a role's salary following that role's FTE; a line with a share of salaries
    is that share of the salary lines, rounded to the dollar, unless edited itself."""
    ref = planning.budget
    factor = state.adjustment.factor if state.adjustment else 1.0
    ftes = {line.key: _fte(planning, state, line.role) for line in ref.lines}
    amount = {
        line.key: state.amounts.get(
            line.key, default_amount(line.amount, factor, ftes[line.key], line.fte)
        )
        for line in ref.lines
    }
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
                ftes[line.key],
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
        ref.covered_by,
        state.adjustment,
        int(round(ref.total * factor)) if state.adjustment else None,
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
