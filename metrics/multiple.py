"""Multiplicity control when several segments or items are tested at once: Holm and Benjamini–Hochberg."""

from __future__ import annotations

import numpy as np
import pandas as pd

# Up to this many tests in one family are "a handful": Holm (family-wise error rate). More: Benjamini–Hochberg
# (false-discovery rate). Under the complete null (nothing differs) both keep the chance of any alert at alpha.
HANDFUL = 10


def holm(p_values) -> np.ndarray:
    """Holm's step-down adjusted p-values (family-wise error rate).

    Formula: sort the m p-values ascending, p_(1) ≤ … ≤ p_(m); the adjusted
    value is max over j ≤ i of min(1, (m − j + 1)·p_(j)), returned in the
    input order. Rejecting where the adjusted p < alpha keeps the chance of
    any false rejection at most alpha, whatever the dependence.

    Conventions: `p_values` is a 1-d array-like; missing values (NaN) stay
    NaN and do not count in m. Values outside 0–1 raise ValueError.

    Reference: Holm, S. (1979). A simple sequentially rejective multiple test
    procedure. Scandinavian Journal of Statistics 6, 65–70 (statsmodels
    multipletests(method="holm"), R p.adjust(method="holm")).

    Example
    -------
    >>> holm([0.01, 0.04, 0.03]).round(3).tolist()
    [0.03, 0.06, 0.06]
    """
    p, keep = _p_values(p_values)
    out = np.full(p.shape, np.nan)
    x = p[keep]
    m = x.size
    if m:
        order = np.argsort(x, kind="stable")
        stepped = np.maximum.accumulate(np.minimum((m - np.arange(m)) * x[order], 1.0))
        adjusted = np.empty(m)
        adjusted[order] = stepped
        out[keep] = adjusted
    return out


def benjamini_hochberg(p_values) -> np.ndarray:
    """Benjamini–Hochberg step-up adjusted p-values (false-discovery rate).

    Formula: sort ascending; the adjusted value of p_(i) is
    min over j ≥ i of min(1, m·p_(j)/j), returned in the input order.
    Rejecting where the adjusted p < q keeps the expected share of false
    discoveries among the discoveries at most q (independent or positively
    dependent tests); when nothing differs at all it is the chance of any
    discovery.

    Conventions: as for `holm` (NaN stays NaN, not counted in m).

    Reference: Benjamini, Y., Hochberg, Y. (1995). Controlling the false
    discovery rate. JRSS B 57, 289–300 (statsmodels multipletests(method=
    "fdr_bh"), scipy.stats.false_discovery_control, R p.adjust("BH")).

    Example
    -------
    >>> benjamini_hochberg([0.01, 0.04, 0.03]).round(3).tolist()
    [0.03, 0.04, 0.04]
    """
    p, keep = _p_values(p_values)
    out = np.full(p.shape, np.nan)
    x = p[keep]
    m = x.size
    if m:
        order = np.argsort(x, kind="stable")[::-1]
        ranks = np.arange(m, 0, -1)
        stepped = np.minimum.accumulate(np.minimum(m * x[order] / ranks, 1.0))
        adjusted = np.empty(m)
        adjusted[order] = stepped
        out[keep] = adjusted
    return out


def multiplicity_method(tests: int) -> str:
    """ "holm" for a handful of tests (at most HANDFUL), "bh" for more.

    >>> multiplicity_method(6), multiplicity_method(12)
    ('holm', 'bh')
    """
    return "holm" if tests <= HANDFUL else "bh"


def adjust_p_values(p_values, *, method: str = "auto") -> tuple[np.ndarray, str]:
    """Adjusted p-values of one family of tests and the method used ("holm" or "bh").

    method: "holm", "bh", or "auto" (`multiplicity_method` of the number of
    p-values that are not NaN).

    >>> adjust_p_values([0.01, 0.04, 0.03])[1]
    'holm'
    """
    if method not in ("auto", "holm", "bh"):
        raise ValueError(f'method must be "auto", "holm" or "bh"; got {method!r}.')
    p, keep = _p_values(p_values)
    chosen = multiplicity_method(int(keep.sum())) if method == "auto" else method
    return (holm(p) if chosen == "holm" else benjamini_hochberg(p)), chosen


def _p_values(p_values) -> tuple[np.ndarray, np.ndarray]:
    try:
        p = pd.to_numeric(pd.Series(np.asarray(p_values, dtype=object).ravel())).to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise ValueError("p-values must be numbers from 0 to 1 (missing = empty).") from None
    keep = ~np.isnan(p)
    if ((p[keep] < 0) | (p[keep] > 1)).any():
        raise ValueError("p-values must lie between 0 and 1.")
    return p, keep
