import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, stats

from metrics import NPSResult, nps, nps_difference

Z = stats.norm.ppf(0.975)


def test_hand_computation():
    # 10 answers: promoters 10, 9, 9, 9, 9 (p = 0.5); passives 8, 7, 7; detractors 3, 0 (d = 0.2).
    # NPS = 100·(0.5 − 0.2) = 30; var = p + d − (p − d)² = 0.7 − 0.09 = 0.61;
    # SE = 100·sqrt(0.61/10) = 24.698; normal 95 % CI = 30 ± 1.95996·24.698 = (−18.41, 78.41).
    r = nps([10, 9, 9, 9, 9, 8, 7, 7, 3, 0], method="normal")
    assert (r.score, r.promoters, r.passives, r.detractors, r.n) == (30.0, 5, 3, 2, 10)
    assert r.se == pytest.approx(24.698, abs=1e-3)
    assert r.ci_low == pytest.approx(-18.407, abs=1e-3)
    assert r.ci_high == pytest.approx(78.407, abs=1e-3)
    assert (r.promoter_share, r.passive_share, r.detractor_share) == pytest.approx((0.5, 0.3, 0.2))


def test_shares_of_nobody_are_not_a_number():
    r = nps([])
    assert math.isnan(r.promoter_share) and math.isnan(r.passive_share) and math.isnan(r.detractor_share)


def _score_statistic_numeric(b, m, c, delta):
    """Score statistic at Δ with the constrained MLE found numerically (independent of metrics.nps)."""
    n = b + m + c
    lo, hi = max(0.0, -delta) + 1e-12, min(1.0, 1 - delta) / 1.0
    hi = min(hi, (1 - delta) / 2) - 1e-12  # p + d = delta + 2d ≤ 1

    def neg_loglik(d):
        p = d + delta
        return -(b * math.log(max(p, 1e-300)) + c * math.log(max(d, 1e-300)) + m * math.log(max(1 - p - d, 1e-300)))

    d = optimize.minimize_scalar(neg_loglik, bounds=(lo, hi), method="bounded", options={"xatol": 1e-12}).x
    p = d + delta
    return ((b - c) / n - delta) / math.sqrt((p + d - delta**2) / n)


@pytest.mark.parametrize(("b", "m", "c"), [(5, 3, 2), (12, 6, 2), (3, 10, 17), (40, 30, 30), (8, 2, 0)])
def test_score_interval_endpoints_solve_the_score_equation(b, m, c):
    r = nps([10] * b + [8] * m + [0] * c)
    assert _score_statistic_numeric(b, m, c, r.ci_low / 100) == pytest.approx(Z, abs=2e-3)
    assert _score_statistic_numeric(b, m, c, r.ci_high / 100) == pytest.approx(-Z, abs=2e-3)
    assert r.ci_low < r.score < r.ci_high


def test_score_interval_at_the_edges():
    everyone = nps([10] * 12)
    assert everyone.score == 100 and everyone.ci_high == 100
    assert 50 < everyone.ci_low < 100  # never zero width, unlike the normal interval
    assert nps([10] * 12, method="normal").ci_low == 100
    nobody = nps([0] * 12)
    assert nobody.ci_low == -100 and -100 < nobody.ci_high < -50
    passives = nps([7, 8] * 6)
    assert passives.ci_low == pytest.approx(-passives.ci_high)


def test_score_and_normal_agree_for_large_n():
    scores = [10] * 500 + [8] * 300 + [2] * 200
    s, n = nps(scores), nps(scores, method="normal")
    assert s.ci_low == pytest.approx(n.ci_low, abs=0.2)
    assert s.ci_high == pytest.approx(n.ci_high, abs=0.2)


def _exact_coverage(n, p, d, method):
    from metrics.nps import _score_interval

    truth = p - d
    covered = 0.0
    for b in range(n + 1):
        for c in range(n + 1 - b):
            if method == "score":
                low, high = _score_interval(b, c, n, Z)
            else:
                pp, dd = b / n, c / n
                se = math.sqrt(max(pp + dd - (pp - dd) ** 2, 0) / n)
                low, high = pp - dd - Z * se, pp - dd + Z * se
            if low - 1e-12 <= truth <= high + 1e-12:
                covered += stats.multinomial.pmf([b, n - b - c, c], n, [p, 1 - p - d, d])
    return covered


@pytest.mark.parametrize(("n", "p", "d"), [(10, 0.5, 0.2), (20, 0.8, 0.05), (20, 0.9, 0.0), (30, 0.1, 0.7)])
def test_exact_coverage_is_close_to_95_percent(n, p, d):
    # Exact coverage by enumerating every trinomial outcome (no simulation noise).
    assert 0.935 <= _exact_coverage(n, p, d, "score") <= 0.97


def test_normal_interval_undercovers_for_small_n_extreme_shares():
    # Why the score interval is the default: at n = 20, 80 % promoters, the normal interval covers ~86 %.
    assert _exact_coverage(20, 0.8, 0.05, "normal") < 0.90


def test_simulated_coverage():
    # 1,000 simulated surveys of 40 raw 0–10 answers, shares 60 % / 25 % / 15 % → true NPS 45.
    rng = np.random.default_rng(20240501)
    answers = np.array([10, 9, 8, 7, 6, 3])
    probs = np.array([0.35, 0.25, 0.15, 0.10, 0.10, 0.05])
    hits = 0
    reps = 1000
    for _ in range(reps):
        r = nps(rng.choice(answers, size=40, p=probs))
        hits += r.ci_low <= 45 <= r.ci_high
    # binomial SE of the coverage at 1,000 replicates is 0.007
    assert 0.93 <= hits / reps <= 0.97


def test_missing_values_are_ignored_not_zero():
    r = nps(pd.Series([10, None, np.nan, 9, 7, pd.NA], dtype=object))
    assert (r.n, r.promoters, r.passives, r.detractors) == (3, 2, 1, 0)
    assert nps(pd.array([10, None, 0], dtype="Int64")).n == 2


def test_no_answers_gives_nan_not_an_error():
    r = nps([None, np.nan])
    assert r.n == 0 and math.isnan(r.score) and math.isnan(r.ci_low)


@pytest.mark.parametrize(
    ("bad", "message"), [([11], "11"), ([3.5], "3.5"), ([-1, 5], "-1"), (["x"], "'x'"), (5, "list")]
)
def test_invalid_answers_are_explained(bad, message):
    with pytest.raises(ValueError, match=message):
        nps(bad)


def test_unknown_method():
    with pytest.raises(ValueError, match="method"):
        nps([1], method="exact")


def test_difference_hand_computation():
    # a: 60 promoters / 40 detractors → NPS 20, var = 1 − 0.04 = 0.96, SE_a = 100·sqrt(0.96/100) = 9.798
    # b: 40 / 60 → NPS −20, SE_b = 9.798; difference 40, SE = 13.856, z = 2.887, p = 0.00389
    r = nps_difference([10] * 60 + [5] * 40, [10] * 40 + [5] * 60)
    assert r.difference == pytest.approx(40)
    assert r.se == pytest.approx(13.856, abs=1e-3)
    assert r.z == pytest.approx(2.887, abs=1e-3)
    assert r.p_value == pytest.approx(0.00389, abs=1e-5)
    assert r.significant and (r.n_a, r.n_b) == (100, 100)
    same = nps_difference([10, 5] * 20, [5, 10] * 20)
    assert same.difference == 0 and same.p_value == pytest.approx(1.0) and not same.significant


def test_difference_accepts_results_and_degenerate_groups():
    a, b = nps([10] * 5), nps([0] * 5)
    r = nps_difference(a, b)
    assert r.difference == 200 and r.z == math.inf and r.p_value == 0
    assert nps_difference(a, nps([10] * 3)).p_value == 1.0
    assert math.isnan(nps_difference(a, nps([])).p_value)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.one_of(st.integers(0, 10), st.none()), max_size=60))
def test_nps_properties(answers):
    r = nps(answers)
    assert isinstance(r, NPSResult)
    valid = [a for a in answers if a is not None]
    assert r.n == len(valid) == r.promoters + r.passives + r.detractors
    if r.n:
        assert -100 <= r.ci_low <= r.score <= r.ci_high <= 100
        assert r.score == pytest.approx(100 * (sum(a >= 9 for a in valid) - sum(a <= 6 for a in valid)) / r.n)
        # order does not matter
        assert nps(list(reversed(answers))) == r
