"""Kano model: classify a product or service feature from paired functional / dysfunctional answers."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Answer codes of both questions: 1 I like it, 2 it must be that way, 3 I am neutral, 4 I can live with it,
# 5 I dislike it.
ANSWERS = (1, 2, 3, 4, 5)
CATEGORIES = ("attractive", "one-dimensional", "must-be", "indifferent", "reverse", "questionable")

# The Kano evaluation table (Berger et al. 1993): row = functional answer, column = dysfunctional
# answer, both in the order like, must-be, neutral, live-with, dislike.
_A, _O, _M, _I, _R, _Q = range(6)
EVALUATION_TABLE = np.array(
    [
        [_Q, _A, _A, _A, _O],
        [_R, _I, _I, _I, _M],
        [_R, _I, _I, _I, _M],
        [_R, _I, _I, _I, _M],
        [_R, _R, _R, _R, _Q],
    ]
)
# When two of A, O, M, I are equally frequent, the one that matters most to the product wins (M > O > A > I).
_TIE_ORDER = (_M, _O, _A, _I)


@dataclass(frozen=True)
class KanoResult:
    """Result of `kano`.

    counts: Series of answers per category, indexed by CATEGORIES
        (attractive, one-dimensional, must-be, indifferent, reverse,
        questionable).
    category: the most frequent of attractive / one-dimensional / must-be /
        indifferent (ties: must-be > one-dimensional > attractive >
        indifferent); None when no pair falls in those four.
    better: (A + O)/(A + O + M + I), in 0..1: how much satisfaction rises
        with the feature (NaN when the denominator is 0).
    worse: −(O + M)/(A + O + M + I), in −1..0: how much it falls without.
    n: answer pairs used.
    """

    counts: pd.Series
    category: str | None
    better: float
    worse: float
    n: int


def kano(functional, dysfunctional) -> KanoResult:
    """Kano category of one feature, with Berger's Better and Worse coefficients.

    Formula: each respondent's pair (functional answer "if the feature is
    there, how do you feel?", dysfunctional answer "if it is not there?")
    is looked up in the Kano evaluation table:

    ==========  ====  =======  =======  =========  =======
    func \\ dys  like  must-be  neutral  live-with  dislike
    ==========  ====  =======  =======  =========  =======
    like        Q     A        A        A          O
    must-be     R     I        I        I          M
    neutral     R     I        I        I          M
    live-with   R     I        I        I          M
    dislike     R     R        R        R          Q
    ==========  ====  =======  =======  =========  =======

    (A attractive, O one-dimensional, M must-be, I indifferent, R reverse,
    Q questionable). The feature's category is the most frequent of A, O,
    M, I; Better = (A + O)/(A + O + M + I), Worse = −(O + M)/(A + O + M + I).

    Conventions: `functional` and `dysfunctional` are aligned 1-d
    array-likes (one answer per respondent) coded 1 like, 2 must-be,
    3 neutral, 4 live-with, 5 dislike. A pair with either answer missing is
    left out; any other code is a ValueError. Reverse and questionable
    answers are counted but do not enter Better / Worse.

    Reference: Kano, N., Seraku, N., Takahashi, F., Tsuji, S. (1984).
    Attractive quality and must-be quality. Journal of the Japanese Society
    for Quality Control 14(2), 39–48; Berger, C. et al. (1993). Kano's
    methods for understanding customer-defined quality. Center for Quality
    Management Journal 2(4), 3–36.

    Example
    -------
    >>> r = kano([1, 1, 1, 2, 1, 3], [5, 5, 3, 5, 4, 3])
    >>> r.category, round(r.better, 3), round(r.worse, 3)
    ('one-dimensional', 0.667, -0.5)
    >>> r.counts.to_dict()
    {'attractive': 2, 'one-dimensional': 2, 'must-be': 1, 'indifferent': 1, 'reverse': 0, 'questionable': 0}
    """
    f = _answers(functional, "functional")
    d = _answers(dysfunctional, "dysfunctional")
    if f.size != d.size:
        raise ValueError(
            f"functional has {f.size} answers but dysfunctional has {d.size}; give both answers of each respondent."
        )
    keep = ~(np.isnan(f) | np.isnan(d))
    cells = EVALUATION_TABLE[f[keep].astype(np.intp) - 1, d[keep].astype(np.intp) - 1]
    counts = np.bincount(cells, minlength=len(CATEGORIES))
    a, o, m, i = (int(counts[k]) for k in (_A, _O, _M, _I))
    classified = a + o + m + i
    if classified:
        best = max(_TIE_ORDER, key=lambda k: (counts[k], -_TIE_ORDER.index(k)))
        category, better, worse = CATEGORIES[best], (a + o) / classified, -(o + m) / classified
    else:
        category, better, worse = None, math.nan, math.nan
    table = pd.Series([int(c) for c in counts], index=list(CATEGORIES), name="count")
    return KanoResult(table, category, better, worse, int(keep.sum()))


def _answers(values, what: str) -> np.ndarray:
    if isinstance(values, (str, bytes)) or np.ndim(values) == 0:
        raise ValueError(f"The {what} answers must be a list or column, one per respondent.")
    series = pd.Series(np.asarray(values, dtype=object).ravel())
    x = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = (np.isnan(x) & series.notna().to_numpy()) | (~np.isnan(x) & ~np.isin(x, ANSWERS))
    if bad.any():
        raise ValueError(
            f"The {what} answers must be coded 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike; "
            f"found {series[bad].iloc[0]!r}. Map the answer texts to these codes first."
        )
    return x
