import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import RakeResult, kish_design_effect, kish_effective_n, rake

# The R survey package's raking check (tests/rakecheck.R: rake(dclus1, list(~stype, ~sch.wide), list(pop.types,
# pop.schwide)) with pop.types E 4421, H 755, M 1018 and pop.schwide No 1072, Yes 5122) needs the 183 schools
# of apiclus1, which are not available on this machine. Instead the reference is independent of the iteration:
# raking a two-way table to its two margins converges to the unique table that has those margins and the
# sample's odds ratio (Deming & Stephan 1940; Bishop, Fienberg & Holland 1975, §3.5), which for a 2×2 table is
# the root of a quadratic.


def _two_by_two_reference(cells, rows, cols):
    """Fitted 2×2 table with margins rows, cols and the odds ratio of `cells` (closed form)."""
    (n11, n12), (n21, n22) = cells
    theta = n11 * n22 / (n12 * n21)
    r1, r2 = rows
    c1, _ = cols
    # x = m11: x·(r2 − c1 + x) = θ·(r1 − x)·(c1 − x)  ⇒  (1 − θ)x² + (r2 − c1 + θ(r1 + c1))x − θ·r1·c1 = 0
    a, b, c = 1 - theta, r2 - c1 + theta * (r1 + c1), -theta * r1 * c1
    roots = [-c / b] if abs(a) < 1e-15 else np.roots([a, b, c]).real
    x = next(v for v in roots if 0 < v < min(r1, c1) and v > c1 - r2)
    return np.array([[x, r1 - x], [c1 - x, r2 - c1 + x]])


def _sample(cells):
    rows = []
    for (i, j), count in np.ndenumerate(np.array(cells)):
        rows += [{"school": "EH"[i], "award": "NY"[j]}] * int(count)
    return pd.DataFrame(rows)


def test_two_by_two_matches_the_closed_form():
    cells = [[30, 10], [20, 40]]
    frame = _sample(cells)
    rows, cols = (4421.0, 1773.0), (1072.0, 5122.0)
    r = rake(frame, {"school": {"E": rows[0], "H": rows[1]}, "award": {"N": cols[0], "Y": cols[1]}})
    assert isinstance(r, RakeResult) and r.converged
    expected = _two_by_two_reference(cells, rows, cols)
    got = r.weights.groupby([frame["school"], frame["award"]]).sum().unstack().to_numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-7)
    # Every respondent of a cell gets the same weight: cell total / cell count.
    per_cell = r.weights.groupby([frame["school"], frame["award"]]).nunique()
    assert (per_cell == 1).all()


def test_weights_align_to_the_index_and_sum_to_the_population():
    frame = _sample([[3, 1], [2, 4]])
    frame.index = [f"r{k}" for k in range(len(frame))]
    r = rake(frame, {"school": {"E": 600, "H": 400}, "award": {"N": 0.3, "Y": 0.7}})
    assert list(r.weights.index) == list(frame.index)
    assert r.weights.sum() == pytest.approx(1000)
    assert r.weights[frame["award"] == "Y"].sum() == pytest.approx(700)
    assert r.iterations >= 1


def test_shares_only_keep_the_base_total_and_base_weights_matter():
    frame = _sample([[3, 1], [2, 4]])
    base = pd.Series(np.linspace(1, 2, len(frame)), index=frame.index)
    r = rake(frame, {"school": {"E": 0.5, "H": 0.5}}, weights=base)
    assert r.weights.sum() == pytest.approx(base.sum())
    # One margin: one proportional step within each category, so base-weight ratios stay within a category.
    e = frame["school"] == "E"
    np.testing.assert_allclose((r.weights / base)[e].to_numpy(), (r.weights / base)[e].iloc[0])


def test_design_effect_and_effective_n_are_kish():
    w = [1, 1, 2, 4]
    assert kish_effective_n(w) == pytest.approx(64 / 22)
    assert kish_design_effect(w) == pytest.approx(4 * 22 / 64)
    assert kish_effective_n([2, 2, 2]) == pytest.approx(3)
    frame = _sample([[30, 10], [20, 40]])
    r = rake(frame, {"school": {"E": 0.7, "H": 0.3}, "award": {"N": 0.2, "Y": 0.8}})
    assert r.effective_n == pytest.approx(kish_effective_n(r.weights))
    assert r.design_effect == pytest.approx(len(frame) / r.effective_n)
    assert r.design_effect >= 1


def test_unreachable_margins_do_not_converge():
    # Nobody is both H and N, yet the margins need H·N > 0: IPF cannot meet both margins exactly.
    frame = pd.DataFrame({"school": ["E", "E", "H"], "award": ["N", "Y", "Y"]})
    r = rake(frame, {"school": {"E": 10, "H": 90}, "award": {"N": 50, "Y": 50}}, max_iter=20)
    assert not r.converged and r.iterations == 20


@pytest.mark.parametrize(
    ("margins", "message"),
    [
        ({"school": {"E": 1, "H": 1, "M": 1}}, "'M', which no respondent has"),
        ({"school": {"E": 1}}, "category 'H', which its margin lacks"),
        ({"school": {"E": 60, "H": 40}, "award": {"N": 10, "Y": 10}}, "disagree on the population total"),
        ({"school": {"E": 0, "H": 1}}, "targets must be positive"),
        ({"region": {"x": 1}}, "lacks column"),
        ({}, "at least one column"),
    ],
)
def test_bad_margins_are_named(margins, message):
    frame = _sample([[1, 1], [1, 1]])
    with pytest.raises(ValueError, match=message):
        rake(frame, margins)


def test_bad_weights_and_missing_categories():
    frame = _sample([[1, 1], [1, 1]])
    with pytest.raises(ValueError, match="positive"):
        rake(frame, {"school": {"E": 1, "H": 1}}, weights=[1, 0, 1, 1])
    with pytest.raises(ValueError, match="one per respondent"):
        rake(frame, {"school": {"E": 1, "H": 1}}, weights=[1, 1])
    holed = frame.astype(object)
    holed.iloc[0, 0] = None
    with pytest.raises(ValueError, match="missing value"):
        rake(holed, {"school": {"E": 1, "H": 1}})
    with pytest.raises(ValueError, match="missing value"):
        kish_effective_n([1, math.nan])


@settings(max_examples=40, deadline=None)
@given(
    cells=st.lists(st.integers(1, 20), min_size=6, max_size=6),
    a_shares=st.lists(st.floats(0.05, 1), min_size=2, max_size=2),
    b_shares=st.lists(st.floats(0.05, 1), min_size=3, max_size=3),
)
def test_property_weights_positive_and_reproduce_the_margins(cells, a_shares, b_shares):
    rows = []
    for k, count in enumerate(cells):
        rows += [{"a": k // 3, "b": "xyz"[k % 3]}] * count
    frame = pd.DataFrame(rows)
    a_margin = {k: 1000 * s / sum(a_shares) for k, s in enumerate(a_shares)}
    b_margin = {c: s / sum(b_shares) for c, s in zip("xyz", b_shares)}
    r = rake(frame, {"a": a_margin, "b": b_margin}, max_iter=500)
    assert r.converged  # every cell is filled, so the margins can always be met
    assert (r.weights > 0).all()
    assert r.weights.sum() == pytest.approx(1000)
    for k, target in a_margin.items():
        assert r.weights[frame["a"] == k].sum() == pytest.approx(target, rel=1e-6)
    for c, share in b_margin.items():
        assert r.weights[frame["b"] == c].sum() == pytest.approx(1000 * share, rel=1e-6)
    assert 1 - 1e-9 <= r.design_effect and r.effective_n <= len(frame) + 1e-9
