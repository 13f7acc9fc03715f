"""PLS model quality (HTMT, reliability, Fornell–Larcker, VIF, f², total effects) and the bootstrap's signs."""

import numpy as np
import pandas as pd
import pytest

from metrics import pls_path_model
from tests.metrics.conftest import SHARED_DATA
from tests.reference import PLSPM_BLOCKS, PLSPM_PATHS

# seminr's test model on its `mobi` data (tests/testthat/test-summary.R and test-validity.R of
# github.com/sem-in-r/seminr): four mode-A composites, path weighting, standardised items.
MOBI_BLOCKS = {
    "Image": [f"IMAG{i}" for i in range(1, 6)],
    "Expectation": [f"CUEX{i}" for i in range(1, 4)],
    "Value": ["PERV1", "PERV2"],
    "Satisfaction": [f"CUSA{i}" for i in range(1, 4)],
}
MOBI_PATHS = {"Satisfaction": ["Image", "Expectation", "Value"]}
# seminr tests/fixtures/V_3_5_X/htmt.csv (upper triangle)
SEMINR_HTMT = {
    ("Image", "Expectation"): 0.88803042750925,
    ("Image", "Value"): 0.651659392487802,
    ("Image", "Satisfaction"): 0.910100923782741,
    ("Expectation", "Value"): 0.588628982316289,
    ("Expectation", "Satisfaction"): 0.865108193553153,
    ("Value", "Satisfaction"): 0.740808927759395,
}
# seminr tests/fixtures/V_3_6_0/reliability.csv: alpha, rhoC, AVE, rhoA
SEMINR_RELIABILITY = {
    "Image": (0.722834595427083, 0.818325774056256, 0.477979834838268, 0.745291554480322),
    "Expectation": (0.451902555978063, 0.733177801505283, 0.480507046633952, 0.461657986928213),
    "Value": (0.823631979352573, 0.917897281748515, 0.84831067540365, 0.857527048393235),
    "Satisfaction": (0.779195021918597, 0.871457927643628, 0.693363990925202, 0.784023593590752),
}
# seminr tests/fixtures/V_3_6_0/fl_table.csv (lower triangle, √AVE on the diagonal)
SEMINR_FL = [
    [0.691360857178267],
    [0.505728413396833, 0.693186155829696],
    [0.510787425945094, 0.358245251153116, 0.921037825175302],
    [0.695529337198367, 0.511250543946958, 0.606306608005369, 0.832684808871402],
]
# seminr tests/fixtures/vifs/flat_item_vifs1.csv and V_3_5_X/vifs/flat_vif_antecedents1.csv
SEMINR_ITEM_VIF = [
    1.46840074157899, 1.22511896724264, 1.25876515500919, 1.51040340151145, 1.40314478976676,
    1.16077200450283, 1.12060419838461, 1.04961624016727, 1.96158254047704, 1.96158254047704,
    1.50500417008445, 1.76197723191477, 1.64446280215093,
]  # fmt: skip
SEMINR_INNER_VIF = {"Image": 1.6139498810707, "Expectation": 1.36849662441311, "Value": 1.37801850355244}
# seminr tests/fixtures/V_3_5_X/fsquared1.csv: fSquared(model, "Image", "Satisfaction")
SEMINR_F2_IMAGE = 0.303554364141901


@pytest.fixture(scope="module")
def mobi_fit():
    mobi = pd.read_csv(SHARED_DATA / "ecsi_mobi.csv", index_col=0)
    return pls_path_model(mobi, MOBI_BLOCKS, MOBI_PATHS, scheme="path", standardize=True)


def test_htmt_matches_seminr(mobi_fit):
    h = mobi_fit.htmt
    for (a, b), value in SEMINR_HTMT.items():
        assert h.loc[a, b] == pytest.approx(value, abs=1e-6)
        assert h.loc[b, a] == pytest.approx(value, abs=1e-6)
    assert np.diag(h).tolist() == [1.0] * 4


def test_reliability_matches_seminr(mobi_fit):
    rel = mobi_fit.reliability
    assert list(rel.columns) == ["alpha", "rho_c", "rho_a", "ave"]
    for construct, (alpha, rho_c, ave, rho_a) in SEMINR_RELIABILITY.items():
        assert rel.loc[construct].tolist() == pytest.approx([alpha, rho_c, rho_a, ave], abs=1e-5), construct
    pd.testing.assert_series_equal(rel["ave"], mobi_fit.ave, check_names=False)


def test_fornell_larcker_matches_seminr(mobi_fit):
    fl = mobi_fit.fornell_larcker.to_numpy()
    for i, row in enumerate(SEMINR_FL):
        assert fl[i, : len(row)].tolist() == pytest.approx(row, abs=1e-5)
    np.testing.assert_allclose(fl, fl.T)


def test_vif_and_f_squared_match_seminr(mobi_fit):
    assert mobi_fit.item_vif.tolist() == pytest.approx(SEMINR_ITEM_VIF, abs=1e-5)
    paths = mobi_fit.paths.set_index("from")
    for construct, value in SEMINR_INNER_VIF.items():
        assert paths.loc[construct, "vif"] == pytest.approx(value, abs=1e-5)
    assert paths.loc["Image", "f_squared"] == pytest.approx(SEMINR_F2_IMAGE, abs=1e-5)


def test_f_squared_is_the_r_squared_change_of_the_refitted_model(ecsi):
    fit = pls_path_model(ecsi, PLSPM_BLOCKS, PLSPM_PATHS, scheme="centroid")
    row = fit.paths.set_index(["from", "to"]).loc[("VAL", "SAT")]
    without = {**PLSPM_PATHS, "SAT": ["IMAG", "EXPE", "QUAL"]}
    r2_without = pls_path_model(ecsi, PLSPM_BLOCKS, without, scheme="centroid").r_squared["SAT"]
    r2 = fit.r_squared["SAT"]
    assert row["f_squared"] == pytest.approx((r2 - r2_without) / (1 - r2))
    # EXPE has one predictor: without it, R²(EXPE) = 0 and f² = R² / (1 − R²)
    expe = fit.paths.set_index(["from", "to"]).loc[("IMAG", "EXPE")]
    assert expe["vif"] == pytest.approx(1.0)
    assert expe["f_squared"] == pytest.approx(fit.r_squared["EXPE"] / (1 - fit.r_squared["EXPE"]))


def test_total_effects_are_direct_plus_every_indirect_route(ecsi):
    fit = pls_path_model(ecsi, PLSPM_BLOCKS, PLSPM_PATHS, scheme="centroid")
    b = fit.path_coefficients
    te = fit.total_effects
    assert te.shape == b.shape and list(te.index) == list(b.index) and list(te.columns) == list(b.columns)
    via_val = b.loc["SAT", "VAL"]
    qual_to_sat = b.loc["SAT", "QUAL"] + b.loc["VAL", "QUAL"] * via_val
    expe_to_sat = b.loc["SAT", "EXPE"] + b.loc["QUAL", "EXPE"] * qual_to_sat + b.loc["VAL", "EXPE"] * via_val
    imag_to_sat = b.loc["SAT", "IMAG"] + b.loc["EXPE", "IMAG"] * expe_to_sat
    assert te.loc["SAT", "EXPE"] == pytest.approx(expe_to_sat)
    assert te.loc["SAT", "IMAG"] == pytest.approx(imag_to_sat)
    assert te.loc["LOY", "IMAG"] == pytest.approx(b.loc["LOY", "IMAG"] + imag_to_sat * b.loc["LOY", "SAT"])
    assert te.loc["LOY", "EXPE"] == pytest.approx(expe_to_sat * b.loc["LOY", "SAT"])
    assert te.loc["VAL", "VAL"] != te.loc["VAL", "VAL"]  # no route: NaN
    assert np.isnan(te.loc["EXPE", "SAT"])


def test_bootstrap_intervals_for_htmt_and_total_effects(ecsi):
    fit = pls_path_model(ecsi, PLSPM_BLOCKS, PLSPM_PATHS, bootstrap=60, seed=3)
    assert fit.bootstrap_used == 60 and fit.bootstrap_nonconverged == 0
    htmt = fit.htmt_bootstrap.set_index(["from", "to"])
    assert len(htmt) == 15  # every pair of the six constructs, once
    assert htmt.loc[("IMAG", "SAT"), "estimate"] == pytest.approx(fit.htmt.loc["IMAG", "SAT"])
    assert (htmt["ci_low"] <= htmt["estimate"]).all() and (htmt["estimate"] <= htmt["ci_high"]).all()
    total = fit.total_effects_bootstrap.set_index(["from", "to"])
    assert total.loc[("IMAG", "LOY"), "estimate"] == pytest.approx(fit.total_effects.loc["LOY", "IMAG"])
    assert total.loc[("IMAG", "LOY"), "ci_low"] > 0
    assert len(total) == int(fit.total_effects.notna().to_numpy().sum())
    assert list(fit.bootstrap.columns) == ["from", "to", "estimate", "mean", "std_error", "ci_low", "ci_high"]
    no_boot = pls_path_model(ecsi, PLSPM_BLOCKS, PLSPM_PATHS)
    assert no_boot.htmt_bootstrap is None and no_boot.total_effects_bootstrap is None
    assert no_boot.bootstrap_used == no_boot.bootstrap_nonconverged == 0


def test_bootstrap_keeps_the_full_samples_sign_for_a_block_with_mixed_loadings():
    # Block A: one strong item and two reversed, weak ones (loadings about +0.9, −0.2, −0.2). The "most
    # loadings positive" rule, applied to each resample, flips A whenever one weak item comes out positive,
    # which changes the sign of A → B from resample to resample; aligning each resample with the full
    # sample does not.
    rng = np.random.default_rng(5)
    n = 300
    a = rng.normal(size=n)
    d = pd.DataFrame(
        {
            "a1": a + 0.4 * rng.normal(size=n),
            "a2": -0.1 * a + rng.normal(size=n),
            "a3": -0.1 * a + rng.normal(size=n),
            "b1": a + rng.normal(size=n),
            "b2": a + rng.normal(size=n),
        }
    )
    fit = pls_path_model(d, {"A": ["a1", "a2", "a3"], "B": ["b1", "b2"]}, {"B": ["A"]}, bootstrap=100, seed=2)
    row = fit.bootstrap.iloc[0]
    assert abs(row["estimate"]) > 0.4  # negative: in the full sample too, most of A's loadings are
    assert np.sign(row["ci_low"]) == np.sign(row["ci_high"]) == np.sign(row["estimate"])
    # the old rule gave mean −0.692 and standard error 0.204 here (a few resamples flipped to +0.7)
    assert abs(row["mean"] - row["estimate"]) < 0.01 and row["std_error"] < 0.05


def test_non_converged_resamples_are_counted_and_left_out(ecsi):
    fit = pls_path_model(ecsi, PLSPM_BLOCKS, PLSPM_PATHS, bootstrap=5, seed=1, max_iter=1)
    assert not fit.converged
    assert (fit.bootstrap_used, fit.bootstrap_nonconverged) == (0, 5)
    assert fit.bootstrap["ci_low"].isna().all()


def test_single_item_blocks_have_no_htmt_alpha_or_rho_a():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(50, 1))
    d = pd.DataFrame(z + rng.normal(size=(50, 3)), columns=["x1", "x2", "y"])
    fit = pls_path_model(d, {"X": ["x1", "x2"], "Y": ["y"]}, {"Y": ["X"]})
    assert np.isnan(fit.htmt.loc["X", "Y"]) and fit.htmt.loc["Y", "Y"] == 1
    assert np.isnan(fit.reliability.loc["Y", "alpha"]) and np.isnan(fit.reliability.loc["Y", "rho_a"])
    assert fit.reliability.loc["Y", ["rho_c", "ave"]].tolist() == pytest.approx([1.0, 1.0])
    assert fit.item_vif["y"] == 1.0
