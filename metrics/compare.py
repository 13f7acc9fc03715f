"""Group comparisons a dashboard uses to mark significant differences (means and shares)."""

from __future__ import annotations

import math
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
