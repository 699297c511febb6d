"""Unit tests for app.domain.scoring."""

import math

import numpy as np
import pytest

from app.domain import scoring
from app.domain.errors import DomainError, InvalidInput


def test_normalize_scale_maps_benefit_ratings_onto_unit_interval() -> None:
    out = scoring.normalize([[1], [3], [5]], ["benefit"])
    assert out == [[0.0], [0.5], [1.0]]


def test_normalize_scale_inverts_cost_criteria() -> None:
    out = scoring.normalize([[1], [2], [5]], ["cost"])
    assert out == [[1.0], [0.75], [0.0]]


def test_normalize_scale_accepts_a_custom_scale() -> None:
    assert scoring.normalize([[0, 10]], ["benefit", "cost"], scale=(0, 10)) == [[0.0, 0.0]]


def test_normalize_scale_rejects_ratings_off_the_scale() -> None:
    with pytest.raises(InvalidInput) as err:
        scoring.normalize([[0]], ["benefit"])
    assert err.value.code == "out_of_range"


def test_normalize_scale_rejects_an_empty_scale() -> None:
    with pytest.raises(DomainError) as err:
        scoring.normalize([[3]], ["benefit"], scale=(5, 5))
    assert err.value.field == "scale"


def test_normalize_minmax_uses_each_columns_own_range() -> None:
    out = scoring.normalize([[2, 10], [4, 30], [3, 20]], ["benefit", "cost"], method="minmax")
    assert out == [[0.0, 1.0], [1.0, 0.0], [0.5, 0.5]]


def test_normalize_minmax_gives_one_for_a_constant_column() -> None:
    out = scoring.normalize([[3, 1], [3, 2]], ["cost", "benefit"], method="minmax")
    assert [row[0] for row in out] == [1.0, 1.0]


def test_normalize_rejects_mismatched_directions() -> None:
    with pytest.raises(DomainError) as err:
        scoring.normalize([[1, 2]], ["benefit"])
    assert err.value.code == "shape_mismatch"


def test_normalize_rejects_unknown_direction() -> None:
    with pytest.raises(DomainError) as err:
        scoring.normalize([[1]], ["up"])
    assert err.value.code == "unknown_method"


def test_normalize_rejects_unknown_method() -> None:
    with pytest.raises(DomainError) as err:
        scoring.normalize([[1]], ["benefit"], method="zscore")
    assert err.value.field == "method"


def test_normalize_rejects_missing_cells() -> None:
    with pytest.raises(DomainError) as err:
        scoring.normalize([[1, None]], ["benefit", "benefit"])
    assert err.value.code == "not_finite"


def test_normalize_rejects_empty_matrix() -> None:
    with pytest.raises(DomainError) as err:
        scoring.normalize([], [])
    assert err.value.code == "empty_input"


def test_normalize_returns_plain_lists() -> None:
    out = scoring.normalize(np.array([[1.0, 5.0]]), ["benefit", "benefit"])
    assert type(out) is list and type(out[0][0]) is float


def test_weighted_sum_normalizes_weights_first() -> None:
    assert scoring.weighted_sum([[1.0, 0.0], [0.5, 0.5]], [3, 1]) == [0.75, 0.5]


def test_weighted_sum_ignores_a_zero_weight_criterion() -> None:
    scores = scoring.weighted_sum([[1.0, 0.0], [0.0, 1.0]], [1, 0])
    assert scores == [1.0, 0.0]


def test_weighted_sum_rejects_all_zero_weights() -> None:
    with pytest.raises(DomainError) as err:
        scoring.weighted_sum([[1.0]], [0])
    assert err.value.code == "zero_sum"


def test_weighted_sum_rejects_negative_weights() -> None:
    with pytest.raises(DomainError) as err:
        scoring.weighted_sum([[1.0, 1.0]], [2, -1])
    assert err.value.code == "negative_value"


def test_weighted_sum_rejects_non_finite_weights() -> None:
    with pytest.raises(DomainError) as err:
        scoring.weighted_sum([[1.0]], [math.inf])
    assert err.value.code == "not_finite"


def test_weighted_sum_rejects_mismatched_lengths() -> None:
    with pytest.raises(DomainError) as err:
        scoring.weighted_sum([[1.0, 0.5]], [1, 1, 1])
    assert err.value.code == "shape_mismatch"


def test_weighted_sum_synthesizes_the_wikipedia_leader_example() -> None:
    # Wikipedia "Analytic hierarchy process - leader example": local priorities of Tom, Dick and
    # Harry under Experience, Education, Charisma, Age, and the criteria weights; the article
    # reports the goal priorities Tom .358, Dick .493, Harry .149.
    local = [
        [0.217, 0.188, 0.743, 0.265],
        [0.717, 0.081, 0.194, 0.672],
        [0.066, 0.731, 0.063, 0.063],
    ]
    scores = scoring.weighted_sum(local, [0.547, 0.127, 0.270, 0.056])
    assert scores == pytest.approx([0.358, 0.493, 0.149], abs=1e-3)


def test_competition_ranks_share_the_best_rank_on_ties() -> None:
    assert scoring.competition_ranks([0.9, 0.5, 0.5, 0.1]) == [1, 2, 2, 4]


def test_competition_ranks_do_not_split_ties_on_floating_noise() -> None:
    assert scoring.competition_ranks([0.1 + 0.2, 0.3, 0.2]) == [1, 1, 3]


def test_competition_ranks_keep_input_order() -> None:
    assert scoring.competition_ranks([1, 3, 2]) == [3, 1, 2]


def test_competition_ranks_rank_a_single_option_first() -> None:
    assert scoring.competition_ranks([0.0]) == [1]


def test_competition_ranks_give_all_equal_scores_rank_one() -> None:
    assert scoring.competition_ranks([2.0, 2.0, 2.0]) == [1, 1, 1]


def test_competition_ranks_return_ints() -> None:
    assert all(type(r) is int for r in scoring.competition_ranks([0.2, 0.1]))
