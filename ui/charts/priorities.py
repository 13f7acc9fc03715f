"""The importance–performance matrix of the Priorities page (`metrics.IPAResult`): quadrants, mean lines, labelled
points."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from survey.i18n import text
from ui.charts.labels import FONT_SIZE, corner_boxes, place_labels
from ui.charts.style import (
    OKABE_ITO,
    QUADRANT_COLOURS,
    chart_title,
    finish,
    labelled,
    n_title,
    quadrant_channels,
)

PLOT_WIDTH, PLOT_HEIGHT = 600, 520  # px of the matrix's plot: its labels are placed for this size


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
    x_scale, y_scale = alt.Scale(domain=[x_lo, x_hi], nice=False), alt.Scale(domain=[y_lo, y_hi], nice=False)
    x = alt.X("performance:Q", title=text(lang, "chart.performance"), scale=x_scale)
    y_title = text(lang, "chart.importance_stated" if importance == "stated" else "chart.importance_derived")
    y = alt.Y("importance:Q", title=y_title, scale=y_scale)
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
    # indicators at the same place share one label ("Price, Brand image"); each label placed where it touches
    # no other label and no point (ui.charts.labels), the plot drawn at that size on the page and in the report
    sep = "、" if lang == "zh" else ", "
    shared = data.groupby(["performance", "importance"], sort=False)["label"].agg(sep.join).reset_index()
    placed = place_labels(
        shared["performance"],
        shared["importance"],
        shared["label"],
        width=PLOT_WIDTH,
        height=PLOT_HEIGHT,
        x_domain=(x_lo, x_hi),
        y_domain=(y_lo, y_hi),
        avoid=corner_boxes(
            (names["concentrate"], names["keep_up"], names["low_priority"], names["overkill"]), PLOT_WIDTH, PLOT_HEIGHT
        ),
    )
    shared = shared.assign(
        text=[p.text for p in placed],
        label_x=[p.x for p in placed],
        label_y=[p.y for p in placed],
        leader=[p.leader for p in placed],
    )
    x_at = alt.X("label_x:Q", title=text(lang, "chart.performance"), scale=x_scale)
    y_at = alt.Y("label_y:Q", title=y_title, scale=y_scale)
    point_labels = (
        alt.Chart(shared)
        .mark_text(align="left", baseline="middle", fontSize=FONT_SIZE)
        .encode(x_at, y_at, text="text:N")
    )
    leaders = (
        alt.Chart(shared[shared["leader"]])
        .mark_rule(color=OKABE_ITO["grey"], strokeWidth=0.6)
        .encode(x=x, y=y, x2="label_x:Q", y2="label_y:Q")
    )
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
    chart = alt.layer(v_rule, h_rule, *quadrant_text, bars, leaders, points, point_labels).properties(
        height=PLOT_HEIGHT, width=PLOT_WIDTH
    )
    numbered = [(p.text, name) for p, name in zip(placed, shared["label"]) if p.numbered]
    if numbered:  # the names that found no free place, listed under the plot by their number
        key = pd.DataFrame({"line": [f"{number}  {name}" for number, name in numbered], "row": range(len(numbered))})
        listed = (
            alt.Chart(key)
            .mark_text(align="left", baseline="middle", fontSize=FONT_SIZE, limit=PLOT_WIDTH)
            .encode(x=alt.value(0), y=alt.Y("row:O", axis=None), text="line:N")
            .properties(width=PLOT_WIDTH, height=16 * len(numbered))
        )
        chart = alt.vconcat(chart, listed)
    chart = chart.properties(title=chart_title(lang, "chart.ipa.title", text(lang, "chart.ipa.subtitle")))
    return finish(chart, lang)


def _padded(values: pd.Series, cut: float) -> tuple[float, float]:
    lo = float(np.nanmin([values.min(), cut]))
    hi = float(np.nanmax([values.max(), cut]))
    pad = (hi - lo) * 0.12 or 1.0
    return lo - pad, hi + pad
