"""Unit tests for app.domain.group."""

import math

import numpy as np
import pytest

from app.domain import ahp, group
from app.domain.errors import DomainError


def test_aggregate_judgments_is_the_elementwise_geometric_mean() -> None:
    a: list[list[float]] = [[1, 4], [1 / 4, 1]]
    b = [[1, 1], [1, 1]]
    expected: list[list[float]] = [[1, 2], [1 / 2, 1]]
    assert np.allclose(group.aggregate_judgments([a, b]), expected)


def test_aggregate_judgments_of_opposite_views_is_indifference() -> None:
    a = [[1, 3], [1 / 3, 1]]
    b = [[1, 1 / 3], [3, 1]]
    assert np.allclose(group.aggregate_judgments([a, b]), [[1, 1], [1, 1]])


def test_aggregate_judgments_keeps_the_matrix_reciprocal() -> None:
    a = [[1, 2, 9], [1 / 2, 1, 3], [1 / 9, 1 / 3, 1]]
    b = [[1, 1 / 5, 2], [5, 1, 7], [1 / 2, 1 / 7, 1]]
    m = group.aggregate_judgments([a, b], member_weights=[2, 1])
    for i in range(3):
        for j in range(3):
            assert m[i][j] * m[j][i] == pytest.approx(1.0)


def test_aggregate_judgments_weights_members() -> None:
    a = [[1, 9], [1 / 9, 1]]
    b = [[1, 1], [1, 1]]
    m = group.aggregate_judgments([a, b], member_weights=[1, 1])
    w = group.aggregate_judgments([a, b], member_weights=[3, 1])
    assert w[0][1] == pytest.approx(9**0.75)
    assert w[0][1] > m[0][1]


def test_aggregate_judgments_of_one_member_is_that_member() -> None:
    a: list[list[float]] = [[1, 5, 3], [1 / 5, 1, 1 / 2], [1 / 3, 2, 1]]
    assert np.allclose(group.aggregate_judgments([a]), a)


def test_aggregate_judgments_rejects_different_sizes() -> None:
    with pytest.raises(DomainError) as err:
        group.aggregate_judgments([[[1]], [[1, 2], [1 / 2, 1]]])
    assert err.value.field == "matrices"


def test_aggregate_judgments_rejects_no_members() -> None:
    with pytest.raises(DomainError) as err:
        group.aggregate_judgments([])
    assert err.value.code == "empty_input"


def test_aggregate_judgments_rejects_wrong_number_of_member_weights() -> None:
    with pytest.raises(DomainError) as err:
        group.aggregate_judgments([[[1]]], member_weights=[1, 2])
    assert err.value.code == "shape_mismatch"


def test_aggregate_judgments_rejects_all_zero_member_weights() -> None:
    with pytest.raises(DomainError) as err:
        group.aggregate_judgments([[[1]], [[1]]], member_weights=[0, 0])
    assert err.value.code == "zero_sum"


def test_aggregate_priorities_geometric_renormalizes() -> None:
    out = group.aggregate_priorities([[0.5, 0.5], [0.2, 0.8]])
    assert out == pytest.approx(
        [
            math.sqrt(0.1) / (math.sqrt(0.1) + math.sqrt(0.4)),
            math.sqrt(0.4) / (math.sqrt(0.1) + math.sqrt(0.4)),
        ]
    )


def test_aggregate_priorities_arithmetic_is_the_mean() -> None:
    out = group.aggregate_priorities([[0.5, 0.5], [0.2, 0.8]], method="arithmetic")
    assert out == pytest.approx([0.35, 0.65])


def test_aggregate_priorities_rescales_raw_points() -> None:
    out = group.aggregate_priorities([[50, 50], [2, 8]], method="arithmetic")
    assert out == pytest.approx([0.35, 0.65])


def test_aggregate_priorities_sum_to_one() -> None:
    out = group.aggregate_priorities([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.3, 0.3, 0.4]])
    assert sum(out) == pytest.approx(1.0)


def test_aggregate_priorities_geometric_keeps_a_zero_criterion_at_zero() -> None:
    out = group.aggregate_priorities([[1, 0, 1], [1, 1, 1]])
    assert out[1] == 0.0 and sum(out) == pytest.approx(1.0)


def test_aggregate_priorities_ignore_a_zero_weight_members_zero() -> None:
    out = group.aggregate_priorities([[1, 0], [1, 1]], member_weights=[0, 1])
    assert out == pytest.approx([0.5, 0.5])


def test_aggregate_priorities_geometric_rejects_all_criteria_zeroed() -> None:
    with pytest.raises(DomainError) as err:
        group.aggregate_priorities([[1, 0], [0, 1]])
    assert err.value.code == "zero_sum"


def test_aggregate_priorities_rejects_an_all_zero_member_vector() -> None:
    with pytest.raises(DomainError) as err:
        group.aggregate_priorities([[0, 0], [1, 1]], method="arithmetic")
    assert err.value.code == "zero_sum"


def test_aggregate_priorities_rejects_negative_entries() -> None:
    with pytest.raises(DomainError) as err:
        group.aggregate_priorities([[1, -1]])
    assert err.value.code == "negative_value"


def test_aggregate_priorities_rejects_unknown_method() -> None:
    with pytest.raises(DomainError):
        group.aggregate_priorities([[1, 1]], method="median")


def test_aggregate_priorities_of_one_member_is_that_member() -> None:
    assert group.aggregate_priorities([[0.6, 0.4]]) == pytest.approx([0.6, 0.4])


def test_aggregate_judgments_then_priorities_match_aip_for_consistent_members() -> None:
    # For consistent members AIJ and geometric AIP give the same group priorities.
    members = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3]]
    matrices = [[[a / b for b in w] for a in w] for w in members]
    aij = ahp.priorities(group.aggregate_judgments(matrices))
    aip = group.aggregate_priorities(members)
    assert aij == pytest.approx(aip)


def test_aggregate_ratings_mean_skips_missing() -> None:
    assert group.aggregate_ratings([4, None, 2, None]) == 3.0


def test_aggregate_ratings_median_skips_missing() -> None:
    assert group.aggregate_ratings([5, None, 1, 2], method="median") == 2.0


def test_aggregate_ratings_median_of_even_count_is_the_midpoint() -> None:
    assert group.aggregate_ratings([1, 2, 4, 5], method="median") == 3.0


def test_aggregate_ratings_of_nobody_is_none() -> None:
    assert group.aggregate_ratings([None, None]) is None
    assert group.aggregate_ratings([]) is None


def test_aggregate_ratings_of_one_participant_is_their_rating() -> None:
    assert group.aggregate_ratings([4]) == 4.0


def test_aggregate_ratings_treat_nan_as_missing() -> None:
    assert group.aggregate_ratings([float("nan"), 3]) == 3.0


def test_aggregate_ratings_reject_infinite_ratings() -> None:
    with pytest.raises(DomainError) as err:
        group.aggregate_ratings([math.inf, 3])
    assert err.value.code == "not_finite"


def test_aggregate_ratings_reject_non_numbers() -> None:
    with pytest.raises(DomainError):
        group.aggregate_ratings(["good"])  # type: ignore[list-item]


def test_aggregate_ratings_reject_unknown_method() -> None:
    with pytest.raises(DomainError):
        group.aggregate_ratings([1], method="mode")
