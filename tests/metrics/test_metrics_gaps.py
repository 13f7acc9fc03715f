import numpy as np
import pandas as pd
import pytest

from metrics import experience_table, item_gaps, servqual

# Customer-service textbook, Fig. 3-1 (customer experience management), as quoted in
# /work/shared/docs/domain.md §3: columns 2a, 2b, 2d, 4a as printed, then the printed 2c, 3 and 4b.
TEXTBOOK = pd.DataFrame(
    {
        "touchpoint": ["product", "price", "convenience", "brand image", "service", "relationship"],
        "actual": [6, 7, 5, 7, 6, 4],
        "expectation": [7, 7, 7, 7, 6, 4],
        "importance": [6, 7, 9, 7, 5, 3],
        "ideal": [7, 7, 10, 7, 6, 4],
    }
)
PRINTED_SATISFACTION = [-1, 0, -2, 0, 0, 0]  # 2c
PRINTED_WEIGHTED = [-6, 0, -18, 0, 0, 0]  # 3
PRINTED_EXPERIENCE_GAP = [-1, 0, -5, 0, 0, 0]  # 4b (values are 2a − 4a, not the header's 2c − 4a)


def test_textbook_experience_table_exactly():
    t = experience_table(TEXTBOOK)
    assert t["satisfaction"].tolist() == PRINTED_SATISFACTION
    assert t["weighted_satisfaction"].tolist() == PRINTED_WEIGHTED
    assert t["experience_gap"].tolist() == PRINTED_EXPERIENCE_GAP
    assert t.loc[t["key_experience"], "touchpoint"].tolist() == ["convenience"]
    assert t["touchpoint"].tolist() == TEXTBOOK["touchpoint"].tolist()
    assert "satisfaction" not in TEXTBOOK.columns  # input untouched


def test_experience_table_ties_missing_and_no_negative():
    t = experience_table(
        pd.DataFrame({"actual": [5, 5, np.nan], "expectation": [6, 6, 9], "importance": [3, 3, 9], "ideal": [6, 6, 9]})
    )
    assert t["key_experience"].tolist() == [True, True, False]
    assert np.isnan(t["weighted_satisfaction"].iloc[2])
    happy = experience_table(pd.DataFrame({"actual": [7], "expectation": [6], "importance": [5], "ideal": [8]}))
    assert not happy["key_experience"].any()


def test_experience_table_explains_bad_input():
    with pytest.raises(ValueError, match="ideal"):
        experience_table(TEXTBOOK.drop(columns="ideal"))
    with pytest.raises(ValueError, match="non-numeric"):
        experience_table(TEXTBOOK.assign(actual=["a"] * 6))


def test_servqual_hand_computation():
    items = {"t1": "tangibles", "t2": "tangibles", "r1": "reliability"}
    e = pd.DataFrame({"t1": [6, 7, 5], "t2": [7, 7, np.nan], "r1": [7, 6, 7]})
    p = pd.DataFrame({"t1": [5, 6, 5], "t2": [6, 5, 4], "r1": [7, 7, 5]})
    r = servqual(e, p, items, weights={"tangibles": 30, "reliability": 70})
    # t1: (−1 −1 0)/3 = −2/3; t2: respondent 3 lacks E → (−1 −2)/2 = −1.5; r1: (0 + 1 − 2)/3 = −1/3
    np.testing.assert_allclose(r.items["gap"], [-2 / 3, -1.5, -1 / 3])
    assert r.items["n"].tolist() == [3, 2, 3]
    # tangibles = (−2/3 − 1.5)/2 = −13/12; reliability = −1/3
    np.testing.assert_allclose(r.dimensions["gap"], [-13 / 12, -1 / 3])
    assert r.score == pytest.approx((-13 / 12 - 1 / 3) / 2)
    assert r.weighted_score == pytest.approx(0.3 * -13 / 12 + 0.7 * -1 / 3)
    assert r.dimensions["weight"].sum() == pytest.approx(1)
    assert np.isnan(servqual(e, p, items).weighted_score)


def test_servqual_input_checks():
    e = pd.DataFrame({"t1": [6, 7]})
    with pytest.raises(ValueError, match="rows"):
        servqual(e, pd.DataFrame({"t1": [6]}), {"t1": "tangibles"})
    with pytest.raises(ValueError, match="'t2'"):
        servqual(e, e, {"t1": "tangibles", "t2": "tangibles"})
    with pytest.raises(ValueError, match="no weight"):
        servqual(e, e, {"t1": "tangibles"}, {"empathy": 100})


def test_item_gaps_uses_paired_answers():
    d = pd.DataFrame({"p1": [4, 5, None, 2], "e1": [5, 5, 4, None], "p2": [3, 3, 3, 3], "e2": [2, 2, 2, 2]})
    g = item_gaps(d, {"speed": ("p1", "e1"), "staff": ("p2", "e2")})
    assert g.loc["speed", "n"] == 2
    assert g.loc["speed", ["perception", "expectation", "gap"]].tolist() == [4.5, 5.0, -0.5]
    assert g.loc["staff", "gap"] == 1.0
    assert (g["gap"] == g["perception"] - g["expectation"]).all()
    with pytest.raises(ValueError, match="perception column"):
        item_gaps(d, {"speed": "p1"})


def test_weighted_gaps_put_the_heaviest_shortfall_first():
    from metrics import weighted_gaps

    # textbook Fig. 3-1: convenience −2 × importance 9 is worse than product −1 × 6
    ranked = weighted_gaps({"product": -1, "price": 0, "convenience": -2}, {"product": 6, "price": 7, "convenience": 9})
    assert ranked.index.tolist() == ["convenience", "product", "price"]
    assert ranked["weighted_gap"].tolist() == [-18, -6, 0]
    # a gap without a weight is kept, last
    assert weighted_gaps({"a": -3.0, "b": -0.1}, {"b": 1.0}).index.tolist() == ["b", "a"]
    with pytest.raises(ValueError, match="≥ 0"):
        weighted_gaps({"a": -1.0}, {"a": -2.0})
