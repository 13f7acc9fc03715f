import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import optimize, stats

from metrics import CESResult, CSATResult, ces, csat, wilson_interval

# Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison of seven
# methods. Statistics in Medicine 17, 857–872, Table I, method 3 (Wilson score interval, no continuity
# correction), to 4 decimals.
NEWCOMBE_WILSON = [
    ((81, 263), (0.2553, 0.3662)),
    ((15, 148), (0.0624, 0.1605)),
    ((0, 20), (0.0, 0.1611)),
    ((1, 29), (0.0061, 0.1718)),
]


@pytest.mark.parametrize(("case", "expected"), NEWCOMBE_WILSON)
def test_wilson_matches_newcombe(case, expected):
    low, high = wilson_interval(*case)
    assert (low, high) == pytest.approx(expected, abs=5e-5)


def test_wilson_is_the_score_test_inversion():
    # Independent form: the p for which |p̂ − p| / sqrt(p(1 − p)/n) = z, found numerically.
    count, n, z = 7, 10, stats.norm.ppf(0.975)
    phat = count / n

    def score(p):
        return abs(phat - p) / math.sqrt(p * (1 - p) / n) - z

    low = optimize.brentq(score, 1e-9, phat)
    high = optimize.brentq(score, phat, 1 - 1e-9)
    assert wilson_interval(count, n) == pytest.approx((low, high), abs=1e-10)


def test_csat_top_two_box_on_a_five_point_scale():
    r = csat([5, 4, 4, 3, 5, 2, 5, 4, 1, 5, None, float("nan")], scale=(1, 5))
    assert isinstance(r, CSATResult)
    assert (r.score, r.count, r.n) == (70.0, 7, 10)
    low, high = wilson_interval(7, 10)
    assert (r.ci_low, r.ci_high) == pytest.approx((100 * low, 100 * high))
    assert csat([5, 4, 4, 3], scale=(1, 5), top=1).score == 25.0
    assert csat([9, 10, 8, 7], scale=(0, 10), top=2).count == 2


def test_csat_all_satisfied_and_nobody():
    r = csat([5] * 20, scale=(1, 5))
    assert r.score == 100.0 and r.ci_high == 100.0 and r.ci_low < 100.0
    empty = csat([], scale=(1, 5))
    assert empty.n == 0 and math.isnan(empty.score) and math.isnan(empty.ci_low)


def test_ces_mean_and_agreement():
    values = [7, 6, 5, 5, 4, 2, 6, 7]
    r = ces(values, scale=(1, 7))
    assert isinstance(r, CESResult)
    assert (r.mean, r.agree, r.agree_count, r.n) == (5.25, 75.0, 6, 8)
    t = stats.t.interval(0.95, len(values) - 1, loc=np.mean(values), scale=stats.sem(values))
    assert (r.mean_ci_low, r.mean_ci_high) == pytest.approx(t)
    low, high = wilson_interval(6, 8)
    assert (r.agree_ci_low, r.agree_ci_high) == pytest.approx((100 * low, 100 * high))
    # On a 1–5 scale the midpoint 3 is neutral, not agreement.
    assert ces([3, 4, 5, 2], scale=(1, 5)).agree_count == 2
    one = ces([4], scale=(1, 5))
    assert one.mean == 4.0 and math.isnan(one.mean_ci_low)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: csat([1, 6], scale=(1, 5)), "whole numbers from 1 to 5; found 6"),
        (lambda: csat([1, 2.5], scale=(1, 5)), "found 2.5"),
        (lambda: csat(["good"], scale=(1, 5)), "must be numbers"),
        (lambda: csat([1], scale=(1, 5), top=5), "top must be"),
        (lambda: csat([1], scale=(5, 1)), "min < max"),
        (lambda: csat(3, scale=(1, 5)), "not a single value"),
        (lambda: ces([0], scale=(1, 7)), "from 1 to 7"),
    ],
)
def test_input_checks(call, message):
    with pytest.raises(ValueError, match=message):
        call()


@settings(max_examples=60, deadline=None)
@given(
    low=st.integers(-2, 1),
    points=st.integers(2, 11),
    data=st.data(),
)
def test_property_csat_within_0_100(low, points, data):
    high = low + points - 1
    values = data.draw(st.lists(st.integers(low, high), max_size=60))
    top = data.draw(st.integers(1, points - 1))
    r = csat(values, scale=(low, high), top=top)
    if r.n:
        assert 0 <= r.ci_low <= r.score <= r.ci_high <= 100
        assert r.ci_high > r.ci_low
    c = ces(values, scale=(low, high))
    if c.n:
        assert low <= c.mean <= high and 0 <= c.agree_ci_low <= c.agree <= c.agree_ci_high <= 100
