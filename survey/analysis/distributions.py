"""The Distributions page's figures: how Likert items were answered, point by point, laid out as diverging
stacked bars, with each item's top-2-box share (`metrics.csat`).

A Likert item is a scored item whose scale has 3 to 7 points (`LIKERT_POINTS`). Items are shown together
per scale (their points share the labels). The bars diverge at zero: the points below the scale's middle
lie left of zero, those above it right, and the middle point of an odd scale is centred on zero (half of
it on each side), as in Robbins & Heiberger (2011), "Plotting Likert and other rating scales", JSM
Proceedings. The counts per point and the bars' extents are plain arithmetic on the answers; the
top-2-box share and its Wilson interval are `metrics.csat(..., top=2)`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

import metrics
from survey.analysis.inputs import segment_values, waves_in
from survey.design.definition import SurveyDefinition

LIKERT_POINTS = range(3, 8)  # scales of 3 to 7 points
SORTS = ("order", "top2")  # questionnaire order, or highest top-2-box share first
DISTRIBUTION_COLUMNS = [
    "item",
    "group",
    "point",
    "count",
    "share",
    "start",
    "end",
    "n",
    "top2",
    "top2_low",
    "top2_high",
]


def likert_scales(defn: SurveyDefinition) -> dict[str, tuple[str, ...]]:
    """Scale code → its scored items, for the scales of 3 to 7 points that items are answered on, in the
    definition's order."""
    out: dict[str, list[str]] = {}
    for item in defn.scored_items:
        scale = defn.scale(item.scale)
        if scale is not None and scale.maximum - scale.minimum + 1 in LIKERT_POINTS:
            out.setdefault(scale.code, []).append(item.code)
    return {code: tuple(items) for code, items in out.items()}


def likert_distribution(
    frame: pd.DataFrame, items, scale: tuple, *, by: str | None = None, sort: str = "order"
) -> pd.DataFrame:
    """Each item's answers per point of `scale` = (min, max), per value of `by` (the wave or a segment field;
    None: all respondents, group ""), as diverging bars.

    Columns (`DISTRIBUTION_COLUMNS`), one row per (item, group, point), bars in display order:
    count and share (percent of the n answers of that item in that group), start and end (the bar's extent
    in percent: start of the lowest point = −(shares below the middle + half the middle point's share)),
    n, top2 with top2_low / top2_high (`metrics.csat(..., top=2)`: share in the top two points, 0–100,
    Wilson 95 % interval). sort="top2" orders the (item, group) bars by top2, highest first; "order" keeps
    the items' order and the groups' (waves in time order, segment values sorted). A group with no answer
    to an item is left out.

    Example
    -------
    >>> d = pd.DataFrame({"q": [1, 2, 3, 4, 5, 5]})
    >>> t = likert_distribution(d, ["q"], (1, 5))
    >>> t["count"].tolist(), t["start"].round(1).tolist()[:3], t["end"].round(1).tolist()[:3]
    ([1, 1, 1, 1, 2], [-41.7, -25.0, -8.3], [-25.0, -8.3, 8.3])
    >>> float(t["top2"].iloc[0])
    50.0
    """
    if sort not in SORTS:
        raise ValueError(f'sort must be "order" or "top2"; got {sort!r}.')
    low, high = int(scale[0]), int(scale[1])
    points = np.arange(low, high + 1)
    middle = (low + high) / 2
    groups = [("", np.ones(len(frame), dtype=bool))]
    if by is not None:
        values = waves_in(frame) if by == "wave" else segment_values(frame, by)
        column = frame[by].astype(object)
        groups = [(v, (column == v).to_numpy(dtype=bool)) for v in values]
    bars = []
    for item in items:
        answers = pd.to_numeric(frame[item], errors="coerce")
        for group, mask in groups:
            x = answers[mask].dropna().to_numpy(dtype=float)
            if x.size:
                bars.append(_bar(item, group, x, points, middle, (low, high)))
    if sort == "top2":
        bars.sort(key=lambda b: -b["top2"].iloc[0])
    if not bars:
        return pd.DataFrame(columns=DISTRIBUTION_COLUMNS)
    return pd.concat(bars, ignore_index=True)[DISTRIBUTION_COLUMNS]


def _bar(item: str, group: str, x: np.ndarray, points: np.ndarray, middle: float, scale: tuple) -> pd.DataFrame:
    counts = np.array([(x == p).sum() for p in points], dtype=np.int64)
    n = int(x.size)
    share = 100 * counts / n
    left = share[points < middle].sum() + share[points == middle].sum() / 2
    start = -left + np.concatenate([[0.0], np.cumsum(share)[:-1]])
    top2 = metrics.csat(x, scale=scale, top=2)
    return pd.DataFrame(
        {
            "item": item,
            "group": group,
            "point": points,
            "count": counts,
            "share": share,
            "start": start,
            "end": start + share,
            "n": n,
            "top2": top2.score,
            "top2_low": top2.ci_low,
            "top2_high": top2.ci_high,
        }
    )
