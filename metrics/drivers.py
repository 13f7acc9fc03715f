"""Driver analysis: how much of the variance of an outcome (overall satisfaction) each driver explains."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

from metrics._checks import numeric_columns, require_columns, require_frame

METHODS = ("lmg", "johnson")
# 2^p regressions for LMG: beyond this many drivers the all-subsets sum gets slow (2^16 ≈ 65 000 subsets).
MAX_LMG_DRIVERS = 16


@dataclass(frozen=True)
class RelativeImportance:
    """Result of `relative_importance`.

    importance: Series by driver (in the order given), each driver's raw
        share of R²; the values sum to r_squared.
    share: importance / r_squared, summing to 1 (NaN when R² = 0).
    r_squared: R² of the linear regression of the target on all drivers.
    n: respondents used (those who answered the target and every driver).
    method: "lmg" or "johnson".
    """

    importance: pd.Series
    share: pd.Series
    r_squared: float
    n: int
    method: str


def relative_importance(frame: pd.DataFrame, target, drivers, *, method: str = "lmg") -> RelativeImportance:
    """Relative importance of drivers: R² of a linear regression divided among the drivers.

    Formulas (R = correlation matrix of the drivers, r = their correlations
    with the target; R²(S) = r_S' R_SS⁻¹ r_S is the R² of the regression
    on the subset S):
    - method="lmg" (Lindeman, Merenda & Gold; the Shapley value of R²):
      importance_j = Σ_{S ⊆ D∖{j}} |S|!(p − |S| − 1)!/p! · (R²(S ∪ {j}) − R²(S)),
      the increase in R² when j is added, averaged over every order in
      which the p drivers can enter the model. Exact (all 2^p subsets).
    - method="johnson" (Johnson's relative weights): with R = QΛQ' and
      Λ* = QΛ^½Q' (the correlations of the drivers with their closest
      orthogonal counterparts), β* = Λ*⁻¹ r, importance_j = Σ_k Λ*_jk² β*_k².
      A fast approximation of LMG (one eigen-decomposition).
    Both sum to R² exactly and are never negative for LMG.

    Conventions: `frame` has one row per respondent; `target` and `drivers`
    are its numeric columns (the drivers at least one, at most 16 for
    LMG). Respondents missing the target or any driver are left out
    (listwise). A constant column, perfectly collinear drivers, or fewer
    respondents than drivers + 2 is a ValueError.

    Reference: Lindeman, R. H., Merenda, P. F., Gold, R. Z. (1980).
    Introduction to Bivariate and Multivariate Analysis, p. 119ff;
    Grömping, U. (2006). Relative importance for linear regression in R:
    the package relaimpo. Journal of Statistical Software 17(1); Johnson,
    J. W. (2000). A heuristic method for estimating the relative weight of
    predictor variables in multiple regression. Multivariate Behavioral
    Research 35(1), 1–19.

    Example
    -------
    >>> d = pd.DataFrame({"overall": [1, 2, 3, 4, 5, 6], "staff": [1, 1, 2, 2, 3, 3], "price": [1, 2, 1, 2, 1, 2]})
    >>> r = relative_importance(d, "overall", ["staff", "price"])
    >>> round(r.r_squared, 4), [round(float(v), 4) for v in r.importance]
    (1.0, [0.9143, 0.0857])
    """
    if method not in METHODS:
        raise ValueError(f'method must be "lmg" or "johnson"; got {method!r}.')
    require_frame(frame, "frame")
    drivers = list(drivers)
    if not drivers:
        raise ValueError("relative_importance needs at least one driver column.")
    if target in drivers:
        raise ValueError(f"The target {target!r} is also among the drivers; leave it out of them.")
    if len(set(drivers)) != len(drivers):
        raise ValueError("Each driver may appear only once.")
    if method == "lmg" and len(drivers) > MAX_LMG_DRIVERS:
        raise ValueError(
            f"LMG with {len(drivers)} drivers needs 2^{len(drivers)} regressions; use at most {MAX_LMG_DRIVERS} "
            'drivers (group items into indicators first) or method="johnson".'
        )
    require_columns(frame, [target, *drivers], "frame")
    data = numeric_columns(frame, [target, *drivers], "frame").dropna()
    n, p = len(data), len(drivers)
    if n < p + 2:
        raise ValueError(f"Only {n} respondent(s) answered the target and every driver; need at least {p + 2}.")
    corr = _correlations(data, [target, *drivers])
    rxx, rxy = corr[1:, 1:], corr[1:, 0]
    if np.linalg.matrix_rank(rxx, tol=1e-10) < p:
        raise ValueError(
            "Some drivers are perfectly collinear (one is a combination of the others); leave one of them out."
        )
    r_squared = _subset_r_squared(rxx, rxy, tuple(range(p)))
    raw = _lmg(rxx, rxy) if method == "lmg" else _johnson(rxx, rxy)
    importance = pd.Series(raw, index=drivers, name="importance")
    with np.errstate(invalid="ignore", divide="ignore"):
        share = importance / r_squared if r_squared > 0 else importance * math.nan
    return RelativeImportance(importance, share.rename("share"), float(r_squared), n, method)


def _correlations(data: pd.DataFrame, columns: list) -> np.ndarray:
    x = data.to_numpy(dtype=float)
    sd = x.std(axis=0)
    constant = [c for c, s in zip(columns, sd) if s == 0]
    if constant:
        raise ValueError(
            f"Column {constant[0]!r} has the same value for every respondent used; it cannot explain "
            "or be explained, so leave it out."
        )
    z = (x - x.mean(axis=0)) / sd
    return z.T @ z / len(x)


def _subset_r_squared(rxx: np.ndarray, rxy: np.ndarray, subset: tuple) -> float:
    if not subset:
        return 0.0
    idx = list(subset)
    r = rxy[idx]
    return float(r @ np.linalg.solve(rxx[np.ix_(idx, idx)], r))


def _lmg(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    p = len(rxy)
    r2 = {s: _subset_r_squared(rxx, rxy, s) for k in range(p + 1) for s in combinations(range(p), k)}
    order_weight = [math.factorial(k) * math.factorial(p - k - 1) / math.factorial(p) for k in range(p)]
    out = np.zeros(p)
    for j in range(p):
        others = [i for i in range(p) if i != j]
        for k in range(p):
            for s in combinations(others, k):
                with_j = tuple(sorted((*s, j)))
                out[j] += order_weight[k] * (r2[with_j] - r2[s])
    return out


def _johnson(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    eigenvalues, vectors = np.linalg.eigh(rxx)
    lam = vectors @ np.diag(np.sqrt(np.clip(eigenvalues, 0, None))) @ vectors.T
    beta = np.linalg.solve(lam, rxy)
    return (lam**2) @ (beta**2)
