"""Banner tables: a crosstab with column percentages, a chi-square test and column-proportion letters."""

from __future__ import annotations

import math
import string
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from metrics._checks import require_columns, require_frame
from metrics.compare import SMALL_GROUP

CORRECTIONS = ("holm", "bonferroni", "none")
PAIR_COLUMNS = ["row", "column_a", "column_b", "z", "p_value", "p_adjusted", "significant"]


@dataclass(frozen=True)
class CrosstabResult:
    """Result of `crosstab`.

    counts: DataFrame, row categories × column categories: respondents per
        cell (sums of weights when weighted).
    column_percent: 100 · counts / column total (each column sums to 100).
    n: Series per column, respondents in the column (unweighted base).
    effective_n: Series per column, Kish's effective n of the column's
        weights (= n when unweighted); the base of the tests.
    letters: Series per column, the column's letter (A, B, …, Z, AA, …).
    significance: DataFrame shaped like counts: in each cell the letters of
        the columns whose share of that row is significantly lower ("" when
        none), as in a market-research banner table.
    pairs: DataFrame, one row per (row category, column pair), columns row,
        column_a, column_b, z, p_value, p_adjusted, significant.
    chi2, p_value, dof: Pearson's chi-square test of independence.
    small: Series per column, True when effective_n < 30 (show, flagged).
    correction: "holm", "bonferroni" or "none"; alpha: the level used.
    """

    counts: pd.DataFrame
    column_percent: pd.DataFrame
    n: pd.Series
    effective_n: pd.Series
    letters: pd.Series
    significance: pd.DataFrame
    pairs: pd.DataFrame
    chi2: float
    p_value: float
    dof: int
    small: pd.Series
    correction: str
    alpha: float


def crosstab(
    frame: pd.DataFrame, row, column, *, weights=None, correction: str = "holm", alpha: float = 0.05
) -> CrosstabResult:
    """Crosstab of two categorical columns with a chi-square test and column-proportion tests (banner letters).

    Formulas:
    - counts N_rc (sums of weights when weighted); column percent
      100·N_rc / N_·c.
    - χ² = Σ (N_rc − E_rc)²/E_rc, E_rc = N_r·N_·c/N, dof (R − 1)(C − 1),
      no continuity correction. Weighted: the table is first scaled to sum
      to Kish's effective n of all weights, (Σw)²/Σw² (a first-order design
      effect correction; the raw weighted χ² would treat weights as
      respondents).
    - Column proportions: for each row r and columns a, b, with shares
      p_a, p_b and bases n_a, n_b (effective n per column), the pooled
      z-test z = (p_a − p_b)/sqrt(p̄(1 − p̄)(1/n_a + 1/n_b)),
      p̄ = (n_a p_a + n_b p_b)/(n_a + n_b), two-sided p. Within each row the
      C(C − 1)/2 p-values are adjusted by Holm's step-down (or Bonferroni);
      when adjusted p < alpha, the column with the larger share gets the
      other column's letter. A pair whose pooled share is 0 or 1 has z = 0.

    Conventions: `row` and `column` are columns of `frame`; respondents
    missing either (or with a missing weight) are left out. Categories are
    in sorted order (a categorical column keeps its category order, unused
    categories dropped). `weights` is a column name of `frame` or an
    aligned array-like of non-negative numbers.

    Reference: Agresti, A. (2013). Categorical Data Analysis, 3rd ed., §3.2
    (scipy.stats.chi2_contingency, correction=False); Holm, S. (1979). A
    simple sequentially rejective multiple test procedure. Scandinavian
    Journal of Statistics 6, 65–70; IBM SPSS Custom Tables, "compare column
    proportions" (the letter convention); Kish (1965) for the effective n.

    Example
    -------
    >>> d = pd.DataFrame({"answer": ["yes"] * 30 + ["no"] * 10 + ["yes"] * 15 + ["no"] * 25,
    ...                   "wave": ["2024"] * 40 + ["2025"] * 40})
    >>> t = crosstab(d, "answer", "wave")
    >>> t.column_percent.loc["yes"].tolist(), round(t.chi2, 3)
    ([75.0, 37.5], 11.429)
    >>> t.letters.tolist(), t.significance.loc["yes"].tolist()
    (['A', 'B'], ['B', ''])
    """
    if correction not in CORRECTIONS:
        raise ValueError(f'correction must be "holm", "bonferroni" or "none"; got {correction!r}.')
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie between 0 and 1; got {alpha!r}.")
    require_frame(frame, "frame")
    require_columns(frame, [row, column], "frame")
    if row == column:
        raise ValueError("Choose two different columns for the rows and the columns of the table.")
    w = _weights(frame, weights)
    keep = frame[row].notna().to_numpy() & frame[column].notna().to_numpy() & ~np.isnan(w)
    r_codes, r_labels = _codes(frame[row][keep])
    c_codes, c_labels = _codes(frame[column][keep])
    w = w[keep]
    n_rows, n_cols = len(r_labels), len(c_labels)
    cell = r_codes * n_cols + c_codes
    table = np.bincount(cell, weights=w, minlength=n_rows * n_cols).reshape(n_rows, n_cols)
    n = np.bincount(c_codes, minlength=n_cols)
    if weights is None:
        eff = n.astype(float)
    else:
        sq = np.bincount(c_codes, weights=w * w, minlength=n_cols)
        with np.errstate(invalid="ignore", divide="ignore"):
            eff = np.where(sq > 0, table.sum(axis=0) ** 2 / sq, 0.0)

    counts = pd.DataFrame(table, index=pd.Index(r_labels, name=row), columns=pd.Index(c_labels, name=column))
    if weights is None:
        counts = counts.round().astype(np.int64)
    totals = table.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = table / totals
    letters = pd.Series([_letter(k) for k in range(n_cols)], index=counts.columns, name="letter")
    chi2, p_value, dof = _chi_square(table, w)
    pairs, marks = _column_tests(shares, eff, r_labels, c_labels, letters.tolist(), correction, alpha)
    return CrosstabResult(
        counts=counts,
        column_percent=pd.DataFrame(100 * shares, index=counts.index, columns=counts.columns),
        n=pd.Series(n, index=counts.columns, name="n"),
        effective_n=pd.Series(eff, index=counts.columns, name="effective_n"),
        letters=letters,
        significance=pd.DataFrame(marks, index=counts.index, columns=counts.columns),
        pairs=pairs,
        chi2=chi2,
        p_value=p_value,
        dof=dof,
        small=pd.Series(eff < SMALL_GROUP, index=counts.columns, name="small"),
        correction=correction,
        alpha=alpha,
    )


def _weights(frame: pd.DataFrame, weights) -> np.ndarray:
    if weights is None:
        return np.ones(len(frame))
    if isinstance(weights, str) and weights in frame.columns:
        weights = frame[weights]
    elif isinstance(weights, pd.Series):
        weights = weights.reindex(frame.index)
    if isinstance(weights, (str, bytes)) or np.ndim(weights) == 0:
        raise ValueError("weights must be a column name of frame or one weight per respondent.")
    try:
        w = pd.to_numeric(pd.Series(np.asarray(weights, dtype=object).ravel())).to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        raise ValueError("weights must hold numbers only.") from None
    if w.size != len(frame):
        raise ValueError(f"weights has {w.size} values but frame has {len(frame)} rows; give one per respondent.")
    if (np.isinf(w) | (w < 0)).any():
        raise ValueError("weights must be finite and non-negative.")
    return w


def _codes(values: pd.Series) -> tuple[np.ndarray, list]:
    if isinstance(values.dtype, pd.CategoricalDtype):
        values = values.cat.remove_unused_categories()
        return values.cat.codes.to_numpy(dtype=np.intp), list(values.cat.categories)
    try:
        codes, uniques = pd.factorize(values, sort=True)
    except TypeError:  # mixed types that cannot be ordered: keep the order of appearance
        codes, uniques = pd.factorize(values, sort=False)
    return codes.astype(np.intp), list(uniques)


def _chi_square(table: np.ndarray, w: np.ndarray) -> tuple[float, float, int]:
    n_rows, n_cols = table.shape
    total = table.sum()
    if n_rows < 2 or n_cols < 2 or total <= 0:
        return math.nan, math.nan, max((n_rows - 1) * (n_cols - 1), 0)
    scaled = table * (total / float(np.dot(w, w)))  # = table when unweighted (Σw² = Σw = n)
    expected = np.outer(scaled.sum(axis=1), scaled.sum(axis=0)) / scaled.sum()
    with np.errstate(invalid="ignore", divide="ignore"):
        chi2 = float(np.nansum(np.where(expected > 0, (scaled - expected) ** 2 / expected, 0.0)))
    dof = (n_rows - 1) * (n_cols - 1)
    return chi2, float(stats.chi2.sf(chi2, dof)), dof


def _column_tests(shares, eff, r_labels, c_labels, letters, correction, alpha):
    n_rows, n_cols = shares.shape
    a_idx, b_idx = np.triu_indices(n_cols, k=1)
    marks = [[[] for _ in range(n_cols)] for _ in range(n_rows)]
    if a_idx.size == 0 or n_rows == 0:
        return pd.DataFrame(columns=PAIR_COLUMNS), [["" for _ in range(n_cols)] for _ in range(n_rows)]
    pa, pb = shares[:, a_idx], shares[:, b_idx]
    na, nb = eff[a_idx], eff[b_idx]
    with np.errstate(invalid="ignore", divide="ignore"):
        pooled = (na * pa + nb * pb) / (na + nb)
        se = np.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb))
        z = np.where(se > 0, (pa - pb) / se, 0.0)
    z = np.nan_to_num(z, nan=0.0)
    p = 2 * stats.norm.sf(np.abs(z))
    adjusted = np.apply_along_axis(_adjust, 1, p, correction)
    significant = adjusted < alpha
    for r, k in zip(*np.nonzero(significant)):
        a, b = a_idx[k], b_idx[k]
        winner, loser = (a, b) if z[r, k] > 0 else (b, a)
        marks[r][winner].append(loser)
    marks = [["".join(letters[k] for k in sorted(cell)) for cell in line] for line in marks]
    pairs = pd.DataFrame(
        {
            "row": np.repeat(np.array(r_labels, dtype=object), a_idx.size),
            "column_a": np.tile(np.array(c_labels, dtype=object)[a_idx], n_rows),
            "column_b": np.tile(np.array(c_labels, dtype=object)[b_idx], n_rows),
            "z": z.ravel(),
            "p_value": p.ravel(),
            "p_adjusted": adjusted.ravel(),
            "significant": significant.ravel(),
        }
    )
    return pairs, marks


def _adjust(p: np.ndarray, correction: str) -> np.ndarray:
    m = p.size
    if correction == "none":
        return p
    if correction == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p)
    stepped = np.maximum.accumulate(np.minimum((m - np.arange(m)) * p[order], 1.0))
    out = np.empty(m)
    out[order] = stepped
    return out


def _letter(k: int) -> str:
    letters = string.ascii_uppercase
    return letters[k] if k < 26 else _letter(k // 26 - 1) + letters[k % 26]
