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
        customers, share (of the customers with a value), nominal_share
        (0.01, 0.04, 0.15, 0.80), value (sum), value_share (of the total
        value; NaN when the total is 0), min_value (the smallest value in
        the tier; NaN when empty) and tied_boundary (True when the boundary
        below the tier falls inside a group of equal values; lead: False).
    tied_cuts: the tier boundaries that fall inside a group of equal values
        (0–3): where the tiers cannot be separated as nominal, so their shares
        differ from 1 / 4 / 15 / 80 %.
    """

    tier: pd.Series
    tiers: pd.DataFrame
    tied_cuts: int = 0

    @property
    def separated(self) -> bool:
        """True when every tier boundary falls between two different values."""
        return self.tied_cuts == 0


def customer_pyramid(values) -> PyramidResult:
    """Customer pyramid: tiers by value, top 1 % platinum, next 4 % gold, next 15 % iron, the rest lead.

    Rule (CRM textbook, domain.md §8): rank the customers by value, highest
    first; with n customers the tiers end at ranks ceil(0.01·n),
    ceil(0.05·n) and ceil(0.20·n), so the best customer is platinum unless
    tied with others.

    Ties: customers of equal value always share a tier (they cannot be told
    apart), and a group of equal values takes the tier that holds most of
    its ranks (a draw goes to the better tier). So a boundary
    inside a tie group moves by at most half the group and every tier stays
    as near its nominal share as equal values allow, on either side. Giving
    ties the better tier instead would put all-equal spends 100 % in
    platinum and, on rounded spends, iron at 35 % and gold at 0 %. When a
    boundary falls inside a tie group `tied_cuts` counts it (all-equal
    values: every customer lead, tied_cuts 3: the pyramid cannot separate them).

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
    >>> customer_pyramid([50] * 20).tied_cuts  # all equal: no tier can be told from another
    3
    """
    index = values.index if isinstance(values, pd.Series) else None
    try:
        x = pd.to_numeric(pd.Series(np.asarray(values, dtype=object).ravel())).to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise ValueError("Customer values must be numbers (missing = empty).") from None
    has = ~np.isnan(x)
    n = int(has.sum())
    ends = np.cumsum([share for _, share in PYRAMID])
    cuts = [math.ceil(round(end * n, 9)) for end in ends[:-1]]
    tier = np.full(x.shape, "", dtype=object)
    tied_cuts = 0
    if n:
        values, counts = np.unique(x[has], return_counts=True)
        values, counts = values[::-1], counts[::-1]  # best first
        last = np.cumsum(counts)  # each tie group holds ranks last − count + 1 … last
        first = last - counts + 1
        lows, highs = np.array([1, *(c + 1 for c in cuts)]), np.array([*cuts, n])  # each tier's ranks
        overlap = np.minimum(last[:, None], highs) - np.maximum(first[:, None], lows) + 1
        chosen = np.asarray(TIERS, dtype=object)[np.argmax(np.maximum(overlap, 0), axis=1)]  # a draw: the better
        tier[has] = chosen[np.searchsorted(-values, -x[has])]
        tied = [bool(0 < c < n and np.any((first <= c) & (c < last))) for c in cuts]
        tied_cuts = sum(tied)
    else:
        tied = [False] * len(cuts)
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
                "nominal_share": dict(PYRAMID)[name],
                "value": float(v.sum()),
                "value_share": float(v.sum()) / total if total else math.nan,
                "min_value": float(v.min()) if v.size else math.nan,
                "tied_boundary": tied[TIERS.index(name)] if name != TIERS[-1] else False,
            }
        )
    return PyramidResult(series, pd.DataFrame(rows, index=pd.Index(TIERS, name="tier")), tied_cuts)


VALUE_PARTS = ("product", "service", "personnel", "image")
COST_PARTS = ("monetary", "time", "mental", "physical")


@dataclass(frozen=True)
class DeliveredValue:
    """Result of `delivered_value`.

    total_value: Σ of the value parts (product, service, personnel, image value).
    total_cost: Σ of the cost parts (monetary, time, mental, physical cost).
    delivered: total_value − total_cost (客户让渡价值); negative means the
        customer gives more than they get, so they are dissatisfied.
    """

    total_value: float
    total_cost: float
    delivered: float


def delivered_value(values, costs) -> DeliveredValue:
    """Customer delivered value (客户让渡价值, Kotler): total customer value − total customer cost.

    Formula (domain.md §8): total customer value = product value + service
    value + personnel value + image value; total customer cost = monetary
    cost + time cost + mental cost + physical cost; delivered value = total
    value − total cost. Of two offers a customer prefers the one with the
    higher delivered value, not the one with the most value or the lowest
    price.

    Conventions: `values` and `costs` map part → amount (any parts, e.g.
    `VALUE_PARTS` and `COST_PARTS`, in one unit such as yuan or points), or
    are Series. Every part needs a finite number: a missing part raises
    ValueError (use 0 for a part that costs or gives nothing).

    Reference: Kotler, P., Keller, K. L. Marketing Management, the chapter on
    customer value, satisfaction and loyalty (customer delivered value).

    Example
    -------
    >>> r = delivered_value({"product": 40, "service": 20, "personnel": 10, "image": 10},
    ...                     {"monetary": 50, "time": 10, "mental": 5, "physical": 5})
    >>> r.total_value, r.total_cost, r.delivered
    (80.0, 70.0, 10.0)
    """
    total_value = _sum_of_parts(values, "values")
    total_cost = _sum_of_parts(costs, "costs")
    return DeliveredValue(total_value, total_cost, total_value - total_cost)


def _sum_of_parts(parts, what: str) -> float:
    if isinstance(parts, pd.Series):
        parts = parts.to_dict()
    if not hasattr(parts, "items") or not parts:
        raise ValueError(f"{what} must map each part to an amount, e.g. {{'product': 40}}.")
    total = 0.0
    for name, amount in parts.items():
        try:
            x = float(amount)
        except (TypeError, ValueError):
            raise ValueError(f"{what}[{name!r}] must be a number; got {amount!r}.") from None
        if not math.isfinite(x):
            raise ValueError(f"{what}[{name!r}] is missing; give a number (0 when the part is nothing).")
        total += x
    return total
