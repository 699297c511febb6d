"""Domain errors with stable codes, and the input checks that raise them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

# Stable machine-readable codes for bad input to the decision math; they refine InvalidInput.
EMPTY = "empty_input"
NOT_SQUARE = "not_square"
SHAPE_MISMATCH = "shape_mismatch"
NOT_FINITE = "not_finite"
NEGATIVE = "negative_value"
NON_POSITIVE = "non_positive_value"
ZERO_SUM = "zero_sum"
OUT_OF_RANGE = "out_of_range"
UNKNOWN_METHOD = "unknown_method"
INVALID_ARGUMENT = "invalid_argument"
TOO_LARGE = "too_large"


class DomainError(Exception):
    """A rule of the domain was broken; `code` is stable, `field` names the offending input."""

    code: str = "domain_error"

    def __init__(self, message: str, *, code: str | None = None, field: str | None = None):
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.field = field

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, field={self.field!r}, {self.message!r})"


class InvalidInput(DomainError):
    """The input is malformed or out of range (the math raises these, with a specific code)."""

    code = "invalid_input"


class NotFound(DomainError):
    code = "not_found"


class Conflict(DomainError):
    """The request clashes with the current state (e.g. a decided workshop)."""

    code = "conflict"


class Unauthorized(DomainError):
    code = "unauthorized"


class Forbidden(DomainError):
    """The caller is known but may not see this yet (results the facilitator has not shown)."""

    code = "forbidden"


class TooManyAttempts(DomainError):
    """Refused for now; `retry_after` says in how many seconds to try again."""

    code = "too_many_attempts"

    def __init__(self, message: str, *, retry_after: int = 60, field: str | None = None):
        super().__init__(message, field=field)
        self.retry_after = max(1, retry_after)


def as_matrix(value: Any, field: str, *, allow_empty_columns: bool = False) -> np.ndarray:
    """A finite 2-D float array with at least one row (and one column unless allowed)."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        # Ragged rows or None cells end up here; numpy's message is not meant for users.
        raise InvalidInput(
            f"{field} must be a rectangular table of numbers", code=SHAPE_MISMATCH, field=field
        ) from exc
    if arr.ndim != 2:
        if arr.size == 0:
            raise InvalidInput(f"{field} is empty", code=EMPTY, field=field)
        raise InvalidInput(
            f"{field} must be a table (rows x columns), got {arr.ndim} dimension(s)",
            code=SHAPE_MISMATCH,
            field=field,
        )
    if arr.shape[0] == 0 or (arr.shape[1] == 0 and not allow_empty_columns):
        raise InvalidInput(f"{field} is empty", code=EMPTY, field=field)
    require_finite(arr, field)
    return arr


def as_vector(value: Any, field: str) -> np.ndarray:
    """A finite, non-empty 1-D float array."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(
            f"{field} must be a list of numbers", code=NOT_FINITE, field=field
        ) from exc
    if arr.ndim != 1:
        raise InvalidInput(
            f"{field} must be a flat list of numbers", code=SHAPE_MISMATCH, field=field
        )
    if arr.size == 0:
        raise InvalidInput(f"{field} is empty", code=EMPTY, field=field)
    require_finite(arr, field)
    return arr


def as_square(value: Any, field: str) -> np.ndarray:
    """A finite square matrix with strictly positive entries (pairwise comparisons)."""
    arr = as_matrix(value, field)
    if arr.shape[0] != arr.shape[1]:
        raise InvalidInput(
            f"{field} must be square, got {arr.shape[0]} x {arr.shape[1]}",
            code=NOT_SQUARE,
            field=field,
        )
    if np.any(arr <= 0):
        raise InvalidInput(
            f"{field} must contain only positive numbers (ratios on the 1/9..9 scale)",
            code=NON_POSITIVE,
            field=field,
        )
    return arr


def require_finite(arr: np.ndarray, field: str) -> None:
    if not np.all(np.isfinite(arr)):
        raise InvalidInput(
            f"{field} contains a missing or non-finite number", code=NOT_FINITE, field=field
        )


def require_non_negative(arr: np.ndarray, field: str) -> None:
    if np.any(arr < 0):
        raise InvalidInput(f"{field} must not contain negative numbers", code=NEGATIVE, field=field)


def normalized_weights(
    value: Any, field: str = "weights", *, length: int | None = None
) -> np.ndarray:
    """Non-negative finite weights rescaled to sum 1; all-zero or wrong length is an error."""
    arr = as_vector(value, field)
    if length is not None and arr.size != length:
        raise InvalidInput(
            f"{field} has {arr.size} entries but {length} were expected",
            code=SHAPE_MISMATCH,
            field=field,
        )
    require_non_negative(arr, field)
    top = float(arr.max()) if arr.size else 0.0
    if top <= 0.0:
        raise InvalidInput(
            f"{field} are all zero; at least one must be positive", code=ZERO_SUM, field=field
        )
    with np.errstate(over="ignore"):
        total = float(arr.sum())
    if not np.isfinite(total):  # huge values: scale by the largest first, the sum then fits
        arr = arr / top
        total = float(arr.sum())
    return arr / total


def choice(value: str, allowed: Sequence[str], field: str) -> str:
    if value not in allowed:
        raise InvalidInput(
            f"{field} must be one of {', '.join(map(repr, allowed))}, got {value!r}",
            code=UNKNOWN_METHOD,
            field=field,
        )
    return value


def is_missing(value: Any) -> bool:
    """None counts as missing; a float NaN is treated the same so spreadsheets round-trip."""
    return value is None or (isinstance(value, float) and math.isnan(value))
