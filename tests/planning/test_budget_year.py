"""The budget's year and price factor (the planner's assumption) and salary lines that follow
the staff plan's FTE: pure domain arithmetic."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.domain.planning import PlanState, PriceAdjustment, budget, check_adjustment
from app.domain.planning.backbone import default_amount


def _line(b, key):
    return next(line for line in b.lines if line.key == key)


def test_default_amount_scales_by_factor_and_fte_share():
    assert default_amount(80_000, 1.0, None, None) == 80_000
    assert default_amount(80_000, 1.25, None, None) == 100_000
    assert default_amount(80_000, 1.0, 0.5, 1.0) == 40_000
    assert default_amount(55_000, 1.1, 2.0, 1.0) == 121_000


def test_budget_factor_multiplies_every_unset_reference_line(planning):
    b = budget(planning, PlanState(adjustment=PriceAdjustment(2026, 1.5)))
    assert _line(b, "salary-director").amount == 120_000
    assert _line(b, "professional-fees").amount == 135_000
    assert _line(b, "salary-director").reference == 80_000  # the reference stays in 2012 dollars
    assert b.salaries == 337_500 and _line(b, "benefits").amount == 67_500
    assert b.adjusted_reference_total == 638_475 and b.reference_total == 425_650
    assert b.adjustment == PriceAdjustment(2026, 1.5) and b.year == 2012


def test_budget_factor_leaves_amounts_the_planner_set(planning):
    state = PlanState(adjustment=PriceAdjustment(2026, 2.0), amounts={"office": 5_000})
    assert _line(budget(planning, state), "office").amount == 5_000


def test_budget_salary_line_follows_its_role_fte(planning):
    b = budget(planning, PlanState(staff={"facilitator": 2.0, "data-manager": 0.5}))
    assert (_line(b, "salary-facilitator").amount, _line(b, "salary-facilitator").fte) == (
        110_000,
        2.0,
    )
    assert _line(b, "salary-data-manager").amount == 32_500
    assert _line(b, "salary-admin").fte is None and _line(b, "salary-admin").amount == 25_000
    assert b.salaries == 80_000 + 110_000 + 32_500 + 25_000
    assert _line(b, "benefits").amount == round(b.salaries * 0.2)


def test_budget_fte_and_factor_combine_unless_the_salary_is_set(planning):
    state = PlanState(staff={"project-director": 0.5}, adjustment=PriceAdjustment(2030, 1.2))
    assert _line(budget(planning, state), "salary-director").amount == 48_000
    edited = PlanState(staff={"project-director": 0.5}, amounts={"salary-director": 90_000})
    assert _line(budget(planning, edited), "salary-director").amount == 90_000


def test_budget_without_adjustment_is_the_reference(planning):
    b = budget(planning, PlanState())
    assert b.adjustment is None and b.adjusted_reference_total is None and b.total == 425_650
    assert b.covered_by  # the deck's note on what paid for it


def test_check_adjustment_reads_year_and_factor(planning):
    assert check_adjustment(planning, "", None) is None
    assert check_adjustment(planning, "2026", "1.37") == PriceAdjustment(2026, 1.37)
    assert check_adjustment(planning, 2020, "") == PriceAdjustment(2020, 1.0)


@pytest.mark.parametrize(
    ("year", "factor", "field"),
    [
        ("", "1.3", "adjustment.year"),
        ("2011", "1.3", "adjustment.year"),
        ("2026.5", "1.3", "adjustment.year"),
        ("soon", "1.3", "adjustment.year"),
        ("2026", "0", "adjustment.factor"),
        ("2026", "11", "adjustment.factor"),
        ("2026", "a lot", "adjustment.factor"),
    ],
)
def test_check_adjustment_refuses_naming_the_field(planning, year, factor, field):
    with pytest.raises(InvalidInput) as error:
        check_adjustment(planning, year, factor)
    assert error.value.field == field


def test_plan_state_keeps_the_adjustment_through_json():
    state = PlanState(adjustment=PriceAdjustment(2026, 1.4))
    assert PlanState.from_json(state.to_json()) == state
    assert PlanState.from_json({"budget": {"amounts": {}}}).adjustment is None
