"""Robustness of a ranking: weight stability intervals and SMAA rank acceptability."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from app.domain.errors import (
    INVALID_ARGUMENT,
    SHAPE_MISMATCH,
    ZERO_SUM,
    InvalidInput,
    as_matrix,
    normalized_weights,
    require_non_negative,
)
from app.domain.scoring import TIE_TOLERANCE

SAMPLERS = ("uniform", "ordinal")


def top_option(values: Any, weights: Any) -> int:
    """Index of the best option under the weights; among tied best, the first one."""
    v = as_matrix(values, "values")
    w = normalized_weights(weights, "weights", length=v.shape[1])
    scores = v @ w
    # The first option within tolerance of the best, so noise cannot pick a later twin.
    return int(np.flatnonzero(scores >= scores.max() - TIE_TOLERANCE)[0])


def stability_intervals(values: Any, weights: Any) -> list[tuple[float, float]]:
    """Per criterion, the range of its weight within which the current top option stays top.

    The criterion's weight t moves over [0, 1] while the others are rescaled in proportion to
    their current weights so all still sum to 1 (if the others are all zero they share 1 - t
    equally). Each rival's score gap is linear in t, so the answer is one closed interval
    around the current weight; a tie at an end counts as staying top. (0, 1) means no weight
    change on that criterion can unseat the top option. The top option is top_option().
    """
    v = as_matrix(values, "values")
    w = normalized_weights(weights, "weights", length=v.shape[1])
    n_opt, n_crit = v.shape
    top = top_option(v, w)
    if n_opt == 1 or n_crit == 1:
        # Nobody to overtake, or a lone criterion whose weight is 1 whatever happens.
        return [(0.0, 1.0)] * n_crit

    # rest[a, j]: option a's score from all criteria but j, with those weights rescaled to 1.
    total = v @ w
    rest_weight = 1.0 - w
    lone = rest_weight <= 1e-12
    safe = np.where(lone, 1.0, rest_weight)
    rest = (total[:, None] - v * w[None, :]) / safe[None, :]
    if np.any(lone):
        equal_rest = (v.sum(axis=1)[:, None] - v) / (n_crit - 1)
        rest = np.where(lone[None, :], equal_rest, rest)

    # Gap top - rival at t is g0 + t * (g1 - g0): g0 at t = 0 (rest only), g1 at t = 1.
    g0 = rest[top][None, :] - rest
    g1 = v[top][None, :] - v
    slope = g1 - g0
    rivals = np.arange(n_opt) != top
    with np.errstate(divide="ignore", invalid="ignore"):
        cross = np.where(np.abs(slope) > 1e-15, -g0 / slope, np.nan)
    rising = rivals[:, None] & (slope > 1e-15)
    falling = rivals[:, None] & (slope < -1e-15)
    lower = np.max(np.where(rising, cross, 0.0), axis=0, initial=0.0)
    upper = np.min(np.where(falling, cross, 1.0), axis=0, initial=1.0)
    # Clip to [0, 1] and keep the current weight inside against rounding at exact ties.
    lower = np.clip(np.minimum(lower, w), 0.0, 1.0)
    upper = np.clip(np.maximum(upper, w), 0.0, 1.0)
    return [(float(lo), float(hi)) for lo, hi in zip(lower, upper, strict=True)]


def rank_acceptability(
    values: Any,
    samples: int = 10000,
    seed: int | None = 0,
    weight_sampler: str | Any = "uniform",
    order: Sequence[int] | None = None,
) -> list[list[float]]:
    """SMAA rank acceptability: row a, column r is the share of weight draws ranking a at r + 1.

    weight_sampler "uniform" draws weights from Dirichlet(1, ..., 1), i.e. uniformly over all
    weight vectors; "ordinal" sorts each such draw to respect an importance order given as
    order = criterion indices from most to least important; or pass an array of weight samples
    (samples x criteria, each row rescaled to sum 1) and `samples`/`seed` are ignored.
    Ties: an option tied with others gets the best rank they share (competition ranking,
    as scoring.competition_ranks), so each row sums to 1 while a rank column may not.
    Deterministic for a given seed.
    """
    v = as_matrix(values, "values")
    n_opt, n_crit = v.shape
    w = _weight_samples(weight_sampler, samples, seed, order, n_crit)
    scores = w @ v.T  # draws x options
    ranks = _competition_ranks_rows(scores)
    counts = np.bincount(
        (np.arange(n_opt)[None, :] * n_opt + ranks).ravel(), minlength=n_opt * n_opt
    ).reshape(n_opt, n_opt)
    return (counts / w.shape[0]).tolist()


def _competition_ranks_rows(scores: np.ndarray) -> np.ndarray:
    """0-based competition rank of each option in each row (number of strictly better ones)."""
    # One pass per rival over a (draws x options) block: about 4x faster than a 3-D compare.
    raised = scores + TIE_TOLERANCE
    ranks = np.zeros(scores.shape, dtype=np.int32)
    better = np.empty(scores.shape, dtype=bool)
    for b in range(scores.shape[1]):
        np.greater(scores[:, b : b + 1], raised, out=better)
        ranks += better
    return ranks


def _weight_samples(
    sampler: str | Any, samples: int, seed: int | None, order: Sequence[int] | None, n_crit: int
) -> np.ndarray:
    if not isinstance(sampler, str):
        w = as_matrix(sampler, "weight_sampler")
        if w.shape[1] != n_crit:
            raise InvalidInput(
                f"weight samples have {w.shape[1]} columns for {n_crit} criteria",
                code=SHAPE_MISMATCH,
                field="weight_sampler",
            )
        require_non_negative(w, "weight_sampler")
        sums = w.sum(axis=1)
        if np.any(sums <= 0):
            raise InvalidInput("a weight sample is all zero", code=ZERO_SUM, field="weight_sampler")
        return w / sums[:, None]
    if sampler not in SAMPLERS:
        raise InvalidInput(
            f"weight_sampler must be 'uniform', 'ordinal' or an array, got {sampler!r}",
            code=INVALID_ARGUMENT,
            field="weight_sampler",
        )
    if isinstance(samples, bool) or not isinstance(samples, int) or samples < 1:
        raise InvalidInput(
            "samples must be a positive whole number", code=INVALID_ARGUMENT, field="samples"
        )
    rng = np.random.default_rng(seed)
    # Normalized i.i.d. exponentials are exactly Dirichlet(1, ..., 1) and cheaper to draw.
    draws = rng.standard_exponential((samples, n_crit))
    draws /= draws.sum(axis=1, keepdims=True)
    if sampler == "uniform":
        return draws
    if order is None:
        raise InvalidInput(
            "the ordinal sampler needs order=...", code=INVALID_ARGUMENT, field="order"
        )
    idx = [int(i) for i in order]
    if sorted(idx) != list(range(n_crit)):
        raise InvalidInput(
            f"order must list each of the {n_crit} criterion indices once, most important first",
            code=INVALID_ARGUMENT,
            field="order",
        )
    out = np.empty_like(draws)
    out[:, idx] = -np.sort(-draws, axis=1)
    return out
