"""Satisfaction gaps: the customer experience table, SERVQUAL, and expectation vs perception per indicator."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from metrics._checks import item_rows, numeric_columns, require_columns, require_frame, weights_from
from metrics.weighting import respondent_weight_values

EXPERIENCE_COLUMNS = ("actual", "expectation", "importance", "ideal")


def experience_table(df: pd.DataFrame) -> pd.DataFrame:
    """Customer experience table (客户体验表): satisfaction, weighted satisfaction and experience gap.

    Formula (customer-service textbook, Fig. 3-1; domain.md §3), per
    touchpoint row:
    - satisfaction = actual − expectation (满意度 = 体验 − 期望, column 2c);
    - weighted_satisfaction = satisfaction × importance (column 3);
    - experience_gap = actual − ideal (column 4b). The textbook's header for
      4b says "2c − 4a", but every printed value is 2a − 4a (convenience:
      5 − 10 = −5); we follow the printed values.
    - key_experience (关键体验) is True on the row with the most negative
      weighted satisfaction (all tied rows if several share the minimum;
      no row when none is negative).

    Conventions: one row per touchpoint with numeric columns actual,
    expectation, importance, ideal (other columns are kept). Returns a new
    DataFrame; the input is not changed. A missing value makes that row's
    derived values missing; such a row is never the key experience.

    Reference: the customer-service textbook's customer experience
    management chapter (Fig. 3-1).

    Example
    -------
    >>> t = experience_table(pd.DataFrame({"actual": [6, 5], "expectation": [7, 7],
    ...                                    "importance": [6, 9], "ideal": [7, 10]}))
    >>> t["weighted_satisfaction"].tolist(), t["key_experience"].tolist()
    ([-6.0, -18.0], [False, True])
    """
    require_frame(df, "The experience table")
    require_columns(df, EXPERIENCE_COLUMNS, "The experience table")
    values = numeric_columns(df, list(EXPERIENCE_COLUMNS), "The experience table")
    out = df.copy()
    out["satisfaction"] = values["actual"] - values["expectation"]
    out["weighted_satisfaction"] = out["satisfaction"] * values["importance"]
    out["experience_gap"] = values["actual"] - values["ideal"]
    worst = out["weighted_satisfaction"].min()
    out["key_experience"] = (out["weighted_satisfaction"] == worst) & (worst < 0)
    return out


@dataclass(frozen=True)
class ServqualResult:
    """Result of `servqual`.

    items: DataFrame indexed by item with columns dimension, expectation,
        perception (means over respondents who answered both), gap (P − E,
        mean of the per-respondent differences), n.
    dimensions: DataFrame indexed by dimension (first-seen order) with
        columns gap (mean of its item gaps), n_items, weight (normalised,
        NaN without weights), weighted_gap (weight × gap).
    score: unweighted SERVQUAL, the mean of the dimension gaps.
    weighted_score: Σ weight × dimension gap (NaN without weights).
    """

    items: pd.DataFrame
    dimensions: pd.DataFrame
    score: float
    weighted_score: float


def servqual(
    expectations: pd.DataFrame, perceptions: pd.DataFrame, dimensions: Mapping, weights=None
) -> ServqualResult:
    """SERVQUAL gap scores (Parasuraman, Zeithaml & Berry).

    Formula: item gap = P − E, averaged over respondents who answered both
    the expectation and the perception of that item; dimension gap = mean of
    its item gaps; SERVQUAL = mean of the dimension gaps; weighted
    SERVQUAL = Σ w_d · gap_d with w_d = points_d / Σ points (a 100-point
    allocation, or any non-negative numbers, normalised).

    Conventions: `expectations` and `perceptions` are DataFrames of
    respondents × items with the same item columns and aligned rows (row i
    is one respondent in both). `dimensions` maps item → dimension (every
    item must be mapped; items not in it are ignored, so a frame may hold
    extra columns). `weights` maps dimension → points. Missing values: a
    respondent missing E or P of an item is left out of that item only. An
    item nobody answered fully has a NaN gap and is skipped in its
    dimension's mean; a dimension with no gap at all is left out of both
    scores and the other weights are renormalised.

    Reference: Parasuraman, A., Zeithaml, V. A., Berry, L. L. (1988).
    SERVQUAL: a multiple-item scale for measuring consumer perceptions of
    service quality. Journal of Retailing 64(1), 12–40.

    Example
    -------
    >>> e = pd.DataFrame({"t1": [6, 7], "r1": [7, 7]})
    >>> p = pd.DataFrame({"t1": [5, 6], "r1": [7, 6]})
    >>> r = servqual(e, p, {"t1": "tangibles", "r1": "reliability"}, {"tangibles": 40, "reliability": 60})
    >>> r.items["gap"].tolist(), round(r.weighted_score, 2)
    ([-1.0, -0.5], -0.7)
    """
    require_frame(expectations, "expectations")
    require_frame(perceptions, "perceptions")
    if len(expectations) != len(perceptions):
        raise ValueError(
            f"expectations has {len(expectations)} rows but perceptions has {len(perceptions)}; "
            "give one row per respondent in both, in the same order."
        )
    if not isinstance(dimensions, Mapping) or not dimensions:
        raise ValueError("dimensions must map each item to its dimension, e.g. {'t1': 'tangibles'}.")
    items = list(dimensions)
    require_columns(expectations, items, "expectations")
    require_columns(perceptions, items, "perceptions")
    e = item_rows(numeric_columns(expectations, items, "expectations"))
    p = item_rows(numeric_columns(perceptions, items, "perceptions"))
    table = _paired_means(p, e, items)
    table.insert(0, "dimension", [dimensions[i] for i in items])

    grouped = table.groupby("dimension", sort=False)["gap"]
    dims = pd.DataFrame({"gap": grouped.mean(), "n_items": grouped.count()})
    names = list(dims.index)
    if weights is None:
        dims["weight"] = np.nan
    else:
        dims["weight"] = weights_from(weights, names, "SERVQUAL weights")
    dims["weighted_gap"] = dims["weight"] * dims["gap"]
    answered = dims["gap"].notna()
    score = float(dims["gap"].mean()) if answered.any() else np.nan
    if weights is None or not answered.any():
        weighted = np.nan
    else:
        w = dims.loc[answered, "weight"]
        weighted = float((w * dims.loc[answered, "gap"]).sum() / w.sum()) if w.sum() > 0 else np.nan
    return ServqualResult(table, dims, score, weighted)


def item_gaps(data: pd.DataFrame, pairs: Mapping, *, weights=None) -> pd.DataFrame:
    """Perception minus expectation per indicator (期望 vs 感知), worst gaps easy to find.

    Formula: for each indicator, over respondents who answered both items,
    perception = mean P, expectation = mean E, gap = perception −
    expectation (negative = below expectation), n = number of such
    respondents.

    Conventions: `data` has one row per respondent; `pairs` maps indicator
    → (perception column, expectation column). Rows missing either item
    are left out of that indicator only (paired means, so gap always equals
    perception − expectation as shown). An indicator nobody answered fully
    has NaN means and n = 0. Returns a DataFrame indexed by indicator in
    the order of `pairs`, with columns expectation, perception, gap, n;
    sort by gap to list the worst first. `weights` (optional): one survey
    weight per respondent (a Series matched by index, else by position);
    the paired means become weighted means Σw·x / Σw, n stays a count.

    Reference: the expectation-disconfirmation model, Oliver, R. L. (1980).
    Journal of Marketing Research 17(4), 460–469; domain.md §3.

    Example
    -------
    >>> d = pd.DataFrame({"p1": [4, 5, None], "e1": [5, 5, 4]})
    >>> item_gaps(d, {"speed": ("p1", "e1")}).loc["speed", ["gap", "n"]].tolist()
    [-0.5, 2.0]
    """
    require_frame(data, "data")
    if not isinstance(pairs, Mapping) or not pairs:
        raise ValueError("pairs must map each indicator to (perception column, expectation column).")
    for key, pair in pairs.items():
        if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
            raise ValueError(f"pairs[{key!r}] must be (perception column, expectation column); got {pair!r}.")
    p_cols = [pair[0] for pair in pairs.values()]
    e_cols = [pair[1] for pair in pairs.values()]
    require_columns(data, list(dict.fromkeys(p_cols + e_cols)), "data")
    values = numeric_columns(data, list(dict.fromkeys(p_cols + e_cols)), "data")
    p = item_rows(values[p_cols])
    e = item_rows(values[e_cols])
    w = None if weights is None else respondent_weight_values(weights, data.index, "gap weights")
    out = _paired_means(p, e, list(pairs), w)
    out.index.name = "indicator"
    return out


def _paired_means(p: np.ndarray, e: np.ndarray, index: list, w: np.ndarray | None = None) -> pd.DataFrame:
    """Means (weighted by `w` when given) over respondents who answered both; p and e are items × respondents."""
    both = ~(np.isnan(p) | np.isnan(e))
    n = np.count_nonzero(both, axis=1)
    mass = n if w is None else np.add.reduce(np.where(both, w, 0.0), axis=1)
    pw, ew = (p, e) if w is None else (p * w, e * w)
    with np.errstate(invalid="ignore", divide="ignore"):
        p_mean = np.add.reduce(pw, axis=1, where=both) / mass
        e_mean = np.add.reduce(ew, axis=1, where=both) / mass
    return pd.DataFrame(
        {"expectation": e_mean, "perception": p_mean, "gap": p_mean - e_mean, "n": n},
        index=pd.Index(index, name="item"),
    )


def weighted_gaps(gaps, weights) -> pd.DataFrame:
    """Gaps weighed by what each indicator counts for, the largest weighted shortfall first.

    Formula (domain.md §3, the weighted satisfaction of the experience
    table): weighted_gap = weight × gap, with the node's weight in the whole
    tree (its global weight) or its importance; negative = below
    expectation, so the most negative weighted gap is the first to act on.

    Conventions: `gaps` is a Series (or mapping) indicator → gap
    (perception − expectation, NaN allowed); `weights` maps indicator →
    weight (missing = NaN, so that row has no weighted gap and sorts last).
    Returns a DataFrame indexed by indicator with columns gap, weight,
    weighted_gap, sorted by weighted_gap, then gap (stable, NaN last).

    Example
    -------
    >>> weighted_gaps({"price": -1.0, "speed": -0.5, "staff": 0.2}, {"price": 0.1, "speed": 0.6}).to_dict("list")
    {'gap': [-0.5, -1.0, 0.2], 'weight': [0.6, 0.1, nan], 'weighted_gap': [-0.3, -0.1, nan]}
    """
    gap = pd.to_numeric(pd.Series(gaps, dtype=object), errors="coerce").astype(float)
    weight = pd.Series({k: weights.get(k, np.nan) for k in gap.index}, index=gap.index, dtype=float)
    if (weight < 0).any():
        raise ValueError(f"weights must be ≥ 0; got {weight[weight < 0].to_dict()}.")
    out = pd.DataFrame({"gap": gap, "weight": weight, "weighted_gap": gap * weight})
    return out.sort_values(["weighted_gap", "gap"], kind="stable", na_position="last")
