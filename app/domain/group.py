"""Group aggregation: judgments (AIJ), priorities (AIP) and one cell's ratings."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

import numpy as np

from app.domain.errors import (
    EMPTY,
    NOT_FINITE,
    NOT_SQUARE,
    SHAPE_MISMATCH,
    ZERO_SUM,
    InvalidInput,
    as_matrix,
    as_square,
    choice,
    is_missing,
    normalized_weights,
    require_non_negative,
)

PRIORITY_METHODS = ("geometric", "arithmetic")
RATING_METHODS = ("mean", "median")


def aggregate_judgments(matrices: Sequence[Any], member_weights: Any = None) -> list[list[float]]:
    """AIJ: the element-wise weighted geometric mean of the members' comparison matrices.

    The geometric mean keeps the result reciprocal (Aczel and Saaty), which an arithmetic mean
    would not. member_weights None means every member counts the same.
    """
    if len(matrices) == 0:
        raise InvalidInput("no comparison matrices to aggregate", code=EMPTY, field="matrices")
    stack = [as_square(m, "matrices") for m in matrices]
    shape = stack[0].shape
    if any(m.shape != shape for m in stack):
        raise InvalidInput(
            "all comparison matrices must have the same size", code=NOT_SQUARE, field="matrices"
        )
    lam = _member_weights(member_weights, len(stack))
    logs = np.log(np.stack(stack))
    return np.exp(np.tensordot(lam, logs, axes=1)).tolist()


def aggregate_priorities(
    vectors: Any, member_weights: Any = None, method: str = "geometric"
) -> list[float]:
    """AIP: combine the members' priority vectors into one that sums to 1.

    Each vector is first rescaled to sum 1, so raw points can be passed too. "geometric" is the
    weighted geometric mean renormalized; a criterion someone gave zero stays at zero under it.
    """
    choice(method, PRIORITY_METHODS, "method")
    arr = as_matrix(vectors, "vectors")
    require_non_negative(arr, "vectors")
    tops = arr.max(axis=1)
    if np.any(tops <= 0):
        raise InvalidInput("a member's priority vector is all zero", code=ZERO_SUM, field="vectors")
    with np.errstate(over="ignore"):
        totals = arr.sum(axis=1)
    huge = ~np.isfinite(totals)
    if huge.any():  # rows whose sum overflows: scale by their largest value first
        arr = np.where(huge[:, None], arr / tops[:, None], arr)
        totals = arr.sum(axis=1)
    arr = arr / totals[:, None]
    lam = _member_weights(member_weights, arr.shape[0])
    if method == "arithmetic":
        out = lam @ arr
    else:
        with np.errstate(divide="ignore"):
            logs = np.where(arr > 0, np.log(arr), 0.0)
        out = np.exp(lam @ logs)
        # A zero from a member who counts makes the product zero; a zero-weight member's doesn't.
        out[((arr == 0) & (lam[:, None] > 0)).any(axis=0)] = 0.0
    total = float(out.sum())
    if total <= 0:
        raise InvalidInput(
            "every criterion got zero from some member, so the geometric mean is zero "
            "everywhere; use the arithmetic mean",
            code=ZERO_SUM,
            field="vectors",
        )
    return (out / total).tolist()


def aggregate_ratings(ratings: Sequence[float | None], method: str = "mean") -> float | None:
    """One cell's group rating: mean or median of the given ratings, None if nobody rated it."""
    choice(method, RATING_METHODS, "method")
    given: list[float] = []
    for r in ratings:
        if is_missing(r):
            continue
        try:
            v = float(r)  # type: ignore[arg-type]
        except (TypeError, ValueError) as exc:
            raise InvalidInput(
                "a rating must be a number", code=NOT_FINITE, field="ratings"
            ) from exc
        if not math.isfinite(v):
            raise InvalidInput("a rating must be a finite number", code=NOT_FINITE, field="ratings")
        given.append(v)
    if not given:
        return None
    if method == "median":
        return float(statistics.median(given))
    return math.fsum(given) / len(given)


def _member_weights(member_weights: Any, count: int) -> np.ndarray:
    if member_weights is None:
        return np.full(count, 1.0 / count)
    if len(member_weights) != count:
        raise InvalidInput(
            f"member_weights has {len(member_weights)} entries for {count} members",
            code=SHAPE_MISMATCH,
            field="member_weights",
        )
    return normalized_weights(member_weights, "member_weights")
