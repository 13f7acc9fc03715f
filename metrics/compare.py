"""Group comparisons a dashboard uses to mark significant differences (means and shares)."""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

# Groups smaller than this are flagged (domain.md §9), not hidden.
SMALL_GROUP = 30


@dataclass(frozen=True)
class GroupComparison:
    """Result of a group comparison.

    test: "welch_t", "mann_whitney", "chi_square" or "fisher_exact".
    statistic: t, U (of the first group), χ² or the sample odds ratio.
    p_value: two-sided p-value (NaN when the test cannot be computed).
    n: answers per group (tuple, in the order given).
    difference: mean(a) − mean(b) for welch_t, median(a) − median(b) for
        mann_whitney, share(a) − share(b) for fisher_exact, NaN for chi_square.
    dof: degrees of freedom (Welch–Satterthwaite, or (r − 1)(c − 1)); NaN
        for mann_whitney and fisher_exact.
    ci_low, ci_high: 95 % interval for `difference` (Welch's t interval, or
        Newcombe's hybrid score interval for shares); NaN otherwise.
    method: how p was found: "welch" (t distribution), "permutation"
        (Welch's t over relabellings), "exact", "asymptotic"; "" when unknown.
    """

    test: str
    statistic: float
    p_value: float
    n: tuple
    difference: float = math.nan
    dof: float = math.nan
    ci_low: float = math.nan
    ci_high: float = math.nan
    method: str = ""

    @property
    def significant(self) -> bool:
        """True when p < 0.05."""
        return bool(self.p_value < 0.05)

    @property
    def small_groups(self) -> bool:
        """True when some group has fewer than 30 answers: show the result, flagged."""
        return min(self.n) < SMALL_GROUP


# The permutation fallback of `welch_t_test`: resamples (exact when the relabellings are fewer) and seed.
PERMUTATIONS = 9999
PERMUTATION_SEED = 20260


def welch_t_test(a, b, *, method: str = "auto") -> GroupComparison:
    """Welch's t-test for a difference in means between two groups (unequal variances).

    Formula: t = (x̄_a − x̄_b) / sqrt(s_a²/n_a + s_b²/n_b), sample variances
    with n − 1, Welch–Satterthwaite degrees of freedom; two-sided p.
    Interval: difference ± t_0.975(dof)·SE.

    Methods: "welch" takes p from the t distribution; "permutation" from
    Welch's t over relabellings of the pooled answers (every relabelling
    when they number at most PERMUTATIONS, else PERMUTATIONS seeded random
    ones, so the same data always give the same p); "auto" (default) uses
    the permutation when a group has fewer than 30 answers (SMALL_GROUP),
    where the t distribution need not hold for skewed 0–100 scores.

    Conventions: `a`, `b` are 1-d numeric array-likes; missing values are
    dropped. With fewer than 2 answers in a group, or no variance in
    either, statistic and p_value are NaN.

    Reference: Welch, B. L. (1947). Biometrika 34, 28–35 (scipy.stats.ttest_ind,
    equal_var=False; method=PermutationMethod for the permutation).

    Example
    -------
    >>> r = welch_t_test([1, 2, 3, 4], [3, 4, 5, 6, 7], method="welch")
    >>> round(r.statistic, 3), round(r.dof, 2), r.difference
    (-2.611, 6.98, -2.5)
    >>> r = welch_t_test([1, 2, 3, 4], [3, 4, 5, 6, 7])  # all 126 relabellings: 10 as extreme
    >>> r.method, round(r.p_value * 126)
    ('permutation', 10)
    """
    if method not in ("auto", "welch", "permutation"):
        raise ValueError(f'method must be "auto", "welch" or "permutation"; got {method!r}.')
    x, y = _values(a, "a"), _values(b, "b")
    n = (x.size, y.size)
    diff = float(x.mean() - y.mean()) if min(n) else math.nan
    if min(n) < 2 or (x.var() == 0 and y.var() == 0):
        return GroupComparison("welch_t", math.nan, math.nan, n, diff)
    if method == "auto":
        method = "permutation" if min(n) < SMALL_GROUP else "welch"
    r = stats.ttest_ind(x, y, equal_var=False)
    ci = r.confidence_interval(0.95)
    p_value = float(r.pvalue)
    if method == "permutation":
        rng = np.random.default_rng(PERMUTATION_SEED)
        perm = stats.ttest_ind(x, y, equal_var=False, method=stats.PermutationMethod(PERMUTATIONS, rng=rng))
        p_value = float(perm.pvalue)
    return GroupComparison(
        "welch_t", float(r.statistic), p_value, n, diff, float(r.df), float(ci.low), float(ci.high), method
    )


def mann_whitney_test(a, b) -> GroupComparison:
    """Mann–Whitney U test (Wilcoxon rank-sum) for a shift between two groups.

    Formula: U of group a = R_a − n_a(n_a + 1)/2 (R_a its rank sum, ties
    get mid-ranks); p two-sided, exact for small groups without ties,
    otherwise normal with tie and continuity correction (scipy's "auto").

    Conventions: missing values are dropped; an empty group gives NaN.
    `difference` is median(a) − median(b).

    Reference: Mann, H. B., Whitney, D. R. (1947). Annals of Mathematical
    Statistics 18, 50–60 (scipy.stats.mannwhitneyu).

    Example
    -------
    >>> r = mann_whitney_test([1, 2, 3], [4, 5, 6])
    >>> r.statistic, r.p_value
    (0.0, 0.1)
    """
    x, y = _values(a, "a"), _values(b, "b")
    n = (x.size, y.size)
    if min(n) == 0:
        return GroupComparison("mann_whitney", math.nan, math.nan, n)
    r = stats.mannwhitneyu(x, y, alternative="two-sided")
    return GroupComparison(
        "mann_whitney", float(r.statistic), float(r.pvalue), n, float(np.median(x) - np.median(y)), method="auto"
    )


def chi_square_test(values, groups) -> GroupComparison:
    """Pearson's chi-square test that category shares are the same in every group.

    Formula: χ² = Σ (O − E)² / E over the groups × categories table, with
    E = row total × column total / n; dof = (r − 1)(c − 1); no Yates
    continuity correction.

    Conventions: `values` (the category per respondent, e.g. promoter /
    passive / detractor, or an answer) and `groups` (the group per
    respondent) are aligned 1-d array-likes. Respondents missing either are
    dropped. `n` lists the group sizes in sorted group order. With fewer
    than 2 groups or 2 categories, statistic and p_value are NaN. Expected
    counts below 5 make the p-value approximate.

    Reference: Pearson, K. (1900); scipy.stats.chi2_contingency
    (correction=False).

    Example
    -------
    >>> r = chi_square_test(["yes"] * 30 + ["no"] * 10 + ["yes"] * 15 + ["no"] * 25, ["a"] * 40 + ["b"] * 40)
    >>> round(r.statistic, 3), r.dof
    (11.429, 1.0)
    """
    v = pd.Series(np.asarray(values, dtype=object).ravel())
    g = pd.Series(np.asarray(groups, dtype=object).ravel())
    if v.size != g.size:
        raise ValueError(f"values has {v.size} entries but groups has {g.size}; give one per respondent in both.")
    keep = v.notna() & g.notna()
    table = pd.crosstab(g[keep], v[keep])
    n = tuple(int(k) for k in table.sum(axis=1))
    if table.shape[0] < 2 or table.shape[1] < 2:
        return GroupComparison("chi_square", math.nan, math.nan, n)
    r = stats.chi2_contingency(table.to_numpy(), correction=False)
    return GroupComparison("chi_square", float(r.statistic), float(r.pvalue), n, math.nan, float(r.dof))


def fisher_exact_test(a, b) -> GroupComparison:
    """Fisher's exact test that two groups hold the same share of "yes", with the difference's interval.

    Formula: conditional on the margins of the 2×2 table, the count of "yes"
    in group a is hypergeometric; p (two-sided) sums the probabilities of
    tables no more likely than the observed one. The interval for
    share(a) − share(b) is Newcombe's hybrid score interval from the two
    Wilson intervals (his method 10), never of zero width.

    Conventions: `a`, `b` are 1-d array-likes of yes / no as True / False or
    1 / 0; missing values are dropped. An empty group gives NaN.

    Reference: Fisher, R. A. (1935), The Design of Experiments
    (scipy.stats.fisher_exact); Newcombe, R. G. (1998), Interval estimation
    for the difference between independent proportions, Statistics in
    Medicine 17, 873–890.

    Example
    -------
    >>> r = fisher_exact_test([1] * 7 + [0] * 3, [1] * 2 + [0] * 8)
    >>> round(r.p_value, 4), round(r.difference, 2)
    (0.0698, 0.5)
    """
    x, y = _values(a, "a"), _values(b, "b")
    if not np.isin(np.concatenate([x, y]), (0.0, 1.0)).all():
        raise ValueError("A share test needs yes / no answers (1 / 0 or True / False).")
    n = (x.size, y.size)
    if min(n) == 0:
        return GroupComparison("fisher_exact", math.nan, math.nan, n, method="exact")
    ya, yb = int(x.sum()), int(y.sum())
    r = stats.fisher_exact([[ya, n[0] - ya], [yb, n[1] - yb]])
    pa, pb = ya / n[0], yb / n[1]
    (la, ua), (lb, ub) = _wilson(ya, n[0]), _wilson(yb, n[1])
    low = pa - pb - math.sqrt((pa - la) ** 2 + (ub - pb) ** 2)
    high = pa - pb + math.sqrt((ua - pa) ** 2 + (pb - lb) ** 2)
    return GroupComparison(
        "fisher_exact", float(r.statistic), float(r.pvalue), n, pa - pb, math.nan, low, high, "exact"
    )


def _wilson(yes: int, n: int, z: float = float(stats.norm.ppf(0.975))) -> tuple[float, float]:
    p = yes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def _values(values, what: str) -> np.ndarray:
    try:
        x = pd.to_numeric(pd.Series(np.asarray(values, dtype=object).ravel())).to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise ValueError(f"Group {what} must hold numbers (missing = empty).") from None
    return x[~np.isnan(x)]


def index_difference_test(a: pd.DataFrame, b: pd.DataFrame, tree: pd.DataFrame, *, scales, method: str = "auto"):
    """Test of the difference of two weighted 0–100 indices themselves: index(a) − index(b).

    The figure a card shows (`satisfaction_index`: each item's mean over the
    respondents who answered it, weighted up the tree) and the figure tested
    are one and the same: `difference` is exactly
    satisfaction_index(a).index − satisfaction_index(b).index.

    Methods:
    - "welch": Welch's t on each respondent's linearised value
      v_i = I + Σ_k g_k·100/(max_k − min_k)·(n/N_k)·a_ik·(x_ik − x̄_k), g_k
      the item's effective weight in the index (its global weight, with the
      weights of unanswered items renormalised away as the index does), a_ik
      = 1 when respondent i answered item k, N_k the respondents who did,
      n the respondents who answered at least one item. The mean of v is
      the index exactly, and its variance / n is the linearisation
      (Taylor, delta-method) variance of the index as a ratio of totals;
      Welch's interval of mean(v_a) − mean(v_b) is the difference's 95 %
      interval.
    - "permutation": the respondents of both groups relabelled (every
      relabelling when they number at most PERMUTATIONS, else PERMUTATIONS
      seeded random ones), the index recomputed on each side; p is the
      share of relabellings whose |difference| is at least the observed one.
      The interval is still the linearised Welch one.
    - "auto" (default): the permutation when a group has fewer than 30
      respondents (SMALL_GROUP), or when neither group varies; Welch above.

    Conventions: `a`, `b` one row per respondent, item columns as in
    `satisfaction_index` (missing = not answered, left out, never a zero);
    `tree` and `scales` as there (a flat tree, parent None, for the loyalty
    index). Respondents who answered none of the tree's items are left out
    (`n` counts the others). With fewer than 2 respondents in a group,
    statistic and p_value are NaN. test is "index_difference"; method
    "welch" or "permutation".

    Reference: Woodruff, R. S. (1971), A simple method for approximating the
    variance of a complicated estimate, JASA 66, 411–414 (linearisation);
    Welch (1947); scipy.stats.permutation_test.

    Example
    -------
    >>> tree = pd.DataFrame({"code": ["q1", "q2"], "parent": [None, None], "weight": [1, 1]})
    >>> a = pd.DataFrame({"q1": [5, 4, 5, 4], "q2": [5, None, 4, 5]})
    >>> b = pd.DataFrame({"q1": [2, 3, 1, 2], "q2": [3, 2, None, 1]})
    >>> r = index_difference_test(a, b, tree, scales=(1, 5))
    >>> r.method, r.difference, round(r.p_value * 70)  # all 70 relabellings: 2 as extreme (both splits)
    ('permutation', 64.58333333333334, 2)
    """
    from metrics.indices import satisfaction_index, tree_weights

    if method not in ("auto", "welch", "permutation"):
        raise ValueError(f'method must be "auto", "welch" or "permutation"; got {method!r}.')
    first, second = satisfaction_index(a, tree, scales=scales), satisfaction_index(b, tree, scales=scales)
    nodes = tree_weights(tree)
    leaves = [code for code in nodes.index if not nodes.at[code, "children"]]
    bounds = np.array([_scale(scales, c) for c in leaves], dtype=float)
    xa, xb = _answers(a, leaves), _answers(b, leaves)
    n = (len(xa), len(xb))
    diff = first.index - second.index if min(n) else math.nan
    if min(n) < 2:
        return GroupComparison("index_difference", math.nan, math.nan, n, diff)
    va, vb = (_linearised(x, nodes, leaves, bounds) for x in (xa, xb))
    with warnings.catch_warnings():  # nearly equal values: scipy's precision warning, the figures stand
        warnings.simplefilter("ignore", RuntimeWarning)
        r = stats.ttest_ind(va, vb, equal_var=False)
    still = va.var() == 0 and vb.var() == 0
    if method == "auto":
        method = "permutation" if min(n) < SMALL_GROUP or still else "welch"
    if still:
        statistic, dof, low, high = math.nan, math.nan, diff, diff
    else:
        ci = r.confidence_interval(0.95)
        statistic, dof, low, high = float(r.statistic), float(r.df), float(ci.low), float(ci.high)
    if method == "welch":
        p_value = math.nan if still else float(r.pvalue)
    else:
        p_value = _index_permutation_p(np.vstack([xa, xb]), n[0], nodes, leaves, bounds)
    return GroupComparison("index_difference", statistic, p_value, n, diff, dof, low, high, method)


def index_interval(data: pd.DataFrame, tree: pd.DataFrame, *, scales, level: float = 0.95) -> tuple[float, float]:
    """The 95 % interval of a weighted 0–100 index (`satisfaction_index`) from its linearisation.

    Formula: each respondent's linearised value v_i (see `index_difference_test`; the mean of v is the
    index exactly); interval = mean(v) ± t_{n−1}·sd(v)/√n, clipped to 0..100. Same conventions as
    `index_difference_test`; fewer than 2 respondents who answered an item give (NaN, NaN).

    Reference: Woodruff, R. S. (1971), JASA 66, 411–414 (linearisation variance of a ratio of totals).

    Example
    -------
    >>> tree = pd.DataFrame({"code": ["q1"], "parent": [None], "weight": [1]})
    >>> answers = pd.DataFrame({"q1": [2, 3, 4, 3, 2, 4, 3, 3]})  # index 50, sd of v 18.9, t₇ = 2.365
    >>> [round(v, 2) for v in index_interval(answers, tree, scales=(1, 5))]
    [34.2, 65.8]
    """
    nodes = _tree_nodes(tree)
    leaves = [code for code in nodes.index if not nodes.at[code, "children"]]
    bounds = np.array([_scale(scales, c) for c in leaves], dtype=float)
    x = _answers(data, leaves)
    if len(x) < 2:
        return math.nan, math.nan
    v = _linearised(x, nodes, leaves, bounds)
    half = float(stats.t.ppf(0.5 + level / 2, len(v) - 1)) * float(v.std(ddof=1)) / math.sqrt(len(v))
    centre = float(v.mean())
    return max(centre - half, 0.0), min(centre + half, 100.0)


def _tree_nodes(tree: pd.DataFrame) -> pd.DataFrame:
    from metrics.indices import tree_weights

    return tree_weights(tree)


def _scale(scales, code) -> tuple[float, float]:
    from metrics._checks import scale_of

    return scale_of(scales, code)


def _answers(data: pd.DataFrame, leaves: list) -> np.ndarray:
    """respondents × items, NaN = not answered; respondents who answered nothing are dropped."""
    x = data[leaves].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return x[~np.isnan(x).all(axis=1)]


def _effective_weights(nodes: pd.DataFrame, leaves: list, answered: np.ndarray) -> np.ndarray:
    """Each leaf's weight in the index given which items have answers (`satisfaction_index`'s renormalising)."""
    has = dict(zip(leaves, answered))
    for code in reversed(nodes.index):  # children after their parent: bottom-up
        children = nodes.at[code, "children"]
        if children:
            has[code] = sum(nodes.at[c, "weight"] for c in children if has[c]) > 0
    share: dict = {}
    for code in nodes.index:  # top-down
        parent = nodes.at[code, "parent"]
        siblings = nodes.index[nodes["parent"] == parent] if parent is not None else nodes.index[nodes["parent"].isna()]
        total = sum(nodes.at[s, "weight"] for s in siblings if has[s])
        above = 1.0 if parent is None else share[parent]
        share[code] = above * nodes.at[code, "weight"] / total if has[code] and total > 0 else 0.0
    return np.array([share[c] for c in leaves])


def _linearised(x: np.ndarray, nodes, leaves, bounds) -> np.ndarray:
    """Each respondent's linearised value of the index (mean = the index; see `index_difference_test`)."""
    answered = ~np.isnan(x)
    counts = answered.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.nansum(x, axis=0) / counts
    g = _effective_weights(nodes, leaves, counts > 0)
    scale = 100 / (bounds[:, 1] - bounds[:, 0])
    level = np.nansum(g * (means - bounds[:, 0]) * scale)
    with np.errstate(invalid="ignore", divide="ignore"):
        factor = np.where(counts > 0, g * scale * len(x) / counts, 0.0)
    centred = np.where(answered, x - np.nan_to_num(means), 0.0)
    return level + centred @ factor


def _index_permutation_p(pooled: np.ndarray, n_first: int, nodes, leaves, bounds) -> float:
    """Two-sided permutation p of index(first) − index(second) over relabellings of the pooled respondents."""
    answered = ~np.isnan(pooled)
    values = np.where(answered, pooled, 0.0)
    order = list(nodes.index)
    children = {c: [order.index(k) for k in nodes.at[c, "children"]] for c in order}
    weights = nodes["weight"].to_numpy(dtype=float)
    leaf_at = {order.index(c): k for k, c in enumerate(leaves)}
    top = [k for k, c in enumerate(order) if nodes.at[c, "parent"] is None]

    def index_of(rows: np.ndarray) -> np.ndarray:  # rows: (batch, m) respondent positions → (batch,) indices
        with np.errstate(invalid="ignore", divide="ignore"):
            item = (values[rows].sum(axis=-2) / answered[rows].sum(axis=-2) - bounds[:, 0]) * (
                100 / (bounds[:, 1] - bounds[:, 0])
            )
        node = np.full((len(order),) + rows.shape[:-1], np.nan)
        for k in reversed(range(len(order))):
            if k in leaf_at:
                node[k] = item[..., leaf_at[k]]
            else:
                node[k] = _mean_of(node[children[order[k]]], weights[children[order[k]]])
        return _mean_of(node[top], weights[top])

    def statistic(first, second, axis=-1):  # |difference|, so p counts both tails as the docstring says
        return np.abs(index_of(first.astype(int)) - index_of(second.astype(int)))

    positions = np.arange(len(pooled), dtype=float)
    batch = max(1, int(4_000_000 // max(1, len(pooled) * len(leaves))))
    result = stats.permutation_test(
        (positions[:n_first], positions[n_first:]),
        statistic,
        vectorized=True,
        n_resamples=PERMUTATIONS,
        batch=batch,
        alternative="greater",
        rng=np.random.default_rng(PERMUTATION_SEED),
    )
    return float(result.pvalue)


def _mean_of(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted mean over axis 0 leaving NaN children out (as `satisfaction_index`); NaN when no weight is left."""
    has = ~np.isnan(values)
    w = weights.reshape((-1,) + (1,) * (values.ndim - 1)) * has
    total = w.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(has, values, 0.0).__mul__(w).sum(axis=0) / total
    return np.where(total > 0, np.clip(out, 0, 100), np.nan)
