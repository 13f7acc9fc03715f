import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import RelativeImportance, relative_importance

# mtcars (R datasets, Henderson & Velleman 1981, from Motor Trend 1974): mpg, am, vs, cyl of the 32 cars, in
# the dataset's row order (Mazda RX4 … Volvo 142E).
MTCARS = pd.DataFrame(
    {
        "mpg": [21.0, 21.0, 22.8, 21.4, 18.7, 18.1, 14.3, 24.4, 22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4,
                14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3, 19.2, 27.3, 26.0, 30.4, 15.8, 19.7, 15.0, 21.4],
        "am": [1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1],
        "vs": [0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1],
        "cyl": [6, 6, 4, 6, 8, 6, 8, 4, 4, 6, 6, 8, 8, 8, 8, 8, 8, 4, 4, 4, 4, 8, 8, 8, 8, 4, 4, 4, 8, 6, 8, 4],
    }
)  # fmt: skip

# relaimpo::calc.relimp(mpg ~ am + vs + cyl, data = mtcars, type = "lmg"), as printed in the domir package's
# README (J. Luchman, "Comparison with existing relative importance packages"): total response variance
# 36.3241, 32 observations, "Proportion of variance explained by model: 76.2%", lmg am 0.1774892,
# vs 0.2027032, cyl 0.3817849.
RELAIMPO_LMG = {"am": 0.1774892, "vs": 0.2027032, "cyl": 0.3817849}


def test_lmg_matches_relaimpo_on_mtcars():
    assert MTCARS["mpg"].var() == pytest.approx(36.3241, abs=1e-4)
    r = relative_importance(MTCARS, "mpg", ["am", "vs", "cyl"])
    assert isinstance(r, RelativeImportance) and r.method == "lmg" and r.n == 32
    assert list(r.importance.index) == ["am", "vs", "cyl"]
    for driver, value in RELAIMPO_LMG.items():
        assert r.importance[driver] == pytest.approx(value, abs=5e-8)
    assert r.r_squared == pytest.approx(0.762, abs=5e-4)
    assert r.importance.sum() == pytest.approx(r.r_squared)
    assert r.share.sum() == pytest.approx(1)


def _r2(y, x):
    design = np.column_stack([np.ones(len(y)), x])
    beta, *_ = np.linalg.lstsq(design, y, rcond=None)
    residual = y - design @ beta
    return 1 - residual @ residual / ((y - y.mean()) @ (y - y.mean()))


def _johnson_from_data(y, x):
    """Johnson (2000) from the raw data: Z = the orthonormal counterpart of the standardised X (X = U S V',
    Z = U V'), regress y on Z, regress X on Z, then ε_j = Σ_k λ_jk² β_k² (independent of the correlation form)."""
    xs = (x - x.mean(axis=0)) / x.std(axis=0)
    ys = (y - y.mean()) / y.std()
    u, _, vt = np.linalg.svd(xs, full_matrices=False)
    z = u @ vt * np.sqrt(len(y))
    beta = np.linalg.lstsq(z, ys, rcond=None)[0]
    lam = np.linalg.lstsq(z, xs, rcond=None)[0]  # lam[k, j]: X_j on Z_k
    return (lam**2).T @ (beta**2)


def test_johnson_matches_the_raw_data_construction_and_lmg_matches_all_subsets():
    y = MTCARS["mpg"].to_numpy()
    x = MTCARS[["am", "vs", "cyl"]].to_numpy(dtype=float)
    r = relative_importance(MTCARS, "mpg", ["am", "vs", "cyl"], method="johnson")
    np.testing.assert_allclose(r.importance.to_numpy(), _johnson_from_data(y, x), atol=1e-10)
    assert r.importance.sum() == pytest.approx(_r2(y, x))
    # LMG by its definition: the gain in R² averaged over all 3! orders in which the drivers can enter.
    from itertools import permutations

    gains = dict.fromkeys(range(3), 0.0)
    for order in permutations(range(3)):
        for k, j in enumerate(order):
            before = _r2(y, x[:, list(order[:k])]) if k else 0.0
            gains[j] += (_r2(y, x[:, list(order[: k + 1])]) - before) / 6
    lmg = relative_importance(MTCARS, "mpg", ["am", "vs", "cyl"])
    np.testing.assert_allclose(lmg.importance.to_numpy(), [gains[j] for j in range(3)], atol=1e-12)


def test_uncorrelated_drivers_get_their_squared_correlation():
    d = pd.DataFrame({"a": [1, -1, 1, -1], "b": [1, 1, -1, -1]})
    d["y"] = 2 * d["a"] + d["b"] + np.array([0.5, -0.5, -0.5, 0.5])
    for method in ("lmg", "johnson"):
        r = relative_importance(d, "y", ["a", "b"], method=method)
        for c in ("a", "b"):
            assert r.importance[c] == pytest.approx(np.corrcoef(d[c], d["y"])[0, 1] ** 2)


def test_listwise_deletion_and_input_checks():
    holed = MTCARS.astype(float)
    holed.loc[0, "am"] = np.nan
    assert relative_importance(holed, "mpg", ["am", "vs"]).n == 31
    with pytest.raises(ValueError, match='"lmg" or "johnson"'):
        relative_importance(MTCARS, "mpg", ["am"], method="shapley")
    with pytest.raises(ValueError, match="same value for every respondent"):
        relative_importance(MTCARS.assign(k=1), "mpg", ["am", "k"])
    with pytest.raises(ValueError, match="perfectly collinear"):
        relative_importance(MTCARS.assign(manual=1 - MTCARS["am"]), "mpg", ["am", "manual"])
    with pytest.raises(ValueError, match="also among the drivers"):
        relative_importance(MTCARS, "mpg", ["mpg", "am"])
    with pytest.raises(ValueError, match="at least one driver"):
        relative_importance(MTCARS, "mpg", [])
    with pytest.raises(ValueError, match="lacks column"):
        relative_importance(MTCARS, "mpg", ["hp"])
    with pytest.raises(ValueError, match="at least 4"):
        relative_importance(MTCARS.head(3), "mpg", ["am", "vs"])
    wide = pd.DataFrame(np.random.default_rng(1).normal(size=(40, 18)), columns=[f"x{k}" for k in range(18)])
    with pytest.raises(ValueError, match="johnson"):
        relative_importance(wide, "x0", [f"x{k}" for k in range(1, 18)])
    assert relative_importance(wide, "x0", [f"x{k}" for k in range(1, 18)], method="johnson").n == 40


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**31 - 1),
    p=st.integers(1, 5),
    n=st.integers(12, 60),
    method=st.sampled_from(["lmg", "johnson"]),
)
def test_property_importance_sums_to_r_squared(seed, p, n, method):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, p)) @ rng.normal(size=(p, p))
    y = x @ rng.normal(size=p) + rng.normal(size=n) * rng.uniform(0.1, 3)
    d = pd.DataFrame(x, columns=[f"d{k}" for k in range(p)]).assign(y=y)
    r = relative_importance(d, "y", [f"d{k}" for k in range(p)], method=method)
    assert r.r_squared == pytest.approx(_r2(y, x), abs=1e-8)
    assert r.importance.sum() == pytest.approx(r.r_squared, abs=1e-9)
    assert r.share.sum() == pytest.approx(1, abs=1e-9)
    assert (r.importance >= -1e-12).all()
