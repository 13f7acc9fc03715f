"""Holm and Benjamini–Hochberg adjusted p-values against a published example and scipy."""

import math

import numpy as np
import pytest
from scipy import stats

from metrics import adjust_p_values, benjamini_hochberg, holm, multiplicity_method

# Benjamini & Hochberg (1995), JRSS B 57, p. 297: the 15 p-values of Neuhaus et al. (1992). The paper's
# result: at q = 0.05 the FDR procedure rejects the four smallest, Bonferroni-type procedures three.
PAPER = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528]
PAPER += [0.7590, 1.000]

# Adjusted values by the formulas of statsmodels.stats.multitest.multipletests (method="holm" and "fdr_bh",
# the same as R p.adjust); written out by hand, e.g. Holm's 4th: 12 · 0.0095 = 0.114, 7th: max(9 · 0.0298,
# 0.278) = 0.278. BH's equal scipy.stats.false_discovery_control (scipy 1.17), checked below too.
HOLM = [0.0015, 0.0056, 0.0247, 0.114, 0.2211, 0.278, 0.278, 0.278, 0.3213, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
BH = [0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.063857, 0.063857, 0.0645, 0.0765, 0.486, 0.581182]
BH += [0.714875, 0.753231, 0.813214, 1.0]


def test_the_published_example():
    assert holm(PAPER) == pytest.approx(HOLM, abs=1e-6)
    assert benjamini_hochberg(PAPER) == pytest.approx(BH, abs=1e-6)
    assert (benjamini_hochberg(PAPER) < 0.05).sum() == 4
    assert (holm(PAPER) < 0.05).sum() == 3


def test_bh_is_scipys_false_discovery_control():
    p = np.random.default_rng(3).uniform(size=40) ** 2
    assert benjamini_hochberg(p) == pytest.approx(stats.false_discovery_control(p))


def test_order_missing_values_and_bounds():
    p = [0.04, math.nan, 0.01, 0.03]
    for adjust in (holm, benjamini_hochberg):
        out = adjust(p)
        assert math.isnan(out[1])
        assert out[[0, 2, 3]] == pytest.approx(adjust([0.04, 0.01, 0.03]))
        assert (out[[0, 2, 3]] >= np.array(p)[[0, 2, 3]]).all()
    assert holm([]).size == 0
    with pytest.raises(ValueError, match="between 0 and 1"):
        holm([1.2])


def test_holm_for_a_handful_bh_for_many():
    assert multiplicity_method(1) == multiplicity_method(10) == "holm"
    assert multiplicity_method(11) == "bh"
    adjusted, method = adjust_p_values(PAPER)
    assert method == "bh" and adjusted == pytest.approx(BH, abs=1e-6)
    assert adjust_p_values(PAPER[:4])[1] == "holm"
    with pytest.raises(ValueError, match="method"):
        adjust_p_values(PAPER, method="bonferroni")
