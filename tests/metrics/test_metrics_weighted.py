"""Weighted versions of the dashboard figures: a whole-number weight must count like that many copies of the
respondent (the independent reference), and no weights must give today's figures exactly."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import loyalty_index, rake, satisfaction_index

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
