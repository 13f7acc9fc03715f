import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from metrics import (
    chi_square_test,
    fisher_exact_test,
    index_difference_test,
    mann_whitney_test,
    satisfaction_index,
    welch_t_test,
)


def test_welch_hand_computation():
    # a = 1..4: mean 2.5, s² = 5/3; b = 3..7: mean 5, s² = 2.5.
    # SE = sqrt(5/12 + 1/2) = 0.957427; t = −2.5/0.957427 = −2.6112;
    # df = (11/12)² / ((5/12)²/3 + (1/2)²/4) = 6.9808; p (two-sided, t with 6.98 df) = 0.03494
    r = welch_t_test([1, 2, 3, 4, None], [3, 4, 5, 6, 7], method="welch")
    assert r.test == "welch_t" and r.n == (4, 5) and r.method == "welch"
    assert r.statistic == pytest.approx(-2.6112, abs=1e-4)
    assert r.dof == pytest.approx(6.9808, abs=1e-4)
    assert r.p_value == pytest.approx(0.03494, abs=1e-4)
    assert r.difference == -2.5 and r.significant and r.small_groups


def test_welch_falls_back_to_the_permutation_at_small_n():
    # 4 vs 5: all C(9, 4) = 126 relabellings; 10 give |t| ≥ 2.611 (scipy.stats.ttest_ind with
    # PermutationMethod agrees, it is what runs); interval: −2.5 ± t(0.975; 6.98)·0.957427 = −4.765 to −0.235
    r = welch_t_test([1, 2, 3, 4], [3, 4, 5, 6, 7])
    assert r.method == "permutation" and r.p_value == pytest.approx(10 / 126)
    assert (r.ci_low, r.ci_high) == (pytest.approx(-4.765, abs=1e-3), pytest.approx(-0.235, abs=1e-3))
    assert not r.significant
    rng = np.random.default_rng(5)
    big_a, big_b = rng.normal(0, 1, 40), rng.normal(0.5, 1, 50)
    big = welch_t_test(big_a, big_b)
    assert big.method == "welch"
    assert big.p_value == pytest.approx(stats.ttest_ind(big_a, big_b, equal_var=False).pvalue)
    with pytest.raises(ValueError, match="method"):
        welch_t_test([1, 2], [3, 4], method="student")


def test_fisher_exact_for_shares():
    # 7/10 against 2/10: scipy.stats.fisher_exact([[7, 3], [2, 8]]) → p = 0.06978, odds ratio 9.33;
    # Newcombe (1998) hybrid score interval from the Wilson intervals (0.3968, 0.8922) and (0.0567, 0.5098):
    # 0.5 − sqrt(0.3032² + 0.3098²) = 0.0665, 0.5 + sqrt(0.1922² + 0.1433²) = 0.7398
    r = fisher_exact_test([True] * 7 + [False] * 3, [1] * 2 + [0] * 8 + [None])
    assert r.test == "fisher_exact" and r.n == (10, 10)
    assert r.p_value == pytest.approx(0.06978, abs=1e-5) and r.statistic == pytest.approx(9.3333, abs=1e-4)
    assert (r.ci_low, r.ci_high) == (pytest.approx(0.0665, abs=1e-3), pytest.approx(0.7398, abs=1e-3))
    assert fisher_exact_test([1], [1]).p_value == 1.0
    assert math.isnan(fisher_exact_test([], [1]).p_value)
    with pytest.raises(ValueError, match="yes / no"):
        fisher_exact_test([2], [1])


def test_welch_degenerate_groups():
    assert math.isnan(welch_t_test([1], [1, 2, 3]).p_value)
    assert math.isnan(welch_t_test([2, 2], [2, 2]).p_value)


def test_mann_whitney_exact_small_sample():
    # complete separation of 3 vs 3: U = 0, exact two-sided p = 2/C(6,3) = 2/20 = 0.1
    r = mann_whitney_test([1, 2, 3], [4, 5, 6])
    assert (r.statistic, r.p_value, r.difference) == (0.0, pytest.approx(0.1), -3.0)
    assert math.isnan(mann_whitney_test([], [1]).p_value)


def test_chi_square_hand_computation():
    # 2×2 table a: 30 yes / 10 no, b: 15 / 25; expected yes 22.5, no 17.5 in both rows.
    # χ² = 2·(7.5²/22.5 + 7.5²/17.5) = 11.4286, dof 1, p = 0.000723
    r = chi_square_test(["yes"] * 30 + ["no"] * 10 + ["yes"] * 15 + ["no"] * 25 + [None], ["a"] * 40 + ["b"] * 41)
    assert r.statistic == pytest.approx(11.4286, abs=1e-4)
    assert r.dof == 1 and r.n == (40, 40)
    assert r.p_value == pytest.approx(0.000723, abs=1e-6)
    assert math.isnan(chi_square_test(["yes", "no"], ["a", "a"]).p_value)
    with pytest.raises(ValueError, match="one per respondent"):
        chi_square_test(["yes"], ["a", "b"])


def test_non_numeric_groups_are_explained():
    with pytest.raises(ValueError, match="numbers"):
        welch_t_test(["a"], [1, 2])


# two items of equal weight on 1–5: the toy case of dissatisfied respondents skipping an item
TOY_TREE = pd.DataFrame({"code": ["a", "b"], "parent": [None, None], "weight": [1, 1]})


def test_index_difference_tests_the_index_itself():
    # the toy case: a satisfied respondent answers 5 and 5 (score 100), a dissatisfied one answers 1 and skips
    # b (score 0): item means 50 and 100, index 75, while the mean respondent score is 50
    toy = pd.DataFrame({"a": [5, 1], "b": [5, None]})
    assert satisfaction_index(toy, TOY_TREE, scales=(1, 5)).index == 75.0
    before = pd.DataFrame({"a": [3, 2, 4], "b": [3, 4, 2]})  # index 50 = its mean score
    r = index_difference_test(toy, before, TOY_TREE, scales=(1, 5))
    assert r.test == "index_difference" and r.difference == 25.0 and r.n == (2, 3)
    assert r.method == "permutation"
    # every one of the C(5, 2) = 10 relabellings, index recomputed on both sides, by hand
    pooled = pd.concat([toy, before], ignore_index=True)
    observed, extreme = 25.0, 0
    for first in itertools.combinations(range(5), 2):
        rest = [k for k in range(5) if k not in first]
        d = (
            satisfaction_index(pooled.iloc[list(first)], TOY_TREE, scales=(1, 5)).index
            - satisfaction_index(pooled.iloc[rest], TOY_TREE, scales=(1, 5)).index
        )
        extreme += abs(d) >= observed - 1e-9
    assert r.p_value == pytest.approx(extreme / 10)


def test_index_difference_welch_is_the_linearised_variance_of_the_index():
    # without missing answers and equal weights the linearised value is the respondent's mean score, so the
    # test is Welch's t on the scores; with missing answers the difference stays the index difference
    rng = np.random.default_rng(7)
    a = pd.DataFrame(rng.integers(1, 6, (60, 2)), columns=["a", "b"]).astype(float)
    b = pd.DataFrame(rng.integers(2, 6, (50, 2)), columns=["a", "b"]).astype(float)
    r = index_difference_test(a, b, TOY_TREE, scales=(1, 5))
    welch = welch_t_test((a.mean(axis=1) - 1) * 25, (b.mean(axis=1) - 1) * 25, method="welch")
    assert r.method == "welch" and r.p_value == pytest.approx(welch.p_value)
    assert (r.ci_low, r.ci_high) == (pytest.approx(welch.ci_low), pytest.approx(welch.ci_high))
    a.loc[a["a"] <= 2, "b"] = np.nan  # the dissatisfied skip b
    r = index_difference_test(a, b, TOY_TREE, scales=(1, 5))
    shown = satisfaction_index(a, TOY_TREE, scales=(1, 5)).index - satisfaction_index(b, TOY_TREE, scales=(1, 5)).index
    assert r.difference == pytest.approx(shown) and r.ci_low < shown < r.ci_high
    perm = index_difference_test(a, b, TOY_TREE, scales=(1, 5), method="permutation")
    assert perm.p_value == pytest.approx(r.p_value, abs=0.02)  # the two methods agree at this n
    assert math.isnan(index_difference_test(a.head(1), b, TOY_TREE, scales=(1, 5)).p_value)
    with pytest.raises(ValueError, match="method"):
        index_difference_test(a, b, TOY_TREE, scales=(1, 5), method="z")
