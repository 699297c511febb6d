"""Scoring: normalizing ratings to [0, 1], the weighted sum, and competition ranks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from app.domain.errors import (
    OUT_OF_RANGE,
    SHAPE_MISMATCH,
    InvalidInput,
    as_matrix,
    as_vector,
    choice,
    normalized_weights,
)

DIRECTIONS = ("benefit", "cost")
NORMALIZE_METHODS = ("scale", "minmax")
# Scores closer than this are equal: floating noise must not split a tie between options.
TIE_TOLERANCE = 1e-9


def normalize(
    matrix: Any,
    directions: Sequence[str],
    method: str = "scale",
    scale: tuple[float, float] = (1, 5),
) -> list[list[float]]:
    """Options x criteria ratings -> values in [0, 1], higher better.

    "scale" maps the fixed rating scale: (x - lo)/(hi - lo), cost (hi - x)/(hi - lo); a rating
    outside the scale is an error. "minmax" does the same over each column's own min and max;
    a constant column gives 1.0 (nobody is worse than anybody on it).
    """
    choice(method, NORMALIZE_METHODS, "method")
    arr = as_matrix(matrix, "matrix")
    dirs = list(directions)
    if len(dirs) != arr.shape[1]:
        raise InvalidInput(
            f"directions has {len(dirs)} entries but the matrix has {arr.shape[1]} criteria",
            code=SHAPE_MISMATCH,
            field="directions",
        )
    for d in dirs:
        choice(d, DIRECTIONS, "directions")
    is_cost = np.array([d == "cost" for d in dirs])

    if method == "scale":
        lo, hi = (float(v) for v in scale)
        if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= lo:
            raise InvalidInput(
                f"scale must be (low, high) with low < high, got {scale!r}",
                code=OUT_OF_RANGE,
                field="scale",
            )
        if np.any(arr < lo) or np.any(arr > hi):
            raise InvalidInput(
                f"ratings must lie on the scale {lo:g}..{hi:g}", code=OUT_OF_RANGE, field="matrix"
            )
        span = hi - lo
        out = np.where(is_cost, (hi - arr) / span, (arr - lo) / span)
    else:
        col_lo = arr.min(axis=0)
        col_hi = arr.max(axis=0)
        span = col_hi - col_lo
        constant = span <= 0
        safe = np.where(constant, 1.0, span)
        out = np.where(is_cost, (col_hi - arr) / safe, (arr - col_lo) / safe)
        out[:, constant] = 1.0
    return out.tolist()


def weighted_sum(values: Any, weights: Any) -> list[float]:
    """One score per option: sum of value x weight, weights rescaled to sum 1 first."""
    arr = as_matrix(values, "values")
    w = normalized_weights(weights, "weights", length=arr.shape[1])
    return (arr @ w).tolist()


def competition_ranks(scores: Any) -> list[int]:
    """Ranks with 1 = best; equal scores (within TIE_TOLERANCE) share the best rank: 1, 2, 2, 4."""
    arr = as_vector(scores, "scores")
    # Counting strictly-better scores is order-independent and gives "1224" directly.
    better = arr[None, :] > arr[:, None] + TIE_TOLERANCE
    return (1 + better.sum(axis=1)).astype(int).tolist()
