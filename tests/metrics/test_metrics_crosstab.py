import numpy as np
import pandas as pd
import pytest
from scipy import stats

from metrics import CrosstabResult, crosstab


@pytest.fixture(scope="module")
def survey():
    rng = np.random.default_rng(7)
    n = 600
    region = rng.choice(["north", "south", "east", "west"], size=n, p=[0.4, 0.3, 0.2, 0.1])
    # Satisfaction depends on the region, so some column proportions differ.
    p_sat = {"north": 0.75, "south": 0.5, "east": 0.45, "west": 0.7}
    sat = np.where(rng.uniform(size=n) < np.vectorize(p_sat.get)(region), "satisfied", "not satisfied")
    neutral = rng.uniform(size=n) < 0.15
    sat = np.where(neutral, "neutral", sat)
    weight = rng.uniform(0.5, 2.0, size=n)
    frame = pd.DataFrame({"sat": sat, "region": region, "weight": weight})
    frame.loc[[3, 17], "sat"] = None
    return frame


def test_counts_and_percentages_match_pandas(survey):
    t = crosstab(survey, "sat", "region")
    assert isinstance(t, CrosstabResult)
    expected = pd.crosstab(survey["sat"], survey["region"])
    pd.testing.assert_frame_equal(t.counts, expected, check_dtype=False, check_names=False)
    pd.testing.assert_frame_equal(
        t.column_percent, 100 * pd.crosstab(survey["sat"], survey["region"], normalize="columns"), check_names=False
    )
    assert t.n.tolist() == expected.sum().tolist() and t.effective_n.tolist() == expected.sum().tolist()
    assert t.letters.tolist() == ["A", "B", "C", "D"]


def test_chi_square_matches_scipy(survey):
    t = crosstab(survey, "sat", "region")
    r = stats.chi2_contingency(pd.crosstab(survey["sat"], survey["region"]).to_numpy(), correction=False)
    assert t.chi2 == pytest.approx(r.statistic) and t.p_value == pytest.approx(r.pvalue) and t.dof == r.dof


def test_weighted_counts_match_pandas_and_chi_square_uses_the_effective_n(survey):
    t = crosstab(survey, "sat", "region", weights="weight")
    expected = pd.crosstab(survey["sat"], survey["region"], values=survey["weight"], aggfunc="sum")
    pd.testing.assert_frame_equal(t.counts, expected, check_names=False)
    kept = survey.dropna()
    w = kept["weight"]
    n_eff = w.sum() ** 2 / (w**2).sum()
    r = stats.chi2_contingency(expected.to_numpy() * n_eff / w.sum(), correction=False)
    assert t.chi2 == pytest.approx(r.statistic) and t.p_value == pytest.approx(r.pvalue)
    per_column = kept.groupby("region")["weight"].agg(lambda s: s.sum() ** 2 / (s**2).sum())
    np.testing.assert_allclose(t.effective_n.to_numpy(), per_column.to_numpy())
    same = crosstab(survey, "sat", "region", weights=survey["weight"].to_numpy())
    pd.testing.assert_frame_equal(same.counts, t.counts)


def test_two_columns_z_squared_is_the_chi_square():
    # For two columns and a 2-category row the pooled z-test is the 2×2 Pearson chi-square: z² = χ².
    d = pd.DataFrame(
        {"answer": ["yes"] * 30 + ["no"] * 10 + ["yes"] * 15 + ["no"] * 25, "wave": ["a"] * 40 + ["b"] * 40}
    )
    t = crosstab(d, "answer", "wave")
    yes = t.pairs[t.pairs["row"] == "yes"].iloc[0]
    assert yes["z"] ** 2 == pytest.approx(t.chi2)
    assert yes["p_value"] == pytest.approx(t.p_value)
    assert t.significance.loc["yes"].tolist() == ["B", ""] and t.significance.loc["no"].tolist() == ["", "A"]


def test_letters_follow_holm_adjusted_pairwise_tests(survey):
    t = crosstab(survey, "sat", "region")
    columns = list(t.counts.columns)
    counts, totals = t.counts.to_numpy(), t.counts.sum().to_numpy()
    for r, row in enumerate(t.counts.index):
        pvals, pairs = [], []
        for a in range(4):
            for b in range(a + 1, 4):
                table = np.array([[counts[r, a], totals[a] - counts[r, a]], [counts[r, b], totals[b] - counts[r, b]]])
                pvals.append(stats.chi2_contingency(table, correction=False).pvalue)  # = the pooled z-test's p
                pairs.append((a, b))
        order = np.argsort(pvals)
        holm = np.empty(6)
        running = 0.0
        for rank, k in enumerate(order):
            running = max(running, min(1.0, (6 - rank) * pvals[k]))
            holm[k] = running
        marks = {c: "" for c in columns}
        for (a, b), p in zip(pairs, holm):
            if p < 0.05:
                share_a, share_b = counts[r, a] / totals[a], counts[r, b] / totals[b]
                winner, loser = (a, b) if share_a > share_b else (b, a)
                marks[columns[winner]] += "ABCD"[loser]
        marks = {c: "".join(sorted(v)) for c, v in marks.items()}
        assert t.significance.loc[row].to_dict() == marks
        got = t.pairs[t.pairs["row"] == row]
        np.testing.assert_allclose(got["p_value"].to_numpy(), pvals, rtol=1e-9)
        np.testing.assert_allclose(got["p_adjusted"].to_numpy(), holm, rtol=1e-9)
    assert t.significance.to_numpy().astype(bool).any()  # the fixture has real differences


def test_bonferroni_is_at_least_as_strict_as_holm(survey):
    holm = crosstab(survey, "sat", "region")
    bonferroni = crosstab(survey, "sat", "region", correction="bonferroni")
    assert (bonferroni.pairs["p_adjusted"] >= holm.pairs["p_adjusted"] - 1e-15).all()
    none = crosstab(survey, "sat", "region", correction="none")
    assert (none.pairs["p_adjusted"] == none.pairs["p_value"]).all()


def test_small_columns_are_marked_and_category_order_is_kept():
    d = pd.DataFrame(
        {
            "answer": pd.Categorical(["high", "low"] * 20, categories=["low", "mid", "high"]),
            "class": ["x"] * 30 + ["y"] * 10,
        }
    )
    t = crosstab(d, "answer", "class")
    assert list(t.counts.index) == ["low", "high"]  # category order, unused 'mid' dropped
    assert t.small.to_dict() == {"x": False, "y": True}


def test_input_checks(survey):
    with pytest.raises(ValueError, match="lacks column"):
        crosstab(survey, "sat", "wave")
    with pytest.raises(ValueError, match="two different columns"):
        crosstab(survey, "sat", "sat")
    with pytest.raises(ValueError, match="correction"):
        crosstab(survey, "sat", "region", correction="sidak")
    with pytest.raises(ValueError, match="non-negative"):
        crosstab(survey, "sat", "region", weights=-survey["weight"])
    with pytest.raises(ValueError, match="one per respondent"):
        crosstab(survey, "sat", "region", weights=[1, 2])
    one = crosstab(survey.assign(k="all"), "sat", "k")
    assert np.isnan(one.chi2) and one.pairs.empty and (one.significance == "").all().all()
