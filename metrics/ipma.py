"""Importance–performance map analysis (IPMA) of a PLS path model (Ringle & Sarstedt 2016)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from metrics import _pls_quality as quality
from metrics._checks import scale_of
from metrics.pls import PLSResult, pls_path_model
from metrics.priorities import QUADRANTS


@dataclass(frozen=True)
class IPMAResult:
    """Result of `ipma`.

    table: DataFrame indexed by construct (those with a route of paths to
        the target, in the blocks' order) with columns importance (the
        unstandardised total effect on the target: target points gained per
        point more of this construct), performance (mean rescaled score,
        0–100), quadrant (as `metrics.ipa`: concentrate, keep_up,
        low_priority, overkill, split at the means) and gain (importance ×
        (100 − performance): target points gained if the construct reached
        100).
    items: DataFrame indexed by item of those constructs with columns
        construct, importance (rescaled outer weight × its construct's
        importance), performance (mean rescaled answer, 0–100).
    target: the target construct; target_performance: its mean rescaled score.
    importance_cut, performance_cut: the means over `table`'s constructs.
    fit: the `metrics.PLSResult` the map comes from.
    """

    table: pd.DataFrame
    items: pd.DataFrame
    target: str
    target_performance: float
    importance_cut: float
    performance_cut: float
    fit: PLSResult


def ipma(
    data: pd.DataFrame,
    blocks: Mapping,
    paths,
    *,
    target: str,
    scale,
    scheme: str = "path",
    standardize: bool = True,
    tol: float = 1e-6,
    max_iter: int = 100,
) -> IPMAResult:
    """Importance–performance map of the constructs (and their items) that drive `target`.

    Steps (Ringle & Sarstedt 2016, as SmartPLS):
    1. Fit the model (`metrics.pls_path_model` with `scheme`, `standardize`;
       SmartPLS's path weighting on standardised items by default).
    2. Rescale every item to 0–100 with its scale: x* = (x − min) / (max −
       min) × 100.
    3. Unstandardised outer weights: the fit's weights on the raw items
       times each item's range, divided by their sum in the block, so a
       construct's rescaled score Y* = Σ w̃ᵢ x*ᵢ lies in 0–100.
       Performance = mean of Y* (of x* for an item).
    4. Importance = the unstandardised total effect on `target`: the paths
       re-estimated by OLS on the rescaled scores Y*, total effects T = (I −
       B)⁻¹ − I. An item's importance is w̃ᵢ × its construct's importance.

    Conventions: `data`, `blocks`, `paths` as `pls_path_model`; `scale` is
    (min, max) of every item or maps item → (min, max) (never guessed);
    respondents with a missing item are left out (as the fit). A construct
    whose weights sum to a negative number (mixed loadings) can fall
    outside 0–100.

    Reference: Ringle, C. M., Sarstedt, M. (2016). Gain more insight from
    your PLS-SEM results: the importance-performance map analysis.
    Industrial Management & Data Systems 116(9), 1865–1886.

    Example
    -------
    With one item per construct the importance is the OLS slope of the
    rescaled target on the rescaled driver (both on 1–10 here):

    >>> d = pd.DataFrame({"a": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "b": [1, 3, 2, 5, 4, 7, 6, 9, 8, 10]})
    >>> r = ipma(d, {"A": ["a"], "B": ["b"]}, {"B": ["A"]}, target="B", scale=(1, 10))
    >>> r.table[["importance", "performance"]].round(3).values.tolist()
    [[0.952, 50.0]]
    """
    if target not in blocks:
        raise ValueError(f"target {target!r} is not a construct of the model; pick one of {', '.join(blocks)}.")
    if scale is None:
        raise ValueError("ipma needs the items' scale, e.g. scale=(1, 10): performance is on 0–100 of it.")
    fit = pls_path_model(
        data, blocks, paths, scheme=scheme, standardize=standardize, scale=scale, tol=tol, max_iter=max_iter
    )
    lv = list(fit.ave.index)
    items = list(fit.loadings.index)
    x = data.loc[fit.scores.index, items].to_numpy(dtype=float)
    bounds = np.array([scale_of(scale, i) for i in items])
    rescaled = (x - bounds[:, 0]) / (bounds[:, 1] - bounds[:, 0]) * 100
    sd = x.std(axis=0)
    raw = fit.outer_weights.to_numpy() / (sd if standardize else 1.0) * (bounds[:, 1] - bounds[:, 0])
    block_of = np.array([next(k for k, c in enumerate(lv) if i in _items(blocks[c])) for i in items])
    w = np.array([raw[i] / raw[block_of == block_of[i]].sum() for i in range(len(items))])
    scores = np.column_stack([rescaled[:, block_of == k] @ w[block_of == k] for k in range(len(lv))])

    adjacency = np.zeros((len(lv), len(lv)))
    for dep in fit.path_coefficients.index:
        for pred in fit.path_coefficients.columns[fit.path_coefficients.loc[dep].notna()]:
            adjacency[lv.index(dep), lv.index(pred)] = 1
    beta = np.zeros_like(adjacency)
    for k in np.flatnonzero(adjacency.any(axis=1)):
        preds = np.flatnonzero(adjacency[k])
        design = np.column_stack([np.ones(len(scores)), scores[:, preds]])
        beta[k, preds] = np.linalg.lstsq(design, scores[:, k], rcond=None)[0][1:]
    total = quality.total_effects(beta)
    t = lv.index(target)
    drivers = [k for k in range(len(lv)) if quality.reachable(adjacency)[t, k]]
    if not drivers:
        raise ValueError(f"No path leads to {target!r}; pick a construct that others predict.")

    table = pd.DataFrame(
        {"importance": total[t, drivers], "performance": scores[:, drivers].mean(axis=0)},
        index=pd.Index([lv[k] for k in drivers], name="construct"),
    )
    i_cut, p_cut = float(table["importance"].mean()), float(table["performance"].mean())
    high_i, high_p = table["importance"] >= i_cut, table["performance"] >= p_cut
    table["quadrant"] = np.select(
        [high_i & ~high_p, high_i & high_p, ~high_i & ~high_p], list(QUADRANTS[:3]), QUADRANTS[3]
    )
    table["gain"] = table["importance"] * (100 - table["performance"])
    shown = [i for i in range(len(items)) if block_of[i] in drivers]
    item_table = pd.DataFrame(
        {
            "construct": [lv[block_of[i]] for i in shown],
            "importance": [w[i] * total[t, block_of[i]] for i in shown],
            "performance": rescaled[:, shown].mean(axis=0),
        },
        index=pd.Index([items[i] for i in shown], name="item"),
    )
    return IPMAResult(table, item_table, target, float(scores[:, t].mean()), i_cut, p_cut, fit)


def _items(cols) -> list:
    return [cols] if isinstance(cols, str) else list(cols)
