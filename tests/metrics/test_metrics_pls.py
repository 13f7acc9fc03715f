import numpy as np
import pandas as pd
import pytest

from metrics import PLSDataError, pls_path_model
from tests.reference import PLSPM_BLOCKS as BLOCKS
from tests.reference import PLSPM_PATHS as PATHS

# Published: R plspm, unscaled data, centroid scheme, ECSI mobile-phone data (Sanchez 2013, "PLS Path
# Modeling with R"), as quoted in /work/shared/data/README.md.
PUBLISHED_PATHS = {
    ("IMAG", "EXPE"): 0.579,
    ("EXPE", "QUAL"): 0.848,
    ("EXPE", "VAL"): 0.105,
    ("QUAL", "VAL"): 0.677,
    ("IMAG", "SAT"): 0.201,
    ("EXPE", "SAT"): -0.003,
    ("QUAL", "SAT"): 0.122,
    ("VAL", "SAT"): 0.589,
    ("IMAG", "LOY"): 0.275,
    ("SAT", "LOY"): 0.495,
}
PUBLISHED_R2 = {"EXPE": 0.335, "QUAL": 0.720, "VAL": 0.590, "SAT": 0.707, "LOY": 0.510}

# Independent reference: plspm 0.5.7 (the Python port, PyPI), run in a separate venv with pandas 2.3.3 and
# numpy 1.26.4: Config(path, scaled=False), Mode.A blocks, Scheme.CENTROID; outer_model() weight / loading,
# inner_summary() ave. (plspm's scaled=True divides every item by one pooled SD, which gives the same paths.)
PLSPM_WEIGHTS = {
    "expe1": 0.10623,
    "expe2": 0.140693,
    "expe3": 0.118783,
    "expe4": 0.099451,
    "expe5": 0.138374,
    "imag1": 0.098242,
    "imag2": 0.157473,
    "imag3": 0.156722,
    "imag4": 0.076576,
    "imag5": 0.18433,
    "loy1": 0.158625,
    "loy2": 0.081728,
    "loy3": 0.161665,
    "loy4": 0.080669,
    "qual1": 0.106607,
    "qual2": 0.134595,
    "qual3": 0.117142,
    "qual4": 0.095618,
    "qual5": 0.115708,
    "sat1": 0.166367,
    "sat2": 0.16266,
    "sat3": 0.121091,
    "sat4": 0.132079,
    "val1": 0.174961,
    "val2": 0.11767,
    "val3": 0.120789,
    "val4": 0.166526,
}
PLSPM_LOADINGS = {
    "expe1": 0.765801,
    "expe2": 0.837419,
    "expe3": 0.759821,
    "expe4": 0.718345,
    "expe5": 0.837276,
    "imag1": 0.709327,
    "imag2": 0.877308,
    "imag3": 0.841749,
    "imag4": 0.569193,
    "imag5": 0.778467,
    "loy1": 0.906587,
    "loy2": 0.671101,
    "loy3": 0.904974,
    "loy4": 0.681874,
    "qual1": 0.781469,
    "qual2": 0.881558,
    "qual3": 0.794076,
    "qual4": 0.788982,
    "qual5": 0.807447,
    "sat1": 0.919798,
    "sat2": 0.91603,
    "sat3": 0.825879,
    "sat4": 0.817525,
    "val1": 0.864822,
    "val2": 0.796239,
    "val3": 0.750065,
    "val4": 0.844483,
}
PLSPM_AVE = {"EXPE": 0.61642, "IMAG": 0.582269, "LOY": 0.639052, "QUAL": 0.658572, "SAT": 0.758891, "VAL": 0.664416}
# Same package and settings, Scheme.FACTORIAL and Scheme.PATH (paths differ from centroid only in the 3rd decimal,
# so these are compared at 1e-4 to show each scheme is the one asked for).
PLSPM_SCHEME_PATHS = {
    "factorial": {
        "IMAG->EXPE": 0.578645,
        "EXPE->QUAL": 0.848335,
        "EXPE->VAL": 0.104865,
        "QUAL->VAL": 0.677,
        "IMAG->SAT": 0.200772,
        "EXPE->SAT": -0.00276,
        "QUAL->SAT": 0.12236,
        "VAL->SAT": 0.589163,
        "IMAG->LOY": 0.275114,
        "SAT->LOY": 0.49566,
    },
    "path": {
        "IMAG->EXPE": 0.578652,
        "EXPE->QUAL": 0.848336,
        "EXPE->VAL": 0.103675,
        "QUAL->VAL": 0.677279,
        "IMAG->SAT": 0.202886,
        "EXPE->SAT": -0.001251,
        "QUAL->SAT": 0.120137,
        "VAL->SAT": 0.587693,
        "IMAG->LOY": 0.273188,
        "SAT->LOY": 0.498618,
    },
}
PLSPM_SCHEME_R2 = {
    "factorial": {"EXPE": 0.33483, "LOY": 0.51013, "QUAL": 0.719672, "SAT": 0.707362, "VAL": 0.589778},
    "path": {"EXPE": 0.334839, "LOY": 0.511875, "QUAL": 0.719674, "SAT": 0.706403, "VAL": 0.588591},
}


@pytest.fixture(scope="module")
def fitted(ecsi):
    return pls_path_model(ecsi, BLOCKS, PATHS, scheme="centroid", scale=(0, 10))


def test_reproduces_published_paths_and_r_squared(fitted):
    for (src, dst), value in PUBLISHED_PATHS.items():
        assert fitted.path_coefficients.loc[dst, src] == pytest.approx(value, abs=0.005), (src, dst)
    for construct, value in PUBLISHED_R2.items():
        assert fitted.r_squared[construct] == pytest.approx(value, abs=0.005), construct
    assert fitted.converged and fitted.n == 250
    assert np.isnan(fitted.path_coefficients.loc["EXPE", "SAT"])  # no such path
    assert list(fitted.path_coefficients.index) == list(PATHS)


def test_loadings_weights_ave_match_plspm(fitted):
    for item in PLSPM_WEIGHTS:
        assert fitted.outer_weights[item] == pytest.approx(PLSPM_WEIGHTS[item], abs=0.005), item
        assert fitted.loadings[item] == pytest.approx(PLSPM_LOADINGS[item], abs=0.005), item
    for construct, value in PLSPM_AVE.items():
        assert fitted.ave[construct] == pytest.approx(value, abs=0.005)


@pytest.mark.parametrize("scheme", ["factorial", "path"])
def test_other_schemes_match_plspm(ecsi, scheme):
    r = pls_path_model(ecsi, BLOCKS, PATHS, scheme=scheme)
    for key, value in PLSPM_SCHEME_PATHS[scheme].items():
        src, dst = key.split("->")
        assert r.path_coefficients.loc[dst, src] == pytest.approx(value, abs=1e-4), key
    for construct, value in PLSPM_SCHEME_R2[scheme].items():
        assert r.r_squared[construct] == pytest.approx(value, abs=1e-4)


def test_results_are_internally_consistent(ecsi, fitted):
    scores = fitted.scores
    np.testing.assert_allclose(scores.mean(), 0, atol=1e-10)
    np.testing.assert_allclose(scores.var(ddof=0), 1, atol=1e-10)
    # path coefficients are OLS on the scores; loadings are item-score correlations
    for dep, preds in PATHS.items():
        beta = np.linalg.lstsq(scores[preds].to_numpy(), scores[dep].to_numpy(), rcond=None)[0]
        np.testing.assert_allclose(fitted.path_coefficients.loc[dep, preds].to_numpy(dtype=float), beta, atol=1e-10)
        fitted_values = scores[preds].to_numpy() @ beta
        assert fitted.r_squared[dep] == pytest.approx(1 - np.var(scores[dep] - fitted_values) / np.var(scores[dep]))
    for construct, items in BLOCKS.items():
        for item in items:
            assert fitted.loadings[item] == pytest.approx(np.corrcoef(ecsi[item], scores[construct])[0, 1])
        # scores are the weighted sum of the centred items
        centred = ecsi[items] - ecsi[items].mean()
        np.testing.assert_allclose(centred.to_numpy() @ fitted.outer_weights[items].to_numpy(), scores[construct])
        assert fitted.ave[construct] == pytest.approx((fitted.loadings[items] ** 2).mean())


def test_acsi_index(ecsi, fitted):
    # index = Σ w̃_i·(x̄_i − 0)/(10 − 0)·100 with the block's outer weights rescaled to sum 1
    for construct, items in BLOCKS.items():
        w = fitted.outer_weights[items] / fitted.outer_weights[items].sum()
        assert fitted.index[construct] == pytest.approx(float((w * ecsi[items].mean()).sum() * 10))
        assert 0 <= fitted.index[construct] <= 100
    assert pls_path_model(ecsi, BLOCKS, PATHS).index is None  # the scale is never guessed
    shifted = pls_path_model(ecsi[sum(BLOCKS.values(), [])] + 1, BLOCKS, PATHS, scale=(1, 11))
    np.testing.assert_allclose(shifted.index, fitted.index)
    std = pls_path_model(ecsi, BLOCKS, PATHS, scale=(0, 10), standardize=True)
    # standardised fit: the index uses the weights on the raw items (w / sd)
    items = BLOCKS["SAT"]
    raw = std.outer_weights[items] / ecsi[items].std(ddof=0)
    assert std.index["SAT"] == pytest.approx(float((raw / raw.sum() * ecsi[items].mean()).sum() * 10))


def test_row_order_and_listwise_deletion(ecsi, fitted):
    shuffled = pls_path_model(ecsi.sample(frac=1, random_state=7), BLOCKS, PATHS, scale=(0, 10))
    pd.testing.assert_frame_equal(shuffled.path_coefficients, fitted.path_coefficients, atol=1e-9)
    holed = ecsi.astype({"sat1": float, "loy2": float}).copy()
    holed.loc[holed.index[:5], "sat1"] = np.nan
    holed.loc[holed.index[3:8], "loy2"] = np.nan
    r = pls_path_model(holed, BLOCKS, PATHS)
    assert r.n == 242
    ref = pls_path_model(ecsi.iloc[8:], BLOCKS, PATHS)
    pd.testing.assert_frame_equal(r.path_coefficients, ref.path_coefficients, atol=1e-12)


def test_bootstrap_is_seeded_and_brackets_the_estimate(ecsi, fitted):
    a = pls_path_model(ecsi, BLOCKS, PATHS, bootstrap=60, seed=11)
    b = pls_path_model(ecsi, BLOCKS, PATHS, bootstrap=60, seed=11)
    pd.testing.assert_frame_equal(a.bootstrap, b.bootstrap)
    boot = a.bootstrap
    assert list(boot.columns) == ["from", "to", "estimate", "mean", "std_error", "ci_low", "ci_high"]
    assert (boot["ci_low"] < boot["estimate"]).all() and (boot["estimate"] < boot["ci_high"]).all()
    strong = boot[(boot["from"] == "EXPE") & (boot["to"] == "QUAL")].iloc[0]
    assert strong["ci_low"] > 0.7  # EXPE → QUAL = 0.848 is clearly non-zero
    weak = boot[(boot["from"] == "EXPE") & (boot["to"] == "SAT")].iloc[0]
    assert weak["ci_low"] < 0 < weak["ci_high"]  # EXPE → SAT = −0.003 is not
    assert fitted.bootstrap is None


def test_paths_as_pairs_and_single_item_blocks():
    d = pd.DataFrame({"a": range(1, 11), "b": [2, 1, 4, 3, 6, 5, 8, 7, 10, 9]})
    r = pls_path_model(d, {"A": ["a"], "B": "b"}, [("A", "B")])
    assert r.path_coefficients.loc["B", "A"] == pytest.approx(np.corrcoef(d["a"], d["b"])[0, 1])
    assert r.loadings.tolist() == pytest.approx([1.0, 1.0])


@pytest.mark.parametrize(
    ("blocks", "paths", "kwargs", "message"),
    [
        (BLOCKS, {"SAT": ["NOPE"]}, {}, "'NOPE'"),
        (BLOCKS | {"X": ["imag1"]}, PATHS, {}, "more than one block"),
        (BLOCKS, PATHS | {"IMAG": ["LOY"]}, {}, "cycle"),
        (BLOCKS, {"SAT": ["VAL"]}, {}, "take part in no path"),
        (BLOCKS, PATHS, {"scheme": "magic"}, "scheme"),
        (BLOCKS, {}, {}, "no paths"),
        (BLOCKS | {"G": ["gender"]}, PATHS | {"LOY": ["IMAG", "SAT", "G"]}, {}, "non-numeric"),
        (BLOCKS | {"Z": ["missing_col"]}, PATHS | {"LOY": ["IMAG", "SAT", "Z"]}, {}, "missing_col"),
        (BLOCKS, PATHS, {"bootstrap": -1}, "bootstrap"),
    ],
)
def test_bad_models_are_explained(ecsi, blocks, paths, kwargs, message):
    with pytest.raises(ValueError, match=message):
        pls_path_model(ecsi, blocks, paths, **kwargs)


def test_constant_item_and_too_few_rows(ecsi):
    with pytest.raises(PLSDataError, match="same answer") as err:
        pls_path_model(ecsi.assign(sat1=5), BLOCKS, PATHS)
    assert (err.value.reason, err.value.details) == ("constant_item", {"item": "sat1"})
    with pytest.raises(PLSDataError, match="Only 5 respondents") as err:
        pls_path_model(ecsi.head(5), BLOCKS, PATHS)
    assert (err.value.reason, err.value.details) == ("too_few_complete", {"n": 5, "need": 10})
    assert isinstance(err.value, ValueError)  # callers that catch ValueError still do
