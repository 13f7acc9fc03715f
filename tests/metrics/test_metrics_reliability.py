import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from metrics import alpha_by_dimension, cronbach_alpha
from tests.metrics.conftest import SHARED_DATA

BLOCKS = {"IMAG": "imag", "EXPE": "expe", "QUAL": "qual", "VAL": "val", "SAT": "sat", "LOY": "loy"}


def _alpha_from_mean_covariance(x: pd.DataFrame) -> float:
    """Independent form: α = k·c̄ / (v̄ + (k − 1)·c̄), v̄ the mean item variance, c̄ the mean inter-item covariance."""
    c = np.cov(x.dropna().to_numpy(), rowvar=False)
    k = c.shape[0]
    v_bar = np.trace(c) / k
    c_bar = (c.sum() - np.trace(c)) / (k * (k - 1))
    return k * c_bar / (v_bar + (k - 1) * c_bar)


def _items(ecsi, prefix):
    return ecsi[[c for c in ecsi.columns if c.rstrip("0123456789") == prefix]]


@pytest.mark.parametrize("block", list(BLOCKS))
def test_raw_alpha_matches_covariance_form_on_ecsi(ecsi, block):
    items = _items(ecsi, BLOCKS[block])
    assert cronbach_alpha(items) == pytest.approx(_alpha_from_mean_covariance(items), abs=1e-12)


# Standardised alpha reported by plspm 0.5.7 (Python, pandas 2.3.3; Plspm(...).unidimensionality()) on
# ecsi_mobile_satisfaction.csv — plspm computes alpha on the correlation matrix, like R plspm's `unidim`.
PLSPM_STANDARDIZED_ALPHA = {
    "IMAG": 0.830227,
    "EXPE": 0.846584,
    "QUAL": 0.871325,
    "VAL": 0.835723,
    "SAT": 0.894011,
    "LOY": 0.819422,
}


@pytest.mark.parametrize("block", list(BLOCKS))
def test_standardized_alpha_matches_plspm(ecsi, block):
    items = _items(ecsi, BLOCKS[block])
    assert cronbach_alpha(items, standardized=True) == pytest.approx(PLSPM_STANDARDIZED_ALPHA[block], abs=1e-6)


def test_listwise_deletion_and_by_dimension(ecsi):
    items = _items(ecsi, "sat").astype(float)
    holed = items.copy()
    holed.iloc[0, 0] = np.nan
    assert cronbach_alpha(holed) == pytest.approx(cronbach_alpha(items.iloc[1:]))
    dims = {c: "SAT" for c in items.columns} | {"loy1": "LOY"}
    out = alpha_by_dimension(ecsi, dims)
    assert out["SAT"] == pytest.approx(cronbach_alpha(items)) and np.isnan(out["LOY"])


def test_alpha_input_checks():
    with pytest.raises(ValueError, match="at least 2 item"):
        cronbach_alpha(pd.DataFrame({"a": [1, 2]}))
    with pytest.raises(ValueError, match="at least 2 respondents"):
        cronbach_alpha(pd.DataFrame({"a": [1, None], "b": [1, 2]}))
    with pytest.raises(ValueError, match="no variance"):
        cronbach_alpha(pd.DataFrame({"a": [1, 1], "b": [2, 2]}))


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 6), st.integers(5, 40), st.integers(0, 10_000))
def test_alpha_properties(k, n, seed):
    rng = np.random.default_rng(seed)
    f = rng.normal(size=(n, 1))
    x = pd.DataFrame(f + rng.normal(size=(n, k)))
    a = cronbach_alpha(x)
    assert a <= 1 + 1e-12
    assert a == pytest.approx(_alpha_from_mean_covariance(x))
    assert cronbach_alpha(x.sample(frac=1, random_state=seed)) == pytest.approx(a)  # row order
    assert cronbach_alpha(x * 3 + 7) == pytest.approx(a)  # same linear rescaling of every item


def _alpha_from_mean_correlation(x: pd.DataFrame) -> float:
    """Independent form of the standardised alpha: k·r̄ / (1 + (k − 1)·r̄), r̄ the mean inter-item correlation."""
    r = np.corrcoef(x.dropna().to_numpy(dtype=float), rowvar=False)
    k = r.shape[0]
    r_bar = (r.sum() - k) / (k * (k - 1))
    return k * r_bar / (1 + (k - 1) * r_bar)


@pytest.mark.parametrize("block", list(BLOCKS))
def test_standardized_alpha_is_the_mean_correlation_formula(ecsi, block):
    items = _items(ecsi, BLOCKS[block])
    assert cronbach_alpha(items, standardized=True) == pytest.approx(_alpha_from_mean_correlation(items), abs=1e-12)


# seminr (github.com/sem-in-r/seminr) tests/fixtures/V_3_6_0/reliability.csv, column alpha, on its mobi data
# (../shared/data/ecsi_mobi.csv): seminr reports the standardised alpha
SEMINR_MOBI_ALPHA = {
    "IMAG": (5, 0.722834595427083),
    "CUEX": (3, 0.451902555978063),
    "PERV": (2, 0.823631979352573),
    "CUSA": (3, 0.779195021918597),
}


def test_standardized_alpha_matches_seminr_on_mobi_and_raw_alpha_differs():
    mobi = pd.read_csv(SHARED_DATA / "ecsi_mobi.csv", index_col=0)
    gaps = []
    for prefix, (k, published) in SEMINR_MOBI_ALPHA.items():
        items = mobi[[f"{prefix}{i}" for i in range(1, k + 1)]]
        assert cronbach_alpha(items, standardized=True) == pytest.approx(published, abs=1e-9)
        gaps.append(published - cronbach_alpha(items))
    # the issue: raw-score alpha sits up to 0.019 below the standardised one on mobi (Expectation)
    assert max(gaps) == pytest.approx(0.0193, abs=5e-4) and min(gaps) > 0
    by_dim = alpha_by_dimension(mobi, {f"CUEX{i}": "CUEX" for i in (1, 2, 3)}, standardized=True)
    assert by_dim["CUEX"] == pytest.approx(SEMINR_MOBI_ALPHA["CUEX"][1])
