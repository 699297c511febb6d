"""Property tests: app.domain agrees with independent packages (pymcdm, AHPy) on random input.

pymcdm 1.x computes AHP weights with numpy's eigen-solver and CR with Tummala and Ling's RI;
AHPy 2.x with repeated squaring of the matrix and CR with Saaty's 2005 or Donegan and Dodd's RI.
Their random indices differ from ours (Saaty 1980), so consistency is compared through CI.
"""

import itertools
import string
from typing import Any

import ahpy
import numpy as np
import pymcdm.methods as pymcdm_methods
import pymcdm.weights.subjective as pymcdm_ahp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import ahp, scoring

SAATY_VALUES = [1 / v for v in range(9, 1, -1)] + [float(v) for v in range(1, 10)]
# AHPy's Saaty (2005) random indices, to turn its CR back into CI.
AHPY_SAATY_RI = {3: 0.52, 4: 0.89, 5: 1.11, 6: 1.25, 7: 1.35, 8: 1.40}

PROPERTY_SETTINGS = settings(max_examples=50, deadline=None)


@st.composite
def reciprocal_matrices(draw: st.DrawFn) -> np.ndarray:
    n = draw(st.integers(min_value=3, max_value=8))
    a = np.ones((n, n))
    for i, j in itertools.combinations(range(n), 2):
        v = draw(st.sampled_from(SAATY_VALUES))
        a[i, j], a[j, i] = v, 1.0 / v
    return a


def _pymcdm_ahp(a: np.ndarray) -> Any:
    return pymcdm_ahp.AHP(matrix=a)


def _ahpy_compare(a: np.ndarray) -> tuple[str, Any]:
    names = string.ascii_lowercase[: a.shape[0]]
    pairs = {
        (names[i], names[j]): float(a[i, j])
        for i, j in itertools.combinations(range(a.shape[0]), 2)
    }
    return names, ahpy.Compare("m", pairs, precision=8, random_index="saaty")


@PROPERTY_SETTINGS
@given(reciprocal_matrices())
def test_priorities_match_pymcdm_eigenvector(a: np.ndarray) -> None:
    ours = ahp.priorities(a)
    theirs = _pymcdm_ahp(a)()
    assert ours == pytest.approx(list(theirs), abs=1e-9)


@PROPERTY_SETTINGS
@given(reciprocal_matrices())
def test_priorities_match_ahpy_power_method(a: np.ndarray) -> None:
    names, compare = _ahpy_compare(a)
    theirs = [compare.local_weights[name] for name in names]
    assert ahp.priorities(a) == pytest.approx(theirs, abs=1e-6)


@PROPERTY_SETTINGS
@given(reciprocal_matrices())
def test_consistency_index_matches_pymcdm(a: np.ndarray) -> None:
    n = a.shape[0]
    model = _pymcdm_ahp(a)
    model()
    their_ci = model.get_cr() * pymcdm_ahp.AHP.RI_M[n - 1]
    ours = ahp.consistency(a)
    assert ours.ci == pytest.approx(max(0.0, their_ci), abs=1e-9)
    assert ours.lambda_max == pytest.approx(n + their_ci * (n - 1), abs=1e-8)
    assert ours.cr == pytest.approx(ours.ci / ahp.RANDOM_INDEX[n])


@PROPERTY_SETTINGS
@given(reciprocal_matrices())
def test_consistency_index_matches_ahpy(a: np.ndarray) -> None:
    n = a.shape[0]
    _, compare = _ahpy_compare(a)
    # AHPy rounds CR to `precision` decimals, so CI agrees to about RI * 1e-8.
    their_ci = compare.consistency_ratio * AHPY_SAATY_RI[n]
    assert ahp.consistency(a).ci == pytest.approx(their_ci, abs=1e-7)


@PROPERTY_SETTINGS
@given(
    st.integers(min_value=1, max_value=12).flatmap(
        lambda m: st.tuples(
            st.lists(
                st.lists(st.floats(0, 1, allow_nan=False), min_size=m, max_size=m),
                min_size=1,
                max_size=10,
            ),
            st.lists(st.floats(0.01, 100, allow_nan=False), min_size=m, max_size=m),
        )
    )
)
def test_weighted_sum_matches_pymcdm_wsm(case: tuple[list[list[float]], list[float]]) -> None:
    values, weights = case
    v = np.array(values)
    w = np.array(weights) / np.sum(weights)
    # Values are already in [0, 1]: give WSM an identity normalization and skip its validation,
    # which rejects dominated options that are perfectly legal here.
    wsm = pymcdm_methods.WSM(normalization_function=lambda x, cost=False: x)
    theirs = wsm(v, w, np.ones(v.shape[1], dtype=int), validation=False)
    assert scoring.weighted_sum(values, weights) == pytest.approx(list(theirs), abs=1e-12)
