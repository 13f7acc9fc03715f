import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from metrics import loyalty_index, satisfaction_index

TREE = pd.DataFrame(
    {
        "code": ["product", "quality", "q1", "q2", "design", "q3", "service", "staff", "q4", "q5", "speed", "q6"],
        "parent": [
            None,
            "product",
            "quality",
            "quality",
            "product",
            "design",
            "",
            "service",
            "staff",
            "staff",
            "service",
            "speed",
        ],
        "weight": [60, 0.7, 1, 1, 0.3, 1, 40, 2, 1, 3, 1, 1],
    }
)
ITEMS = ["q1", "q2", "q3", "q4", "q5", "q6"]


def test_hand_computed_three_level_tree():
    data = pd.DataFrame(
        {
            "q1": [5, 4, np.nan],
            "q2": [3, 3, 3],
            "q3": [1, 2, 3],
            "q4": [5, 5, 5],
            "q5": [np.nan] * 3,
            "q6": [2, 4, np.nan],
        }
    )
    r = satisfaction_index(data, TREE, scales=(1, 5))
    nodes = r.nodes.set_index("code")
    # items: q1 mean 4.5 → 87.5; q2 3 → 50; q3 2 → 25; q4 5 → 100; q5 unanswered; q6 3 → 50
    assert nodes.loc[ITEMS, "index"].tolist()[:3] == [87.5, 50.0, 25.0]
    assert math.isnan(nodes.loc["q5", "index"]) and nodes.loc["q5", "n"] == 0
    # quality = (87.5 + 50)/2 = 68.75; design = 25; product = 0.7·68.75 + 0.3·25 = 55.625
    assert nodes.loc["quality", "index"] == 68.75
    assert nodes.loc["product", "index"] == pytest.approx(55.625)
    # staff: q5 missing → its weight 3 is dropped, staff = q4 = 100 (not (100 + 3·0)/4 = 25)
    assert nodes.loc["staff", "index"] == 100
    # service = (2·100 + 1·50)/3; overall = 0.6·product + 0.4·service
    assert nodes.loc["service", "index"] == pytest.approx(250 / 3)
    assert r.index == pytest.approx(0.6 * 55.625 + 0.4 * 250 / 3)
    assert nodes.loc[["product", "quality", "q1"], "level"].tolist() == [1, 2, 3]
    assert nodes.loc["q5", "global_weight"] == pytest.approx(0.4 * 2 / 3 * 3 / 4)
    assert nodes.loc["speed", "n"] == 2 and nodes.loc["service", "n"] == 3 and r.n == 3
    assert nodes.loc["product", "parent"] is None and nodes.loc["service", "parent"] is None
    assert r.nodes["code"].tolist() == TREE["code"].tolist()


def test_per_item_scales():
    data = pd.DataFrame({"a": [7, 1], "b": [10, 0]})
    tree = pd.DataFrame({"code": ["a", "b"], "parent": [None, None], "weight": [1, 1]})
    r = satisfaction_index(data, tree, scales={"a": (1, 7), "b": (0, 10)})
    assert r.node("a")["index"] == 50 and r.node("b")["index"] == 50 and r.index == 50


@pytest.mark.parametrize(
    ("tree", "message"),
    [
        (pd.DataFrame({"code": ["a", "a"], "parent": [None, None], "weight": [1, 1]}), "unique"),
        (pd.DataFrame({"code": ["a"], "parent": ["zz"], "weight": [1]}), "'zz'"),
        (pd.DataFrame({"code": ["x", "y", "a"], "parent": ["y", "x", None], "weight": [1, 1, 1]}), "cycle"),
        (pd.DataFrame({"code": ["a", "b"], "parent": [None, None], "weight": [0, 0]}), "all zero"),
        (pd.DataFrame({"code": ["a"], "parent": [None], "weight": [-1]}), "≥ 0"),
        (pd.DataFrame({"code": ["nope"], "parent": [None], "weight": [1]}), "'nope'"),
        (pd.DataFrame({"code": ["a"], "weight": [1]}), "parent"),
    ],
)
def test_bad_trees_are_explained(tree, message):
    with pytest.raises(ValueError, match=message):
        satisfaction_index(pd.DataFrame({"a": [1.0], "b": [2.0]}), tree, scales=(1, 5))


def test_values_outside_the_scale_and_missing_scales():
    tree = pd.DataFrame({"code": ["a"], "parent": [None], "weight": [1]})
    with pytest.raises(ValueError, match="'a' has the value 9"):
        satisfaction_index(pd.DataFrame({"a": [1, 9]}), tree, scales=(1, 5))
    with pytest.raises(ValueError, match="No scale"):
        satisfaction_index(pd.DataFrame({"a": [1]}), tree, scales={"b": (1, 5)})
    with pytest.raises(ValueError, match="min < max"):
        satisfaction_index(pd.DataFrame({"a": [1]}), tree, scales=(5, 1))
    with pytest.raises(ValueError, match="non-numeric"):
        satisfaction_index(pd.DataFrame({"a": ["good"]}), tree, scales=(1, 5))


def test_nothing_answered_gives_nan():
    r = satisfaction_index(pd.DataFrame({c: [np.nan] * 3 for c in ITEMS}), TREE, scales=(1, 5))
    assert math.isnan(r.index) and r.n == 0 and r.nodes["index"].isna().all()


# ---- property tests -------------------------------------------------------------------------------------------

answers = hnp.arrays(
    np.float64,
    st.tuples(st.integers(1, 25), st.just(len(ITEMS))),
    elements=st.one_of(st.integers(1, 7).map(float), st.just(np.nan)),
)
tree_weights = st.lists(st.floats(0.01, 100), min_size=len(TREE), max_size=len(TREE))


@settings(max_examples=60, deadline=None)
@given(answers, tree_weights, st.randoms(use_true_random=False))
def test_index_properties(values, weights, rnd):
    data = pd.DataFrame(values, columns=ITEMS)
    tree = TREE.assign(weight=weights)
    r = satisfaction_index(data, tree, scales=(1, 7))
    idx = r.nodes["index"].dropna()
    # every index lies within 0–100
    assert ((idx >= 0) & (idx <= 100)).all()
    assert math.isnan(r.index) or 0 <= r.index <= 100
    # sibling weights sum to 1; leaves' global weights sum to 1
    sums = r.nodes.groupby(r.nodes["parent"].fillna("<top>"))["weight"].sum()
    np.testing.assert_allclose(sums, 1.0)
    leaves = r.nodes[r.nodes["code"].isin(ITEMS)]
    assert leaves["global_weight"].sum() == pytest.approx(1.0)
    # missing values never become zeros: the item index equals the index of its answered values only
    for item in ITEMS:
        answered = data[item].dropna()
        got = r.node(item)["index"]
        if answered.empty:
            assert math.isnan(got)
        else:
            assert got == pytest.approx((answered.mean() - 1) / 6 * 100)
    # invariance to row order
    order = list(range(len(data)))
    rnd.shuffle(order)
    shuffled = satisfaction_index(data.iloc[order], tree, scales=(1, 7))
    pd.testing.assert_frame_equal(shuffled.nodes, r.nodes, check_exact=False, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(answers)
def test_adding_a_missing_answer_never_lowers_toward_zero(values):
    # Replacing answers by NaN must not act like scoring them at the scale minimum.
    data = pd.DataFrame(values, columns=ITEMS)
    low = data.fillna(1.0)  # what "missing = minimum answer" would give
    r_missing = satisfaction_index(data, TREE, scales=(1, 7))
    r_low = satisfaction_index(low, TREE, scales=(1, 7))
    if data.isna().any().any() and not math.isnan(r_missing.index):
        assert r_missing.index >= r_low.index - 1e-9


def test_loyalty_index_weights_and_missing():
    d = pd.DataFrame({"repurchase": [5, 3], "recommend": [4, None], "other": ["x", "y"]})
    r = loyalty_index(d, scales=(1, 5), weights={"repurchase": 2, "recommend": 1})
    # repurchase mean 4 → 75, recommend 4 → 75
    assert r.index == 75.0
    assert r.nodes["weight"].tolist() == pytest.approx([2 / 3, 1 / 3])
    r_eq = loyalty_index(pd.DataFrame({"a": [1, 1], "b": [5, np.nan]}), scales=(1, 5))
    assert r_eq.index == 50.0
    only_missing = loyalty_index(pd.DataFrame({"a": [1, 1], "b": [np.nan, np.nan]}), scales=(1, 5))
    assert only_missing.index == 0.0  # the answered item alone, not averaged with a fake zero
    with pytest.raises(ValueError, match="no weight"):
        loyalty_index(d, scales=(1, 5), weights=pd.Series({"nope": 1}))


def test_large_frame_is_vectorised():
    rng = np.random.default_rng(0)
    n = 200_000
    data = pd.DataFrame(rng.integers(1, 8, size=(n, len(ITEMS))).astype(float), columns=ITEMS)
    data = data.mask(rng.random(data.shape) < 0.1)
    r = satisfaction_index(data, TREE, scales=(1, 7))
    expected = ((data.mean() - 1) / 6 * 100).to_numpy()
    np.testing.assert_allclose(r.nodes.set_index("code").loc[ITEMS, "index"], expected)
    assert r.n == int(data.notna().any(axis=1).sum())


def test_global_weights_multiply_down_the_tree_and_the_leaves_sum_to_one():
    from metrics import tree_weights

    weighed = tree_weights(TREE)
    # domain.md §2: product 0.6 × quality 0.7 × q1 0.5; service 0.4 × staff 2/3 × q5 3/4
    assert weighed.at["q1", "global_weight"] == pytest.approx(0.6 * 0.7 * 0.5)
    assert weighed.at["q5", "global_weight"] == pytest.approx(0.4 * 2 / 3 * 3 / 4)
    leaves = weighed[[not kids for kids in weighed["children"]]]
    assert leaves["global_weight"].sum() == pytest.approx(1.0)
    # the index's nodes carry the same weights
    data = pd.DataFrame({f"q{k}": [3.0] for k in range(1, 7)})
    nodes = satisfaction_index(data, TREE, scales=(1, 5)).nodes.set_index("code")
    assert nodes["global_weight"].to_dict() == pytest.approx(weighed["global_weight"].to_dict())


def test_siblings_of_different_groups_are_weighed_apart():
    from metrics import tree_weights

    tree = pd.DataFrame(
        {
            "code": ["d", "p1", "p2", "i1", "i2"],
            "parent": [None, "d", "d", "d", "d"],
            "weight": [1, 1, 3, 5, 5],
            "group": ["node", "perception", "perception", "importance", "importance"],
        }
    )
    weighed = tree_weights(tree)
    assert weighed.loc[["p1", "p2", "i1", "i2"], "global_weight"].tolist() == pytest.approx([0.25, 0.75, 0.5, 0.5])
    # without the group column the four items are one sibling group
    assert tree_weights(tree.drop(columns="group")).at["p2", "global_weight"] == pytest.approx(3 / 14)


def test_a_group_all_at_zero_is_refused_or_counted_equally_as_asked():
    from metrics import sibling_weights, tree_weights

    tree = pd.DataFrame({"code": ["a", "b", "a1", "a2"], "parent": [None, None, "a", "a"], "weight": [1, 1, 0, 0]})
    with pytest.raises(ValueError, match="children of 'a' are all zero"):
        tree_weights(tree)
    weighed = tree_weights(tree, all_zero="equal")
    assert weighed.loc[["a1", "a2", "b"], "global_weight"].tolist() == pytest.approx([0.25, 0.25, 0.5])
    with pytest.raises(ValueError, match="all_zero"):
        sibling_weights({"a": 1}, {"a": None}, all_zero="ignore")
    # "" and None both mean the top level
    assert sibling_weights({"a": 1, "b": 3}, {"a": "", "b": None}).tolist() == [0.25, 0.75]


def test_respondent_scores_rescale_weigh_and_leave_missing_answers_out():
    from metrics import respondent_scores

    data = pd.DataFrame({"a": [5.0, 1.0, np.nan, 3.0], "b": [3.0, np.nan, np.nan, 3.0]})
    scores = respondent_scores(data, {"a": 1.0, "b": 3.0, "absent": 2.0}, scales={"a": (1, 5), "b": (1, 5)})
    assert scores.iloc[0] == pytest.approx((100 + 3 * 50) / 4)
    assert scores.iloc[1] == 0.0  # answered a only: its own score, not dragged down by a zero for b
    assert np.isnan(scores.iloc[2])
    assert scores.iloc[3] == pytest.approx(50.0)
    # the mean of equal-weight single-item scores is the item's index
    one = satisfaction_index(data[["a"]], pd.DataFrame({"code": ["a"], "parent": [None], "weight": [1]}), scales=(1, 5))
    assert respondent_scores(data, {"a": 1.0}, scales=(1, 5)).mean() == pytest.approx(one.index)
    with pytest.raises(ValueError, match="non-negative"):
        respondent_scores(data, {"a": -1.0}, scales=(1, 5))
