"""State health department planning, pure: the planning catalogue's objects, the rules drawn
from a department's answers, case similarity, the plan's stored state, its backbone (functions,
staff, budget) and its summary. The names below are the package's public face."""

from app.domain.planning.backbone import (
    Budget,
    BudgetLine,
    FunctionRow,
    StaffLine,
    budget,
    functions_matrix,
    staff_plan,
)
from app.domain.planning.catalogue import PLANNING_TEMPLATE, PlanningCatalogue
from app.domain.planning.rules import (
    Consequence,
    Leading,
    Proposal,
    check_answers,
    consequences,
    fires,
    largest_remainder,
    leading_model,
    model_leans,
    net_emphases,
    propose_workshop,
)
from app.domain.planning.similarity import CaseMatch, rank_cases, similarity
from app.domain.planning.state import (
    CustomLine,
    PlanState,
    check_budget_lines,
    check_carriers,
    check_model,
    check_phases,
    check_selection,
    check_staff,
)
from app.domain.planning.summary import PlanSummary, plan_source_keys, plan_summary

__all__ = [
    "PLANNING_TEMPLATE",
    "Budget",
    "BudgetLine",
    "CaseMatch",
    "Consequence",
    "CustomLine",
    "FunctionRow",
    "Leading",
    "PlanState",
    "PlanSummary",
    "PlanningCatalogue",
    "Proposal",
    "StaffLine",
    "budget",
    "check_answers",
    "check_budget_lines",
    "check_carriers",
    "check_model",
    "check_phases",
    "check_selection",
    "check_staff",
    "consequences",
    "fires",
    "functions_matrix",
    "largest_remainder",
    "leading_model",
    "model_leans",
    "net_emphases",
    "plan_source_keys",
    "plan_summary",
    "propose_workshop",
    "rank_cases",
    "similarity",
    "staff_plan",
]
