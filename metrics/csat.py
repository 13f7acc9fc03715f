"""Transactional scores: customer satisfaction (CSAT, top-box share) and customer effort (CES)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

Z_95 = float(stats.norm.ppf(0.975))


@dataclass(frozen=True)
class CSATResult:
    """Result of `csat`.

    score: 100 · count / n, the share of satisfied answers on 0–100 (NaN when n = 0).
    count: answers in the top `top` points of the scale.
    n: answers used (missing values are not counted).
    ci_low, ci_high: Wilson 95 % interval of the score, on 0–100.
    """

    score: float
    count: int
    n: int
    ci_low: float
    ci_high: float


@dataclass(frozen=True)
class CESResult:
    """Result of `ces`.

    mean: mean effort answer on the scale's own points (NaN when n = 0).
    mean_ci_low, mean_ci_high: t-based 95 % interval of the mean (NaN when n < 2).
    agree: share of answers above the scale's midpoint ("agree it was easy"), on 0–100.
    agree_count: answers above the midpoint.
    agree_ci_low, agree_ci_high: Wilson 95 % interval of `agree`, on 0–100.
    n: answers used.
    """

    mean: float
    mean_ci_low: float
    mean_ci_high: float
    agree: float
    agree_count: int
    agree_ci_low: float
    agree_ci_high: float
    n: int


def wilson_interval(count: int, n: int, *, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for a share count/n, as shares in 0..1 (NaN, NaN when n = 0).

    Formula: (p̂ + z²/2n ± z·sqrt(p̂(1 − p̂)/n + z²/4n²)) / (1 + z²/n),
    p̂ = count/n, z = 1.96 for 95 %. The interval always contains p̂ and lies
    within 0..1.

    Reference: Wilson, E. B. (1927). Probable inference, the law of
    succession, and statistical inference. JASA 22, 209–212; Agresti, A.,
    Coull, B. A. (1998). The American Statistician 52, 119–126.

    Example
    -------
    >>> [round(v, 4) for v in wilson_interval(8, 10)]
    [0.4902, 0.9433]
    """
    if n == 0:
        return math.nan, math.nan
    p = count / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    denominator = 1 + z * z / n
    # The bounds always bracket p̂ (exactly 0 when count = 0, 1 when count = n); min/max only absorb rounding.
    return min(max((centre - half) / denominator, 0.0), p), max(min((centre + half) / denominator, 1.0), p)


def csat(values, *, scale, top: int = 2) -> CSATResult:
    """Customer satisfaction score (CSAT): the share of answers in the top points of the scale, 0–100.

    Formula: CSAT = 100 · #(answers ≥ max − top + 1) / n, e.g. the answers
    4 and 5 on a 1–5 scale with top = 2 ("satisfied" + "very satisfied").
    Interval: Wilson's 95 % score interval of the share, times 100; it stays
    within 0–100 and has width > 0 even when every answer is satisfied.

    Conventions: `values` is a 1-d array-like of whole-number answers;
    missing values (NaN, None) are ignored. `scale` is the (min, max) of
    the answer scale; an answer outside it or not a whole number is a
    ValueError. `top` is 1 ≤ top < number of points.

    Reference: the top-2-box CSAT of e.g. ISO 10004:2018 (customer
    satisfaction monitoring) practice and the ACSI literature;
    Wilson (1927) for the interval.

    Example
    -------
    >>> r = csat([5, 4, 4, 3, 5, 2, 5, 4, 1, 5], scale=(1, 5))
    >>> r.score, r.count, r.n, round(r.ci_low, 2), round(r.ci_high, 2)
    (70.0, 7, 10, 39.68, 89.22)
    """
    low, high = _scale(scale)
    if not isinstance(top, (int, np.integer)) or isinstance(top, bool) or not 1 <= top < high - low + 1:
        raise ValueError(f"top must be a whole number from 1 to {int(high - low)}; got {top!r}.")
    x = _answers(values, low, high, "csat")
    n = int(x.size)
    count = int(np.count_nonzero(x >= high - top + 1))
    ci_low, ci_high = wilson_interval(count, n)
    score = 100 * count / n if n else math.nan
    return CSATResult(score, count, n, 100 * ci_low, 100 * ci_high)


def ces(values, *, scale) -> CESResult:
    """Customer effort score (CES): mean effort answer and share agreeing it was easy, with intervals.

    Formula: mean = Σx/n with the t interval mean ± t₀.₉₇₅,ₙ₋₁·s/√n (s with
    n − 1); agree = 100 · #(answers > (min + max)/2) / n, e.g. 5–7 on the
    1–7 "the company made it easy to handle my issue" scale of CES 2.0,
    with Wilson's 95 % interval.

    Conventions: as `csat`: whole-number answers within `scale` = (min,
    max), higher = easier (reverse a "how much effort" item first);
    missing values ignored; n = 0 gives NaN everywhere, n = 1 a NaN mean
    interval.

    Reference: Dixon, M., Freeman, K., Toman, N. (2010). Stop trying to
    delight your customers. Harvard Business Review 88(7/8); CEB/Gartner
    CES 2.0 (7-point agreement scale); Wilson (1927).

    Example
    -------
    >>> r = ces([7, 6, 5, 5, 4, 2, 6, 7], scale=(1, 7))
    >>> r.mean, r.agree, r.agree_count, round(r.mean_ci_low, 2)
    (5.25, 75.0, 6, 3.85)
    """
    low, high = _scale(scale)
    x = _answers(values, low, high, "ces")
    n = int(x.size)
    count = int(np.count_nonzero(x > (low + high) / 2))
    a_low, a_high = wilson_interval(count, n)
    mean = float(x.mean()) if n else math.nan
    if n >= 2:
        half = float(stats.t.ppf(0.975, n - 1)) * float(x.std(ddof=1)) / math.sqrt(n)
        m_low, m_high = mean - half, mean + half
    else:
        m_low = m_high = math.nan
    agree = 100 * count / n if n else math.nan
    return CESResult(mean, m_low, m_high, agree, count, 100 * a_low, 100 * a_high, n)


def _scale(scale) -> tuple[float, float]:
    try:
        low, high = (float(v) for v in scale)
    except (TypeError, ValueError):
        raise ValueError(f"scale must be (min, max) whole numbers, e.g. (1, 5); got {scale!r}.") from None
    if not (low.is_integer() and high.is_integer() and low < high):
        raise ValueError(f"scale must be (min, max) whole numbers with min < max, e.g. (1, 5); got {scale!r}.")
    return low, high


def _answers(values, low: float, high: float, what: str) -> np.ndarray:
    if isinstance(values, (str, bytes)) or np.ndim(values) == 0:
        raise ValueError(f"{what}() needs a list or column of answers, not a single value.")
    series = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object).ravel())
    converted = pd.to_numeric(series, errors="coerce")
    bad = converted.isna() & series.notna()
    if bad.any():
        raise ValueError(f"{what}: answers must be numbers; found {series[bad].iloc[0]!r}. Code 'don't know' as empty.")
    x = converted.to_numpy(dtype=float, na_value=np.nan)
    x = x[~np.isnan(x)]
    wrong = (x < low) | (x > high) | (x != np.floor(x))
    if wrong.any():
        raise ValueError(
            f"{what}: answers must be whole numbers from {low:g} to {high:g}; found {x[wrong][0]:g}. "
            "Check the scale or the column mapping."
        )
    return x
