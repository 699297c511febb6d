"""The default results method on hand-computed cases."""

from __future__ import annotations

import pytest

from app.domain.results import compute_results
from app.domain.workshop import Item

CRITERIA = [Item("quality", "Quality"), Item("cost", "Cost", direction="cost")]
OPTIONS = [Item("a", "A"), Item("b", "B"), Item("c", "C")]


def test_results_cost_criterion_is_inverted():
    # One participant, equal weights. A: quality 5, cost 5 -> values 1 and 0 -> 50.
    # B: quality 3, cost 1 -> .5 and 1 -> 75. C: quality 1, cost 3 -> 0 and .5 -> 25.
    ratings = {
        1: {
            ("a", "quality"): 5,
            ("a", "cost"): 5,
            ("b", "quality"): 3,
            ("b", "cost"): 1,
            ("c", "quality"): 1,
            ("c", "cost"): 3,
        }
    }
    r = compute_results(CRITERIA, OPTIONS, {1: {"quality": 1, "cost": 1}}, ratings, joined=1)
    assert [(x.option, x.score, x.rank) for x in r.ranking] == [
        ("b", 75.0, 1),
        ("a", 50.0, 2),
        ("c", 25.0, 3),
    ]


def test_results_equal_scores_share_a_rank():
    ratings = {1: {(o.key, c.key): 3 for o in OPTIONS for c in CRITERIA}}
    r = compute_results(CRITERIA, OPTIONS, {1: {"quality": 2, "cost": 1}}, ratings, joined=1)
    assert [x.rank for x in r.ranking] == [1, 1, 1]


def test_results_group_weights_are_mean_of_normalized_weights():
    weights = {1: {"quality": 100, "cost": 0}, 2: {"quality": 1, "cost": 3}}
    r = compute_results(CRITERIA, OPTIONS, weights, {}, joined=2)
    assert r.weights == {"quality": pytest.approx(0.625), "cost": pytest.approx(0.375)}


def test_results_without_weights_count_criteria_equally():
    r = compute_results(CRITERIA, OPTIONS, {}, {}, joined=0)
    assert r.weights == {"quality": 0.5, "cost": 0.5} and r.weights_given_by == 0


def test_results_group_rating_is_mean_and_spread_is_reported():
    ratings = {1: {("a", "quality"): 1}, 2: {("a", "quality"): 5}, 3: {("a", "quality"): 3}}
    r = compute_results(CRITERIA, OPTIONS, {}, ratings, joined=3)
    cell = r.cells[("a", "quality")]
    assert (cell.mean, cell.minimum, cell.maximum, cell.counts) == (3.0, 1, 5, (1, 0, 1, 0, 1))
    assert r.most_divided_cells(1)[0][0] == ("a", "quality")


def test_results_submitted_counts_only_complete_input():
    complete = {(o.key, c.key): 3 for o in OPTIONS for c in CRITERIA}
    ratings = {1: complete, 2: dict(list(complete.items())[:-1])}
    weights = {1: {"quality": 1}, 2: {"quality": 1}, 3: {"cost": 1}}
    r = compute_results(CRITERIA, OPTIONS, weights, ratings, joined=3)
    assert r.submitted == 1


def test_results_option_rated_on_some_criteria_uses_those_weights():
    # Only quality rated for A (5): scored over quality alone -> 100, coverage .5.
    r = compute_results(
        CRITERIA, OPTIONS, {1: {"quality": 1, "cost": 1}}, {1: {("a", "quality"): 5}}, joined=1
    )
    top = r.ranking[0]
    assert (top.option, top.score, top.coverage) == ("a", 100.0, 0.5)
    assert r.top_options == ["a"]
