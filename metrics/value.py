"""Customer value: the customer pyramid (ABC, 客户金字塔)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

# (tier, share of customers from the top): platinum 1 %, gold the next 4 %, iron the next 15 %, lead the rest.
PYRAMID = (("platinum", 0.01), ("gold", 0.04), ("iron", 0.15), ("lead", 0.80))
TIERS = tuple(name for name, _ in PYRAMID)


@dataclass(frozen=True)
class PyramidResult:
    """Result of `customer_pyramid`.

    tier: Series per customer (same index as the input) with platinum, gold,
        iron or lead; missing where the value is missing.
    tiers: DataFrame indexed by tier (all four, top first) with columns
        customers, share (of the customers with a value), value (sum),
        value_share (of the total value; NaN when the total is 0) and
        min_value (the smallest value in the tier; NaN when empty).
    """

    tier: pd.Series
    tiers: pd.DataFrame


def customer_pyramid(values) -> PyramidResult:
    """Customer pyramid: tiers by value, top 1 % platinum, next 4 % gold, next 15 % iron, the rest lead.

    Rule (CRM textbook, domain.md §8): rank the customers by value, highest
    first; with n customers the tiers end at ranks ceil(0.01·n),
    ceil(0.05·n) and ceil(0.20·n), so the best customer is always platinum.
    Tied values share the better tier (a customer's rank is 1 + the number
    of customers with a strictly higher value), so tiers can hold a little
    more than their share.

    Conventions: `values` is a 1-d array-like or Series of non-negative or
    negative numbers (value, spend, turnover); missing values get no tier
    and are not counted. Non-numeric values raise ValueError.

    Reference: Zeithaml, V. A., Rust, R. T., Lemon, K. N. (2001). The
    customer pyramid. California Management Review 43(4), 118–142.

    Example
    -------
    >>> r = customer_pyramid(range(1, 101))   # customers worth 1 … 100
    >>> r.tiers["customers"].tolist(), r.tier.iloc[-1], r.tier.iloc[0]
    ([1, 4, 15, 80], 'platinum', 'lead')
    """
    index = values.index if isinstance(values, pd.Series) else None
    try:
        x = pd.to_numeric(pd.Series(np.asarray(values, dtype=object).ravel())).to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise ValueError("Customer values must be numbers (missing = empty).") from None
    has = ~np.isnan(x)
    n = int(has.sum())
    ranks = np.full(x.shape, np.nan)
    if n:
        ordered = np.sort(x[has])
        # 1 + number of strictly higher values
        ranks[has] = n - np.searchsorted(ordered, x[has], side="right") + 1
    ends = np.cumsum([share for _, share in PYRAMID])
    cuts = [math.ceil(round(end * n, 9)) for end in ends[:-1]]
    tier = np.select([ranks <= cuts[0], ranks <= cuts[1], ranks <= cuts[2], has], list(TIERS), default="").astype(
        object
    )
    tier[~has] = None
    series = pd.Series(tier, index=index, dtype=object, name="tier")
    rows = []
    total = float(np.nansum(x[has])) if n else 0.0
    for name in TIERS:
        mask = tier == name
        v = x[mask]
        rows.append(
            {
                "customers": int(mask.sum()),
                "share": mask.sum() / n if n else math.nan,
                "value": float(v.sum()),
                "value_share": float(v.sum()) / total if total else math.nan,
                "min_value": float(v.min()) if v.size else math.nan,
            }
        )
    return PyramidResult(series, pd.DataFrame(rows, index=pd.Index(TIERS, name="tier")))
