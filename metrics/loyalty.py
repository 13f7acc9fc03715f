"""Loyalty: a 0–100 loyalty index and the satisfaction–loyalty matrix (Jones & Sasser)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from metrics._checks import require_frame, weights_from
from metrics.indices import IndexResult, satisfaction_index

SEGMENTS = ("loyalist", "hostage", "mercenary", "defector")
# The label of a respondent whose score equals a cut point: the matrix cannot tell high from low for them.
ON_CUT = "on_cut"


def loyalty_index(data: pd.DataFrame, *, scales, weights=None, respondent_weights=None) -> IndexResult:
    """Loyalty index on 0–100 over loyalty items (忠诚度指数).

    Formula: the same aggregation as `satisfaction_index` over a one-level
    tree: item index = (x̄ − min)/(max − min) × 100 over answered values,
    loyalty index = Σ w_i·I_i / Σ w_i over the items that have an index.

    Conventions: `data` has one row per respondent; the items are the keys
    of `weights` when given (a mapping item → non-negative weight,
    normalised), otherwise every column of `data` with equal weights.
    `scales` maps item → (min, max) or is one (min, max) pair. Missing
    values are left out (never zeros). Returns an `IndexResult` whose
    `nodes` are the items (level 1). `respondent_weights` (optional) are
    survey weights, one per respondent, used as in `satisfaction_index`
    (its `weights=`; here `weights` already names the item weights).

    Reference: the same rescaling as the ACSI/ECSI indices (Fornell et al.
    1996); loyalty items as in the ECSI loyalty block (repurchase,
    recommend, price tolerance).

    Example
    -------
    >>> d = pd.DataFrame({"repurchase": [5, 3], "recommend": [4, None]})
    >>> loyalty_index(d, scales=(1, 5), weights={"repurchase": 2, "recommend": 1}).index
    75.0
    """
    require_frame(data, "data")
    items = list(weights) if weights is not None else list(data.columns)
    if not items:
        raise ValueError("loyalty_index needs at least one loyalty item column.")
    w = weights_from(weights, items, "loyalty weights")
    tree = pd.DataFrame({"code": items, "parent": pd.Series([None] * len(items), dtype=object), "weight": w})
    return satisfaction_index(data, tree, scales=scales, weights=respondent_weights)


@dataclass(frozen=True)
class SegmentResult:
    """Result of `satisfaction_loyalty_segments`.

    segments: Series per respondent (same index as the inputs) with ids
        loyalist, hostage, mercenary, defector, or on_cut (ON_CUT: a score
        equal to a cut point); missing where satisfaction or loyalty is missing.
    counts: respondents per segment (the four ids of SEGMENTS, in that order).
    shares: counts / number of classified respondents, those on a cut line
        included (NaN if none), so shares + on_cut_share = 1.
    cut_satisfaction, cut_loyalty: the cut points used.
    on_cut: respondents on a cut line (in no segment); on_cut_share their share.
    """

    segments: pd.Series
    counts: pd.Series
    shares: pd.Series
    cut_satisfaction: float
    cut_loyalty: float
    on_cut: int = 0
    on_cut_share: float = math.nan


def satisfaction_loyalty_segments(satisfaction, loyalty, *, cut_satisfaction=None, cut_loyalty=None) -> SegmentResult:
    """Satisfaction–loyalty matrix (Jones & Sasser 1995): four segments of respondents.

    Rule: "high" means above the cut point, "low" below it.
    - loyalist (apostle): high satisfaction, high loyalty;
    - hostage: low satisfaction, high loyalty;
    - mercenary: high satisfaction, low loyalty;
    - defector: low satisfaction, low loyalty.

    Conventions: `satisfaction` and `loyalty` are per-respondent scores
    (array-likes or Series of the same length, e.g. 0–100 indices or item
    means). Cut points default to the mean of the classified respondents
    (both values present); pass e.g. the scale midpoint or a target to fix
    them across waves. Respondents with a missing value get no segment and
    are not counted.

    Ties: a score equal to a cut point is neither high nor low. On discrete
    scales many respondents can sit exactly on a cut (every answer the same,
    or a fixed cut at a scale point such as 50); counting them as "high"
    (as before) made all-equal answers 100 % loyalists. They are labelled
    ON_CUT, counted in `on_cut` and left out of the four segments, so the
    matrix says it cannot separate them rather than calling them loyal.

    Reference: Jones, T. O., Sasser, W. E. (1995). Why satisfied customers
    defect. Harvard Business Review 73(6), 88–99; domain.md §6.

    Example
    -------
    >>> r = satisfaction_loyalty_segments([90, 30, 80, 20], [85, 90, 10, 15], cut_satisfaction=50, cut_loyalty=50)
    >>> r.segments.tolist()
    ['loyalist', 'hostage', 'mercenary', 'defector']
    >>> satisfaction_loyalty_segments([75, 75, 75], [50, 50, 50]).on_cut  # all equal: nobody is high or low
    3
    """
    index = satisfaction.index if isinstance(satisfaction, pd.Series) else None
    s = _scores(satisfaction, "satisfaction")
    lo = _scores(loyalty, "loyalty")
    if s.shape != lo.shape:
        raise ValueError(
            f"satisfaction has {s.size} values but loyalty has {lo.size}; give one per respondent in both."
        )
    both = ~(np.isnan(s) | np.isnan(lo))
    cut_s = _cut(cut_satisfaction, s[both], "cut_satisfaction")
    cut_l = _cut(cut_loyalty, lo[both], "cut_loyalty")
    high_s, high_l = s > cut_s, lo > cut_l
    tied = (s == cut_s) | (lo == cut_l)
    labels = np.select(
        [tied, high_s & high_l, ~high_s & high_l, high_s & ~high_l], [ON_CUT, *SEGMENTS[:3]], SEGMENTS[3]
    )
    segments = pd.Series(np.where(both, labels, None), index=index, dtype=object, name="segment")
    counts = pd.Series([int((labels[both] == k).sum()) for k in SEGMENTS], index=list(SEGMENTS), name="count")
    total = int(both.sum())
    on_cut = int((labels[both] == ON_CUT).sum())
    shares = counts / total if total else counts * math.nan
    return SegmentResult(
        segments, counts, shares.rename("share"), cut_s, cut_l, on_cut, on_cut / total if total else math.nan
    )


def _scores(values, what: str) -> np.ndarray:
    if isinstance(values, pd.Series) and pd.api.types.is_numeric_dtype(values.dtype):
        return values.to_numpy(dtype=float, na_value=np.nan)
    try:
        return np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        pass
    try:
        series = pd.to_numeric(pd.Series(list(values), dtype=object))
    except (TypeError, ValueError):
        raise ValueError(f"{what} must hold numbers (missing = empty).") from None
    return series.to_numpy(dtype=float, na_value=np.nan)


def _cut(cut, values: np.ndarray, what: str) -> float:
    if cut is None:
        return float(values.mean()) if values.size else math.nan
    cut = float(cut)
    if not math.isfinite(cut):
        raise ValueError(f"{what} must be a finite number; got {cut!r}.")
    return cut
