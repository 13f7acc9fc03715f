"""Importance–performance map analysis (Ringle & Sarstedt 2016) checked by independent computations."""

import numpy as np
import pandas as pd
import pytest

from metrics import QUADRANTS, ipma, pls_path_model
from tests.reference import PLSPM_BLOCKS, PLSPM_PATHS


@pytest.fixture(scope="module")
def mapped(ecsi):
    return ipma(ecsi, PLSPM_BLOCKS, PLSPM_PATHS, target="LOY", scale=(0, 10))


def test_importance_is_the_standardised_total_effect_times_the_ratio_of_rescaled_sds(ecsi, mapped):
    # Independent route (Ringle & Sarstedt 2016, eq. 2): the unstandardised total effect of a construct on
    # the target is the standardised one times sd(target*) / sd(construct*), both rescaled scores on 0–100.
    fit = pls_path_model(ecsi, PLSPM_BLOCKS, PLSPM_PATHS, scheme="path", standardize=True)
    rescaled = {}
    for construct, items in PLSPM_BLOCKS.items():
        raw = fit.outer_weights[items] / ecsi[items].std(ddof=0)
        rescaled[construct] = (ecsi[items] * 10) @ (raw / raw.sum())
    for construct in ["IMAG", "EXPE", "QUAL", "VAL", "SAT"]:
        ratio = rescaled["LOY"].std() / rescaled[construct].std()
        expected = fit.total_effects.loc["LOY", construct] * ratio
        assert mapped.table.loc[construct, "importance"] == pytest.approx(expected, rel=1e-9), construct
        assert mapped.table.loc[construct, "performance"] == pytest.approx(rescaled[construct].mean())
    assert mapped.target_performance == pytest.approx(rescaled["LOY"].mean())


def test_construct_performance_is_the_acsi_index_on_a_common_scale(mapped):
    # every item on 0–10: the rescaled weights are the index's weights
    pd.testing.assert_series_equal(
        mapped.table["performance"], mapped.fit.index.drop("LOY"), check_names=False, rtol=1e-9
    )


def test_items_quadrants_and_gain(ecsi, mapped):
    table, items = mapped.table, mapped.items
    assert list(table.index) == ["IMAG", "EXPE", "QUAL", "VAL", "SAT"]  # the drivers of LOY, in block order
    assert list(table.columns) == ["importance", "performance", "quadrant", "gain"]
    assert set(table["quadrant"]) <= set(QUADRANTS)
    assert mapped.importance_cut == pytest.approx(table["importance"].mean())
    hi = table["importance"] >= mapped.importance_cut
    lo = table["performance"] < mapped.performance_cut
    assert (table.loc[hi & lo, "quadrant"] == "concentrate").all()
    np.testing.assert_allclose(table["gain"], table["importance"] * (100 - table["performance"]))
    # items: answers' means on 0–100, importances add up to their construct's
    assert list(items.index) == [i for c in table.index for i in PLSPM_BLOCKS[c]]
    assert items.loc["sat1", "performance"] == pytest.approx(ecsi["sat1"].mean() * 10)
    by_construct = items.groupby("construct", sort=False)["importance"].sum()
    np.testing.assert_allclose(by_construct.reindex(table.index), table["importance"])


def test_a_unscaled_centroid_fit_and_scale_per_item(ecsi):
    # items on different scales: 1–11 for image, 0–10 for the rest; performance does not change
    shifted = ecsi.assign(**{c: ecsi[c] + 1 for c in PLSPM_BLOCKS["IMAG"]})
    scale = {c: ((1, 11) if c.startswith("imag") else (0, 10)) for cs in PLSPM_BLOCKS.values() for c in cs}
    a = ipma(ecsi, PLSPM_BLOCKS, PLSPM_PATHS, target="SAT", scale=(0, 10), scheme="centroid", standardize=False)
    b = ipma(shifted, PLSPM_BLOCKS, PLSPM_PATHS, target="SAT", scale=scale, scheme="centroid", standardize=False)
    pd.testing.assert_frame_equal(a.table, b.table)
    assert "LOY" not in a.table.index  # loyalty does not drive satisfaction


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"target": "NOPE", "scale": (0, 10)}, "NOPE"),
        ({"target": "IMAG", "scale": (0, 10)}, "No path leads"),
        ({"target": "SAT", "scale": None}, "scale"),
    ],
)
def test_bad_targets_are_explained(ecsi, kwargs, message):
    with pytest.raises(ValueError, match=message):
        ipma(ecsi, PLSPM_BLOCKS, PLSPM_PATHS, **kwargs)
