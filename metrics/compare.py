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

    test: "welch_t", "mann_whitney" or "chi_square".
    statistic: t, U (of the first group) or χ².
    p_value: two-sided p-value (NaN when the test cannot be computed).
    n: answers per group (tuple, in the order given).
    difference: mean(a) − mean(b) for welch_t, median(a) − median(b) for
        mann_whitney, NaN for chi_square.
    dof: degrees of freedom (Welch–Satterthwaite, or (r − 1)(c − 1)); NaN
        for mann_whitney.
    """

    test: str
    statistic: float
    p_value: float
    n: tuple
    difference: float = math.nan
    dof: float = math.nan

    @property
    def significant(self) -> bool:
        """True when p < 0.05."""
        return bool(self.p_value < 0.05)

    @property
    def small_groups(self) -> bool:
        """True when some group has fewer than 30 answers: show the result, flagged."""
        return min(self.n) < SMALL_GROUP


def welch_t_test(a, b) -> GroupComparison:
    """Welch's t-test for a difference in means between two groups (unequal variances).

    Formula: t = (x̄_a − x̄_b) / sqrt(s_a²/n_a + s_b²/n_b), sample variances
    with n − 1, Welch–Satterthwaite degrees of freedom; two-sided p.

    Conventions: `a`, `b` are 1-d numeric array-likes; missing values are
    dropped. With fewer than 2 answers in a group, or no variance in
    either, statistic and p_value are NaN.

    Reference: Welch, B. L. (1947). Biometrika 34, 28–35 (scipy.stats.ttest_ind,
    equal_var=False).

    Example
    -------
    >>> r = welch_t_test([1, 2, 3, 4], [3, 4, 5, 6, 7])
    >>> round(r.statistic, 3), round(r.dof, 2), r.difference
    (-2.611, 6.98, -2.5)
    """
    x, y = _values(a, "a"), _values(b, "b")
    n = (x.size, y.size)
    diff = float(x.mean() - y.mean()) if min(n) else math.nan
    if min(n) < 2 or (x.var() == 0 and y.var() == 0):
        return GroupComparison("welch_t", math.nan, math.nan, n, diff)
    r = stats.ttest_ind(x, y, equal_var=False)
    return GroupComparison("welch_t", float(r.statistic), float(r.pvalue), n, diff, float(r.df))


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
    return GroupComparison("mann_whitney", float(r.statistic), float(r.pvalue), n, float(np.median(x) - np.median(y)))


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


def _values(values, what: str) -> np.ndarray:
    try:
        x = pd.to_numeric(pd.Series(np.asarray(values, dtype=object).ravel())).to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise ValueError(f"Group {what} must hold numbers (missing = empty).") from None
    return x[~np.isnan(x)]
