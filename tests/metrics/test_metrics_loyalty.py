import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import SEGMENTS, satisfaction_loyalty_segments


def test_four_segments_with_fixed_cuts():
    # Jones & Sasser (1995): high/high loyalist, low sat/high loyalty hostage, high/low mercenary, low/low defector.
    r = satisfaction_loyalty_segments([90, 30, 80, 20, 50], [85, 90, 10, 15, 50], cut_satisfaction=50, cut_loyalty=50)
    assert r.segments.tolist() == ["loyalist", "hostage", "mercenary", "defector", "loyalist"]  # at the cut = high
    assert r.counts.to_dict() == {"loyalist": 2, "hostage": 1, "mercenary": 1, "defector": 1}
    assert r.shares["loyalist"] == pytest.approx(0.4)


def test_default_cuts_are_means_and_missing_is_not_counted():
    s = pd.Series([10, 20, 30, None], index=["a", "b", "c", "d"])
    r = satisfaction_loyalty_segments(s, [1, 2, 3, 4])
    assert r.cut_satisfaction == 20 and r.cut_loyalty == 2  # means over respondents with both values
    assert r.segments["d"] is None and r.segments.index.tolist() == ["a", "b", "c", "d"]
    assert r.counts.sum() == 3
    assert r.segments["a"] == "defector" and r.segments["c"] == "loyalist"


def test_bad_input():
    with pytest.raises(ValueError, match="one per respondent"):
        satisfaction_loyalty_segments([1, 2], [1])
    with pytest.raises(ValueError, match="numbers"):
        satisfaction_loyalty_segments(["x"], [1])
    empty = satisfaction_loyalty_segments([None], [None])
    assert empty.counts.sum() == 0 and math.isnan(empty.shares["loyalist"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.one_of(st.floats(0, 100), st.none()), st.one_of(st.floats(0, 100), st.none())),
        min_size=1,
        max_size=40,
    )
)
def test_segment_properties(pairs):
    s = [p[0] for p in pairs]
    lo = [p[1] for p in pairs]
    r = satisfaction_loyalty_segments(s, lo, cut_satisfaction=60, cut_loyalty=40)
    complete = sum(a is not None and b is not None for a, b in pairs)
    assert r.counts.sum() == complete
    assert list(r.counts.index) == list(SEGMENTS)
    if complete:
        assert r.shares.sum() == pytest.approx(1.0)
    for (a, b), seg in zip(pairs, r.segments):
        if a is None or b is None:
            assert seg is None
        else:
            assert (
                seg
                == {
                    (True, True): "loyalist",
                    (False, True): "hostage",
                    (True, False): "mercenary",
                    (False, False): "defector",
                }[(a >= 60, b >= 40)]
            )
    rev = satisfaction_loyalty_segments(s[::-1], lo[::-1], cut_satisfaction=60, cut_loyalty=40)
    assert rev.counts.equals(r.counts)
    assert np.array_equal(rev.segments.to_numpy()[::-1], r.segments.to_numpy())
