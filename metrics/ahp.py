"""Weights from pairwise comparisons: the analytic hierarchy process (层次分析法)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# Saaty's random indices RI for n = 1..10 (domain.md §2).
RANDOM_INDEX = (0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49)

# CR below this is acceptable (Saaty).
ACCEPTABLE_CR = 0.10


@dataclass(frozen=True)
class Judgement:
    """One pairwise judgement compared with what the weights imply.

    `i`, `j` are 0-based positions (`label_i`, `label_j` their names when
    the matrix was a labelled DataFrame), `given` is a_ij as entered,
    `implied` is w_i / w_j, `deviation` is |ln(a_ij · w_j / w_i)| (0 when
    the judgement agrees exactly with the weights).
    """

    i: int
    j: int
    given: float
    implied: float
    deviation: float
    label_i: object = None
    label_j: object = None


@dataclass(frozen=True)
class AHPResult:
    """Result of `ahp_weights`.

    weights: principal right eigenvector, positive, sums to 1.
    lambda_max: principal eigenvalue (≥ n for a reciprocal matrix).
    consistency_index: CI = (λmax − n) / (n − 1) (0 for n ≤ 2).
    consistency_ratio: CR = CI / RI(n) (0 for n ≤ 2).
    clashing: judgements above the diagonal, worst first (largest
        deviation); judgements that agree with the weights are left out.
    labels: the matrix's row labels, or positions 0..n-1.
    """

    weights: np.ndarray
    lambda_max: float
    consistency_index: float
    consistency_ratio: float
    clashing: list[Judgement]
    labels: tuple = ()

    @property
    def acceptable(self) -> bool:
        """True when CR < 0.10 (Saaty's rule)."""
        return self.consistency_ratio < ACCEPTABLE_CR


def ahp_weights(matrix, *, tol: float = 0.02) -> AHPResult:
    """Priority weights and consistency of a pairwise comparison matrix (AHP).

    a_ij says how much more important element i is than element j (Saaty's
    1–9 scale; a_ji = 1/a_ij, a_ii = 1).

    Formula: the weights w are the principal right eigenvector of A,
    A·w = λmax·w, scaled to sum 1. Consistency index
    CI = (λmax − n)/(n − 1), consistency ratio CR = CI/RI(n) with
    RI = 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49 for
    n = 1..10. CR = 0 for n ≤ 2 (a 2×2 reciprocal matrix is always
    consistent). CR < 0.10 is acceptable.

    Clashing judgements: for every i < j the deviation
    |ln(a_ij · w_j / w_i)| measures how far the judgement lies from the
    ratio the weights imply; `clashing` lists them worst first, so a user
    whose CR ≥ 0.10 can be told which judgements to revisit.

    Conventions: `matrix` is a square array-like or DataFrame (its index
    gives the labels). Entries must be finite and > 0; the diagonal must be
    1 and a_ij · a_ji = 1, both within `tol` (relative; the default 0.02
    accepts 0.33 typed for 1/3). The matrix is used as given, not
    symmetrised. No missing values are allowed. At most 10 elements, the
    size for which RI is defined.

    Reference: Saaty, T. L. (1980). The Analytic Hierarchy Process.
    McGraw-Hill; Saaty, T. L. (1990). How to make a decision: the analytic
    hierarchy process. European Journal of Operational Research 48, 9–26.

    Example
    -------
    >>> r = ahp_weights([[1, 3], [1 / 3, 1]])
    >>> r.weights.round(2).tolist(), r.consistency_ratio
    ([0.75, 0.25], 0.0)
    """
    labels = tuple(matrix.index) if isinstance(matrix, pd.DataFrame) else None
    a = _check_matrix(matrix, tol, labels)
    n = a.shape[0]
    if labels is None:
        labels = tuple(range(n))

    weights, lambda_max = _principal_eigenvector(a)
    if n <= 2:
        ci = cr = 0.0
    else:
        ci = max((lambda_max - n) / (n - 1), 0.0)
        cr = ci / RANDOM_INDEX[n - 1]
    return AHPResult(
        weights=weights,
        lambda_max=lambda_max,
        consistency_index=ci,
        consistency_ratio=cr,
        clashing=_clashing(a, weights, labels),
        labels=labels,
    )


def _check_matrix(matrix, tol: float, labels) -> np.ndarray:
    try:
        a = np.asarray(matrix, dtype=float)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"The comparison matrix must contain numbers only ({exc}).") from None
    if a.ndim != 2 or a.shape[0] != a.shape[1] or a.shape[0] == 0:
        raise ValueError(f"The comparison matrix must be square and non-empty; got shape {a.shape}.")
    n = a.shape[0]
    if n > len(RANDOM_INDEX):
        raise ValueError(
            f"AHP is defined here for at most {len(RANDOM_INDEX)} elements; got {n}. "
            "Group the elements into sub-criteria and compare within each group."
        )

    def name(k: int) -> str:
        return f"{k} ({labels[k]!r})" if labels is not None else str(k)

    bad = np.argwhere(~np.isfinite(a) | (a <= 0))
    if bad.size:
        i, j = bad[0]
        raise ValueError(f"Every comparison must be a positive number; cell [{name(i)}, {name(j)}] is {a[i, j]!r}.")
    for k in range(n):
        if abs(a[k, k] - 1) > tol:
            raise ValueError(
                f"The diagonal must be 1 (an element compared with itself); cell [{name(k)}, {name(k)}] is {a[k, k]!r}."
            )
    product = a * a.T
    bad = np.argwhere(np.abs(product - 1) > tol)
    if bad.size:
        i, j = bad[0]
        raise ValueError(
            f"The matrix is not reciprocal: cell [{name(i)}, {name(j)}] is {a[i, j]:g} but cell "
            f"[{name(j)}, {name(i)}] is {a[j, i]:g}; it should be 1/{a[i, j]:g} = {1 / a[i, j]:.4g}."
        )
    return a


def _principal_eigenvector(a: np.ndarray) -> tuple[np.ndarray, float]:
    values, vectors = np.linalg.eig(a)
    k = int(np.argmax(values.real))
    w = np.abs(vectors[:, k].real)  # Perron vector: one sign, made positive
    w = w / w.sum()
    return w, float(values[k].real)


def _clashing(a: np.ndarray, w: np.ndarray, labels: tuple) -> list[Judgement]:
    n = a.shape[0]
    i, j = np.triu_indices(n, k=1)
    implied = w[i] / w[j]
    deviation = np.abs(np.log(a[i, j] / implied))
    order = np.argsort(-deviation, kind="stable")
    return [
        Judgement(
            i=int(i[k]),
            j=int(j[k]),
            given=float(a[i[k], j[k]]),
            implied=float(implied[k]),
            deviation=float(deviation[k]),
            label_i=labels[i[k]],
            label_j=labels[j[k]],
        )
        for k in order
        if deviation[k] > 1e-9
    ]
