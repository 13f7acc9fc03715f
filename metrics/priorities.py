"""Priorities: importance–performance analysis (IPA), stated (陈述) and derived (导出) importance."""

from __future__ import annotations

import math
import warnings
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


# `ipa_stability`: bootstrap resamples (bounded: the page stays quick at any n), seed, and the share of
# resamples an indicator must keep its quadrant in for the quadrant to be a firm call.
RESAMPLES = 200
BOOTSTRAP_SEED = 20261
FIRM = 0.9
# Below this many respondents the bootstrap cannot show the spread (one respondent: every resample the same).
FEWEST = 10


@dataclass(frozen=True)
class IPAStability:
    """Result of `ipa_stability`.

    table: DataFrame indexed by indicator with columns performance_low,
        performance_high, importance_low, importance_high (percentile 95 %
        bootstrap intervals), stability (share of resamples in which the
        indicator falls in the quadrant of the full sample) and firm
        (stability ≥ threshold; False when it has no quadrant).
    resamples, seed, threshold: as called.
    """

    table: pd.DataFrame
    resamples: int
    seed: int
    threshold: float


def ipa_stability(
    data: pd.DataFrame,
    units,
    quadrants,
    *,
    scales,
    drivers: pd.DataFrame | None = None,
    target=None,
    stated=None,
    resamples: int = RESAMPLES,
    seed: int = BOOTSTRAP_SEED,
    threshold: float = FIRM,
) -> IPAStability:
    """How firm each indicator's IPA quadrant is: bootstrap intervals and a quadrant stability share.

    Method: `resamples` bootstrap samples of the respondents (seeded, so the
    same data always give the same figures); in each, every indicator's
    performance (the weighted mean of its items' 0–100 indices, each over
    the respondents who answered it, as `satisfaction_index`) and importance
    (derived: Pearson r of its column of `drivers` with `target`, pairwise
    deletion; stated: the mean of its importance items' means) are
    recomputed, the cuts are put at that sample's means and the quadrant is
    found as in `ipa`. stability = share of resamples giving the quadrant of
    the full sample (`quadrants`); a quadrant is a firm call when stability ≥
    `threshold` (default 0.9) and `data` holds at least FEWEST (10)
    respondents, otherwise the page marks it uncertain: the importances (or
    performances) do not differ enough to place it, or too few answered to tell.

    Conventions: `data` one row per respondent with the item columns;
    `units` maps indicator → {perception item: weight among its siblings};
    `quadrants` maps indicator → its quadrant in the full sample (None = none);
    `scales` as in `satisfaction_index`. Give `drivers` (respondents ×
    indicators, e.g. per-respondent 0–100 scores) with `target` (per
    respondent) for derived importance, or `stated` (indicator → importance
    item codes of `data`) for stated importance. Resamples are drawn as
    multinomial counts, so the work is a few matrix products at any n.

    Reference: Efron, B., Tibshirani, R. J. (1993). An Introduction to the
    Bootstrap, ch. 13 (percentile interval); Martilla & James (1977).

    Example
    -------
    >>> d = pd.DataFrame({"a": [5, 4] * 15, "b": [1, 2] * 15, "ia": [4, 5] * 15, "ib": [5, 4] * 15})
    >>> r = ipa_stability(d, {"A": {"a": 1}, "B": {"b": 1}}, {"A": "keep_up", "B": "concentrate"},
    ...                   scales=(1, 5), stated={"A": ["ia"], "B": ["ib"]})
    >>> r.table[["stability", "firm"]].round(2).to_dict("list")  # equal importance: about a coin toss
    {'stability': [0.53, 0.64], 'firm': [False, False]}
    """
    if (drivers is None) == (stated is None):
        raise ValueError("Give either drivers with target (derived importance) or stated (importance items).")
    if drivers is not None and target is None:
        raise ValueError("Derived importance needs the target (overall satisfaction per respondent).")
    if not 1 <= int(resamples) <= 10_000:
        raise ValueError(f"resamples must be between 1 and 10,000; got {resamples!r}.")
    require_frame(data, "data")
    if data.empty:
        raise ValueError("ipa_stability needs at least one respondent.")
    with warnings.catch_warnings():  # empty slices (an indicator nobody answered in a resample) are NaN, by design
        warnings.simplefilter("ignore", RuntimeWarning)
        return _stability(data, units, quadrants, scales, drivers, target, stated, int(resamples), seed, threshold)


def _stability(data, units, quadrants, scales, drivers, target, stated, resamples, seed, threshold) -> IPAStability:
    names = list(units)
    n = len(data)
    # every sum a resample needs is one column of `design`: a resample's sums are counts @ design
    perf_parts, perf_of = _performance_columns(data, units, scales)
    if drivers is not None:
        imp_parts, imp_of = _correlation_columns(drivers[names], target)
    else:
        imp_parts, imp_of = _stated_columns(data, stated, names)
    design = np.hstack([perf_parts, imp_parts])
    split = perf_parts.shape[1]
    rng = np.random.default_rng(seed)
    performance, importance = [], []
    chunk = max(1, min(resamples, 2_000_000 // max(n, 1)))
    done = 0
    while done < resamples:
        size = min(chunk, resamples - done)
        drawn = rng.integers(0, n, (size, n)) + (np.arange(size) * n)[:, None]  # row k: resample k's respondents
        counts = np.bincount(drawn.ravel(), minlength=size * n).reshape(size, n).astype(float)
        sums = (design.T @ counts.T).T  # this order is several times faster in BLAS than counts @ design
        performance.append(perf_of(sums[:, :split]))
        importance.append(imp_of(sums[:, split:]))
        done += size
    perf, imp = np.vstack(performance), np.vstack(importance)
    observed = pd.Series(quadrants, dtype=object).reindex(names)
    same = _quadrants(perf, imp) == observed.to_numpy(dtype=object)[None, :]
    has = observed.notna().to_numpy()
    stability = np.where(has, same.mean(axis=0), np.nan)
    low_p, high_p = np.nanpercentile(perf, [2.5, 97.5], axis=0)
    low_i, high_i = np.nanpercentile(imp, [2.5, 97.5], axis=0)
    table = pd.DataFrame(
        {
            "performance_low": low_p,
            "performance_high": high_p,
            "importance_low": low_i,
            "importance_high": high_i,
            "stability": stability,
            "firm": has & (np.nan_to_num(stability) >= threshold) & (n >= FEWEST),
        },
        index=pd.Index(names, name="indicator"),
    )
    return IPAStability(table, int(resamples), int(seed), float(threshold))


def _performance_columns(data, units, scales):
    """Columns (rescaled answers, answered) of every indicator's items, and how a resample's sums of them
    become each indicator's weighted mean of its items' 0–100 indices."""
    from metrics._checks import scale_of

    groups = [[c for c in items if c in data.columns] for items in dict(units).values()]
    weights = [np.array([float(items[c]) for c in codes]) for items, codes in zip(dict(units).values(), groups)]
    codes = list(dict.fromkeys(c for g in groups for c in g))
    x = numeric_columns(data, codes, "data").to_numpy(dtype=float, na_value=np.nan)
    bounds = np.array([scale_of(scales, c) for c in codes], dtype=float).reshape(-1, 2)
    answered = ~np.isnan(x)
    rescaled = np.where(answered, (x - bounds[:, 0]) / (bounds[:, 1] - bounds[:, 0]) * 100, 0.0)
    at = {c: k for k, c in enumerate(codes)}
    m = len(codes)

    def of(sums: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            item = sums[:, :m] / sums[:, m:]
        out = np.full((len(sums), len(groups)), np.nan)
        for j, (group, w) in enumerate(zip(groups, weights)):
            if group:
                values = item[:, [at[c] for c in group]]
                held = w * ~np.isnan(values)
                total = held.sum(axis=1)
                with np.errstate(invalid="ignore", divide="ignore"):
                    out[:, j] = np.where(total > 0, (np.nan_to_num(values) * held).sum(axis=1) / total, np.nan)
        return out

    return np.hstack([rescaled, answered.astype(float)]), of


def _correlation_columns(drivers: pd.DataFrame, target):
    """Columns of the weighted moments of each driver with the target (pairwise deletion), and how a
    resample's sums of them become Pearson r."""
    d = drivers.apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    y = pd.to_numeric(pd.Series(np.asarray(target, dtype=object).ravel()), errors="coerce").to_numpy(
        dtype=float, na_value=np.nan
    )[:, None]
    m = (~np.isnan(d) & ~np.isnan(y)).astype(float)
    d0, y0 = np.nan_to_num(d) * m, np.nan_to_num(y) * m
    k = d.shape[1]

    def of(sums: np.ndarray) -> np.ndarray:
        w, sx, sy, sxx, syy, sxy = (sums[:, i * k : (i + 1) * k] for i in range(6))
        with np.errstate(invalid="ignore", divide="ignore"):
            r = (sxy - sx * sy / w) / np.sqrt((sxx - sx * sx / w) * (syy - sy * sy / w))
        return np.where(np.isfinite(r), np.clip(r, -1, 1), np.nan)

    return np.hstack([m, d0, y0, d0 * d0, y0 * y0, d0 * y0]), of


def _stated_columns(data, stated, names):
    """Columns (answers, answered) of every importance item, and how a resample's sums of them become each
    indicator's mean of its importance items' means."""
    groups = [[c for c in dict(stated).get(u, []) if c in data.columns] for u in names]
    codes = list(dict.fromkeys(c for g in groups for c in g))
    x = numeric_columns(data, codes, "data").to_numpy(dtype=float, na_value=np.nan)
    answered = ~np.isnan(x)
    at = {c: k for k, c in enumerate(codes)}
    s = len(codes)

    def of(sums: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            means = sums[:, :s] / sums[:, s:]
        out = np.full((len(sums), len(names)), np.nan)
        for j, group in enumerate(groups):
            if group:
                out[:, j] = np.nanmean(means[:, [at[c] for c in group]], axis=1)
        return out

    return np.hstack([np.where(answered, x, 0.0), answered.astype(float)]), of


def _quadrants(perf: np.ndarray, imp: np.ndarray) -> np.ndarray:
    """The quadrant of every indicator in every resample, cut at that resample's means (as `ipa`)."""
    both = ~np.isnan(perf) & ~np.isnan(imp)
    with np.errstate(invalid="ignore"):
        p_cut = np.nanmean(np.where(both, perf, np.nan), axis=1, keepdims=True)
        i_cut = np.nanmean(np.where(both, imp, np.nan), axis=1, keepdims=True)
    high_p, high_i = perf >= p_cut, imp >= i_cut
    quadrant = np.select([high_i & ~high_p, high_i & high_p, ~high_i & ~high_p], list(QUADRANTS[:3]), QUADRANTS[3])
    return np.where(both, quadrant.astype(object), None)
