"""The importance–performance matrix of the Priorities page (`metrics.IPAResult`): quadrants, mean lines, labelled
points."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from survey.i18n import text
from ui.charts.style import (
    OKABE_ITO,
    QUADRANT_COLOURS,
    chart_title,
    finish,
    labelled,
    n_title,
    quadrant_channels,
)


def ipa_matrix(result, labels: Mapping, *, lang: str, importance: str):
    """Importance–performance matrix of a `metrics.IPAResult`: quadrants, the mean lines, labelled points."""
    data = result.table.reset_index().dropna(subset=["performance", "importance", "quadrant"])
    names = {q: text(lang, f"quadrant.{q}") for q in QUADRANT_COLOURS}
    data = data.assign(label=labelled(data["indicator"], labels), quadrant_name=[names[q] for q in data["quadrant"]])
    if "firm" in data.columns:  # how firm each quadrant is (analysis.priorities: metrics.ipa_stability)
        data = data.assign(
            call=[text(lang, "priorities.firm" if f else "priorities.uncertain") for f in data["firm"]],
            opacity=[1.0 if f else 0.4 for f in data["firm"]],
        )
    else:
        data = data.assign(call="", opacity=1.0, stability=float("nan"), importance_low=float("nan"))
        data["importance_high"] = float("nan")
    x_lo, x_hi = _padded(data["performance"], result.performance_cut)
    y_lo, y_hi = _padded(data["importance"], result.importance_cut)
    x = alt.X("performance:Q", title=text(lang, "chart.performance"), scale=alt.Scale(domain=[x_lo, x_hi], nice=False))
    y_title = text(lang, "chart.importance_stated" if importance == "stated" else "chart.importance_derived")
    y = alt.Y("importance:Q", title=y_title, scale=alt.Scale(domain=[y_lo, y_hi], nice=False))
    tooltip = [
        alt.Tooltip("label:N", title=text(lang, "chart.indicator")),
        alt.Tooltip("quadrant_name:N", title=text(lang, "chart.quadrant")),
        alt.Tooltip("performance:Q", title=text(lang, "chart.performance"), format=".1f"),
        alt.Tooltip("importance:Q", title=y_title, format=".3f"),
        alt.Tooltip("importance_low:Q", title=text(lang, "priorities.col.importance_low"), format=".3f"),
        alt.Tooltip("importance_high:Q", title=text(lang, "priorities.col.importance_high"), format=".3f"),
        alt.Tooltip("stability:Q", title=text(lang, "priorities.col.stability"), format=".0%"),
        alt.Tooltip("call:N", title=text(lang, "priorities.col.call")),
        alt.Tooltip("gap:Q", title=text(lang, "chart.gap"), format="+.2f"),
        alt.Tooltip("n:Q", title=n_title(lang)),
    ]
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=120)
        .encode(
            x=x,
            y=y,
            **quadrant_channels(names, lang),
            opacity=alt.Opacity("opacity:Q", scale=None, legend=None),
            tooltip=tooltip,
        )
    )
    # each importance's 95 % bootstrap interval, as a bar through the point
    bars = (
        alt.Chart(data.dropna(subset=["importance_low", "importance_high"]))
        .mark_rule(color=OKABE_ITO["grey"])
        .encode(x=x, y="importance_low:Q", y2="importance_high:Q", opacity=alt.Opacity("opacity:Q", scale=None))
    )
    # indicators at the same place share one label ("Price, Brand image")
    sep = "、" if lang == "zh" else ", "
    shared = data.groupby(["performance", "importance"], sort=False)["label"].agg(sep.join).reset_index()
    point_labels = alt.Chart(shared).mark_text(align="left", dx=8, dy=-6, fontSize=11).encode(x=x, y=y, text="label:N")
    cuts = pd.DataFrame({"performance": [result.performance_cut], "importance": [result.importance_cut]})
    v_rule = alt.Chart(cuts).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["grey"]).encode(x=x)
    h_rule = alt.Chart(cuts).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["grey"]).encode(y=y)
    corners = pd.DataFrame(
        {
            "performance": [x_lo, x_hi, x_lo, x_hi],
            "importance": [y_hi, y_hi, y_lo, y_lo],
            "text": [names["concentrate"], names["keep_up"], names["low_priority"], names["overkill"]],
            "align": ["left", "right", "left", "right"],
        }
    )
    quadrant_text = []
    for _, row in corners.iterrows():
        quadrant_text.append(
            alt.Chart(pd.DataFrame([row]))
            .mark_text(
                align=row["align"],
                baseline="top" if row["importance"] == y_hi else "bottom",
                dx=6 if row["align"] == "left" else -6,
                dy=6 if row["importance"] == y_hi else -6,
                fontWeight="bold",
                color=OKABE_ITO["grey"],
            )
            .encode(x=x, y=y, text="text:N")
        )
    chart = alt.layer(v_rule, h_rule, *quadrant_text, bars, points, point_labels).properties(
        title=chart_title(lang, "chart.ipa.title", text(lang, "chart.ipa.subtitle")), height=520, width="container"
    )
    return finish(chart, lang)


def _padded(values: pd.Series, cut: float) -> tuple[float, float]:
    lo = float(np.nanmin([values.min(), cut]))
    hi = float(np.nanmax([values.max(), cut]))
    pad = (hi - lo) * 0.12 or 1.0
    return lo - pad, hi + pad
