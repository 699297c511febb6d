"""Rounds of rating: each round's ranking, who moved, and whether agreement rose."""

from __future__ import annotations

from app.domain.rounds import (
    RoundInput,
    cell_medians,
    earlier_round,
    far_from_group,
    moved_cells,
    rating_spread,
    round_concordance,
    summarize_rounds,
)
from app.domain.workshop import Item

CRITERIA = (Item("quality", "Quality"), Item("cost", "Cost", direction="cost"))
OPTIONS = (Item("a", "A"), Item("b", "B"), Item("c", "C"))
WEIGHTS = {1: {"quality": 1.0, "cost": 1.0}, 2: {"quality": 1.0, "cost": 1.0}}


def ratings(**per_option: tuple[int, int]) -> dict:
    """One participant's ratings: option -> (quality, cost)."""
    return {
        (o, c): r
        for o, pair in per_option.items()
        for c, r in zip(("quality", "cost"), pair, strict=True)
    }


DISAGREE = {
    1: ratings(a=(5, 1), b=(3, 3), c=(1, 5)),
    2: ratings(a=(1, 5), b=(3, 3), c=(5, 1)),
}
AGREE = {
    1: ratings(a=(5, 1), b=(3, 3), c=(1, 5)),
    2: ratings(a=(5, 2), b=(3, 3), c=(2, 5)),
}


def test_cell_medians_median_of_each_rated_cell():
    medians = cell_medians({1: {("a", "quality"): 1}, 2: {("a", "quality"): 4}, 3: {}})
    assert medians == {("a", "quality"): 2.5}


def test_moved_cells_counts_people_who_changed_a_cell_they_rated_in_both_rounds():
    before = {1: {("a", "quality"): 2, ("b", "quality"): 3}, 2: {("a", "quality"): 4}}
    after = {1: {("a", "quality"): 3, ("b", "quality"): 3}, 2: {("a", "quality"): 5}, 3: {}}
    assert moved_cells(before, after) == {("a", "quality"): 2}


def test_moved_cells_ignores_cells_rated_only_once():
    assert moved_cells({1: {}}, {1: {("a", "quality"): 3}}) == {}


def test_rating_spread_is_mean_sd_over_cells_rated_twice():
    spread = rating_spread({1: {("a", "q"): 1, ("b", "q"): 2}, 2: {("a", "q"): 3}})
    assert spread == 1.0


def test_round_concordance_is_one_when_everyone_orders_alike():
    w = round_concordance(CRITERIA, OPTIONS, AGREE, {"quality": 0.5, "cost": 0.5})
    assert w == 1.0


def test_round_concordance_is_none_with_fewer_than_two_complete_raters():
    partial = {1: AGREE[1], 2: {("a", "quality"): 3}}
    assert round_concordance(CRITERIA, OPTIONS, partial, {"quality": 1.0}) is None


def test_summarize_rounds_reports_agreement_rising_and_moves():
    rounds = summarize_rounds(
        CRITERIA,
        OPTIONS,
        [RoundInput(1, WEIGHTS, DISAGREE), RoundInput(2, WEIGHTS, AGREE)],
    )
    first, second = rounds.rounds
    assert rounds.current == 2 and rounds.several
    assert first.kendall_w is not None and second.kendall_w is not None
    assert second.kendall_w > first.kendall_w
    assert second.spread < first.spread
    change = rounds.changes[0]
    assert change.agreement_rose is True
    assert change.moved == {
        ("a", "quality"): 1,
        ("a", "cost"): 1,
        ("c", "quality"): 1,
        ("c", "cost"): 1,
    }
    assert change.moved_total == 4
    assert second.ranking[0].option == "a"


def test_summarize_rounds_keeps_rounds_in_order_of_number():
    rounds = summarize_rounds(
        CRITERIA, OPTIONS, [RoundInput(2, WEIGHTS, AGREE), RoundInput(1, WEIGHTS, DISAGREE)]
    )
    assert [r.number for r in rounds.rounds] == [1, 2]


def test_agreement_rose_is_none_when_nothing_measurable():
    one = {1: {("a", "quality"): 3}}
    rounds = summarize_rounds(CRITERIA, OPTIONS, [RoundInput(1, {}, one), RoundInput(2, {}, one)])
    assert rounds.changes[0].agreement_rose is None


def test_earlier_round_pairs_own_rating_with_group_median():
    earlier = earlier_round({("a", "quality"): 2}, {("a", "quality"): 4.0, ("b", "quality"): 3.0})
    assert earlier[("a", "quality")].mine == 2 and earlier[("a", "quality")].median == 4.0
    assert earlier[("b", "quality")].mine is None


def test_far_from_group_lists_cells_a_point_and_a_half_away_furthest_first():
    mine = {("a", "quality"): 1, ("b", "quality"): 5, ("c", "quality"): 3}
    group = {"a": {"quality": 4.0}, "b": {"quality": 3.5}, "c": {"quality": 3.2}}
    far = far_from_group(mine, group)
    assert [(f.option, f.mine) for f in far] == [("a", 1), ("b", 5)]


def test_agreement_trend_is_unchanged_when_nobody_moved():
    rounds = summarize_rounds(
        CRITERIA, OPTIONS, [RoundInput(1, WEIGHTS, AGREE), RoundInput(2, WEIGHTS, AGREE)]
    )
    assert rounds.changes[0].agreement_trend == "unchanged"
    assert rounds.changes[0].agreement_rose is False


def test_agreement_trend_fell_when_ratings_drift_apart():
    rounds = summarize_rounds(
        CRITERIA, OPTIONS, [RoundInput(1, WEIGHTS, AGREE), RoundInput(2, WEIGHTS, DISAGREE)]
    )
    assert rounds.changes[0].agreement_trend == "fell"
