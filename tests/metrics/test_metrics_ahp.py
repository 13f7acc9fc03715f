import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import ahp_weights

# Saaty, T. L. (1990). How to make a decision: the analytic hierarchy process.
# European Journal of Operational Research 48, 9–26, the house example, Table 2
# (criteria: size, transportation, neighbourhood, age, yard, modern facilities,
# general condition, financing). Published: eigenvector .173 .054 .188 .018 .031
# .036 .167 .333, λmax = 9.669, C.I. = 0.238, C.R. = 0.169.
SAATY_HOUSE = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
]


def test_saaty_house_example():
    r = ahp_weights(SAATY_HOUSE)
    np.testing.assert_allclose(r.weights, [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333], atol=0.0005)
    assert r.lambda_max == pytest.approx(9.669, abs=0.0005)
    assert r.consistency_index == pytest.approx(0.238, abs=0.0005)
    assert r.consistency_ratio == pytest.approx(0.169, abs=0.0005)
    assert not r.acceptable
    assert len(r.clashing) == 28
    devs = [c.deviation for c in r.clashing]
    assert devs == sorted(devs, reverse=True)


def test_docstring_example_two_elements():
    r = ahp_weights([[1, 3], [1 / 3, 1]])
    np.testing.assert_allclose(r.weights, [0.75, 0.25])
    assert r.consistency_ratio == 0.0 and r.lambda_max == pytest.approx(2.0)


def test_consistent_matrix_recovers_weights_and_has_no_clash():
    w = np.array([0.5, 0.2, 0.2, 0.1])
    r = ahp_weights(np.outer(w, 1 / w))
    np.testing.assert_allclose(r.weights, w)
    assert r.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert r.clashing == []


def test_one_wrong_judgement_is_reported_first():
    labels = ["product", "price", "service", "brand", "relationship"]
    w = np.array([0.35, 0.25, 0.2, 0.12, 0.08])
    a = np.outer(w, 1 / w)
    a[1, 3], a[3, 1] = 1 / 5, 5  # price vs brand turned around
    r = ahp_weights(pd.DataFrame(a, index=labels, columns=labels))
    assert r.consistency_ratio >= 0.10
    worst = r.clashing[0]
    assert (worst.i, worst.j) == (1, 3)
    assert (worst.label_i, worst.label_j) == ("price", "brand")
    assert worst.given == pytest.approx(0.2)
    assert worst.implied == pytest.approx(r.weights[1] / r.weights[3])


@pytest.mark.parametrize(
    ("matrix", "message"),
    [
        ([[1, 2, 3], [0.5, 1, 2]], "square"),
        ([[1, 2], [0.4, 1]], r"cell \[0, 1\] is 2 but cell \[1, 0\] is 0.4"),
        ([[1, -2], [-0.5, 1]], "positive"),
        ([[1, np.nan], [1, 1]], "positive"),
        ([[2, 1], [1, 1]], "diagonal"),
        ([["a", 1], [1, 1]], "numbers"),
        (np.ones((11, 11)), "at most 10"),
    ],
)
def test_invalid_matrices_are_explained(matrix, message):
    with pytest.raises(ValueError, match=message):
        ahp_weights(matrix)


def test_rounded_reciprocals_are_accepted():
    r = ahp_weights([[1, 3, 5], [0.33, 1, 2], [0.2, 0.5, 1]])
    assert r.weights.sum() == pytest.approx(1.0)


SAATY_SCALE = [1 / 9, 1 / 7, 1 / 5, 1 / 3, 1, 3, 5, 7, 9]


@settings(max_examples=60, deadline=None)
@given(
    st.integers(1, 10).flatmap(
        lambda n: st.lists(st.sampled_from(SAATY_SCALE), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2).map(
            lambda v: (n, v)
        )
    )
)
def test_weights_are_positive_sum_to_one_and_lambda_at_least_n(case):
    n, values = case
    a = np.ones((n, n))
    iu = np.triu_indices(n, 1)
    a[iu] = values
    a[(iu[1], iu[0])] = 1 / np.asarray(values)
    r = ahp_weights(a)
    assert np.all(r.weights > 0)
    assert r.weights.sum() == pytest.approx(1.0)
    assert r.lambda_max >= n - 1e-9
    assert r.consistency_ratio >= 0
    # permuting the elements permutes the weights and keeps CR
    p = np.random.default_rng(n).permutation(n)
    r2 = ahp_weights(a[np.ix_(p, p)])
    np.testing.assert_allclose(r2.weights, r.weights[p], atol=1e-9)
    assert r2.consistency_ratio == pytest.approx(r.consistency_ratio, abs=1e-9)
