import numpy as np
import pandas as pd
import pytest

from metrics import derived_importance, ipa, ipa_stability


def test_ipa_quadrants_cuts_and_priority():
    perf = pd.Series({"price": 3.0, "service": 4.5, "brand": 4.0, "speed": 2.5, "app": np.nan})
    imp = {"price": 4.5, "service": 4.6, "brand": 3.0, "speed": 3.1, "app": 4.0}
    gap = {"price": -1.0, "service": 0.5, "brand": 0.0, "speed": -2.0, "app": -1.0}
    r = ipa(perf, imp, gap=gap)
    # cuts: means over indicators with both values: performance (3 + 4.5 + 4 + 2.5)/4 = 3.5,
    # importance (4.5 + 4.6 + 3 + 3.1)/4 = 3.8
    assert (r.performance_cut, r.importance_cut) == (3.5, pytest.approx(3.8))
    assert r.table["quadrant"].tolist() == ["concentrate", "keep_up", "overkill", "low_priority", None]
    # priority = importance × shortfall: price 4.5·1, speed 3.1·2, no shortfall → 0
    assert r.table["priority"].tolist()[:4] == pytest.approx([4.5, 0.0, 0.0, 6.2])


def test_ipa_fixed_cuts_and_no_gap():
    r = ipa({"a": 3.0, "b": 2.0}, {"a": 3.0, "b": 2.0}, performance_cut=3, importance_cut=3)
    assert r.table["quadrant"].tolist() == ["keep_up", "low_priority"]
    assert r.table["priority"].isna().all()
    with pytest.raises(ValueError, match="numbers"):
        ipa({"a": "high"}, {"a": 1})


def test_derived_importance_correlation_and_regression():
    rng = np.random.default_rng(3)
    n = 500
    d = pd.DataFrame({"q1": rng.normal(size=n), "q2": rng.normal(size=n)})
    d["overall"] = 0.8 * d["q1"] + 0.2 * d["q2"] + 0.3 * rng.normal(size=n)
    corr = derived_importance(d, ["q1", "q2"], "overall")
    assert corr["q1"] == pytest.approx(np.corrcoef(d["q1"], d["overall"])[0, 1])
    beta = derived_importance(d, ["q1", "q2"], "overall", method="regression")
    # standardised β = b · sd(x)/sd(y) from an ordinary least-squares fit with intercept
    x = np.column_stack([np.ones(n), d[["q1", "q2"]]])
    b = np.linalg.lstsq(x, d["overall"], rcond=None)[0][1:]
    np.testing.assert_allclose(beta, b * d[["q1", "q2"]].std().to_numpy() / d["overall"].std())
    assert beta["q1"] > beta["q2"] > 0
    with pytest.raises(ValueError, match="method"):
        derived_importance(d, ["q1"], "overall", method="shapley")


def test_ipa_stability_is_seeded_and_calls_only_clear_quadrants():
    rng = np.random.default_rng(3)
    n = 300
    overall = rng.normal(0, 1, n)
    d = pd.DataFrame(
        {
            # a drives overall strongly and performs well, b drives it weakly and performs badly,
            # c and e sit near both means: their quadrant cannot be called
            "a": np.clip(np.round(4 + overall + rng.normal(0, 0.3, n)), 1, 5),
            "b": np.clip(np.round(2 + 0.1 * overall + rng.normal(0, 1, n)), 1, 5),
            "c": np.clip(np.round(3 + 0.5 * overall + rng.normal(0, 1, n)), 1, 5),
            "e": np.clip(np.round(3 + 0.5 * overall + rng.normal(0, 1, n)), 1, 5),
        }
    )
    d.loc[::7, "c"] = np.nan  # a skipped answer is left out of the item's mean
    units = {k: {k: 1.0} for k in "abce"}
    drivers = (d - 1) * 25
    target = pd.Series(overall)
    imp = derived_importance(drivers.assign(y=target), list("abce"), "y")
    perf = ((d.mean() - 1) * 25).rename("performance")
    full = ipa(perf, imp)
    r = ipa_stability(d, units, full.table["quadrant"], scales=(1, 5), drivers=drivers, target=target)
    again = ipa_stability(d, units, full.table["quadrant"], scales=(1, 5), drivers=drivers, target=target)
    pd.testing.assert_frame_equal(r.table, again.table)  # seeded: the same figures every time
    assert (r.resamples, r.threshold) == (200, 0.9)
    t = r.table
    assert t.loc["a", "stability"] == 1.0 and t.loc["a", "firm"]
    assert t.loc["b", "stability"] >= 0.9 and t.loc["b", "firm"]
    assert not t.loc[["c", "e"], "firm"].all()
    # the intervals hold the full-sample figures
    assert ((t["importance_low"] <= imp) & (imp <= t["importance_high"])).all()
    assert ((t["performance_low"] <= perf) & (perf <= t["performance_high"])).all()
    with pytest.raises(ValueError, match="either"):
        ipa_stability(d, units, full.table["quadrant"], scales=(1, 5))
    with pytest.raises(ValueError, match="resamples"):
        ipa_stability(d, units, full.table["quadrant"], scales=(1, 5), stated={"a": ["a"]}, resamples=0)
