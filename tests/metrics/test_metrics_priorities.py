import numpy as np
import pandas as pd
import pytest

from metrics import derived_importance, ipa


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
