"""Net Promoter Score (NPS) with a confidence interval, and the difference between two groups."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import optimize, special, stats

from metrics.weighting import kish_effective_n, respondent_weight_values

Z_95 = float(stats.norm.ppf(0.975))


@dataclass(frozen=True)
class NPSResult:
    """Result of `nps`.

    score: NPS = %promoters − %detractors, in −100..100 (NaN when n = 0).
    promoters, passives, detractors: counts (answers 9–10, 7–8, 0–6).
    n: number of answers used (missing values are not counted).
    ci_low, ci_high: 95 % confidence interval for the score (see `nps`).
    se: standard error of the score, 100·sqrt((p + d − (p − d)²)/n).
    method: "score" or "normal", the interval used.
    effective_n: weighted only (`nps(..., weights=)`): Kish's effective n,
        the n of se and the interval; None when unweighted.
    shares: weighted only: the weighted (promoter, passive, detractor)
        shares behind the score (counts and n stay numbers of answers).
    """

    score: float
    promoters: int
    passives: int
    detractors: int
    n: int
    ci_low: float
    ci_high: float
    se: float = math.nan
    method: str = "score"
    effective_n: float | None = None
    shares: tuple[float, float, float] | None = None

    @property
    def promoter_share(self) -> float:
        if self.shares is not None:
            return self.shares[0]
        return self.promoters / self.n if self.n else math.nan

    @property
    def passive_share(self) -> float:
        if self.shares is not None:
            return self.shares[1]
        return self.passives / self.n if self.n else math.nan

    @property
    def detractor_share(self) -> float:
        if self.shares is not None:
            return self.shares[2]
        return self.detractors / self.n if self.n else math.nan


@dataclass(frozen=True)
class NPSDifference:
    """Result of `nps_difference`: group a minus group b.

    difference: NPS(a) − NPS(b), in points (−200..200).
    se, z: the plain normal approximation, sqrt(SE_a² + SE_b²) and
        difference / se (for reference; the p-value is from `method`).
    p_value: two-sided p-value of `method`; never 0 at small n.
    ci_low, ci_high: 95 % adjusted-Wald interval for the difference (never
        of zero width, inside −200..200).
    n_a, n_b: answers in each group.
    method: "exact" (permutation), "adjusted_wald" or "z" (see `nps_difference`).
    """

    difference: float
    se: float
    z: float
    p_value: float
    ci_low: float
    ci_high: float
    n_a: int
    n_b: int
    method: str = "z"

    @property
    def significant(self) -> bool:
        """True when p < 0.05 (one test on its own; several at once need `metrics.multiple`)."""
        return bool(self.p_value < 0.05)


def nps(scores, *, method: str = "score", weights=None) -> NPSResult:
    """Net Promoter Score of 0–10 "would you recommend" answers, with a 95 % interval.

    Formula: promoters answer 9–10, passives 7–8, detractors 0–6. With
    p = promoters/n and d = detractors/n, NPS = 100·(p − d). The per-person
    score (+1, 0, −1) has variance p + d − (p − d)², so
    SE = 100·sqrt((p + d − (p − d)²)/n) (domain.md §5).

    Interval:
    - method="score" (default): the score (Wilson-type) interval for a
      difference of two multinomial shares, Tango (1998) — the trinomial
      promoter/passive/detractor counts are exactly the discordant-pair
      layout of his paired design. It is the set of Δ for which
      |n·(p − d) − n·Δ| / sqrt(n·(2·d̃ + Δ(1 − Δ))) ≤ 1.96, where d̃ is the
      maximum-likelihood detractor share under the constraint p − d = Δ.
      Like Wilson's interval it stays inside −100..100, is never of zero
      width, and keeps close to 95 % coverage for small n and extreme
      shares (all promoters, no detractors).
    - method="normal": NPS ± 1.96·SE, clipped to −100..100; fine for large
      n, too narrow when n is small or the shares extreme (zero width when
      every answer is a promoter).

    Conventions: `scores` is any 1-d array-like (list, ndarray, Series).
    Missing values (NaN, None, pd.NA) are ignored. Every other value must be
    a whole number from 0 to 10, otherwise ValueError. With no answers the
    result has n = 0 and NaN score and interval.

    Weights (optional): one survey weight per answer (finite, ≥ 0; a Series
    is matched to a Series of scores by index, anything else by position;
    the weight of a missing answer is ignored). Then p and d are weighted
    shares, Σw·[promoter]/Σw, and SE and both intervals use Kish's
    effective n = (Σw)²/Σw² in place of n (`effective_n` and `shares` on
    the result; the counts stay numbers of answers). None = unweighted.

    Reference: Reichheld, F. (2003). The one number you need to grow.
    Harvard Business Review 81(12); Tango, T. (1998). Equivalence test and
    confidence interval for the difference in proportions for the paired-
    sample design. Statistics in Medicine 17, 891–908.

    Example
    -------
    >>> r = nps([10, 9, 9, 9, 9, 8, 7, 7, 3, 0])
    >>> r.score, r.promoters, r.passives, r.detractors
    (30.0, 5, 3, 2)
    >>> round(r.se, 2)
    24.7
    """
    if method not in ("score", "normal"):
        raise ValueError(f'method must be "score" or "normal"; got {method!r}.')
    if weights is not None:
        return _weighted_nps(scores, weights, method)
    values = _recommend_values(scores)
    n = int(values.size)
    counts = np.bincount(values.astype(np.int64), minlength=11) if n else np.zeros(11, dtype=np.int64)
    detractors = int(counts[:7].sum())
    passives = int(counts[7:9].sum())
    promoters = int(counts[9:].sum())
    if n == 0:
        return NPSResult(math.nan, 0, 0, 0, 0, math.nan, math.nan, math.nan, method)
    p, d = promoters / n, detractors / n
    delta = p - d
    se = math.sqrt(max(p + d - delta**2, 0.0) / n)
    if method == "normal":
        low, high = max(delta - Z_95 * se, -1.0), min(delta + Z_95 * se, 1.0)
    else:
        low, high = _score_interval(promoters, detractors, n, Z_95)
    score = 100 * (promoters - detractors) / n
    return NPSResult(score, promoters, passives, detractors, n, 100 * low, 100 * high, 100 * se, method)


# Below this many answers in the smaller group, `nps_difference` counts the exact permutation distribution.
EXACT_UP_TO = 200


def nps_difference(a, b, *, method: str = "auto") -> NPSDifference:
    """Test whether two groups' NPS differ (two-sided), with the difference's 95 % interval.

    Methods:
    - "exact": the permutation test conditional on the pooled promoter /
      passive / detractor counts. Under "both groups answer alike" the
      composition of group a is multivariate hypergeometric; p is the
      probability of a difference at least as large (|Δ|) as observed,
      summed over every possible split. Exact at every n (conservative:
      never above its level), so one promoter against one detractor gives
      p = 1, not 0.
    - "adjusted_wald": MeasuringU's adjusted Wald — add 3/4 to promoters and
      to detractors and 3 to n in each group, z = (NPS'_a − NPS'_b) /
      sqrt(V'_a + V'_b) with V' = (p' + d' − (p' − d')²)/(n + 3); fine for
      large groups.
    - "z": the plain normal test (difference / sqrt(SE_a² + SE_b²)); invalid
      at small n (p = 0 when every answer of each group is one category),
      kept for comparison.
    - "auto" (default): "exact" when the smaller group has fewer than
      EXACT_UP_TO answers, else "adjusted_wald".

    The interval is always the adjusted-Wald one: (NPS'_a − NPS'_b) ±
    1.96·sqrt(V'_a + V'_b), in points, clipped to −200..200.

    Conventions: `a` and `b` are 0–10 answers (as for `nps`) or `NPSResult`
    objects. A group with no answers gives NaN results.

    Reference: Sauro, J., Lewis, J. (2021), "Evaluating NPS confidence
    intervals with real-world data", MeasuringU (adjusted Wald); Rocks, B.
    (2016), Interval estimation for the Net Promoter Score, The American
    Statistician 70, 365–372; the permutation test: Good, P. (2005),
    Permutation, Parametric and Bootstrap Tests of Hypotheses, ch. 3.

    Example
    -------
    >>> r = nps_difference([10] * 60 + [5] * 40, [10] * 40 + [5] * 60)
    >>> r.difference, round(r.z, 2), r.method
    (40.0, 2.89, 'exact')
    >>> nps_difference([10], [0]).p_value
    1.0
    """
    if method not in ("auto", "exact", "adjusted_wald", "z"):
        raise ValueError(f'method must be "auto", "exact", "adjusted_wald" or "z"; got {method!r}.')
    ra = a if isinstance(a, NPSResult) else nps(a)
    rb = b if isinstance(b, NPSResult) else nps(b)
    diff = ra.score - rb.score
    se = math.sqrt(ra.se**2 + rb.se**2)
    if method == "auto":
        method = "exact" if min(ra.n, rb.n) < EXACT_UP_TO else "adjusted_wald"
    if math.isnan(diff) or math.isnan(se):
        return NPSDifference(diff, se, math.nan, math.nan, math.nan, math.nan, ra.n, rb.n, method)
    if se == 0:
        z = 0.0 if diff == 0 else math.copysign(math.inf, diff)
    else:
        z = diff / se
    adjusted, adjusted_se = _adjusted_wald(ra, rb)
    if method == "exact":
        p_value = _exact_p(ra, rb)
    elif method == "adjusted_wald":
        p_value = float(2 * stats.norm.sf(abs(adjusted / adjusted_se)))
    elif se == 0:
        p_value = 1.0 if diff == 0 else 0.0
    else:
        p_value = float(2 * stats.norm.sf(abs(z)))
    low = max(100 * (adjusted - Z_95 * adjusted_se), -200.0)
    high = min(100 * (adjusted + Z_95 * adjusted_se), 200.0)
    return NPSDifference(diff, se, z, p_value, low, high, ra.n, rb.n, method)


def _adjusted_wald(ra: NPSResult, rb: NPSResult) -> tuple[float, float]:
    """Adjusted-Wald difference of the shares (p' − d') and its SE (MeasuringU: +3/4, +3/4, +3)."""
    parts = []
    for r in (ra, rb):
        n = r.n + 3
        p, d = (r.promoters + 0.75) / n, (r.detractors + 0.75) / n
        parts.append((p - d, (p + d - (p - d) ** 2) / n))
    return parts[0][0] - parts[1][0], math.sqrt(parts[0][1] + parts[1][1])


def _exact_p(ra: NPSResult, rb: NPSResult) -> float:
    """Two-sided permutation p of |NPS_a − NPS_b|, enumerating the smaller group's possible compositions."""
    small, large = (ra, rb) if ra.n <= rb.n else (rb, ra)
    m, k = small.n, large.n
    promoters, detractors = small.promoters + large.promoters, small.detractors + large.detractors
    passives = m + k - promoters - detractors
    xp = np.arange(min(m, promoters) + 1)[:, None]
    xd = np.arange(min(m, detractors) + 1)[None, :]
    xq = m - xp - xd
    ok = (xq >= 0) & (xq <= passives)
    xp, xd, xq = (np.broadcast_to(v, ok.shape)[ok] for v in (xp, xd, xq))
    log_prob = _log_choose(promoters, xp) + _log_choose(detractors, xd) + _log_choose(passives, xq)
    log_prob -= _log_choose(m + k, m)
    spread = np.abs((xp - xd) / m - (promoters - xp - (detractors - xd)) / k)
    observed = abs((small.promoters - small.detractors) / m - (large.promoters - large.detractors) / k)
    p = float(np.exp(log_prob[spread >= observed - 1e-9]).sum())
    return min(p, 1.0)


def _log_choose(n, k):
    return special.gammaln(n + 1) - special.gammaln(np.asarray(k) + 1) - special.gammaln(n - np.asarray(k) + 1)


def _weighted_nps(scores, weights, method: str) -> NPSResult:
    """`nps` with survey weights: weighted shares, SE and interval on Kish's effective n."""
    if isinstance(scores, (str, bytes)) or np.ndim(scores) == 0:
        raise ValueError("nps() needs a list or column of 0–10 answers, not a single value.")
    series = scores if isinstance(scores, pd.Series) else pd.Series(list(np.asarray(scores, dtype=object).ravel()))
    w = respondent_weight_values(weights, series.index, "NPS weights")
    answered = series.notna().to_numpy()
    values, w = _recommend_values(series[answered]), w[answered]
    n = int(values.size)
    promoter, detractor = values >= 9, values <= 6
    counts = (int(promoter.sum()), int(n - promoter.sum() - detractor.sum()), int(detractor.sum()))
    total = float(w.sum())
    if n == 0 or total == 0:
        return NPSResult(math.nan, *counts, n, math.nan, math.nan, math.nan, method, 0.0, None)
    p, d = float(w[promoter].sum()) / total, float(w[detractor].sum()) / total
    n_eff = kish_effective_n(w)
    delta = p - d
    se = math.sqrt(max(p + d - delta**2, 0.0) / n_eff)
    if method == "normal":
        low, high = max(delta - Z_95 * se, -1.0), min(delta + Z_95 * se, 1.0)
    else:
        low, high = _score_interval(p * n_eff, d * n_eff, n_eff, Z_95)
    shares = (p, max(1 - p - d, 0.0), d)
    return NPSResult(100 * delta, *counts, n, 100 * low, 100 * high, 100 * se, method, n_eff, shares)


def _recommend_values(scores) -> np.ndarray:
    if isinstance(scores, (str, bytes)) or np.ndim(scores) == 0:
        raise ValueError("nps() needs a list or column of 0–10 answers, not a single value.")
    series = (
        scores
        if isinstance(scores, pd.Series)
        else pd.Series(list(scores) if not hasattr(scores, "dtype") else np.asarray(scores).ravel())
    )
    try:
        values = pd.to_numeric(series, errors="raise").to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        bad = series[pd.to_numeric(series, errors="coerce").isna() & series.notna()]
        raise ValueError(
            f"Recommend answers must be whole numbers from 0 to 10; found {bad.iloc[0]!r} (position {bad.index[0]!r})."
        ) from None
    values = values[~np.isnan(values)]
    bad = (values < 0) | (values > 10) | (values != np.floor(values))
    if bad.any():
        wrong = np.unique(values[bad])
        raise ValueError(
            f"Recommend answers must be whole numbers from 0 to 10; found {bad.sum()} other value(s), "
            f"e.g. {', '.join(f'{v:g}' for v in wrong[:5])}. Check the column mapping or the scale."
        )
    return values


def _score_interval(promoters: float, detractors: float, n: float, z: float) -> tuple[float, float]:
    """Tango's score interval for Δ = p − d of a trinomial (weighted: counts on the effective n)."""
    b, c = promoters, detractors
    estimate = (b - c) / n

    def statistic(delta: float) -> float:
        # Constrained MLE of the detractor share given p − d = delta (Tango 1998, eq. 4).
        aa = 2 * n
        bb = -b - c + (2 * n - b + c) * delta
        cc = -c * delta * (1 - delta)
        d_tilde = (math.sqrt(max(bb * bb - 4 * aa * cc, 0.0)) - bb) / (2 * aa)
        var = n * (2 * d_tilde + delta * (1 - delta))
        gap = b - c - n * delta
        if var > 0:
            return gap / math.sqrt(var)
        return 0.0 if gap == 0 else math.copysign(math.inf, gap)

    edge = 1 - 1e-12
    if estimate <= -edge or statistic(-edge) <= z:
        low = -1.0
    else:
        low = optimize.brentq(lambda x: statistic(x) - z, -edge, estimate, xtol=1e-12)
    if estimate >= edge or statistic(edge) >= -z:
        high = 1.0
    else:
        high = optimize.brentq(lambda x: statistic(x) + z, estimate, edge, xtol=1e-12)
    return low, high
