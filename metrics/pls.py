"""PLS path modelling (ACSI / ECSI-style models): Wold's algorithm as in R plspm."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd

from metrics import _pls_quality as quality
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
    paths: the same as a table with columns from, to, coefficient, vif
        (inner collinearity: 1 / (1 − R²) of the predictor on the other
        predictors of the same construct) and f_squared (effect size
        (R²_incl − R²_excl) / (1 − R²_incl), R²_excl from the model refitted
        without that path, as seminr's `fSquared`; a construct left with no
        path is dropped from the refit).
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
    htmt: DataFrame construct × construct, both triangles, 1 on the
        diagonal: heterotrait–monotrait ratio (Henseler et al. 2015) with
        absolute item correlations and arithmetic means, as seminr; NaN for
        a single-item construct.
    reliability: DataFrame by construct with columns alpha (standardised
        Cronbach's alpha), rho_c (composite reliability), rho_a
        (Dijkstra–Henseler) and ave; alpha and rho_a NaN for a single item.
    fornell_larcker: DataFrame construct × construct: the construct score
        correlations with √AVE on the diagonal (Fornell & Larcker 1981).
    total_effects: DataFrame shaped like path_coefficients: direct plus
        indirect effect of each column construct on each row construct, NaN
        where no route of paths leads from one to the other.
    item_vif: Series by item: VIF of the item on the other items of its
        block (1 for a single-item block).
    htmt_bootstrap, total_effects_bootstrap: like `bootstrap` (columns
        from, to, estimate, mean, std_error, ci_low, ci_high) for each pair
        of constructs (from < to in construct order) and for each total
        effect; None without bootstrap.
    bootstrap_used, bootstrap_nonconverged: resamples whose fit gave the
        intervals, and resamples left out because their outer iteration did
        not converge (resamples with a constant item are left out too, and
        counted in neither); 0 without bootstrap.
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
    htmt: pd.DataFrame
    reliability: pd.DataFrame
    fornell_larcker: pd.DataFrame
    total_effects: pd.DataFrame
    item_vif: pd.Series
    htmt_bootstrap: pd.DataFrame | None = None
    total_effects_bootstrap: pd.DataFrame | None = None
    bootstrap_used: int = 0
    bootstrap_nonconverged: int = 0


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
       `seed`) and refits; percentile intervals for every path, every HTMT
       and every total effect. Each resample's constructs take the sign of
       the full-sample solution (a construct whose weights point against
       the full sample's, Σ w_b·w < 0, is flipped: the construct-level sign
       change of Tenenhaus et al. 2005), not the majority of its loadings,
       so a block with mixed loadings cannot flip from one resample to the
       next. Resamples whose iteration does not converge are left out and
       counted (`bootstrap_nonconverged`).
    6. Quality (seminr / SmartPLS conventions, on standardised items
       whatever `standardize`; `metrics._pls_quality`): HTMT, alpha, ρ_C,
       ρ_A, AVE, Fornell–Larcker, item and inner VIF, f² (refitted), total
       effects. On seminr's mobi model (tests/metrics) they reproduce
       seminr's published fixtures.

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

    quality = _quality(model, fit, scheme, standardize, tol, max_iter)
    path_table["vif"] = quality["vif"]
    path_table["f_squared"] = quality["f_squared"]
    boot = _bootstrap(x, model, (scheme, standardize, tol, max_iter), bootstrap, seed, fit) if bootstrap else None
    square = partial(pd.DataFrame, index=lv, columns=lv)
    return PLSResult(
        path_coefficients=pc,
        paths=path_table,
        r_squared=pd.Series(fit["r2"], name="r_squared").reindex(list(model.predecessors)),
        outer_weights=item_weight,
        loadings=loadings,
        ave=ave,
        scores=scores,
        index=index,
        bootstrap=boot["paths"] if boot else None,
        n=len(frame),
        iterations=fit["iterations"],
        converged=fit["converged"],
        scheme=scheme,
        standardize=standardize,
        htmt=square(quality["htmt"]),
        reliability=pd.DataFrame(quality["reliability"], index=lv, columns=["alpha", "rho_c", "rho_a", "ave"]),
        fornell_larcker=square(quality["fornell_larcker"]),
        total_effects=_total_table(quality["total"], model, pc),
        item_vif=pd.Series(quality["item_vif"], index=model.items, name="vif"),
        htmt_bootstrap=boot["htmt"] if boot else None,
        total_effects_bootstrap=boot["total"] if boot else None,
        bootstrap_used=boot["used"] if boot else 0,
        bootstrap_nonconverged=boot["nonconverged"] if boot else 0,
    )


def _quality(model, fit, scheme, standardize, tol, max_iter) -> dict:
    """HTMT, reliability, Fornell–Larcker, item and inner VIF, f² and total effects of a fit."""
    j = len(model.constructs)
    r = fit["r_items"]
    w_std = fit["w"] * np.sqrt(np.diag(fit["s"]))[:, None] if not standardize else fit["w"]
    w_item = w_std[np.arange(len(model.items)), model.block_of]
    rel = quality.reliability(r, w_item, fit["loadings"], model.block_of, j)
    fl = fit["r"].copy()
    np.fill_diagonal(fl, np.sqrt(rel[:, 3]))
    vif, f2 = [], []
    for dep, ps in model.predecessors.items():
        idx = np.array([model.constructs.index(p) for p in ps])
        vif.extend(quality.inner_vif(fit["r"], idx))
        for p in ps:
            r2_without = _r_squared_without(fit["s"], model, (p, dep), scheme, tol, max_iter)
            f2.append((fit["r2"][dep] - r2_without) / (1 - fit["r2"][dep]) if fit["r2"][dep] < 1 else np.nan)
    return {
        "htmt": quality.htmt(r, model.block_of, j),
        "reliability": rel,
        "fornell_larcker": fl,
        "item_vif": quality.item_vif(r, model.block_of, j),
        "vif": vif,
        "f_squared": f2,
        "total": quality.total_effects(_beta_matrix(fit, model)),
    }


def _r_squared_without(s, model, path, scheme, tol, max_iter) -> float:
    """R² of the path's dependent construct in the model refitted without that path (0 when it is left
    with no predictor); constructs left with no path at all are dropped from the refit."""
    pred, dep = path
    pairs = [(p, d) for d, ps in model.predecessors.items() for p in ps if (p, d) != (pred, dep)]
    if dep not in {d for _, d in pairs}:
        return 0.0
    used = {c for pair in pairs for c in pair}
    blocks = {
        c: [i for i, k in zip(model.items, model.block_of) if k == n]
        for n, c in enumerate(model.constructs)
        if c in used
    }
    keep = np.isin(model.items, [i for items in blocks.values() for i in items])
    fit = _fit_moments(s[np.ix_(keep, keep)], _Model.build(blocks, pairs), scheme, tol, max_iter)
    return fit["r2"][dep]


def _beta_matrix(fit, model) -> np.ndarray:
    """B[k, j] = the path coefficient j → k (0 without a path)."""
    beta = np.zeros((len(model.constructs),) * 2)
    for dep, ps in model.predecessors.items():
        k = model.constructs.index(dep)
        beta[k, [model.constructs.index(p) for p in ps]] = fit["beta"][dep]
    return beta


def _total_table(total: np.ndarray, model, pc: pd.DataFrame) -> pd.DataFrame:
    """The total effects shaped like path_coefficients, NaN where no route of paths joins two constructs."""
    reach = quality.reachable(model.adjacency)
    rows = [model.constructs.index(c) for c in pc.index]
    cols = [model.constructs.index(c) for c in pc.columns]
    values = np.where(reach[np.ix_(rows, cols)], total[np.ix_(rows, cols)], np.nan)
    return pd.DataFrame(values, index=pc.index, columns=pc.columns)


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


def _fit(
    x: np.ndarray, model: _Model, scheme: str, standardize: bool, tol: float, max_iter: int, reference=None
) -> dict:
    """Run the PLS algorithm in covariance space (cost independent of n after one cross-product).

    Signs: most of a block's loadings positive; with `reference` (the full sample's weights, for a
    bootstrap resample) each construct's weights point the way the reference's do instead."""
    return _fit_moments(_moments(x, standardize), model, scheme, tol, max_iter, reference)


def _moments(x: np.ndarray, standardize: bool) -> np.ndarray:
    """The items' covariance matrix (divide by n), or their correlations when standardize."""
    xc = x - x.mean(axis=0)
    s = xc.T @ xc / x.shape[0]
    if standardize:
        d = 1 / np.sqrt(np.diag(s))
        s = s * np.outer(d, d)
    return s


def _fit_moments(s: np.ndarray, model: _Model, scheme: str, tol: float, max_iter: int, reference=None) -> dict:
    """`_fit` from the items' moments."""
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
    if reference is None:  # most loadings of a block positive
        signs = np.array([1.0 if np.sum(np.sign(loadings[model.block_of == k])) >= 0 else -1.0 for k in range(j)])
    else:  # the full sample's orientation
        signs = np.where(np.sum(w * reference, axis=0) < 0, -1.0, 1.0)
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
    d = 1 / np.sqrt(np.diag(s))
    return {
        "w": w,
        "loadings": loadings,
        "beta": beta,
        "r2": r2,
        "r": r,  # construct correlations
        "s": s,  # item covariances (correlations when standardize)
        "r_items": s * np.outer(d, d),
        "iterations": iterations,
        "converged": converged,
    }


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


def _bootstrap(x, model, settings, resamples, seed, full) -> dict:
    """Percentile intervals of the paths, HTMTs and total effects over `resamples` resamples of the rows."""
    rng = np.random.default_rng(seed)
    n, j = x.shape[0], len(model.constructs)
    path_keys = [(p, dep) for dep, ps in model.predecessors.items() for p in ps]
    pairs = [(a, b) for a in range(j) for b in range(a + 1, j)]
    reach = quality.reachable(model.adjacency)
    effects = [(c, k) for k in range(j) for c in range(j) if reach[k, c]]
    draws = np.full((resamples, len(path_keys) + len(pairs) + len(effects)), np.nan)
    nonconverged = 0
    for b in range(resamples):
        sample = x[rng.integers(0, n, n)]
        if (sample.std(axis=0) == 0).any():
            continue
        fit = _fit(sample, model, *settings, reference=full["w"])
        if not fit["converged"]:
            nonconverged += 1
            continue
        h = quality.htmt(fit["r_items"], model.block_of, j)
        t = quality.total_effects(_beta_matrix(fit, model))
        draws[b] = [
            *(fit["beta"][dep][model.predecessors[dep].index(p)] for p, dep in path_keys),
            *(h[a, c] for a, c in pairs),
            *(t[k, c] for c, k in effects),
        ]
    h = quality.htmt(full["r_items"], model.block_of, j)
    t = quality.total_effects(_beta_matrix(full, model))
    lv = model.constructs
    tables = {
        "paths": [(p, dep, full["beta"][dep][model.predecessors[dep].index(p)]) for p, dep in path_keys],
        "htmt": [(lv[a], lv[c], h[a, c]) for a, c in pairs],
        "total": [(lv[c], lv[k], t[k, c]) for c, k in effects],
    }
    out, at = {}, 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # single-item HTMTs are NaN in every resample
        for name, rows in tables.items():
            block = draws[:, at : at + len(rows)]
            at += len(rows)
            table = pd.DataFrame(rows, columns=["from", "to", "estimate"])
            table["mean"] = np.nanmean(block, axis=0)
            table["std_error"] = np.nanstd(block, axis=0, ddof=1)
            table["ci_low"] = np.nanpercentile(block, 2.5, axis=0)
            table["ci_high"] = np.nanpercentile(block, 97.5, axis=0)
            out[name] = table
    out["used"] = int(np.isfinite(draws[:, 0]).sum())
    out["nonconverged"] = nonconverged
    return out
