"""How numbers read, in one place: shares as percents, figures with a fixed number of decimals,
and the one check every typed weight goes through before any arithmetic touches it."""

from __future__ import annotations

import math
from typing import TypeGuard

from app.domain.errors import InvalidInput
from app.domain.limits import MAX_WEIGHT


def percent(share: float | None) -> str:
    """0.1834 -> '18.3%', 0.53 -> '53%', None -> '–': the same figure reads the same on every
    page, in every sentence and in every document."""
    if share is None:
        return "–"
    text = f"{share * 100:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def decimal(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def is_number(value: object) -> TypeGuard[int | float]:
    """An int or a float as sent, and not a boolean (which Python counts as an int)."""
    return isinstance(value, int | float) and not isinstance(value, bool)


def check_weight(
    value: object, field: str, *, maximum: float = MAX_WEIGHT, noun: str = "A weight"
) -> float:
    """A typed weight as a float: a real number, finite, not negative, at most `maximum` (a
    million unless said), so sums of them never overflow; anything else is refused naming the
    field."""
    if not is_number(value):
        raise InvalidInput(f"{noun} must be a number.", field=field)
    try:
        number = float(value)
    except OverflowError:  # an integer literal too large for a float
        number = math.inf
    if not math.isfinite(number):
        raise InvalidInput(f"{noun} must be a finite number.", field=field)
    if number < 0:
        raise InvalidInput(f"{noun} cannot be negative.", field=field)
    if number > maximum:
        most = f"{maximum:,.0f}" if maximum == int(maximum) else f"{maximum:g}"
        raise InvalidInput(f"{noun} may be at most {most}.", field=field)
    return number
