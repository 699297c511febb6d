"""Unit tests for app.domain.weights, against Barron and Barrett's rank-order weights."""

import pytest

from app.domain import weights
from app.domain.errors import DomainError

# Barron, F.H. and Barrett, B.E. (1996) "Decision quality using ranked attribute weights",
# Management Science 42(11): ROC weight w_i = (1/n) sum_{k=i..n} 1/k, tabulated for n = 4 as
# .5208 .2708 .1458 .0625 (a worked n = 4 example with .52 .27 .15 .06 is on couryes.com's
# "Rank Order Centroid Method" page). n = 3 by the same formula: 11/18, 5/18, 2/18.
ROC_4 = [0.5208, 0.2708, 0.1458, 0.0625]
ROC_3 = [11 / 18, 5 / 18, 2 / 18]
# Rank sum (rank r weighs n - r + 1) and rank reciprocal (1/r), each normalized, as described
# on gitta.info's "Weighting by ranking" page (Stillwell, Seaver and Edwards 1981); n = 4 by
# hand: rank sum 4, 3, 2, 1 over 10; reciprocal 1, 1/2, 1/3, 1/4 over 25/12.
RANK_SUM_4 = [0.4, 0.3, 0.2, 0.1]
RANK_RECIPROCAL_4 = [12 / 25, 6 / 25, 4 / 25, 3 / 25]


def test_rank_order_roc_reproduces_barron_barrett_n4() -> None:
    assert weights.rank_order([1, 2, 3, 4]) == pytest.approx(ROC_4, abs=5e-5)


def test_rank_order_roc_n3() -> None:
    assert weights.rank_order([1, 2, 3], method="roc") == pytest.approx(ROC_3)


def test_rank_order_rank_sum_n4() -> None:
    assert weights.rank_order([1, 2, 3, 4], method="rank_sum") == pytest.approx(RANK_SUM_4)


def test_rank_order_rank_reciprocal_n4() -> None:
    out = weights.rank_order([1, 2, 3, 4], method="rank_reciprocal")
    assert out == pytest.approx(RANK_RECIPROCAL_4)


@pytest.mark.parametrize("method", ["roc", "rank_sum", "rank_reciprocal"])
def test_rank_order_sums_to_one(method: str) -> None:
    assert sum(weights.rank_order([3, 1, 2, 5, 4, 6, 7], method=method)) == pytest.approx(1.0)


def test_rank_order_follows_input_order() -> None:
    out = weights.rank_order([3, 1, 4, 2])
    assert out == pytest.approx([ROC_4[2], ROC_4[0], ROC_4[3], ROC_4[1]], abs=5e-5)


def test_rank_order_ties_share_the_mean_of_their_positions() -> None:
    out = weights.rank_order([1, 2, 2, 4])
    shared = (ROC_4[1] + ROC_4[2]) / 2
    assert out == pytest.approx([ROC_4[0], shared, shared, ROC_4[3]], abs=5e-5)


def test_rank_order_dense_and_competition_ties_agree() -> None:
    assert weights.rank_order([1, 2, 2, 3]) == pytest.approx(weights.rank_order([1, 2, 2, 4]))


def test_rank_order_all_tied_is_equal_weights() -> None:
    assert weights.rank_order([1, 1, 1]) == pytest.approx([1 / 3] * 3)


def test_rank_order_of_one_criterion_is_one() -> None:
    assert weights.rank_order([1]) == [1.0]


def test_rank_order_rejects_empty_ranks() -> None:
    with pytest.raises(DomainError) as err:
        weights.rank_order([])
    assert err.value.code == "empty_input"


def test_rank_order_rejects_unknown_method() -> None:
    with pytest.raises(DomainError):
        weights.rank_order([1, 2], method="rank_exponent")


def test_rank_order_rejects_non_finite_ranks() -> None:
    with pytest.raises(DomainError):
        weights.rank_order([1, float("nan")])


def test_swing_divides_by_the_sum() -> None:
    assert weights.swing([100, 50, 50]) == pytest.approx([0.5, 0.25, 0.25])


def test_swing_keeps_a_zero_swing_at_zero() -> None:
    assert weights.swing([100, 0]) == [1.0, 0.0]


def test_swing_rejects_points_above_100() -> None:
    with pytest.raises(DomainError) as err:
        weights.swing([120, 50])
    assert err.value.code == "out_of_range"


def test_swing_rejects_all_zero() -> None:
    with pytest.raises(DomainError) as err:
        weights.swing([0, 0])
    assert err.value.code == "zero_sum"


def test_points_normalize_to_one() -> None:
    assert weights.points([3, 1, 0, 4]) == pytest.approx([0.375, 0.125, 0.0, 0.5])


def test_points_accept_large_budgets() -> None:
    assert weights.points([600, 400]) == pytest.approx([0.6, 0.4])


def test_points_reject_negative_points() -> None:
    with pytest.raises(DomainError) as err:
        weights.points([3, -1])
    assert err.value.code == "negative_value"


def test_points_reject_non_finite_points() -> None:
    with pytest.raises(DomainError) as err:
        weights.points([3, float("inf")])
    assert err.value.code == "not_finite"


def test_points_reject_all_zero() -> None:
    with pytest.raises(DomainError) as err:
        weights.points([0, 0, 0])
    assert err.value.code == "zero_sum"


def test_points_reject_empty_input() -> None:
    with pytest.raises(DomainError) as err:
        weights.points([])
    assert err.value.code == "empty_input"
