"""AHP pairwise comparisons: priorities, consistency, and which judgments to revisit."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from app.domain.errors import (
    EMPTY,
    INVALID_ARGUMENT,
    OUT_OF_RANGE,
    TOO_LARGE,
    InvalidInput,
    as_square,
    choice,
)

PRIORITY_METHODS = ("eigenvector", "geometric")

# Saaty's rule of thumb: a consistency ratio above this means the judgments do not fit one order.
CR_LIMIT = 0.10

# Saaty (1980) random indices; 3..10 as fixed in ENGINE.md, 11..15 from Saaty's extended table
# so that larger criteria sets still get a CR instead of an error.
RANDOM_INDEX: dict[int, float] = {
    3: 0.58,
    4: 0.90,
    5: 1.12,
    6: 1.24,
    7: 1.32,
    8: 1.41,
    9: 1.45,
    10: 1.49,
    11: 1.51,
    12: 1.48,
    13: 1.56,
    14: 1.57,
    15: 1.59,
}

# Saaty's fundamental scale and its reciprocals, for snapping suggested judgments.
SAATY_SCALE: tuple[float, ...] = tuple(
    sorted([float(v) for v in range(1, 10)] + [1.0 / v for v in range(2, 10)])
)
_LOG_SCALE = np.log(np.array(SAATY_SCALE))


@dataclass(frozen=True)
class Consistency:
    """Saaty's consistency measures of one comparison matrix."""

    lambda_max: float
    ci: float
    cr: float

    def acceptable(self, threshold: float = CR_LIMIT) -> bool:
        return self.cr <= threshold


def priorities(matrix: Any, method: str = "eigenvector") -> list[float]:
    """Weights summing to 1: principal right eigenvector, or normalized row geometric means."""
    choice(method, PRIORITY_METHODS, "method")
    a = as_square(matrix, "matrix")
    if a.shape[0] == 1:
        return [1.0]
    if method == "geometric":
        g = np.exp(np.log(a).mean(axis=1))
        return (g / g.sum()).tolist()
    return _perron(a)[1].tolist()


def consistency(matrix: Any) -> Consistency:
    """lambda_max, CI = (lambda_max - n)/(n - 1) and CR = CI/RI(n); CI and CR are 0 for n <= 2."""
    a = as_square(matrix, "matrix")
    n = a.shape[0]
    if n == 1:
        return Consistency(lambda_max=float(a[0, 0]), ci=0.0, cr=0.0)
    lam, _ = _perron(a)
    if n == 2:
        # Any reciprocal 2 x 2 matrix is consistent; report lambda but not rounding noise as CI.
        return Consistency(lambda_max=lam, ci=0.0, cr=0.0)
    if n not in RANDOM_INDEX:
        raise InvalidInput(
            f"consistency is defined here for at most {max(RANDOM_INDEX)} items, got {n}",
            code=TOO_LARGE,
            field="matrix",
        )
    # lambda_max >= n for reciprocal matrices; clamp eigen-solver noise so CI is never -1e-16.
    ci = max(0.0, (lam - n) / (n - 1))
    return Consistency(lambda_max=lam, ci=ci, cr=ci / RANDOM_INDEX[n])


def consistency_ratios(matrices: Any) -> list[float | None]:
    """CR of many same-size matrices at once (one batched eigenvalue call); None where the CR
    is not defined (more items than the random-index table); 0 for two items or fewer."""
    stack = np.asarray(matrices, dtype=float)
    if stack.ndim != 3 or stack.shape[0] == 0:
        return []
    n = stack.shape[1]
    if n <= 2:
        return [0.0] * stack.shape[0]
    if n not in RANDOM_INDEX:
        return [None] * stack.shape[0]
    lam = np.linalg.eigvals(stack).real.max(axis=1)
    return (np.maximum(0.0, (lam - n) / (n - 1)) / RANDOM_INDEX[n]).tolist()


def most_inconsistent(matrix: Any, k: int = 3) -> list[tuple[int, int, float]]:
    """Up to k judgments (i < j) to revisit, worst first, each with a suggested value.

    The error of a judgment is e_ij = a_ij * w_j / w_i, which is 1 in a perfectly consistent
    matrix; entries are ranked by |ln e_ij| so that 2 and 1/2 count as equally far off. The
    suggestion is w_i / w_j snapped to the nearest value on Saaty's scale (in log distance).
    Judgments already consistent (to rounding) are never listed.
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 0:
        raise InvalidInput(
            "k must be a non-negative whole number", code=INVALID_ARGUMENT, field="k"
        )
    a = as_square(matrix, "matrix")
    n = a.shape[0]
    if n <= 2 or k == 0:
        return []
    _, w = _perron(a)
    iu, ju = np.triu_indices(n, k=1)
    deviation = np.abs(np.log(a[iu, ju] * w[ju] / w[iu]))
    order = np.argsort(-deviation, kind="stable")
    out: list[tuple[int, int, float]] = []
    for idx in order[:k]:
        if deviation[idx] <= 1e-9:
            break
        i, j = int(iu[idx]), int(ju[idx])
        out.append((i, j, snap_to_scale(float(w[i] / w[j]))))
    return out


def snap_to_scale(ratio: float) -> float:
    """The value of Saaty's 1/9..9 scale nearest to ratio in log distance."""
    if not math.isfinite(ratio) or ratio <= 0:
        raise InvalidInput("ratio must be a positive number", code=OUT_OF_RANGE, field="ratio")
    return SAATY_SCALE[int(np.argmin(np.abs(_LOG_SCALE - math.log(ratio))))]


def reciprocal_matrix(n: int, judgments: Mapping[tuple[int, int], float]) -> list[list[float]]:
    """A full n x n reciprocal matrix from judgments {(i, j): a_ij}; every pair must be given once.

    (j, i) may be given instead of (i, j); giving both is an error so no judgment is silently lost.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InvalidInput("n must be a positive whole number", code=EMPTY, field="n")
    a = np.ones((n, n))
    seen: set[tuple[int, int]] = set()
    for (i, j), value in judgments.items():
        if not (0 <= i < n and 0 <= j < n) or i == j:
            raise InvalidInput(
                f"judgment ({i}, {j}) does not name two different items of {n}",
                code=OUT_OF_RANGE,
                field="judgments",
            )
        v = float(value)
        if not math.isfinite(v) or v <= 0:
            raise InvalidInput(
                f"judgment ({i}, {j}) must be a positive number",
                code=OUT_OF_RANGE,
                field="judgments",
            )
        pair = (min(i, j), max(i, j))
        if pair in seen:
            raise InvalidInput(
                f"judgment {pair} is given twice", code=INVALID_ARGUMENT, field="judgments"
            )
        seen.add(pair)
        a[i, j], a[j, i] = v, 1.0 / v
    missing = n * (n - 1) // 2 - len(seen)
    if missing:
        raise InvalidInput(f"{missing} pairwise judgment(s) missing", code=EMPTY, field="judgments")
    return a.tolist()


def _perron(a: np.ndarray) -> tuple[float, np.ndarray]:
    """Principal eigenvalue and its eigenvector scaled to sum 1 (a positive matrix has one)."""
    values, vectors = np.linalg.eig(a)
    idx = int(np.argmax(values.real))
    vec = np.abs(vectors[:, idx].real)
    return float(values[idx].real), vec / vec.sum()
