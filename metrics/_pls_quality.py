"""Quality of a PLS path model (the measures `metrics.pls_path_model` reports): HTMT, reliability, VIF,
total effects. Pure numpy on the item correlation matrix and the construct correlations.

Conventions are seminr's (Ray, Danks & Calero Valdez, R package seminr 2.x) and SmartPLS 4's:
every measure is computed on standardised items (correlations), whatever the fit's `standardize`.
References: Henseler, J., Ringle, C. M., Sarstedt, M. (2015). A new criterion for assessing discriminant
validity in variance-based SEM. J. Acad. Mark. Sci. 43, 115–135; Dijkstra, T. K., Henseler, J. (2015).
Consistent partial least squares path modeling. MIS Quarterly 39(2), 297–316; Fornell, C., Larcker, D. F.
(1981). J. Marketing Research 18(1), 39–50; Hair, J. F. et al. (2022). A Primer on PLS-SEM, 3rd ed.
"""

from __future__ import annotations

import numpy as np


def correlations(x: np.ndarray) -> np.ndarray:
    """Pearson correlations of the columns of x (population moments; the ratio does not depend on it)."""
    xc = x - x.mean(axis=0)
    s = xc.T @ xc
    d = 1 / np.sqrt(np.diag(s))
    return s * np.outer(d, d)


def htmt(r: np.ndarray, block_of: np.ndarray, j: int) -> np.ndarray:
    """Heterotrait–monotrait ratio, j × j, both triangles, 1 on the diagonal.

    HTMT_ij = mean |r| over the item pairs of blocks i and j / √(mean |r| over the item pairs within i ·
    mean |r| within j), arithmetic means of absolute correlations (seminr's `HTMT`; Henseler et al. 2015).
    A single-item block has no monotrait correlation: its row and column are NaN (as cSEM does).
    """
    a = np.abs(r)
    mono = np.full(j, np.nan)
    for k in range(j):
        idx = np.flatnonzero(block_of == k)
        if idx.size > 1:
            sub = a[np.ix_(idx, idx)]
            mono[k] = sub[np.triu_indices(idx.size, 1)].mean()
    out = np.eye(j)
    for k in range(j):
        for m in range(k + 1, j):
            hetero = a[np.ix_(block_of == k, block_of == m)].mean()
            out[k, m] = out[m, k] = hetero / np.sqrt(mono[k] * mono[m])
    return out


def reliability(r: np.ndarray, w: np.ndarray, loadings: np.ndarray, block_of: np.ndarray, j: int) -> np.ndarray:
    """Rows by construct, columns alpha, rho_c, rho_a, ave (NaN for α and ρ_A of a single-item block).

    alpha (standardised, on the block's correlations): k·r̄ / (1 + (k − 1)·r̄), r̄ the mean inter-item
    correlation; rho_c (Jöreskog): (Σλ)² / ((Σλ)² + Σ(1 − λ²)); ave: mean λ²; rho_a (Dijkstra & Henseler
    2015): (wᵀw)² · wᵀ(R − diag R)w / wᵀ(wwᵀ − diag wwᵀ)w, w the weights on the standardised items scaled
    so the score has variance 1.
    """
    out = np.full((j, 4), np.nan)
    for k in range(j):
        idx = np.flatnonzero(block_of == k)
        lam = loadings[idx]
        out[k, 1] = lam.sum() ** 2 / (lam.sum() ** 2 + np.sum(1 - lam**2))
        out[k, 3] = np.mean(lam**2)
        if idx.size < 2:
            continue
        rb = r[np.ix_(idx, idx)]
        mean_r = rb[np.triu_indices(idx.size, 1)].mean()
        out[k, 0] = idx.size * mean_r / (1 + (idx.size - 1) * mean_r)
        wk = w[idx] / np.sqrt(w[idx] @ rb @ w[idx])
        ww = np.outer(wk, wk)
        out[k, 2] = (wk @ wk) ** 2 * (wk @ (rb - np.diag(np.diag(rb))) @ wk) / (wk @ (ww - np.diag(np.diag(ww))) @ wk)
    return out


def item_vif(r: np.ndarray, block_of: np.ndarray, j: int) -> np.ndarray:
    """Each item's VIF within its block: 1 / (1 − R² of the item on the block's other items) = diag(R_b⁻¹)."""
    out = np.ones(len(block_of))
    for k in range(j):
        idx = np.flatnonzero(block_of == k)
        if idx.size > 1:
            out[idx] = np.diag(np.linalg.inv(r[np.ix_(idx, idx)]))
    return out


def inner_vif(lv_r: np.ndarray, predictors: np.ndarray) -> np.ndarray:
    """VIF of each predictor of one construct among its co-predictors: diag(R_PP⁻¹) (1 for a lone predictor)."""
    return np.diag(np.linalg.inv(lv_r[np.ix_(predictors, predictors)]))


def total_effects(beta: np.ndarray) -> np.ndarray:
    """Direct plus indirect effects, T = (I − B)⁻¹ − I for B[k, j] the path j → k (a recursive model:
    B is nilpotent, so this is B + B² + B³ + …)."""
    eye = np.eye(beta.shape[0])
    return np.linalg.solve(eye - beta, eye) - eye


def reachable(adjacency: np.ndarray) -> np.ndarray:
    """reach[k, j]: a directed route of paths leads from j to k."""
    reach = adjacency > 0
    step = reach.copy()
    for _ in range(adjacency.shape[0]):
        step = (step.astype(float) @ adjacency) > 0
        reach |= step
    return reach
