"""Survey weighting: raking to population margins (iterative proportional fitting) and Kish's design effect."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from metrics._checks import require_columns, require_frame

# A margin whose values add up to 1 (within this) is read as shares, otherwise as population totals.
_SHARE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class RakeResult:
    """Result of `rake`.

    weights: Series aligned to the frame's index, every weight > 0, summing
        to the population total.
    iterations: full passes over all margins that were run.
    converged: True when every weighted margin matched its target within
        `tol` (relative) before `max_iter` passes.
    design_effect: Kish's design effect of the weights, n·Σw²/(Σw)² (≥ 1).
    effective_n: Kish's effective sample size, (Σw)²/Σw² = n/design_effect.
    """

    weights: pd.Series
    iterations: int
    converged: bool
    design_effect: float
    effective_n: float


def kish_effective_n(weights) -> float:
    """Kish's effective sample size of a set of weights: (Σw)² / Σw².

    Formula: n_eff = (Σ w_i)² / Σ w_i²; equal weights give n_eff = n, and
    the more the weights vary the smaller it is. Use it as the n of a
    confidence interval computed on weighted data.

    Conventions: `weights` is a 1-d array-like of non-negative numbers;
    missing values are a ValueError (a respondent without a weight is a
    mistake in the weighting, not a zero). No weights (or all zero) gives 0.

    Reference: Kish, L. (1965). Survey Sampling. Wiley, §11.7.

    Example
    -------
    >>> kish_effective_n([1, 1, 1, 1])
    4.0
    >>> round(kish_effective_n([1, 1, 2, 4]), 4)
    2.9091
    """
    w = _weight_values(weights, "weights")
    total_sq = float(np.dot(w, w))
    return float(w.sum() ** 2 / total_sq) if total_sq > 0 else 0.0


def kish_design_effect(weights) -> float:
    """Kish's design effect of unequal weights: n·Σw² / (Σw)² = n / n_eff.

    Formula: deff = n·Σ w_i² / (Σ w_i)² = 1 + CV² of the weights (CV with
    the population variance); 1 for equal weights. Variances of weighted
    means grow by about this factor.

    Conventions: as `kish_effective_n`; NaN when there are no weights.

    Reference: Kish, L. (1965). Survey Sampling. Wiley, §11.7; Kish, L.
    (1992). Weighting for unequal Pi. Journal of Official Statistics 8(2).

    Example
    -------
    >>> round(kish_design_effect([1, 1, 2, 4]), 4)
    1.375
    """
    w = _weight_values(weights, "weights")
    n_eff = kish_effective_n(w)
    return float(w.size / n_eff) if n_eff > 0 else math.nan


def rake(frame: pd.DataFrame, margins: Mapping, *, weights=None, max_iter: int = 100, tol: float = 1e-8) -> RakeResult:
    """Weights that reproduce known population margins: raking (iterative proportional fitting).

    Formula: start from the base weights w (1 each when `weights` is None).
    One pass visits every margin in turn; for margin X with targets T_c,
    every respondent in category c of X gets w ← w · T_c / Σ_{X = c} w, so
    that margin matches exactly. Passes repeat until every weighted margin
    is within `tol` of its target, relatively:
    max_c |Σ_{X = c} w − T_c| / T_c ≤ tol. The result minimises the
    Kullback–Leibler distance to the base weights among all weights that
    reproduce the margins (Deming & Stephan 1940; Ireland & Kullback 1968).
    design_effect and effective_n are Kish's, of the final weights.

    Conventions:
    - `frame`: one row per respondent; `margins` maps a column of `frame`
      to {category: population total or share}. A margin whose values sum
      to 1 is read as shares of the population; otherwise the values are
      totals. Every total margin must add up to the same population total
      (ValueError otherwise); share margins are scaled to it, or to the
      sum of the base weights when all margins are shares.
    - Every category of a margin must occur in the data, and every category
      in the data must have a target: either gap is a ValueError naming the
      category. Targets must be positive. A respondent with a missing value
      in a raking column is a ValueError (impute or drop them first).
    - `weights`: base (design) weights, positive, aligned to `frame` (a
      Series is matched by index, anything else by position).
    - When the margins cannot all be met (e.g. an empty cell that the
      targets need), raking stops after `max_iter` passes with
      converged = False.

    Reference: Deming, W. E., Stephan, F. F. (1940). On a least squares
    adjustment of a sampled frequency table when the expected marginal
    totals are known. Annals of Mathematical Statistics 11, 427–444;
    Lumley, T. (2010). Complex Surveys, §7.4 (R survey's `rake`).

    Example
    -------
    >>> people = pd.DataFrame({"sex": ["f", "f", "m", "m", "m"],
    ...                        "age": ["young", "old", "young", "old", "old"]})
    >>> r = rake(people, {"sex": {"f": 50, "m": 50}, "age": {"young": 0.4, "old": 0.6}})
    >>> r.converged, round(float(r.weights.sum()), 6)
    (True, 100.0)
    >>> [round(float(r.weights[people.sex == "f"].sum()), 6), round(float(r.weights[people.age == "old"].sum()), 6)]
    [50.0, 60.0]
    """
    require_frame(frame, "frame")
    if not isinstance(margins, Mapping) or not margins:
        raise ValueError("margins must map at least one column to {category: population total or share}.")
    require_columns(frame, list(margins), "frame (the margins' columns)")
    if max_iter < 1:
        raise ValueError(f"max_iter must be at least 1; got {max_iter}.")
    w = _base_weights(frame, weights)
    columns = list(margins)
    targets = _targets(margins, float(w.sum()))
    codes = [_category_codes(frame[c], c, list(margins[c])) for c in columns]
    sizes = [t.size for t in targets]

    converged, iterations = False, 0
    while not converged and iterations < max_iter:
        iterations += 1
        for code, target, size in zip(codes, targets, sizes):
            current = np.bincount(code, weights=w, minlength=size)
            w *= (target / current)[code]
        gap = max(
            float(np.max(np.abs(np.bincount(code, weights=w, minlength=size) - target) / target))
            for code, target, size in zip(codes, targets, sizes)
        )
        converged = gap <= tol
    result = pd.Series(w, index=frame.index, name="weight")
    return RakeResult(result, iterations, converged, kish_design_effect(w), kish_effective_n(w))


def respondent_weight_values(weights, index: pd.Index, what: str = "weights") -> np.ndarray:
    """Weights as a float array aligned to `index`, every one finite and ≥ 0 (for the weighted metrics).

    A Series is matched by index (a respondent without a weight is a ValueError), anything else by
    position (its length must be len(index)). Missing values are a ValueError: give 0 to leave a
    respondent out on purpose.
    """
    if isinstance(weights, pd.Series):
        missing = index.difference(weights.index)
        if len(missing):
            raise ValueError(f"{what} has no value for row(s) {', '.join(map(repr, list(missing[:5])))}.")
        weights = weights.reindex(index)
    w = _weight_values(weights, what)
    if w.size != len(index):
        raise ValueError(f"{what} has {w.size} values but the data has {len(index)} rows; give one per respondent.")
    return w


def _base_weights(frame: pd.DataFrame, weights) -> np.ndarray:
    if weights is None:
        return np.ones(len(frame))
    w = respondent_weight_values(weights, frame.index).copy()
    if (w <= 0).any():
        raise ValueError("Base weights must be positive: drop respondents who should not count instead of weight 0.")
    return w


def _weight_values(weights, what: str) -> np.ndarray:
    if isinstance(weights, (str, bytes)) or np.ndim(weights) == 0:
        raise ValueError(f"{what} must be a list or column of numbers, one per respondent.")
    try:
        w = pd.to_numeric(pd.Series(np.asarray(weights, dtype=object).ravel())).to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise ValueError(f"{what} must hold numbers only.") from None
    if np.isnan(w).any():
        raise ValueError(f"{what} has {int(np.isnan(w).sum())} missing value(s); every respondent needs a weight.")
    if not np.isfinite(w).all() or (w < 0).any():
        raise ValueError(f"{what} must be finite and non-negative.")
    return w


def _targets(margins: Mapping, base_total: float) -> list[np.ndarray]:
    raw = {}
    for column, spec in margins.items():
        if not isinstance(spec, Mapping) or not spec:
            raise ValueError(f"The margin of {column!r} must map each category to a population total or share.")
        try:
            values = np.array([float(v) for v in spec.values()])
        except (TypeError, ValueError):
            raise ValueError(f"The margin of {column!r} must hold numbers (totals or shares).") from None
        bad = [k for k, v in zip(spec, values) if not (np.isfinite(v) and v > 0)]
        if bad:
            raise ValueError(
                f"The margin of {column!r} gives category {bad[0]!r} a target of {spec[bad[0]]!r}; "
                "targets must be positive (leave out a category nobody in the population has, and its respondents)."
            )
        raw[column] = values
    totals = {c: float(v.sum()) for c, v in raw.items() if abs(v.sum() - 1) > _SHARE_TOLERANCE}
    population = next(iter(totals.values())) if totals else base_total
    for column, total in totals.items():
        if abs(total - population) > _SHARE_TOLERANCE * max(population, 1.0):
            first = next(iter(totals))
            raise ValueError(
                f"The margins disagree on the population total: {first!r} adds up to {population:g}, "
                f"{column!r} to {total:g}. Give every margin the same total, or give shares."
            )
    return [v if c in totals else v / v.sum() * population for c, v in raw.items()]


def _category_codes(column: pd.Series, name, categories: list) -> np.ndarray:
    if column.isna().any():
        raise ValueError(
            f"Column {name!r} has {int(column.isna().sum())} missing value(s); raking needs every respondent's "
            "category: impute them or leave those respondents out."
        )
    codes, uniques = pd.factorize(column, sort=False)
    position = {}
    for k, category in enumerate(categories):
        position[category] = k
    unknown = [u for u in uniques if u not in position]
    if unknown:
        raise ValueError(
            f"Column {name!r} has the category {unknown[0]!r}, which its margin lacks; "
            "add a target for it (or merge it into another category)."
        )
    seen = set(uniques)
    absent = [c for c in categories if c not in seen]
    if absent:
        raise ValueError(
            f"The margin of {name!r} has the category {absent[0]!r}, which no respondent has; "
            "remove it (or merge it with a neighbouring category) so the weights can reproduce the margin."
        )
    return np.array([position[u] for u in uniques], dtype=np.intp)[codes]
