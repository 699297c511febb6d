"""Unit tests for app.domain.sensitivity, on cases whose answers can be worked out by hand."""

import numpy as np
import pytest

from app.domain import scoring, sensitivity
from app.domain.errors import DomainError

# Two options, two criteria. A = (1, 0), B = (0, 1), weights (0.6, 0.4): A scores 0.6, B 0.4.
# Moving criterion 0's weight to t (criterion 1 gets 1 - t): A = t, B = 1 - t, so A stays top
# for t >= 0.5; for criterion 1 symmetrically t <= 0.5.
CROSS_VALUES = [[1.0, 0.0], [0.0, 1.0]]
CROSS_WEIGHTS = [0.6, 0.4]


def test_stability_intervals_hand_computed_crossing() -> None:
    out = sensitivity.stability_intervals(CROSS_VALUES, CROSS_WEIGHTS)
    assert out == [pytest.approx((0.5, 1.0)), pytest.approx((0.0, 0.5))]


def test_stability_intervals_hand_computed_uneven_crossing() -> None:
    # A = (0.8, 0.2), B = (0.4, 0.6), weights (0.7, 0.3). With t on criterion 0:
    # A = 0.2 + 0.6 t, B = 0.6 - 0.2 t, equal at t = 0.5.
    out = sensitivity.stability_intervals([[0.8, 0.2], [0.4, 0.6]], [0.7, 0.3])
    assert out[0] == pytest.approx((0.5, 1.0))
    assert out[1] == pytest.approx((0.0, 0.5))


def test_stability_intervals_rescale_other_weights_in_proportion() -> None:
    # Three criteria, weights (0.5, 0.3, 0.2); A = (1, 0, 0), B = (0, 1, 1). With t on criterion 0
    # the others share 1 - t as 0.6 : 0.4, so B = 1 - t and A = t: crossing at 0.5 again.
    # With t on criterion 1, criterion 0 gets (1 - t) * 0.5/0.7: A = (1 - t) 5/7 and
    # B = t + (1 - t) 2/7, equal at t = 3/10. With t on criterion 2, criterion 0 gets
    # (1 - t) 5/8: A = (1 - t) 5/8, B = t + (1 - t) 3/8, equal at t = 1/5.
    out = sensitivity.stability_intervals([[1, 0, 0], [0, 1, 1]], [0.5, 0.3, 0.2])
    assert out[0] == pytest.approx((0.5, 1.0))
    assert out[1] == pytest.approx((0.0, 0.3))
    assert out[2] == pytest.approx((0.0, 0.2))


def test_stability_intervals_contain_the_current_weights() -> None:
    rng = np.random.default_rng(3)
    values = rng.random((6, 5))
    w = rng.random(5)
    w /= w.sum()
    for (lo, hi), wj in zip(sensitivity.stability_intervals(values, w), w, strict=True):
        assert lo <= wj <= hi


def test_stability_intervals_end_at_the_tie() -> None:
    values = [[0.8, 0.2], [0.4, 0.6]]
    lo, _ = sensitivity.stability_intervals(values, [0.7, 0.3])[0]
    scores = scoring.weighted_sum(values, [lo, 1 - lo])
    assert scores[0] == pytest.approx(scores[1])


def test_stability_intervals_full_range_when_top_dominates() -> None:
    out = sensitivity.stability_intervals([[1.0, 1.0], [0.2, 0.5]], [0.5, 0.5])
    assert out == [(0.0, 1.0), (0.0, 1.0)]


def test_stability_intervals_for_one_option() -> None:
    assert sensitivity.stability_intervals([[0.3, 0.7]], [1, 1]) == [(0.0, 1.0), (0.0, 1.0)]


def test_stability_intervals_for_one_criterion() -> None:
    assert sensitivity.stability_intervals([[0.3], [0.7]], [1]) == [(0.0, 1.0)]


def test_stability_intervals_with_a_zero_weight_criterion() -> None:
    # Criterion 1 has weight 0 now; giving it weight t: A = 1 - t, B = t, A top for t <= 0.5.
    out = sensitivity.stability_intervals(CROSS_VALUES, [1, 0])
    assert out[1] == pytest.approx((0.0, 0.5))
    assert out[0] == pytest.approx((0.5, 1.0))


def test_stability_intervals_with_equal_options_never_break() -> None:
    out = sensitivity.stability_intervals([[0.5, 0.5], [0.5, 0.5]], [0.3, 0.7])
    assert out == [(0.0, 1.0), (0.0, 1.0)]


def test_stability_intervals_when_top_is_tied_now() -> None:
    # A and B tie at (0.5, 0.5); the first (A) is "top" and stays top only while criterion 0
    # is at least as heavy as now.
    out = sensitivity.stability_intervals(CROSS_VALUES, [0.5, 0.5])
    assert out == [pytest.approx((0.5, 1.0)), pytest.approx((0.0, 0.5))]


def test_stability_intervals_reject_all_zero_weights() -> None:
    with pytest.raises(DomainError) as err:
        sensitivity.stability_intervals(CROSS_VALUES, [0, 0])
    assert err.value.code == "zero_sum"


def test_stability_intervals_reject_mismatched_weights() -> None:
    with pytest.raises(DomainError) as err:
        sensitivity.stability_intervals(CROSS_VALUES, [1, 1, 1])
    assert err.value.code == "shape_mismatch"


def test_top_option_prefers_the_first_of_tied_best() -> None:
    assert sensitivity.top_option([[0.1, 0.9], [0.5, 0.5], [0.5, 0.5]], [1, 0]) == 1


def test_rank_acceptability_rows_sum_to_one() -> None:
    rng = np.random.default_rng(0)
    out = np.array(sensitivity.rank_acceptability(rng.random((5, 4)), samples=2000))
    assert out.shape == (5, 5)
    assert out.sum(axis=1) == pytest.approx(np.ones(5))


def test_rank_acceptability_hand_computed_halves() -> None:
    # A = (1, 0), B = (0, 1): A wins exactly when w0 > 1/2, which uniform weights do half the time.
    out = sensitivity.rank_acceptability(CROSS_VALUES, samples=20000, seed=1)
    assert out[0][0] == pytest.approx(0.5, abs=0.02)
    assert out[1][0] == pytest.approx(0.5, abs=0.02)


def test_rank_acceptability_hand_computed_quarter() -> None:
    # A = (1, 0, 0) beats B = (0, 1, 1) when w0 > 1/2; for Dirichlet(1, 1, 1), P(w0 > 1/2) = 1/4.
    out = sensitivity.rank_acceptability([[1, 0, 0], [0, 1, 1]], samples=40000, seed=2)
    assert out[0][0] == pytest.approx(0.25, abs=0.01)


def test_rank_acceptability_dominant_option_is_always_first() -> None:
    out = sensitivity.rank_acceptability([[0.9, 0.9], [0.1, 0.5], [0.2, 0.1]], samples=500)
    assert out[0] == [1.0, 0.0, 0.0]


def test_rank_acceptability_ties_share_the_best_rank() -> None:
    # Identical options tie in every draw; both get rank 1, so nobody holds rank 2.
    out = sensitivity.rank_acceptability([[0.5, 0.5], [0.5, 0.5], [0.0, 0.0]], samples=100)
    assert out == [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]]


def test_rank_acceptability_is_deterministic_for_a_seed() -> None:
    values = np.random.default_rng(5).random((4, 3))
    a = sensitivity.rank_acceptability(values, samples=1000, seed=42)
    b = sensitivity.rank_acceptability(values, samples=1000, seed=42)
    assert a == b


def test_rank_acceptability_ordinal_respects_the_importance_order() -> None:
    # With criterion 1 always at least as heavy as criterion 0, B = (0, 1) never loses to A.
    out = sensitivity.rank_acceptability(
        CROSS_VALUES, samples=2000, weight_sampler="ordinal", order=[1, 0]
    )
    assert out[1][0] == 1.0


def test_rank_acceptability_ordinal_needs_a_full_order() -> None:
    with pytest.raises(DomainError) as err:
        sensitivity.rank_acceptability(CROSS_VALUES, weight_sampler="ordinal", order=[0])
    assert err.value.field == "order"


def test_rank_acceptability_ordinal_needs_an_order() -> None:
    with pytest.raises(DomainError):
        sensitivity.rank_acceptability(CROSS_VALUES, weight_sampler="ordinal")


def test_rank_acceptability_accepts_explicit_weight_samples() -> None:
    out = sensitivity.rank_acceptability(CROSS_VALUES, weight_sampler=[[3, 1], [1, 3], [2, 0]])
    assert np.allclose(out, [[2 / 3, 1 / 3], [1 / 3, 2 / 3]])


def test_rank_acceptability_rejects_bad_weight_samples() -> None:
    with pytest.raises(DomainError) as err:
        sensitivity.rank_acceptability(CROSS_VALUES, weight_sampler=[[0, 0]])
    assert err.value.code == "zero_sum"


def test_rank_acceptability_rejects_unknown_sampler() -> None:
    with pytest.raises(DomainError):
        sensitivity.rank_acceptability(CROSS_VALUES, weight_sampler="beta")


def test_rank_acceptability_rejects_zero_samples() -> None:
    with pytest.raises(DomainError):
        sensitivity.rank_acceptability(CROSS_VALUES, samples=0)
