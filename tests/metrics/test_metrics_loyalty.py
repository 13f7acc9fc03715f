import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import ON_CUT, SEGMENTS, satisfaction_loyalty_segments


def test_four_segments_with_fixed_cuts():
    # Jones & Sasser (1995): high/high loyalist, low sat/high loyalty hostage, high/low mercenary, low/low defector.
    r = satisfaction_loyalty_segments([90, 30, 80, 20, 50], [85, 90, 10, 15, 50], cut_satisfaction=50, cut_loyalty=50)
    assert r.segments.tolist() == ["loyalist", "hostage", "mercenary", "defector", ON_CUT]  # at the cut: neither
    assert r.counts.to_dict() == {"loyalist": 1, "hostage": 1, "mercenary": 1, "defector": 1}
    assert r.shares["loyalist"] == pytest.approx(0.2) and (r.on_cut, r.on_cut_share) == (1, pytest.approx(0.2))


def test_all_equal_answers_are_not_all_loyalists():
    # issue 18: with "at the mean = high", everybody answering the same was 100 % loyalists
    r = satisfaction_loyalty_segments([75] * 10, [50] * 10)
    assert r.counts.sum() == 0 and r.on_cut == 10 and r.on_cut_share == 1.0
    assert set(r.segments) == {ON_CUT}
    # a fixed cut at a scale point: the neutral answers sit on the line, the others are classified
    r = satisfaction_loyalty_segments(
        [0, 25, 50, 50, 75, 100], [100, 75, 50, 100, 25, 0], cut_satisfaction=50, cut_loyalty=50
    )
    assert r.segments.tolist() == ["hostage", "hostage", ON_CUT, ON_CUT, "mercenary", "mercenary"]
    assert r.shares.sum() + r.on_cut_share == pytest.approx(1.0)


def test_default_cuts_are_means_and_missing_is_not_counted():
    s = pd.Series([10, 20, 30, None], index=["a", "b", "c", "d"])
    r = satisfaction_loyalty_segments(s, [1, 2, 3, 4])
    assert r.cut_satisfaction == 20 and r.cut_loyalty == 2  # means over respondents with both values
    assert r.segments["d"] is None and r.segments.index.tolist() == ["a", "b", "c", "d"]
    assert r.counts.sum() + r.on_cut == 3
    assert r.segments["a"] == "defector" and r.segments["c"] == "loyalist" and r.segments["b"] == ON_CUT


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
    assert r.counts.sum() + r.on_cut == complete
    assert list(r.counts.index) == list(SEGMENTS)
    if complete:
        assert r.shares.sum() + r.on_cut_share == pytest.approx(1.0)
    for (a, b), seg in zip(pairs, r.segments):
        if a is None or b is None:
            assert seg is None
        elif a == 60 or b == 40:
            assert seg == ON_CUT
        else:
            assert (
                seg
                == {
                    (True, True): "loyalist",
                    (False, True): "hostage",
                    (True, False): "mercenary",
                    (False, False): "defector",
                }[(a > 60, b > 40)]
            )
    rev = satisfaction_loyalty_segments(s[::-1], lo[::-1], cut_satisfaction=60, cut_loyalty=40)
    assert rev.counts.equals(r.counts) and rev.on_cut == r.on_cut
    assert np.array_equal(rev.segments.to_numpy()[::-1], r.segments.to_numpy())
