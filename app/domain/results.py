"""The default results of a workshop: group weights, mean ratings, scores, ranks and spreads."""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from app.domain import group, scoring
from app.domain.workshop import RATING_MAX, RATING_MIN, Cell, Item


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
    def has_input(self) -> bool:
        """Someone has given weights or at least one rating."""
        return bool(self.weights_given_by or self.cells)

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
        sd=population_sd(numbers) if len(numbers) > 1 else 0.0,
    )


def population_sd(numbers: Sequence[float]) -> float:
    """statistics.pstdev, with a fast exact path for whole numbers (ratings) that rounds the same.

    pstdev returns the correctly rounded square root of the exact variance; for integers that
    variance is (n * sum x^2 - (sum x)^2) / n^2, summed exactly in integers here, and the root
    is rounded correctly below, so the float is the very same as pstdev's, many times faster.
    """
    whole = [x for x in numbers if type(x) is int]
    if len(whole) != len(numbers):
        return statistics.pstdev(numbers)
    n = len(whole)
    total = sum(whole)
    return _sqrt_of_fraction(n * sum(x * x for x in whole) - total * total, n * n)


def _sqrt_of_fraction(num: int, den: int) -> float:
    """The float nearest to sqrt(num / den) (num, den >= 0 integers, den > 0)."""
    if num <= 0:
        return 0.0
    value = Fraction(num, den)
    # Two correctly rounded steps land within one float of the answer; pick the one whose
    # rounding interval (halfway to each neighbour) holds the exact root.
    guess = math.sqrt(num / den)
    for f in (guess, math.nextafter(guess, 0.0), math.nextafter(guess, math.inf)):
        low = (Fraction(math.nextafter(f, 0.0)) + Fraction(f)) / 2
        high = (Fraction(f) + Fraction(math.nextafter(f, math.inf))) / 2
        if low * low <= value <= high * high:
            return f
    return guess


def rating_value(rating: float, direction: str) -> float:
    """A rating on the 1-5 scale as a value in [0, 1], higher better, cost criteria inverted."""
    return scoring.normalize([[rating]], [direction], method="scale", scale=(1, 5))[0][0]


def rating_values(
    criteria: Sequence[Item], ratings: Mapping[str, Mapping[str, float]]
) -> dict[str, dict[str, float]]:
    """rating_value for every given cell at once (one normalize call, the very same numbers)."""
    keys = [c.key for c in criteria]
    rows = list(ratings.items())
    if not rows or not keys:
        return {option: {} for option, _ in rows}
    matrix = scoring.normalize(
        [[cells.get(k, RATING_MIN) for k in keys] for _, cells in rows],
        [c.direction for c in criteria],
        method="scale",
        scale=(RATING_MIN, RATING_MAX),
    )
    return {
        option: {k: matrix[i][j] for j, k in enumerate(keys) if k in cells}
        for i, (option, cells) in enumerate(rows)
    }


def normalize_points(points: Mapping[str, float]) -> dict[str, float]:
    """Shares summing to 1; values so large their sum overflows are scaled by the largest
    first (ordinary values keep the plain division, to the last digit)."""
    total = sum(points.values())
    if not math.isfinite(total):
        top = max(points.values())
        if not math.isfinite(top):
            return dict.fromkeys(points, 0.0)
        points = {key: value / top for key, value in points.items()}
        total = sum(points.values())
    if total <= 0:
        return dict.fromkeys(points, 0.0)
    return {key: value / total for key, value in points.items()}


def usable_weights(points: Mapping[str, float] | None) -> bool:
    """Weights the analysis can use: every value finite and not negative, one above zero.
    Anything else (an old row, a hand-edited record) counts as no weights from that person,
    so one member's bad data never stops the group's results."""
    if not points:
        return False
    values = list(points.values())
    return all(math.isfinite(v) and v >= 0 for v in values) and max(values) > 0


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
    *,
    weight_method: str = "arithmetic",
    rating_method: str = "mean",
    member_weights: Mapping[int, float] | None = None,
    group_weights: Mapping[str, float] | None = None,
) -> WorkshopResults:
    """The default method of the public API: mean normalized weights, mean ratings, weighted sum.

    The keyword arguments choose other methods (see analysis.py): weight_method "geometric"
    (AIP), rating_method "median", member_weights per participant id (missing ids count 1),
    or group_weights computed elsewhere (AIJ). Left at their defaults, nothing changes.
    """
    group_weights, weight_spread, weighed = _group_weights(
        [c.key for c in criteria],
        weights_by_participant,
        weight_method,
        member_weights,
        group_weights,
    )
    cells, scores = _group_ratings(
        criteria, options, ratings_by_participant, rating_method, member_weights
    )
    values = rating_values(criteria, scores)

    ranking = rank_options(options, values, group_weights)

    submitted = sum(
        1
        for pid in set(weights_by_participant) | set(ratings_by_participant)
        if is_submitted(
            weights_by_participant.get(pid), ratings_by_participant.get(pid, {}), criteria, options
        )
    )
    return WorkshopResults(
        weights=group_weights,
        weights_given_by=weighed,
        scores=scores,
        values=values,
        ranking=ranking,
        cells=cells,
        weight_spread=weight_spread,
        joined=joined,
        submitted=submitted,
    )


def _group_weights(
    criterion_keys: list[str],
    weights_by_participant: Mapping[int, Mapping[str, float]],
    weight_method: str,
    member_weights: Mapping[int, float] | None,
    group_weights: Mapping[str, float] | None,
) -> tuple[dict[str, float], dict[str, Spread], int]:
    """The group's weights, each criterion's spread, and how many people weighed."""
    given_ids = [pid for pid, w in weights_by_participant.items() if usable_weights(w)]
    if not given_ids:
        # Before anyone weighs, every criterion counts the same, so the ranking can still show.
        equal = 1.0 / len(criterion_keys) if criterion_keys else 0.0
        return dict.fromkeys(criterion_keys, equal), {}, 0
    normalized = [normalize_points(weights_by_participant[pid]) for pid in given_ids]
    if group_weights is not None:
        combined = {k: float(group_weights.get(k, 0.0)) for k in criterion_keys}
    elif weight_method == "arithmetic" and member_weights is None:
        combined = {k: statistics.fmean(w.get(k, 0.0) for w in normalized) for k in criterion_keys}
    else:
        lam = _member_weights_for(given_ids, member_weights)
        vectors = [[w.get(k, 0.0) for k in criterion_keys] for w in normalized]
        aggregated = group.aggregate_priorities(vectors, lam, weight_method)
        combined = dict(zip(criterion_keys, aggregated, strict=True))
    spread = {k: spread_of([w.get(k, 0.0) for w in normalized]) for k in criterion_keys}
    return combined, spread, len(given_ids)


def _group_ratings(
    criteria: Sequence[Item],
    options: Sequence[Item],
    ratings_by_participant: Mapping[int, Mapping[Cell, int]],
    rating_method: str,
    member_weights: Mapping[int, float] | None,
) -> tuple[dict[Cell, CellSpread], dict[str, dict[str, float]]]:
    """Each rated cell's spread, and the group's rating of it by the rating method."""
    by_cell: dict[Cell, list[int]] = {}
    raters: dict[Cell, list[int]] = {}
    track = rating_method != "mean" or member_weights is not None
    for pid, ratings in ratings_by_participant.items():
        for cell, rating in ratings.items():
            by_cell.setdefault(cell, []).append(rating)
            if track:
                raters.setdefault(cell, []).append(pid)
    cells: dict[Cell, CellSpread] = {}
    scores: dict[str, dict[str, float]] = {}
    for option in options:
        scores[option.key] = {}
        for criterion in criteria:
            given_ratings = by_cell.get((option.key, criterion.key))
            if not given_ratings:
                continue
            base = spread_of(given_ratings)
            counts = tuple(given_ratings.count(r) for r in range(RATING_MIN, RATING_MAX + 1))
            cells[(option.key, criterion.key)] = CellSpread(**vars(base), counts=counts)
            if rating_method == "mean" and member_weights is None:
                group_rating = base.mean
            else:
                lam = _member_weights_for(raters[(option.key, criterion.key)], member_weights)
                group_rating = weighted_rating(given_ratings, lam, rating_method)
            scores[option.key][criterion.key] = group_rating
    return cells, scores


def rank_options(
    options: Sequence[Item],
    values: Mapping[str, Mapping[str, float]],
    weights: Mapping[str, float],
) -> list[RankedOption]:
    """Score (0-100) and rank options from their values per criterion under the given weights."""
    option_scores: list[float] = []
    coverages: list[float] = []
    for option in options:
        rated = values.get(option.key, {})
        covered = sum(weights.get(k, 0.0) for k in rated)
        coverages.append(covered)
        if covered <= 0:
            option_scores.append(0.0)
            continue
        # An option rated on only some criteria is scored over those, weights rescaled to match.
        weighted = sum(weights.get(k, 0.0) * v for k, v in rated.items()) / covered
        option_scores.append(100.0 * weighted)
    option_scores = [0.0 if math.isnan(s) else s for s in option_scores]
    ranks = scoring.competition_ranks(option_scores) if options else []
    position = {o.key: i for i, o in enumerate(options)}
    return sorted(
        (
            RankedOption(o.key, o.name, s, int(r), c)
            for o, s, r, c in zip(options, option_scores, ranks, coverages, strict=True)
        ),
        key=lambda r: (r.rank, position[r.option]),
    )


def weighted_rating(ratings: Sequence[float], lam: Sequence[float], method: str) -> float:
    """One cell's group rating from ratings with member weights lam: weighted mean or median."""
    if method == "median":
        if len(set(lam)) <= 1:
            return float(statistics.median(ratings))
        pairs = sorted(zip(ratings, lam, strict=True))
        total = math.fsum(lam)
        running = 0.0
        for index, (rating, weight) in enumerate(pairs):
            running += weight
            if abs(running - total / 2) <= 1e-12 and index + 1 < len(pairs):
                # Exactly half the weight on each side: the midpoint, as the plain median does.
                return (rating + pairs[index + 1][0]) / 2
            if running > total / 2:
                return float(rating)
        return float(pairs[-1][0])
    total = math.fsum(lam)
    return math.fsum(r * w for r, w in zip(ratings, lam, strict=True)) / total


def _member_weights_for(
    ids: Sequence[int], member_weights: Mapping[int, float] | None
) -> list[float]:
    """Each id's weight (1 when not given); all zero falls back to equal so nobody vanishes."""
    lam = [float((member_weights or {}).get(pid, 1.0)) for pid in ids]
    return lam if sum(lam) > 0 else [1.0] * len(ids)
