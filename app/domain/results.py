"""The default results of a workshop: group weights, mean ratings, scores, ranks and spreads."""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.domain import scoring
from app.domain.workshop import RATING_MAX, RATING_MIN, Item

Cell = tuple[str, str]  # (option key, criterion key)


@dataclass(frozen=True)
class Spread:
    """How a set of numbers spreads: what people see as 'where the room agrees'."""

    count: int
    mean: float
    minimum: float
    maximum: float
    sd: float

    @property
    def range(self) -> float:
        return self.maximum - self.minimum


@dataclass(frozen=True)
class CellSpread(Spread):
    counts: tuple[int, ...] = ()  # how many gave each rating 1..5


@dataclass(frozen=True)
class RankedOption:
    option: str
    name: str
    score: float
    rank: int
    coverage: float  # share of the group weight behind criteria that have ratings for it


@dataclass(frozen=True)
class WorkshopResults:
    weights: dict[str, float]
    weights_given_by: int
    scores: dict[str, dict[str, float]]
    values: dict[str, dict[str, float]]
    ranking: list[RankedOption]
    cells: dict[Cell, CellSpread]
    weight_spread: dict[str, Spread]
    joined: int
    submitted: int

    @property
    def top_options(self) -> list[str]:
        return [r.option for r in self.ranking if r.rank == 1 and r.coverage > 0]

    def most_divided_cells(self, k: int = 5) -> list[tuple[Cell, CellSpread]]:
        """The cells where ratings differ most, for the group to talk through first."""
        rated = [(c, s) for c, s in self.cells.items() if s.count >= 2 and s.sd > 0]
        return sorted(rated, key=lambda item: (-item[1].sd, -item[1].range))[:k]


def spread_of(numbers: Sequence[float]) -> Spread:
    return Spread(
        count=len(numbers),
        mean=statistics.fmean(numbers),
        minimum=min(numbers),
        maximum=max(numbers),
        sd=statistics.pstdev(numbers) if len(numbers) > 1 else 0.0,
    )


def rating_value(rating: float, direction: str) -> float:
    """A rating on the 1-5 scale as a value in [0, 1], higher better, cost criteria inverted."""
    return scoring.normalize([[rating]], [direction], method="scale", scale=(1, 5))[0][0]


def normalize_points(points: Mapping[str, float]) -> dict[str, float]:
    total = sum(points.values())
    return {key: value / total for key, value in points.items()}


def is_submitted(
    weights: Mapping[str, float] | None,
    ratings: Mapping[Cell, int],
    criteria: Sequence[Item],
    options: Sequence[Item],
) -> bool:
    """Submitted: has given weights and rated every option on every criterion."""
    if not weights:
        return False
    return all((o.key, c.key) in ratings for o in options for c in criteria)


def compute_results(
    criteria: Sequence[Item],
    options: Sequence[Item],
    weights_by_participant: Mapping[int, Mapping[str, float]],
    ratings_by_participant: Mapping[int, Mapping[Cell, int]],
    joined: int,
) -> WorkshopResults:
    """The default method of the public API: mean normalized weights, mean ratings, weighted sum."""
    criterion_keys = [c.key for c in criteria]
    given = [w for w in weights_by_participant.values() if w and sum(w.values()) > 0]
    if given:
        normalized = [normalize_points(w) for w in given]
        group_weights = {
            k: statistics.fmean(w.get(k, 0.0) for w in normalized) for k in criterion_keys
        }
        weight_spread = {k: spread_of([w.get(k, 0.0) for w in normalized]) for k in criterion_keys}
    else:
        # Before anyone weighs, every criterion counts the same, so the ranking can still show.
        equal = 1.0 / len(criterion_keys) if criterion_keys else 0.0
        group_weights = dict.fromkeys(criterion_keys, equal)
        weight_spread = {}

    by_cell: dict[Cell, list[int]] = {}
    for ratings in ratings_by_participant.values():
        for cell, rating in ratings.items():
            by_cell.setdefault(cell, []).append(rating)

    cells: dict[Cell, CellSpread] = {}
    scores: dict[str, dict[str, float]] = {}
    values: dict[str, dict[str, float]] = {}
    for option in options:
        scores[option.key], values[option.key] = {}, {}
        for criterion in criteria:
            given_ratings = by_cell.get((option.key, criterion.key))
            if not given_ratings:
                continue
            base = spread_of(given_ratings)
            counts = tuple(given_ratings.count(r) for r in range(RATING_MIN, RATING_MAX + 1))
            cells[(option.key, criterion.key)] = CellSpread(**vars(base), counts=counts)
            scores[option.key][criterion.key] = base.mean
            values[option.key][criterion.key] = rating_value(base.mean, criterion.direction)

    option_scores: list[float] = []
    coverages: list[float] = []
    for option in options:
        rated = values[option.key]
        covered = sum(group_weights[k] for k in rated)
        coverages.append(covered)
        if covered <= 0:
            option_scores.append(0.0)
            continue
        # An option rated on only some criteria is scored over those, weights rescaled to match.
        weighted = sum(group_weights[k] * v for k, v in rated.items()) / covered
        option_scores.append(100.0 * weighted)
    option_scores = [0.0 if math.isnan(s) else s for s in option_scores]
    ranks = scoring.competition_ranks(option_scores) if options else []

    ranking = sorted(
        (
            RankedOption(o.key, o.name, s, int(r), c)
            for o, s, r, c in zip(options, option_scores, ranks, coverages, strict=True)
        ),
        key=lambda r: (r.rank, [o.key for o in options].index(r.option)),
    )

    submitted = sum(
        1
        for pid in set(weights_by_participant) | set(ratings_by_participant)
        if is_submitted(
            weights_by_participant.get(pid), ratings_by_participant.get(pid, {}), criteria, options
        )
    )
    return WorkshopResults(
        weights=group_weights,
        weights_given_by=len(given),
        scores=scores,
        values=values,
        ranking=ranking,
        cells=cells,
        weight_spread=weight_spread,
        joined=joined,
        submitted=submitted,
    )
