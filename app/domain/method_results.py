"""The group's results by the chosen method, whole or by sector, from everyone's input."""

from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from app.domain import ahp, explain, group
from app.domain.elicitation import MethodSettings
from app.domain.errors import InvalidInput
from app.domain.results import (
    Cell,
    RankedOption,
    WorkshopResults,
    compute_results,
    rank_options,
    rating_values,
)
from app.domain.workshop import SECTORS, Item


@dataclass(frozen=True)
class ParticipantInput:
    """What one participant gave: weights (any scale), ratings, and the AHP matrix if any."""

    id: int
    sector: str
    weights: Mapping[str, float] | None
    ratings: Mapping[Cell, int]
    weight: float = 1.0  # how much the facilitator lets this person count
    matrix: Sequence[Sequence[float]] | None = None  # criteria order, for AIJ and the CR


@dataclass(frozen=True)
class SectorRanking:
    sector: str
    label: str
    people: int
    ranking: list[RankedOption]
    sentence: str


def group_results(
    criteria: Sequence[Item],
    options: Sequence[Item],
    inputs: Sequence[ParticipantInput],
    settings: MethodSettings,
    joined: int,
) -> tuple[WorkshopResults, list[str]]:
    weights = {p.id: dict(p.weights) for p in inputs if p.weights}
    ratings = {p.id: dict(p.ratings) for p in inputs if p.ratings}
    if settings.is_default:
        # The quick path: exactly the public API's default numbers.
        return compute_results(criteria, options, weights, ratings, joined), []
    member = {p.id: p.weight for p in inputs} if settings.participant_weights else None
    notes: list[str] = []
    method = settings.weight_aggregation
    fixed: list[float] | None = None
    if method == "aij":
        people = [p for p in inputs if p.matrix is not None]
        if people:
            lam = [p.weight for p in people] if member else None
            combined = group.aggregate_judgments([p.matrix for p in people], lam)
            fixed = ahp.priorities(combined)
        method = "arithmetic"
    try:
        results = compute_results(
            criteria,
            options,
            weights,
            ratings,
            joined,
            weight_method=method,
            rating_method=settings.rating_aggregation,
            member_weights=member,
            group_weights=dict(zip([c.key for c in criteria], fixed, strict=True))
            if fixed
            else None,
        )
    except InvalidInput:
        # Every criterion got a zero from someone: the geometric mean is zero everywhere.
        notes.append(
            "Every criterion got no weight from at least one person, so the geometric mean is "
            "empty; the average of everyone's weights is used instead."
        )
        results = compute_results(
            criteria,
            options,
            weights,
            ratings,
            joined,
            rating_method=settings.rating_aggregation,
            member_weights=member,
        )
    return results, notes


class Cube:
    """Everyone's input as arrays, built once: participants x options x criteria."""

    def __init__(
        self, criteria: Sequence[Item], options: Sequence[Item], inputs: Sequence[ParticipantInput]
    ) -> None:
        cells = [(o.key, c.key) for o in options for c in criteria]
        n_p, n_o, n_c = len(inputs), len(options), len(criteria)
        raw = np.array(
            [[p.ratings.get(cell, 0) for cell in cells] for p in inputs], dtype=float
        ).reshape(n_p, n_o, n_c)
        self.ratings = np.where(raw > 0, raw, np.nan)
        # Each criterion's value of ratings 0..5 from the one rating_value rule (0 = missing).
        scale = rating_values(criteria, {str(r): {c.key: r for c in criteria} for r in range(1, 6)})
        table = np.array(
            [[np.nan] + [scale[str(r)][c.key] for r in range(1, 6)] for c in criteria]
        ).reshape(n_c, 6)
        self.values = table[np.arange(n_c)[None, None, :], raw.astype(int)]
        w = np.array([[(p.weights or {}).get(c.key, 0.0) for c in criteria] for p in inputs])
        totals = w.sum(axis=1) if n_p else np.zeros(0)
        self.has_weights = totals > 0
        self.weights = np.where(
            self.has_weights[:, None], w / np.where(totals > 0, totals, 1)[:, None], np.nan
        ).reshape(n_p, n_c)

    def own_scores(self) -> np.ndarray:
        """Rows of each participant's own option scores (own weights, own ratings) who has them."""
        w = self.weights[self.has_weights][:, None, :]
        v = self.values[self.has_weights]
        used = np.where(np.isfinite(v) & (w > 0), w, 0.0)
        den = used.sum(axis=2)
        num = np.where(used > 0, used * np.nan_to_num(v), 0.0).sum(axis=2)
        complete = (den > 0).all(axis=1)
        return num[complete] / den[complete]


def by_sector(
    criteria: Sequence[Item],
    options: Sequence[Item],
    inputs: Sequence[ParticipantInput],
    settings: MethodSettings,
    cube: Cube,
    min_people: int = 1,
) -> list[SectorRanking]:
    """Each sector's ranking; sectors with fewer than min_people are left out (anonymity)."""
    sectors: dict[str, list[int]] = {}
    for index, p in enumerate(inputs):
        if p.weights or p.ratings:
            sectors.setdefault(p.sector, []).append(index)
    out: list[SectorRanking] = []
    for sector in sorted(sectors, key=lambda s: list(SECTORS).index(s) if s in SECTORS else 99):
        members = sectors[sector]
        if len(members) < min_people:
            continue
        ranking = _subgroup_ranking(
            criteria, options, [inputs[i] for i in members], members, settings, cube
        )
        label = SECTORS.get(sector, sector)
        people = len(members)
        tops = [r.name for r in ranking if r.rank == 1 and r.coverage > 0]
        if tops:
            sentence = (
                f"{label} ({people} {'person' if people == 1 else 'people'}) "
                f"put {explain.join_names(tops)} first."
            )
        else:
            sentence = f"{label}: no ratings yet."
        out.append(SectorRanking(sector, label, people, ranking, sentence))
    return out


def _subgroup_ranking(
    criteria: Sequence[Item],
    options: Sequence[Item],
    people: Sequence[ParticipantInput],
    rows: Sequence[int],
    settings: MethodSettings,
    cube: Cube,
) -> list[RankedOption]:
    """A subgroup's ranking by the workshop's method, from the arrays (same rules as results)."""
    if settings.rating_aggregation == "median" and settings.participant_weights:
        # The weighted median has no array shortcut; the general path is exact and small here.
        results, _ = group_results(criteria, options, people, settings, len(people))
        return results.ranking
    keys = [c.key for c in criteria]
    lam_all = np.array([p.weight if settings.participant_weights else 1.0 for p in people])
    lam_all = np.where(lam_all > 0, lam_all, 0.0)
    has_w = cube.has_weights[rows]
    weights: np.ndarray
    matrices = [p.matrix for p in people if p.matrix is not None]
    if settings.weight_aggregation == "aij" and matrices:
        own = [p.weight for p in people if p.matrix is not None]
        use = own if settings.participant_weights and sum(own) > 0 else None
        weights = np.array(ahp.priorities(group.aggregate_judgments(matrices, use)))
    elif has_w.any():
        vectors = cube.weights[rows][has_w]
        lam_w = lam_all[has_w] if lam_all[has_w].sum() > 0 else np.ones(int(has_w.sum()))
        method = "geometric" if settings.weight_aggregation == "geometric" else "arithmetic"
        try:
            weights = np.array(group.aggregate_priorities(vectors, lam_w, method))
        except InvalidInput:
            weights = np.array(group.aggregate_priorities(vectors, lam_w, "arithmetic"))
    else:
        weights = np.full(len(keys), 1.0 / len(keys)) if keys else np.zeros(0)
    ratings = cube.ratings[rows]
    given = np.isfinite(ratings)
    if settings.rating_aggregation == "median":
        with warnings.catch_warnings():
            # An all-blank cell is a NaN median, dropped below; numpy warns about it.
            warnings.simplefilter("ignore", RuntimeWarning)
            cell = np.nanmedian(ratings, axis=0)
    else:
        lam_r = lam_all if lam_all.sum() > 0 else np.ones(len(people))
        wsum = (given * lam_r[:, None, None]).sum(axis=0)
        total = (np.nan_to_num(ratings) * lam_r[:, None, None]).sum(axis=0)
        with np.errstate(all="ignore"):
            cell = np.where(wsum > 0, total / np.where(wsum > 0, wsum, 1), np.nan)
    given_cells = {
        o.key: {c.key: float(cell[i, j]) for j, c in enumerate(criteria) if np.isfinite(cell[i, j])}
        for i, o in enumerate(options)
    }
    values = rating_values(criteria, given_cells)
    return rank_options(options, values, dict(zip(keys, weights.tolist(), strict=True)))
