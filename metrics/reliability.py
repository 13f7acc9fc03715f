"""Reliability of a multi-item scale: Cronbach's alpha."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from metrics._checks import numeric_columns, require_columns, require_frame


def cronbach_alpha(items: pd.DataFrame, *, standardized: bool = False) -> float:
    """Cronbach's alpha of a set of items measuring one dimension.

    Formula: α = k/(k − 1) · (1 − Σ σᵢ² / σ_T²), with σᵢ² the variance of
    item i and σ_T² the variance of the respondents' total score over the
    k items (sample variances, n − 1; the ratio does not depend on it).
    standardized=True gives the standardized alpha on the correlation
    matrix, α = k·r̄ / (1 + (k − 1)·r̄) with r̄ the mean inter-item
    correlation (what R plspm's `unidim` reports). α ≥ 0.7 is usually
    called acceptable.

    Conventions: `items` has one column per item, one row per respondent.
    Listwise deletion: only respondents who answered every item are used
    (alpha is defined on complete totals). Needs at least 2 items and 2
    complete rows; a total with no variance gives ValueError.

    Reference: Cronbach, L. J. (1951). Coefficient alpha and the internal
    structure of tests. Psychometrika 16, 297–334.

    Example
    -------
    >>> d = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 5], "q3": [1, 3, 3, 4, 4]})
    >>> round(cronbach_alpha(d), 4)
    0.9538
    """
    require_frame(items, "items")
    if items.shape[1] < 2:
        raise ValueError(f"Cronbach's alpha needs at least 2 item columns; got {items.shape[1]}.")
    x = numeric_columns(items, list(items.columns), "items").dropna().to_numpy(dtype=float)
    n, k = x.shape
    if n < 2:
        raise ValueError(f"Cronbach's alpha needs at least 2 respondents who answered every item; got {n}.")
    if standardized:
        sd = x.std(axis=0, ddof=1)
        if (sd == 0).any():
            raise ValueError("An item has no variance; the standardized alpha is undefined. Drop that item.")
        x = (x - x.mean(axis=0)) / sd
    item_var = x.var(axis=0, ddof=1).sum()
    total_var = x.sum(axis=1).var(ddof=1)
    if total_var == 0:
        raise ValueError("The total score has no variance (everyone gave the same answers); alpha is undefined.")
    return float(k / (k - 1) * (1 - item_var / total_var))


def alpha_by_dimension(data: pd.DataFrame, dimensions: Mapping, *, standardized: bool = False) -> pd.Series:
    """Cronbach's alpha per dimension, for showing beside each dimension (domain.md §9).

    `dimensions` maps item → dimension; dimensions with fewer than two
    items, or too few complete answers, get NaN instead of an error.
    See `cronbach_alpha` for the formula and the missing-value policy.

    Example
    -------
    >>> d = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 5], "q3": [1, 3, 3, 4, 4]})
    >>> alpha_by_dimension(d, {"q1": "service", "q2": "service", "q3": "service"}).round(4).tolist()
    [0.9538]
    """
    require_frame(data, "data")
    require_columns(data, list(dimensions), "data")
    groups: dict = {}
    for item, dim in dimensions.items():
        groups.setdefault(dim, []).append(item)
    out = {}
    for dim, cols in groups.items():
        try:
            out[dim] = cronbach_alpha(data[cols], standardized=standardized)
        except ValueError:
            out[dim] = np.nan
    return pd.Series(out, name="cronbach_alpha", dtype=float)
