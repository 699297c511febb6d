"""Unit tests for app.domain.agreement: Goepel's AHP consensus and Kendall's W."""

import math

import pytest

from app.domain import agreement
from app.domain.errors import DomainError


def _h_alpha_min(n: int, m: float = 9) -> float:
    big, small = m / (n + m - 1), 1 / (n + m - 1)
    return -(big * math.log(big) + (n - 1) * small * math.log(small))


# Goepel (2018), IJAHP 10(3) 469-487, and his AHP-OS code (bpmsg/ahp-os, AhpGroup.php,
# getConsensus / ahpShannonCor): S* = (1/exp(H_beta) - c)/(1 - c), c = exp(H_alpha_min)/n,
# with H_alpha_min the entropy of (M, 1, ..., 1)/(n + M - 1). The paper's validation tables
# could not be retrieved, so these cases follow from that definition by hand.


def test_ahp_consensus_of_identical_vectors_is_one() -> None:
    assert agreement.ahp_consensus([[0.5, 0.3, 0.2]] * 4) == pytest.approx(1.0)


def test_ahp_consensus_of_one_participant_is_one() -> None:
    assert agreement.ahp_consensus([[0.7, 0.2, 0.1]]) == pytest.approx(1.0)


@pytest.mark.parametrize("n", [2, 3, 5])
def test_ahp_consensus_of_maximally_opposed_members_is_zero(n: int) -> None:
    # Goepel's D_gamma,max case: n members, each rating a different item 9x all others. Then
    # H_alpha = H_alpha_min and the mean vector is uniform (H_gamma = ln n), so exp(-H_beta) = c.
    vectors = [[9 / (n + 8) if i == k else 1 / (n + 8) for i in range(n)] for k in range(n)]
    assert agreement.ahp_consensus(vectors) == pytest.approx(0.0, abs=1e-12)


def test_ahp_consensus_hand_computed_two_members() -> None:
    # (3:1) against (1:3): H_alpha = H(.75, .25) = 0.562335, H_gamma = ln 2 = 0.693147,
    # H_beta = 0.130812, exp(-H_beta) = 0.877383; c = exp(H(.9, .1))/2 = 0.692073;
    # S* = (0.877383 - 0.692073)/(1 - 0.692073) = 0.601798.
    assert agreement.ahp_consensus([[0.75, 0.25], [0.25, 0.75]]) == pytest.approx(
        0.601798, abs=1e-6
    )


def test_ahp_consensus_follows_the_formula_for_three_members() -> None:
    vectors = [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.3, 0.3, 0.4]]

    def h(p: list[float]) -> float:
        return -sum(x * math.log(x) for x in p)

    h_alpha = sum(h(v) for v in vectors) / 3
    h_gamma = h([sum(col) / 3 for col in zip(*vectors, strict=True)])
    c = math.exp(_h_alpha_min(3)) / 3
    expected = (math.exp(-(h_gamma - h_alpha)) - c) / (1 - c)
    assert agreement.ahp_consensus(vectors) == pytest.approx(expected)


def test_ahp_consensus_rises_as_members_converge() -> None:
    far = agreement.ahp_consensus([[0.8, 0.2], [0.2, 0.8]])
    near = agreement.ahp_consensus([[0.6, 0.4], [0.4, 0.6]])
    assert 0 <= far < near <= 1


def test_ahp_consensus_depends_on_the_scale_maximum() -> None:
    vectors = [[0.75, 0.25], [0.25, 0.75]]
    assert agreement.ahp_consensus(vectors, scale_max=5) < agreement.ahp_consensus(vectors)


def test_ahp_consensus_is_clipped_at_zero_for_points_beyond_the_ahp_scale() -> None:
    # All-or-nothing points are more extreme than any 1-9 judgment: raw S* would be negative.
    assert agreement.ahp_consensus([[1, 0], [0, 1]]) == 0.0


def test_ahp_consensus_rescales_raw_points() -> None:
    a = agreement.ahp_consensus([[6, 3, 1], [2, 5, 3]])
    b = agreement.ahp_consensus([[0.6, 0.3, 0.1], [0.2, 0.5, 0.3]])
    assert a == pytest.approx(b)


def test_ahp_consensus_handles_a_zero_weight_criterion() -> None:
    out = agreement.ahp_consensus([[0.5, 0.5, 0.0], [0.4, 0.6, 0.0]])
    assert 0.0 <= out <= 1.0


def test_ahp_consensus_of_a_single_criterion_is_one() -> None:
    assert agreement.ahp_consensus([[1.0], [1.0]]) == 1.0


def test_ahp_consensus_rejects_an_all_zero_vector() -> None:
    with pytest.raises(DomainError) as err:
        agreement.ahp_consensus([[0, 0], [1, 1]])
    assert err.value.code == "zero_sum"


def test_ahp_consensus_rejects_ragged_vectors() -> None:
    with pytest.raises(DomainError):
        agreement.ahp_consensus([[0.5, 0.5], [1.0]])


def test_ahp_consensus_rejects_scale_max_of_one() -> None:
    with pytest.raises(DomainError) as err:
        agreement.ahp_consensus([[0.5, 0.5]], scale_max=1)
    assert err.value.field == "scale_max"


# Gamer et al., R package irr, data set "anxiety" (20 subjects x 3 raters, ratings 1-6 with
# many ties): kendall(anxiety, TRUE) reports Wt = 0.54, chi-squared(19) = 30.8, as asserted by
# the Python port pyirr (sophiedkk/pyirr, tests/test_kendall.py).
ANXIETY = [
    [3, 3, 2],
    [3, 6, 1],
    [3, 4, 4],
    [4, 6, 4],
    [5, 2, 3],
    [5, 4, 2],
    [2, 2, 1],
    [3, 4, 6],
    [5, 3, 1],
    [2, 3, 1],
    [2, 2, 1],
    [6, 3, 2],
    [1, 3, 3],
    [5, 3, 3],
    [2, 2, 1],
    [2, 2, 1],
    [1, 1, 3],
    [2, 3, 3],
    [4, 3, 2],
    [3, 4, 2],
]


def test_kendall_w_reproduces_irr_anxiety_with_tie_correction() -> None:
    w = agreement.kendall_w(ANXIETY)
    assert round(w, 2) == 0.54
    assert round(3 * (20 - 1) * w, 1) == 30.8  # Friedman's chi-squared = m (n - 1) W


def test_kendall_w_tie_correction_raises_w() -> None:
    assert agreement.kendall_w(ANXIETY, tie_correction=False) < agreement.kendall_w(ANXIETY)


def test_kendall_w_reproduces_proofwiki_example() -> None:
    # ProofWiki "Kendall's Coefficient of Concordance/Examples/Arbitrary Example 1": competitors
    # X, Y, Z ranked by four judges (X: 1,1,2,3; Y: 3,2,3,1; Z: 2,3,1,2) give W = 1/16.
    ranks = [[1, 1, 2, 3], [3, 2, 3, 1], [2, 3, 1, 2]]
    assert agreement.kendall_w(ranks) == pytest.approx(1 / 16)


def test_kendall_w_hand_computed_with_ties() -> None:
    # Three objects, two raters; rater 2 ties the last two. Mid-ranks: rater 1 (1, 2, 3),
    # rater 2 (1, 2.5, 2.5); rank sums 2, 4.5, 5.5, mean 4, S = 4 + 0.25 + 2.25 = 6.5.
    # Tie term T = 2^3 - 2 = 6; W = 12 * 6.5 / (4 * 24 - 2 * 6) = 78/84.
    assert agreement.kendall_w([[1, 1], [2, 2], [3, 2]]) == pytest.approx(78 / 84)
    assert agreement.kendall_w([[1, 1], [2, 2], [3, 2]], tie_correction=False) == pytest.approx(
        78 / 96
    )


def test_kendall_w_of_identical_rankings_is_one() -> None:
    assert agreement.kendall_w([[1, 1, 1], [2, 2, 2], [3, 3, 3]]) == pytest.approx(1.0)


def test_kendall_w_ignores_the_scale_of_ratings() -> None:
    # Ratings are ranked per rater, so only their order matters.
    assert agreement.kendall_w([[10, 1], [20, 2], [30, 3]]) == pytest.approx(1.0)


def test_kendall_w_of_opposite_rankings_is_zero() -> None:
    assert agreement.kendall_w([[1, 3], [2, 2], [3, 1]]) == pytest.approx(0.0)


def test_kendall_w_of_one_rater_is_one() -> None:
    assert agreement.kendall_w([[3], [1], [2]]) == pytest.approx(1.0)


def test_kendall_w_of_one_object_is_one() -> None:
    assert agreement.kendall_w([[3, 4, 5]]) == 1.0


def test_kendall_w_when_nobody_distinguishes_anything_is_zero() -> None:
    assert agreement.kendall_w([[2, 4], [2, 4], [2, 4]]) == 0.0


def test_kendall_w_rejects_missing_ratings() -> None:
    with pytest.raises(DomainError) as err:
        agreement.kendall_w([[1, None], [2, 3]])
    assert err.value.code == "not_finite"
