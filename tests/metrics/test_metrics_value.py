import math

import numpy as np
import pandas as pd
import pytest

from metrics import customer_pyramid


def test_pyramid_shares_follow_the_textbook_1_4_15_80():
    # domain.md §8: top 1 % platinum, next 4 % gold, next 15 % iron, remaining 80 % lead
    r = customer_pyramid(np.arange(1000, 0, -1))
    assert r.tiers["customers"].tolist() == [10, 40, 150, 800]
    assert r.tiers["share"].tolist() == pytest.approx([0.01, 0.04, 0.15, 0.80])
    assert r.tier.iloc[0] == "platinum" and r.tier.iloc[9] == "platinum" and r.tier.iloc[10] == "gold"
    assert r.tiers["value_share"].sum() == pytest.approx(1.0)


def test_missing_values_get_no_tier_and_ties_share_the_better_tier():
    s = pd.Series([10, None, 10, 1, 1, 1], index=list("abcdef"))
    r = customer_pyramid(s)
    assert r.tier["b"] is None
    assert r.tier["a"] == r.tier["c"] == "platinum"
    assert r.tiers["customers"].sum() == 5
    assert r.tier.index.tolist() == list("abcdef")


def test_no_values_and_bad_values():
    r = customer_pyramid([None, None])
    assert r.tiers["customers"].sum() == 0 and math.isnan(r.tiers.loc["gold", "share"])
    with pytest.raises(ValueError, match="numbers"):
        customer_pyramid(["a lot", 3])
