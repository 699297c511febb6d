"""Rounds of rating (the Delphi practice): each round's ranking and agreement, who moved
between rounds, and what a participant is shown of the round before when revising."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.agreement import kendall_w
from app.domain.results import RankedOption, compute_results, normalize_points, rating_values
from app.domain.workshop import Cell, Item


@dataclass(frozen=True)
class RoundInput:
    """Everyone's input as it stood in one round: the live input for the open round."""

    number: int
    weights: Mapping[int, Mapping[str, float]]  # participant -> criterion -> points
    ratings: Mapping[int, Mapping[Cell, int]]  # participant -> cell -> rating 1..5
    closed_at: datetime | None = None  # None: the round still open


@dataclass(frozen=True)
class RoundSummary:
    number: int
    closed_at: datetime | None
    ranking: list[RankedOption]
    raters: int  # participants who rated at least one cell
    # Kendall's W over the options, each complete rater's own scores under the round's group
    # weights; None with fewer than two complete raters.
    kendall_w: float | None
    # The mean, over cells rated by two or more people, of the ratings' standard deviation.
    spread: float | None
    medians: dict[Cell, float]


# Changes smaller than this (in W, or in the spread) show as the same two-decimal figure on
# every screen, so they count as no change rather than a rise or a fall.
SAME = 0.005


@dataclass(frozen=True)
class RoundChange:
    """From one round to the next: how many people changed each cell, and agreement."""

    before: int
    after: int
    moved: dict[Cell, int]
    kendall_w_change: float | None
    spread_change: float | None

    @property
    def moved_total(self) -> int:
        return sum(self.moved.values())

    @property
    def agreement_trend(self) -> str | None:
        """ "rose", "fell" or "unchanged": judged by Kendall's W when both rounds have it, else
        by the spread (a smaller spread is closer agreement); None when neither is measured."""
        if self.kendall_w_change is not None:
            change = self.kendall_w_change
        elif self.spread_change is not None:
            change = -self.spread_change
        else:
            return None
        if abs(change) < SAME:
            return "unchanged"
        return "rose" if change > 0 else "fell"

    @property
    def agreement_rose(self) -> bool | None:
        trend = self.agreement_trend
        return None if trend is None else trend == "rose"


@dataclass(frozen=True)
class Rounds:
    current: int
    rounds: tuple[RoundSummary, ...]
    changes: tuple[RoundChange, ...]

    @property
    def several(self) -> bool:
        return len(self.rounds) > 1


def cell_medians(ratings: Mapping[int, Mapping[Cell, int]]) -> dict[Cell, float]:
    """The median rating of every cell somebody rated."""
    by_cell: dict[Cell, list[int]] = {}
    for given in ratings.values():
        for cell, rating in given.items():
            by_cell.setdefault(cell, []).append(rating)
    return {cell: float(statistics.median(values)) for cell, values in by_cell.items()}


def rating_spread(ratings: Mapping[int, Mapping[Cell, int]]) -> float | None:
    """Mean standard deviation of the cells rated by two or more people (lower: closer)."""
    by_cell: dict[Cell, list[int]] = {}
    for given in ratings.values():
        for cell, rating in given.items():
            by_cell.setdefault(cell, []).append(rating)
    sds = [statistics.pstdev(v) for v in by_cell.values() if len(v) >= 2]
    return statistics.fmean(sds) if sds else None


def round_concordance(
    criteria: Sequence[Item],
    options: Sequence[Item],
    ratings: Mapping[int, Mapping[Cell, int]],
    group_weights: Mapping[str, float],
) -> float | None:
    """Kendall's W over the options: each participant who rated every cell scores the options
    with their own ratings under the group's weights; those scores are their ordering."""
    columns: list[list[float]] = []
    for given in ratings.values():
        if not all((o.key, c.key) in given for o in options for c in criteria):
            continue
        table = {o.key: {c.key: given[(o.key, c.key)] for c in criteria} for o in options}
        values = rating_values(criteria, table)
        columns.append(
            [sum(group_weights.get(k, 0.0) * v for k, v in values[o.key].items()) for o in options]
        )
    if len(columns) < 2 or len(options) < 2:
        return None
    return kendall_w([list(row) for row in zip(*columns, strict=True)])


def summarize_round(
    criteria: Sequence[Item], options: Sequence[Item], given: RoundInput
) -> RoundSummary:
    """One round by the default method: its ranking, raters, concordance, spread, medians."""
    results = compute_results(criteria, options, given.weights, given.ratings, len(given.ratings))
    return RoundSummary(
        number=given.number,
        closed_at=given.closed_at,
        ranking=results.ranking,
        raters=sum(1 for r in given.ratings.values() if r),
        kendall_w=round_concordance(criteria, options, given.ratings, results.weights),
        spread=rating_spread(given.ratings),
        medians=cell_medians(given.ratings),
    )


def moved_cells(
    before: Mapping[int, Mapping[Cell, int]], after: Mapping[int, Mapping[Cell, int]]
) -> dict[Cell, int]:
    """For each cell, how many people rated it in both rounds and changed their rating."""
    moved: dict[Cell, int] = {}
    for pid, earlier in before.items():
        later = after.get(pid, {})
        for cell, rating in earlier.items():
            if cell in later and later[cell] != rating:
                moved[cell] = moved.get(cell, 0) + 1
    return moved


def _change(a: RoundSummary, b: RoundSummary, before: RoundInput, after: RoundInput) -> RoundChange:
    return RoundChange(
        before=a.number,
        after=b.number,
        moved=moved_cells(before.ratings, after.ratings),
        kendall_w_change=None
        if a.kendall_w is None or b.kendall_w is None
        else b.kendall_w - a.kendall_w,
        spread_change=None if a.spread is None or b.spread is None else b.spread - a.spread,
    )


def summarize_rounds(
    criteria: Sequence[Item], options: Sequence[Item], inputs: Sequence[RoundInput]
) -> Rounds:
    """Every round in order (the last one the open round) and the change between each pair."""
    ordered = sorted(inputs, key=lambda r: r.number)
    summaries = tuple(summarize_round(criteria, options, r) for r in ordered)
    changes = tuple(
        _change(summaries[i], summaries[i + 1], ordered[i], ordered[i + 1])
        for i in range(len(ordered) - 1)
    )
    return Rounds(ordered[-1].number if ordered else 1, summaries, changes)


@dataclass(frozen=True)
class EarlierCell:
    """What a participant sees beside a cell when revising: their own earlier rating (None if
    they gave none) and the group's median in the round before."""

    mine: int | None
    median: float


def earlier_round(
    mine: Mapping[Cell, int], medians: Mapping[Cell, float]
) -> dict[Cell, EarlierCell]:
    return {cell: EarlierCell(mine.get(cell), median) for cell, median in medians.items()}


@dataclass(frozen=True)
class FarCell:
    option: str
    criterion: str
    mine: int
    group: float


FAR = 1.5  # a rating this far (or further) from the group's mean counts as far from the group


def far_from_group(
    mine: Mapping[Cell, int], group: Mapping[str, Mapping[str, float]], limit: int = 5
) -> list[FarCell]:
    """The cells where one's rating lies furthest from the group's, furthest first."""
    far = [
        FarCell(o, c, rating, group[o][c])
        for (o, c), rating in mine.items()
        if c in group.get(o, {}) and abs(rating - group[o][c]) >= FAR
    ]
    return sorted(far, key=lambda f: -abs(f.mine - f.group))[:limit]


def own_weights(points: Mapping[str, float]) -> dict[str, float]:
    """One's points as shares of 1 (empty when none were given)."""
    return normalize_points(points) if points and sum(points.values()) > 0 else {}
