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


def test_missing_values_get_no_tier_and_equal_values_share_a_tier():
    s = pd.Series([10, None, 10, 1, 1, 1], index=list("abcdef"))
    r = customer_pyramid(s)
    assert r.tier["b"] is None
    # 5 customers: platinum is rank 1, gold and iron are empty, lead ranks 2–5; the two 10s hold one rank of
    # platinum and one of lead: a draw, so the better tier
    assert r.tier["a"] == r.tier["c"] == "platinum"
    assert r.tiers["customers"].sum() == 5
    assert r.tier.index.tolist() == list("abcdef")


def test_ties_take_the_tier_holding_most_of_their_ranks():
    # issue 18: "tied values take the better tier" put all-equal spends 100 % in platinum
    r = customer_pyramid([50] * 200)
    assert r.tiers["customers"].tolist() == [0, 0, 0, 200] and r.tied_cuts == 3 and not r.separated
    # rounded spends (100 customers: 5 × 1000, 35 × 500, 60 × 100): the better tier gave platinum 5 %,
    # gold 0 %, iron 35 %, lead 60 %. Ranks 1–5 are 1 of platinum and 4 of gold: gold; ranks 6–40 are 15 of iron
    # and 20 of lead: lead
    r = customer_pyramid([1000] * 5 + [500] * 35 + [100] * 60)
    assert r.tiers["customers"].tolist() == [0, 5, 0, 95]
    assert r.tiers["tied_boundary"].tolist() == [True, False, True, False] and r.tied_cuts == 2
    # each boundary moves by at most half the tie group it falls in, so tiers stay near nominal
    rng = np.random.default_rng(18)
    spends = np.round(rng.lognormal(6, 0.8, 2000), -2)
    r = customer_pyramid(spends)
    _, sizes = np.unique(spends, return_counts=True)
    nominal = np.array([0.01, 0.04, 0.15, 0.80]) * len(spends)
    assert r.tiers["nominal_share"].tolist() == [0.01, 0.04, 0.15, 0.80]
    assert np.abs(r.tiers["customers"].to_numpy() - nominal).max() <= sizes.max()
    # equal values never split across tiers
    assert pd.DataFrame({"v": spends, "t": r.tier}).groupby("v")["t"].nunique().max() == 1
    # without ties nothing changes
    assert customer_pyramid(np.arange(1000, 0, -1)).separated


def test_no_values_and_bad_values():
    r = customer_pyramid([None, None])
    assert r.tiers["customers"].sum() == 0 and math.isnan(r.tiers.loc["gold", "share"])
    with pytest.raises(ValueError, match="numbers"):
        customer_pyramid(["a lot", 3])
