"""The 0–100 indices: satisfaction and loyalty per wave, and the index of each item (`metrics.IndexResult`)."""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from survey.i18n import text
from ui.charts.style import (
    OKABE_ITO,
    chart_title,
    finish,
    labelled,
    n_title,
    rows_height,
)


def index_trend_chart(trend: pd.DataFrame, *, lang: str):
    """Satisfaction and loyalty index per wave (`analysis.figures_by(..., "wave")`), 0–100."""
    names = {"satisfaction": text(lang, "card.satisfaction"), "loyalty": text(lang, "card.loyalty")}
    parts = [
        trend.assign(series=name, value=trend[col])
        for col, name in names.items()
        if col in trend.columns and trend[col].notna().any()
    ]
    data = pd.concat(parts) if parts else trend.assign(series="", value=np.nan)
    data = data.assign(label=data["group"].astype(str))
    chart = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=70, strokeDash=[1, 0]))
        .encode(
            x=alt.X(
                "label:N", title=text(lang, "dash.wave"), sort=sorted(set(data["label"])), axis=alt.Axis(labelAngle=0)
            ),
            y=alt.Y("value:Q", title=text(lang, "chart.index_axis"), scale=alt.Scale(zero=False)),
            color=alt.Color(
                "series:N",
                title=None,
                scale=alt.Scale(domain=list(names.values()), range=[OKABE_ITO["blue"], OKABE_ITO["orange"]]),
                legend=alt.Legend(orient="top", labelLimit=400),
            ),
            strokeDash=alt.StrokeDash(
                "series:N", scale=alt.Scale(domain=list(names.values()), range=[[1, 0], [6, 3]]), legend=None
            ),
            tooltip=[
                alt.Tooltip("label:N", title=text(lang, "dash.wave")),
                alt.Tooltip("series:N", title=text(lang, "chart.series")),
                alt.Tooltip("value:Q", title=text(lang, "chart.index_axis"), format=".1f"),
                alt.Tooltip("n:Q", title=n_title(lang)),
            ],
        )
        .properties(title=chart_title(lang, "chart.index_trend.title"), height=380, width="container")
    )
    return finish(chart, lang)


def index_items_chart(nodes: pd.DataFrame, labels: Mapping, *, lang: str, title_key: str = "chart.loyalty_items.title"):
    """The 0–100 index of each item (the `nodes` of a metrics.IndexResult)."""
    data = nodes.assign(label=labelled(nodes["code"], labels))
    chart = (
        alt.Chart(data)
        .mark_bar(color=OKABE_ITO["blue"])
        .encode(
            y=alt.Y("label:N", sort=list(data["label"]), title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X("index:Q", title=text(lang, "chart.index_axis"), scale=alt.Scale(domain=[0, 100])),
            tooltip=[
                alt.Tooltip("label:N", title=text(lang, "chart.item")),
                alt.Tooltip("index:Q", title=text(lang, "chart.index_axis"), format=".1f"),
                alt.Tooltip("weight:Q", title=text(lang, "common.weight"), format=".3f"),
                alt.Tooltip("n:Q", title=n_title(lang)),
            ],
        )
        .properties(title=chart_title(lang, title_key), height=rows_height(len(data), 34), width="container")
    )
    return finish(chart, lang)
