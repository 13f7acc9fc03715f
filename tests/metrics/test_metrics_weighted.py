"""Weighted versions of the dashboard figures: a whole-number weight must count like that many copies of the
respondent (the independent reference), and no weights must give today's figures exactly."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import kish_effective_n, loyalty_index, nps, rake, satisfaction_index

TREE = pd.DataFrame(
    {
        "code": ["service", "q1", "q2", "price", "q3"],
        "parent": [None, "service", "service", None, "price"],
        "weight": [0.6, 1, 1, 0.4, 1],
    }
)


def _replicate(data: pd.DataFrame, counts) -> pd.DataFrame:
    return data.loc[data.index.repeat(counts)].reset_index(drop=True)


def test_weighted_index_equals_the_replicated_respondents():
    data = pd.DataFrame({"q1": [5, 4, 2, 1], "q2": [3, None, 5, 2], "q3": [1, 2, None, 5]})
    counts = [3, 1, 2, 5]
    weighted = satisfaction_index(data, TREE, scales=(1, 5), weights=counts)
    copies = satisfaction_index(_replicate(data, counts), TREE, scales=(1, 5))
    assert weighted.index == pytest.approx(copies.index)
    np.testing.assert_allclose(weighted.nodes["index"], copies.nodes["index"])
    # n stays the number of respondents, not the sum of weights.
    assert (
        weighted.n == 4
        and weighted.nodes["n"].tolist() == satisfaction_index(data, TREE, scales=(1, 5)).nodes["n"].tolist()
    )


def test_no_weights_and_equal_weights_give_todays_index():
    data = pd.DataFrame({"q1": [5, 4], "q2": [3, None], "q3": [1, 2]})
    today = satisfaction_index(data, TREE, scales=(1, 5))
    assert today.index == 46.25  # the docstring example, unchanged
    same = satisfaction_index(data, TREE, scales=(1, 5), weights=pd.Series([2.5, 2.5], index=data.index))
    assert same.index == pytest.approx(today.index)


def test_weights_from_rake_are_matched_by_index():
    data = pd.DataFrame({"q1": [5, 1, 4], "q2": [3, 1, 4], "q3": [5, 1, 5], "sex": ["f", "m", "m"]}, index=[7, 8, 9])
    r = rake(data, {"sex": {"f": 0.5, "m": 0.5}})
    weighted = satisfaction_index(data, TREE, scales=(1, 5), weights=r.weights.iloc[::-1])
    by_position = satisfaction_index(data, TREE, scales=(1, 5), weights=r.weights.to_numpy())
    assert weighted.index == pytest.approx(by_position.index)
    with pytest.raises(ValueError, match="no value for row"):
        satisfaction_index(data, TREE, scales=(1, 5), weights=r.weights.iloc[:2])
    with pytest.raises(ValueError, match="one per respondent"):
        satisfaction_index(data, TREE, scales=(1, 5), weights=[1, 2])
    with pytest.raises(ValueError, match="non-negative"):
        satisfaction_index(data, TREE, scales=(1, 5), weights=[1, -2, 1])


def test_weighted_loyalty_index():
    d = pd.DataFrame({"repurchase": [5, 3, 1], "recommend": [4, None, 2]})
    counts = [1, 2, 4]
    item_weights = {"repurchase": 2, "recommend": 1}
    weighted = loyalty_index(d, scales=(1, 5), weights=item_weights, respondent_weights=counts)
    copies = loyalty_index(_replicate(d, counts), scales=(1, 5), weights=item_weights)
    assert weighted.index == pytest.approx(copies.index)
    assert loyalty_index(d.iloc[:2], scales=(1, 5), weights=item_weights).index == 75.0


@settings(max_examples=40, deadline=None)
@given(
    answers=st.lists(
        st.tuples(st.one_of(st.none(), st.integers(1, 5)), st.one_of(st.none(), st.integers(1, 5)), st.integers(1, 5)),
        min_size=1,
        max_size=15,
    ),
    data=st.data(),
)
def test_property_weighted_index_is_replication_and_within_0_100(answers, data):
    frame = pd.DataFrame(answers, columns=["q1", "q2", "q3"]).astype(float)
    counts = data.draw(st.lists(st.integers(1, 4), min_size=len(frame), max_size=len(frame)))
    weighted = satisfaction_index(frame, TREE, scales=(1, 5), weights=counts)
    copies = satisfaction_index(_replicate(frame, counts), TREE, scales=(1, 5))
    assert 0 <= weighted.index <= 100
    assert weighted.index == pytest.approx(copies.index, abs=1e-9)


ANSWERS = [10, 9, 9, 9, 9, 8, 7, 7, 3, 0]


def test_weighted_nps_shares_and_effective_n():
    w = [2, 1, 1, 1, 1, 3, 1, 1, 2, 2]
    r = nps(ANSWERS, weights=w)
    # p = (2 + 1 + 1 + 1 + 1)/15 = 6/15, d = (2 + 2)/15 = 4/15: NPS = 100·2/15.
    assert r.score == pytest.approx(100 * 2 / 15)
    assert r.shares == pytest.approx((6 / 15, 5 / 15, 4 / 15))
    assert r.promoter_share == pytest.approx(6 / 15) and r.detractor_share == pytest.approx(4 / 15)
    assert (r.promoters, r.passives, r.detractors, r.n) == (5, 3, 2, 10)  # counts stay answers
    n_eff = kish_effective_n(w)
    assert r.effective_n == pytest.approx(n_eff) == pytest.approx(15**2 / 27)
    p, d = 6 / 15, 4 / 15
    assert r.se == pytest.approx(100 * np.sqrt((p + d - (p - d) ** 2) / n_eff))
    normal = nps(ANSWERS, weights=w, method="normal")
    assert (normal.ci_low, normal.ci_high) == pytest.approx(
        (r.score - 196 * r.se / 100, r.score + 196 * r.se / 100), abs=0.01
    )
    assert r.ci_low < r.score < r.ci_high


def test_equal_weights_give_the_unweighted_nps_and_none_is_today():
    today = nps(ANSWERS)
    assert today.effective_n is None and today.shares is None
    assert (today.score, today.promoters, today.passives, today.detractors) == (30.0, 5, 3, 2)
    same = nps(ANSWERS, weights=[0.5] * 10)
    for field in ("score", "se", "ci_low", "ci_high"):
        assert getattr(same, field) == pytest.approx(getattr(today, field), abs=1e-9), field
    assert same.effective_n == pytest.approx(10)


def test_weighted_nps_alignment_and_missing_answers():
    scores = pd.Series([10, None, 0, 9], index=["a", "b", "c", "d"])
    weights = pd.Series({"d": 1.0, "c": 2.0, "b": 5.0, "a": 1.0})
    r = nps(scores, weights=weights)
    assert r.n == 3 and r.score == pytest.approx(100 * (2 - 2) / 4)
    with pytest.raises(ValueError, match="one per respondent"):
        nps([10, 9], weights=[1])
    with pytest.raises(ValueError, match="whole numbers from 0 to 10"):
        nps([11], weights=[1])
    zero = nps([10, 0], weights=[0, 0])
    assert zero.n == 2 and np.isnan(zero.score)


@settings(max_examples=40, deadline=None)
@given(
    answers=st.lists(st.tuples(st.integers(0, 10), st.floats(0.1, 5)), min_size=1, max_size=40),
    method=st.sampled_from(["score", "normal"]),
)
def test_property_weighted_nps_within_bounds(answers, method):
    scores, w = zip(*answers)
    r = nps(list(scores), weights=list(w), method=method)
    assert -100 <= r.ci_low <= r.score <= r.ci_high <= 100
    assert 1 - 1e-9 <= r.effective_n <= len(scores) + 1e-9
