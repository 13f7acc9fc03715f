"""Priorities: importance–performance analysis (IPA), stated (陈述) and derived (导出) importance."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from metrics._checks import numeric_columns, require_columns, require_frame

QUADRANTS = ("concentrate", "keep_up", "low_priority", "overkill")


@dataclass(frozen=True)
class IPAResult:
    """Result of `ipa`.

    table: DataFrame indexed by indicator with columns performance,
        importance, quadrant (one of concentrate, keep_up, low_priority,
        overkill), gap and priority (NaN when no gap was given).
    performance_cut, importance_cut: the cut points (means unless given).
    """

    table: pd.DataFrame
    performance_cut: float
    importance_cut: float


def ipa(performance, importance, *, gap=None, performance_cut=None, importance_cut=None) -> IPAResult:
    """Importance–performance analysis: quadrant and priority per indicator.

    Quadrants (split at the cut points; "high" = at or above the cut):
    - concentrate: high importance, low performance ("concentrate here");
    - keep_up: high importance, high performance ("keep up the good work");
    - low_priority: low importance, low performance;
    - overkill: low importance, high performance ("possible overkill").

    Priority (when `gap` is given, e.g. perception − expectation from
    `item_gaps`): priority = importance × max(−gap, 0), so only a shortfall
    counts and a larger shortfall on a more important indicator ranks
    higher; an indicator meeting or beating expectation has priority 0.

    Conventions: `performance`, `importance` (and `gap`) are Series indexed
    by indicator, or mappings; they are aligned on the indicators of
    `performance`. Cut points default to the means over indicators with
    both values (Martilla & James); pass e.g. the scale midpoint instead.
    An indicator missing either value gets no quadrant (None).

    Reference: Martilla, J. A., James, J. C. (1977). Importance-performance
    analysis. Journal of Marketing 41(1), 77–79; domain.md §7.

    Example
    -------
    >>> r = ipa({"price": 3.0, "service": 4.5, "brand": 4.0, "speed": 2.5},
    ...         {"price": 4.5, "service": 4.6, "brand": 3.0, "speed": 3.1})
    >>> r.table["quadrant"].tolist()
    ['concentrate', 'keep_up', 'overkill', 'low_priority']
    """
    perf = _series(performance, "performance")
    imp = _series(importance, "importance").reindex(perf.index)
    both = perf.notna() & imp.notna()
    p_cut = float(perf[both].mean()) if performance_cut is None else float(performance_cut)
    i_cut = float(imp[both].mean()) if importance_cut is None else float(importance_cut)
    high_p = perf >= p_cut
    high_i = imp >= i_cut
    quadrant = np.select([high_i & ~high_p, high_i & high_p, ~high_i & ~high_p], list(QUADRANTS[:3]), QUADRANTS[3])
    table = pd.DataFrame({"performance": perf, "importance": imp})
    table["quadrant"] = pd.Series(np.where(both, quadrant, None), index=perf.index, dtype=object)
    if gap is None:
        table["gap"] = math.nan
        table["priority"] = math.nan
    else:
        g = _series(gap, "gap").reindex(perf.index)
        table["gap"] = g
        table["priority"] = imp * np.maximum(-g, 0.0)
    table.index.name = "indicator"
    return IPAResult(table, p_cut, i_cut)


def stated_importance(data: pd.DataFrame, items) -> pd.DataFrame:
    """Stated importance (陈述重要性) of each node and the weights it gives (domain.md §2).

    Formula: a node's importance is the mean of every answer to its
    importance items (all respondents, all its items pooled); its weight is
    that mean divided by the sum of the means of the nodes shown, so the
    weights of the nodes compared sum to 1.

    Conventions: `data` has one row per respondent; `items` maps a node
    code to its importance item codes. Missing answers are left out, never
    counted as 0; items absent from `data` are ignored; a node nobody rated
    is left out of the result (and of the sum). Returns a DataFrame indexed
    by node (in the order of `items`) with columns mean, n (answers pooled)
    and weight.

    Example
    -------
    >>> d = pd.DataFrame({"a1": [4, 5, None], "b1": [2, None, 3], "b2": [3, 2, None]})
    >>> stated_importance(d, {"a": ["a1"], "b": ["b1", "b2"], "c": ["c1"]}).round(3).to_dict("list")
    {'mean': [4.5, 2.5], 'n': [2, 4], 'weight': [0.643, 0.357]}
    """
    require_frame(data, "data")
    rows = {}
    for node, codes in dict(items).items():
        columns = [c for c in codes if c in data.columns]
        if not columns:
            continue
        values = numeric_columns(data, columns, "data").to_numpy(dtype=float).ravel()
        values = values[~np.isnan(values)]
        if len(values):
            rows[node] = (float(values.mean()), int(len(values)))
    table = pd.DataFrame.from_dict(rows, orient="index", columns=["mean", "n"]).rename_axis("node")
    total = table["mean"].sum()
    table["weight"] = table["mean"] / total if total > 0 else np.nan
    return table


def derived_importance(data: pd.DataFrame, drivers: list, target, *, method: str = "correlation") -> pd.Series:
    """Derived importance of each driver for overall satisfaction, from the responses.

    Formula:
    - method="correlation": Pearson r between each driver and the target;
    - method="regression": standardised coefficients β of the multiple
      regression of the target on all drivers (z-scores, least squares).
    `derived_importance(...).clip(lower=0)` normalised to sum 1 gives
    weights.

    Conventions: `data` has one row per respondent; `drivers` are column
    names, `target` the overall-satisfaction column. Pairwise deletion for
    correlations; listwise deletion (rows with every driver and the target)
    for regression. A driver with no variance gives NaN.

    Reference: Johnson, J. W., LeBreton, J. M. (2004). History and use of
    relative importance indices in organizational research.
    Organizational Research Methods 7(3), 238–257.

    Example
    -------
    >>> d = pd.DataFrame({"q1": [1, 2, 3, 4], "q2": [2, 1, 2, 1], "overall": [1, 2, 3, 4]})
    >>> derived_importance(d, ["q1", "q2"], "overall").round(3).tolist()
    [1.0, -0.447]
    """
    require_frame(data, "data")
    drivers = list(drivers)
    if not drivers:
        raise ValueError("Give at least one driver column.")
    require_columns(data, [*drivers, target], "data")
    frame = numeric_columns(data, [*drivers, target], "data")
    if method == "correlation":
        with np.errstate(invalid="ignore", divide="ignore"):
            out = frame[drivers].corrwith(frame[target])
    elif method == "regression":
        rows = frame.dropna()
        if len(rows) <= len(drivers) + 1:
            raise ValueError(f"Regression needs more complete responses than drivers + 1; got {len(rows)}.")
        sd = rows.std(ddof=1)
        z = (rows - rows.mean()) / sd.replace(0, np.nan)
        usable = [d for d in drivers if z[d].notna().all()]
        beta = np.linalg.lstsq(z[usable].to_numpy(), z[target].to_numpy(), rcond=None)[0]
        out = pd.Series(beta, index=usable).reindex(drivers)
    else:
        raise ValueError(f'method must be "correlation" or "regression"; got {method!r}.')
    return out.astype(float).rename("importance")


def _series(values, what: str) -> pd.Series:
    s = values if isinstance(values, pd.Series) else pd.Series(values, dtype=object)
    try:
        return pd.to_numeric(s).astype(float)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must map indicators to numbers.") from None
