"""Criterion weights from simple elicitations: rank order (ROC and kin), swing and points."""

from __future__ import annotations

from typing import Any

import numpy as np

from app.domain.errors import (
    OUT_OF_RANGE,
    InvalidInput,
    as_vector,
    choice,
    normalized_weights,
)

RANK_METHODS = ("roc", "rank_sum", "rank_reciprocal")


def rank_order(ranks: Any, method: str = "roc") -> list[float]:
    """Weights summing to 1 from importance ranks (1 = most important), in input order.

    Criteria are placed in positions 1..n by their rank; tied criteria share the mean of the
    weights of the positions they jointly occupy, so [1, 2, 2, 4] and [1, 2, 2, 3] agree.
    Formulas (Barron and Barrett 1996; Stillwell et al. 1981), position i of n:
      roc:             (1/n) * sum_{k=i..n} 1/k
      rank_sum:        2 (n + 1 - i) / (n (n + 1))
      rank_reciprocal: (1/i) / sum_{k=1..n} 1/k
    """
    choice(method, RANK_METHODS, "method")
    r = as_vector(ranks, "ranks")
    n = r.size
    pos = np.arange(1, n + 1, dtype=float)
    if method == "roc":
        base = np.cumsum((1.0 / pos)[::-1])[::-1] / n
    elif method == "rank_sum":
        base = 2.0 * (n + 1 - pos) / (n * (n + 1))
    else:
        base = (1.0 / pos) / np.sum(1.0 / pos)

    order = np.argsort(r, kind="stable")
    sorted_ranks = r[order]
    shared = base.copy()
    start = 0
    while start < n:
        end = start
        while end + 1 < n and sorted_ranks[end + 1] == sorted_ranks[start]:
            end += 1
        shared[start : end + 1] = base[start : end + 1].mean()
        start = end + 1
    out = np.empty(n)
    out[order] = shared
    return out.tolist()


def swing(points: Any) -> list[float]:
    """Swing weights: points from 0 to 100 (the most important swing usually 100) over their sum."""
    arr = as_vector(points, "points")
    if np.any(arr > 100):
        raise InvalidInput(
            "swing points must be between 0 and 100", code=OUT_OF_RANGE, field="points"
        )
    return normalized_weights(arr, "points").tolist()


def points(values: Any) -> list[float]:
    """Points of any size (non-negative, at least one positive) rescaled to sum 1."""
    return normalized_weights(values, "points").tolist()
