"""PLS path modelling (ACSI / ECSI-style models): Wold's algorithm as in R plspm."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from metrics._checks import numeric_columns, require_columns, require_frame, scale_of

SCHEMES = ("centroid", "factorial", "path")
MIN_COMPLETE = 10  # respondents with every item of the model answered, at the least


class PLSDataError(ValueError):
    """The data cannot carry the model (not a mistake in the call): `reason` says why, `details` the figures.

    reason "too_few_complete": details n (complete respondents), need;
    reason "constant_item": details item (the same answer from every respondent).
    The message is English for programmers; a user interface words `reason` and `details` itself.
    """

    def __init__(self, reason: str, message: str, **details) -> None:
        super().__init__(message)
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class PLSResult:
    """Result of `pls_path_model`.

    path_coefficients: DataFrame, rows the dependent (endogenous)
        constructs, columns the constructs that predict something; NaN
        where the model has no path.
    paths: the same as a table with columns from, to, coefficient.
    r_squared: Series by dependent construct.
    outer_weights: Series by item: the weights giving the standardised
        construct score from the centred items (raw items, or z-scores when
        standardize=True).
    loadings: Series by item: correlation of the item with its construct.
    ave: Series by construct: average variance extracted (mean squared
        loading).
    scores: DataFrame of construct scores (mean 0, variance 1), one row per
        respondent used.
    index: Series by construct on 0–100 (ACSI style), or None when no
        `scale` was given.
    bootstrap: DataFrame with columns from, to, estimate, mean, std_error,
        ci_low, ci_high (2.5 % and 97.5 % percentiles), or None.
    n: respondents used (complete on every item of the model).
    iterations, converged: of the outer iteration.
    scheme, standardize: as passed.
    """

    path_coefficients: pd.DataFrame
    paths: pd.DataFrame
    r_squared: pd.Series
    outer_weights: pd.Series
    loadings: pd.Series
    ave: pd.Series
    scores: pd.DataFrame
    index: pd.Series | None
    bootstrap: pd.DataFrame | None
    n: int
    iterations: int
    converged: bool
    scheme: str
    standardize: bool


def pls_path_model(
    data: pd.DataFrame,
    blocks: Mapping,
    paths,
    *,
    scheme: str = "centroid",
    scale=None,
    bootstrap: int = 0,
    seed=None,
    standardize: bool = False,
    tol: float = 1e-6,
    max_iter: int = 100,
) -> PLSResult:
    """PLS path model with reflective (mode A) blocks: path coefficients, R², loadings, weights, indices.

    Algorithm (Wold 1982; Lohmöller 1989; as implemented in R plspm,
    Sanchez 2013):
    1. Items are centred (standardize=False, R plspm's scaled=FALSE, the
       ECSI/ACSI convention) or turned into z-scores (standardize=True,
       plspm's default), with population variances (divide by n).
    2. Start with equal outer weights. Repeat: outer estimate Y = X·W,
       standardised; inner weights E between adjacent constructs —
       centroid: sign(cor), factorial: cor, path: regression coefficients
       on a construct's predecessors and correlations with its successors;
       inner estimate Z = Y·E; mode A update w_j = X_jᵀ·Z_j / n — until
       Σ(|w_old| − |w_new|)² < tol (at most max_iter rounds).
    3. Scores Y = X·W scaled to variance 1, each block's sign chosen so
       most of its loadings are positive. Path coefficients are the OLS
       coefficients of each dependent construct on its predecessors, R² of
       those regressions; loadings = cor(item, score); AVE = mean of the
       block's squared loadings.
    4. index (ACSI style, Fornell et al. 1996; domain.md §4): the block's
       outer weights on the raw items, rescaled to sum 1, applied to the
       item means, put on 0–100 with the scale: Σ w̃_i (x̄_i − min)/(max −
       min) × 100. Given only when `scale` is (min, max) (or maps item →
       (min, max)); it is never guessed. A block with a negative weight can
       fall outside 0–100.
    5. bootstrap=B resamples rows with replacement B times (seeded by
       `seed`) and refits; percentile intervals for every path.

    Conventions: `data` has one row per respondent; `blocks` maps construct
    → list of its item columns (its order is the constructs' order);
    `paths` maps a dependent construct → list of its predictors (e.g.
    {"SAT": ["IMAG", "VAL"]}), or is a list of (predictor, dependent)
    pairs. The inner model must be recursive (no cycles) and every
    construct must take part in a path. Missing values: listwise deletion
    over the model's items (`n` says how many rows were used).

    Reproduces R plspm on the ECSI mobile-phone data (centroid scheme,
    unscaled): IMAG→EXPE 0.579, SAT→LOY 0.495, R²(SAT) 0.707 (see
    tests/metrics).

    References: Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., Lauro, C.
    (2005). PLS path modeling. Computational Statistics & Data Analysis 48,
    159–205; Sanchez, G. (2013). PLS Path Modeling with R; Fornell, C. et
    al. (1996). Journal of Marketing 60(4), 7–18.

    Example
    -------
    With one item per construct the path coefficient is the Pearson
    correlation (here 1 − 6·10/(10·99) = 0.9394, both columns being ranks):

    >>> d = pd.DataFrame({"a": range(1, 11), "b": [2, 1, 4, 3, 6, 5, 8, 7, 10, 9]})
    >>> r = pls_path_model(d, {"A": ["a"], "B": ["b"]}, {"B": ["A"]}, scale=(1, 10))
    >>> round(float(r.path_coefficients.loc["B", "A"]), 4), round(float(r.r_squared["B"]), 4)
    (0.9394, 0.8825)
    >>> r.index.round(1).tolist()  # item means 5.5 on a 1–10 scale
    [50.0, 50.0]
    """
    if scheme not in SCHEMES:
        raise ValueError(f"scheme must be one of {', '.join(SCHEMES)}; got {scheme!r}.")
    if not isinstance(bootstrap, (int, np.integer)) or bootstrap < 0:
        raise ValueError(f"bootstrap must be a whole number of resamples ≥ 0; got {bootstrap!r}.")
    model = _Model.build(blocks, paths)
    require_frame(data, "data")
    require_columns(data, model.items, "data")
    frame = numeric_columns(data, model.items, "data").dropna()
    need = max(MIN_COMPLETE, len(model.constructs) + 2)
    if len(frame) < need:
        raise PLSDataError(
            "too_few_complete",
            f"Only {len(frame)} respondents answered every item of the model; PLS needs more "
            f"(at least {need}). Drop sparse items or collect more answers.",
            n=len(frame),
            need=need,
        )
    x = frame.to_numpy(dtype=float)
    sd = x.std(axis=0)
    if (sd == 0).any():
        item = model.items[int(np.flatnonzero(sd == 0)[0])]
        raise PLSDataError(
            "constant_item",
            f"Item {item!r} has the same answer from every respondent; drop it from its block.",
            item=item,
        )

    fit = _fit(x, model, scheme, standardize, tol, max_iter)
    lv = model.constructs
    xc = (x - x.mean(axis=0)) / (sd if standardize else 1.0)
    scores = pd.DataFrame(xc @ fit["w"], index=frame.index, columns=lv)

    preds = sorted({p for ps in model.predecessors.values() for p in ps}, key=lv.index)
    pc = pd.DataFrame(np.nan, index=list(model.predecessors), columns=preds)
    rows = []
    for dep, ps in model.predecessors.items():
        for p, b in zip(ps, fit["beta"][dep]):
            pc.loc[dep, p] = b
            rows.append((p, dep, b))
    path_table = pd.DataFrame(rows, columns=["from", "to", "coefficient"])

    item_weight = pd.Series(
        fit["w"][np.arange(len(model.items)), model.block_of], index=model.items, name="outer_weight"
    )
    loadings = pd.Series(fit["loadings"], index=model.items, name="loading")
    ave = (loadings**2).groupby(pd.Series(lv, dtype=object)[model.block_of].to_numpy(), sort=False).mean()
    ave = ave.reindex(lv).rename("ave")

    index = None
    if scale is not None:
        raw_w = item_weight.to_numpy() / (sd if standardize else 1.0)
        means = x.mean(axis=0)
        bounds = np.array([scale_of(scale, i) for i in model.items])
        rescaled = (means - bounds[:, 0]) / (bounds[:, 1] - bounds[:, 0]) * 100
        index = pd.Series(
            {
                c: float(
                    np.dot(raw_w[model.block_of == k], rescaled[model.block_of == k]) / raw_w[model.block_of == k].sum()
                )
                for k, c in enumerate(lv)
            },
            name="index",
        )

    boot = _bootstrap(x, model, scheme, standardize, tol, max_iter, bootstrap, seed, path_table) if bootstrap else None
    return PLSResult(
        path_coefficients=pc,
        paths=path_table,
        r_squared=pd.Series(fit["r2"], name="r_squared").reindex(list(model.predecessors)),
        outer_weights=item_weight,
        loadings=loadings,
        ave=ave,
        scores=scores,
        index=index,
        bootstrap=boot,
        n=len(frame),
        iterations=fit["iterations"],
        converged=fit["converged"],
        scheme=scheme,
        standardize=standardize,
    )


@dataclass(frozen=True)
class _Model:
    constructs: list
    items: list
    block_of: np.ndarray  # construct position of each item
    predecessors: dict  # dependent -> list of predictors (in construct order)
    adjacency: np.ndarray  # P[k, j] = 1 when j -> k

    @classmethod
    def build(cls, blocks, paths) -> _Model:
        if not isinstance(blocks, Mapping) or not blocks:
            raise ValueError("blocks must map each construct to its list of item columns, e.g. {'SAT': ['sat1']}.")
        constructs = list(blocks)
        items, block_of = [], []
        for k, (name, cols) in enumerate(blocks.items()):
            cols = [cols] if isinstance(cols, str) else list(cols)
            if not cols:
                raise ValueError(f"Construct {name!r} has no items.")
            for c in cols:
                if c in items:
                    raise ValueError(f"Item {c!r} is in more than one block; each item measures one construct.")
                items.append(c)
                block_of.append(k)
        pairs = []
        if isinstance(paths, Mapping):
            for dep, ps in paths.items():
                pairs.extend((p, dep) for p in ([ps] if isinstance(ps, str) else ps))
        else:
            try:
                pairs = [(a, b) for a, b in paths]
            except (TypeError, ValueError):
                raise ValueError(
                    "paths must map a dependent construct to its predictors, "
                    "or be a list of (predictor, dependent) pairs."
                ) from None
        if not pairs:
            raise ValueError("The inner model has no paths; add at least one (predictor → dependent).")
        j = len(constructs)
        adjacency = np.zeros((j, j))
        for a, b in pairs:
            for c in (a, b):
                if c not in blocks:
                    raise ValueError(f"Path {a!r} → {b!r} names {c!r}, which has no block of items.")
            if a == b:
                raise ValueError(f"Construct {a!r} cannot predict itself.")
            adjacency[constructs.index(b), constructs.index(a)] = 1
        lonely = [c for k, c in enumerate(constructs) if adjacency[k].sum() + adjacency[:, k].sum() == 0]
        if lonely:
            raise ValueError(
                f"Construct(s) {', '.join(map(repr, lonely))} take part in no path; connect them or leave them out."
            )
        _check_acyclic(constructs, adjacency)
        predecessors = {
            c: [constructs[p] for p in np.flatnonzero(adjacency[k])]
            for k, c in enumerate(constructs)
            if adjacency[k].any()
        }
        return cls(constructs, items, np.array(block_of), predecessors, adjacency)


def _check_acyclic(constructs: list, adjacency: np.ndarray) -> None:
    remaining = set(range(len(constructs)))
    while remaining:
        free = [k for k in remaining if not any(adjacency[k, j] for j in remaining)]
        if not free:
            raise ValueError(
                f"The inner model has a cycle among {', '.join(repr(constructs[k]) for k in remaining)}; "
                "PLS path models must be recursive."
            )
        remaining -= set(free)


def _fit(x: np.ndarray, model: _Model, scheme: str, standardize: bool, tol: float, max_iter: int) -> dict:
    """Run the PLS algorithm in covariance space (cost independent of n after one cross-product)."""
    n = x.shape[0]
    xc = x - x.mean(axis=0)
    s = xc.T @ xc / n
    if standardize:
        d = 1 / np.sqrt(np.diag(s))
        s = s * np.outer(d, d)
    p, j = len(model.items), len(model.constructs)
    odm = np.zeros((p, j))
    odm[np.arange(p), model.block_of] = 1.0
    inner = model.adjacency + model.adjacency.T

    w = _unit_variance(odm, s)
    w_old = w.sum(axis=1)
    converged = False
    iterations = 0
    while iterations < max_iter:
        iterations += 1
        w = _unit_variance(w, s)  # standardised outer estimates Y = X W
        r = w.T @ s @ w
        e = _inner_weights(r, inner, model.adjacency, scheme)
        w = (s @ w @ e) * odm  # mode A: w_j = X_jᵀ Z_j / n, Z = Y E
        w_new = w.sum(axis=1)
        if np.sum((np.abs(w_old) - np.abs(w_new)) ** 2) < tol:
            converged = True
            break
        w_old = w_new

    w = _unit_variance(w, s)
    cov_xy = s @ w
    loadings_all = cov_xy / np.sqrt(np.diag(s))[:, None]
    loadings = loadings_all[np.arange(p), model.block_of]
    # sign: most loadings of a block positive
    signs = np.array([1.0 if np.sum(np.sign(loadings[model.block_of == k])) >= 0 else -1.0 for k in range(j)])
    w = w * signs
    loadings = loadings * signs[model.block_of]
    r = w.T @ s @ w
    beta, r2 = {}, {}
    for k, dep in enumerate(model.constructs):
        ps = np.flatnonzero(model.adjacency[k])
        if ps.size:
            b = np.linalg.solve(r[np.ix_(ps, ps)], r[ps, k])
            beta[dep] = b
            r2[dep] = float(b @ r[ps, k])
    return {"w": w, "loadings": loadings, "beta": beta, "r2": r2, "iterations": iterations, "converged": converged}


def _unit_variance(w: np.ndarray, s: np.ndarray) -> np.ndarray:
    var = np.einsum("ij,ik,kj->j", w, s, w)
    return w / np.sqrt(var)


def _inner_weights(r: np.ndarray, inner: np.ndarray, adjacency: np.ndarray, scheme: str) -> np.ndarray:
    if scheme == "centroid":
        return np.sign(r) * inner
    if scheme == "factorial":
        return r * inner
    e = np.zeros_like(r)
    for k in range(r.shape[0]):
        preds = np.flatnonzero(adjacency[k])
        if preds.size:  # regression of construct k on its predecessors
            e[preds, k] = np.linalg.solve(r[np.ix_(preds, preds)], r[preds, k])
        succs = np.flatnonzero(adjacency[:, k])
        e[succs, k] = r[succs, k]  # correlation with its successors
    return e


def _bootstrap(x, model, scheme, standardize, tol, max_iter, resamples, seed, path_table) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = x.shape[0]
    draws = np.empty((resamples, len(path_table)))
    for b in range(resamples):
        sample = x[rng.integers(0, n, n)]
        if (sample.std(axis=0) == 0).any():
            draws[b] = np.nan
            continue
        fit = _fit(sample, model, scheme, standardize, tol, max_iter)
        draws[b] = [
            fit["beta"][dep][model.predecessors[dep].index(p)] for p, dep in zip(path_table["from"], path_table["to"])
        ]
    out = path_table.rename(columns={"coefficient": "estimate"}).copy()
    out["mean"] = np.nanmean(draws, axis=0)
    out["std_error"] = np.nanstd(draws, axis=0, ddof=1)
    out["ci_low"] = np.nanpercentile(draws, 2.5, axis=0)
    out["ci_high"] = np.nanpercentile(draws, 97.5, axis=0)
    return out
