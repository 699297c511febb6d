"""A state health department plan's own edits, pure: the stored state (`PlanState`, read from
and written to JSON) and the checks of every edit, each naming the field at fault."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.domain.errors import InvalidInput
from app.domain.keys import unique_key
from app.domain.planning.catalogue import PlanningCatalogue

MAX_AMOUNT = 1_000_000_000
MAX_FTE = 20.0


@dataclass(frozen=True)
class CustomLine:
    key: str
    label: str
    amount: int


@dataclass(frozen=True)
class PriceAdjustment:
    """The planner's own assumption: the budget is for `year`, and the reference figures are
    multiplied by `factor` to bring them from the reference year's dollars to that year's."""

    year: int
    factor: float


MIN_FACTOR = 0.1
MAX_FACTOR = 10.0
MAX_YEAR = 2100


@dataclass(frozen=True)
class PlanState:
    """The planner's edits; anything absent falls back to the catalogue's defaults."""

    model: str | None = None
    carriers: Mapping[str, str] = field(default_factory=dict)
    staff: Mapping[str, float] = field(default_factory=dict)
    amounts: Mapping[str, int] = field(default_factory=dict)
    custom_lines: tuple[CustomLine, ...] = ()
    selection: Mapping[str, str] = field(default_factory=dict)
    reports_to: str = ""
    phases_done: tuple[str, ...] = ()
    adjustment: PriceAdjustment | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "carriers": dict(self.carriers),
            "staff": dict(self.staff),
            "budget": {
                "amounts": dict(self.amounts),
                "custom": [
                    {"key": c.key, "label": c.label, "amount": c.amount} for c in self.custom_lines
                ],
                "adjustment": (
                    {"year": self.adjustment.year, "factor": self.adjustment.factor}
                    if self.adjustment
                    else None
                ),
            },
            "selection": dict(self.selection),
            "reports_to": self.reports_to,
            "phases_done": list(self.phases_done),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> PlanState:
        data = data or {}
        budget = data.get("budget") or {}
        adjust = budget.get("adjustment")
        return cls(
            model=data.get("model"),
            carriers=dict(data.get("carriers") or {}),
            staff={k: float(v) for k, v in (data.get("staff") or {}).items()},
            amounts={k: int(v) for k, v in (budget.get("amounts") or {}).items()},
            custom_lines=tuple(
                CustomLine(c["key"], c["label"], int(c["amount"])) for c in budget.get("custom", [])
            ),
            selection=dict(data.get("selection") or {}),
            reports_to=str(data.get("reports_to") or ""),
            phases_done=tuple(data.get("phases_done") or ()),
            adjustment=(
                PriceAdjustment(int(adjust["year"]), float(adjust["factor"])) if adjust else None
            ),
        )


def check_model(model: str | None, models: Sequence[str]) -> str | None:
    if model in (None, ""):
        return None
    if model not in models:
        raise InvalidInput(
            f"Unknown model '{model}'. Choose one of: {', '.join(models)}.", field="model"
        )
    return model


def check_carriers(planning: PlanningCatalogue, carriers: Mapping[str, Any]) -> dict[str, str]:
    functions = {f.key for f in planning.functions}
    allowed = [c.key for c in planning.carriers]
    for key, value in carriers.items():
        if key not in functions:
            raise InvalidInput(f"Unknown function '{key}'.", field=f"carriers.{key}")
        if value not in allowed:
            raise InvalidInput(
                f"Who carries '{key}' must be one of: {', '.join(allowed)}.",
                field=f"carriers.{key}",
            )
    return dict(carriers)


def check_staff(planning: PlanningCatalogue, staff: Mapping[str, Any]) -> dict[str, float]:
    roles = {r.key for r in planning.staff_roles}
    out = {}
    for key, value in staff.items():
        if key not in roles:
            raise InvalidInput(f"Unknown staff role '{key}'.", field=f"staff.{key}")
        if value is None or value == "":
            continue  # left empty: the role keeps its current or default FTE
        fte = _number(value, f"staff.{key}")
        if not 0 <= fte <= MAX_FTE:
            raise InvalidInput(f"FTE must be from 0 to {MAX_FTE:g}.", field=f"staff.{key}")
        out[key] = round(fte, 2)
    return out


def check_selection(planning: PlanningCatalogue, selection: Mapping[str, Any]) -> dict[str, str]:
    choices = {c.key: c for c in planning.selection}
    out = {}
    for key, value in selection.items():
        choice = choices.get(key)
        if choice is None:
            raise InvalidInput(f"Unknown selection choice '{key}'.", field=f"selection.{key}")
        if value in (None, ""):
            continue
        if value not in [o.key for o in choice.options]:
            allowed = ", ".join(o.key for o in choice.options)
            raise InvalidInput(f"Choose one of: {allowed}.", field=f"selection.{key}")
        out[key] = value
    return out


def check_phases(planning: PlanningCatalogue, done: Sequence[Any]) -> tuple[str, ...]:
    known = planning.step_keys
    for key in done:
        if key not in known:
            raise InvalidInput(f"Unknown phase step '{key}'.", field="phases_done")
    return tuple(k for k in known if k in set(done))


def _number(value: Any, field_name: str) -> float:
    if isinstance(value, bool):
        raise InvalidInput("Must be a number.", field=field_name)
    try:
        number = float(str(value).replace(",", "").strip()) if isinstance(value, str) else value
        number = float(number)
    except (TypeError, ValueError):
        raise InvalidInput("Must be a number.", field=field_name) from None
    if not math.isfinite(number):
        raise InvalidInput("Must be a finite number.", field=field_name)
    return number


def _amount(value: Any, field_name: str) -> int:
    number = _number(value, field_name)
    if number < 0 or number > MAX_AMOUNT:
        raise InvalidInput(f"Must be from 0 to {MAX_AMOUNT:,}.", field=field_name)
    if number != int(number):
        raise InvalidInput("Must be whole dollars.", field=field_name)
    return int(number)


def check_adjustment(planning: PlanningCatalogue, year: Any, factor: Any) -> PriceAdjustment | None:
    """The planner's budget year and price factor; both empty = none (reference dollars).
    A year alone keeps the factor at 1; a factor needs the year it brings the figures to."""
    empty = (None, "")
    if year in empty and factor in empty:
        return None
    if year in empty:
        raise InvalidInput(
            "Say which year the factor brings the figures to.", field="adjustment.year"
        )
    number = _number(year, "adjustment.year")
    start = planning.budget.year
    if number != int(number) or not start <= number <= MAX_YEAR:
        raise InvalidInput(f"Give a year from {start} to {MAX_YEAR}.", field="adjustment.year")
    ratio = 1.0 if factor in empty else _number(factor, "adjustment.factor")
    if not MIN_FACTOR <= ratio <= MAX_FACTOR:
        raise InvalidInput(
            f"The factor must be from {MIN_FACTOR:g} to {MAX_FACTOR:g}.", field="adjustment.factor"
        )
    return PriceAdjustment(int(number), round(ratio, 4))


def check_budget_lines(
    planning: PlanningCatalogue, lines: Sequence[Mapping[str, Any]]
) -> tuple[dict[str, int], tuple[CustomLine, ...]]:
    """A whole budget edit: reference lines by key (amount None = back to the reference),
    and custom lines (an unknown or missing key with a label). Errors name `lines[i].field`."""
    reference = {line.key for line in planning.budget.lines}
    amounts: dict[str, int] = {}
    custom: list[CustomLine] = []
    taken = set(reference)
    for i, line in enumerate(lines):
        key = str(line.get("key") or "").strip()
        raw = line.get("amount")
        if key in reference:
            if key in amounts:
                raise InvalidInput(f"Line '{key}' appears twice.", field=f"lines[{i}].key")
            if raw not in (None, ""):
                amounts[key] = _amount(raw, f"lines[{i}].amount")
            continue
        label = str(line.get("label") or "").strip()
        if not label:
            raise InvalidInput("A new budget line needs a label.", field=f"lines[{i}].label")
        if len(label) > 120:
            raise InvalidInput(
                "A label may have at most 120 characters.", field=f"lines[{i}].label"
            )
        amount = _amount(raw if raw not in (None, "") else 0, f"lines[{i}].amount")
        new_key = (
            key if key and key not in taken else unique_key(label, taken, limit=40, fallback="line")
        )
        taken.add(new_key)
        custom.append(CustomLine(new_key, label, amount))
    return amounts, tuple(custom)
