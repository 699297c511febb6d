"""Agreement in a group: Goepel's AHP consensus S* and Kendall's coefficient of concordance W."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from app.domain.errors import (
    OUT_OF_RANGE,
    ZERO_SUM,
    InvalidInput,
    as_matrix,
    require_non_negative,
)
from app.domain.scoring import TIE_TOLERANCE


def ahp_consensus(priority_vectors: Any, scale_max: float = 9) -> float:
    """Goepel's (2018) relative homogeneity S* of the members' priority vectors, in [0, 1].

    With Shannon entropies (natural log): H_alpha = mean entropy of the members' vectors,
    H_gamma = entropy of their arithmetic mean, H_beta = H_gamma - H_alpha, and
    S* = (exp(-H_beta) - c)/(1 - c) with c = exp(H_alpha_min)/n, where H_alpha_min is the
    entropy of the most extreme AHP vector (one item scale_max times all others). Each vector
    is rescaled to sum 1. 1 = identical vectors; 0 = as far apart as AHP judgments allow.
    Points-based vectors can be more extreme than the 1-9 scale permits, which would push the
    raw value below 0, so the result is clipped to [0, 1].
    """
    arr = as_matrix(priority_vectors, "priority_vectors")
    require_non_negative(arr, "priority_vectors")
    m = float(scale_max)
    if not math.isfinite(m) or m <= 1:
        raise InvalidInput(
            "scale_max must be a number greater than 1", code=OUT_OF_RANGE, field="scale_max"
        )
    totals = arr.sum(axis=1)
    if np.any(totals <= 0):
        raise InvalidInput(
            "a member's priority vector is all zero", code=ZERO_SUM, field="priority_vectors"
        )
    p = arr / totals[:, None]
    n = p.shape[1]
    if n == 1:
        return 1.0  # a single item: every member necessarily gives it everything
    h_alpha = float(_entropy(p).mean())
    h_gamma = float(_entropy(p.mean(axis=0)))
    h_beta = max(0.0, h_gamma - h_alpha)  # >= 0 by concavity; clamp rounding noise
    big = m / (n + m - 1)
    small = 1.0 / (n + m - 1)
    h_alpha_min = -(big * math.log(big) + (n - 1) * small * math.log(small))
    c = math.exp(h_alpha_min) / n
    s_star = (math.exp(-h_beta) - c) / (1.0 - c)
    return min(1.0, max(0.0, s_star))


def kendall_w(ratings: Any, tie_correction: bool = True) -> float:
    """Kendall's W for ratings (objects x raters), each rater's column ranked with mid-ranks.

    W = 12 S / (m^2 (n^3 - n) - m T), S the squared deviations of the objects' rank sums from
    their mean, T = sum over raters and tie groups of (t^3 - t) (0 without tie correction).
    Degenerate cases get a definite answer instead of NaN: fewer than 2 objects gives 1.0
    (nothing to disagree on); raters who all tie every object give 0.0 (no ordering shared).
    """
    x = as_matrix(ratings, "ratings")
    n, m = x.shape
    if n < 2:
        return 1.0
    # less[a, r]: objects rater r put strictly below a; equal includes a itself.
    diff = x[None, :, :] - x[:, None, :]  # [a, b, r] = x[b, r] - x[a, r]
    less = np.count_nonzero(diff < -TIE_TOLERANCE, axis=1)
    equal = np.count_nonzero(np.abs(diff) <= TIE_TOLERANCE, axis=1)
    ranks = less + (equal + 1) / 2.0
    rank_sums = ranks.sum(axis=1)
    s = float(((rank_sums - rank_sums.mean()) ** 2).sum())
    denominator = m * m * (n**3 - n)
    if tie_correction:
        # Each member of a tie group of size t has equal == t, so sum(equal^2 - 1) = sum(t^3 - t).
        denominator -= m * float((equal.astype(float) ** 2 - 1).sum())
    if denominator <= 0:
        return 0.0
    return min(1.0, max(0.0, 12.0 * s / denominator))


def _entropy(p: np.ndarray) -> np.ndarray:
    """Shannon entropy (natural log) along the last axis, with 0 ln 0 = 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0)
    return -terms.sum(axis=-1)
