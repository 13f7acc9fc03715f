"""Expectation and perception: the gap charts of the Gaps page (`survey.analysis.gap_table`, `metrics.servqual`,
`metrics.experience_table`).

Expectation is orange, perception blue, on the items' own answer scale; bars of a gap are coloured by its sign.
"""

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


def _mean_answer_axis(lang: str) -> alt.X:
    """The x axis of the expectation/perception charts: mean answers on the items' own scale."""
    return alt.X(
        "value:Q",
        title=text(lang, "chart.mean_answer"),
        scale=alt.Scale(zero=False, padding=24),
        axis=alt.Axis(tickCount=8),
    )


def _expectation_perception_colour(exp_name: str, per_name: str) -> alt.Color:
    """Expectation orange, perception blue (Okabe–Ito), legend on top."""
    return alt.Color(
        "series:N",
        title=None,
        scale=alt.Scale(domain=[exp_name, per_name], range=[OKABE_ITO["orange"], OKABE_ITO["blue"]]),
        legend=alt.Legend(orient="top", labelLimit=400),
    )


def gap_dumbbell(table: pd.DataFrame, labels: Mapping, *, lang: str, title_key: str = "chart.gaps.title"):
    """Expectation and perception per row of `analysis.gap_table`, joined by a bar, in the table's order
    (worst weighted gap first)."""
    data = table.assign(label=labelled(table["code"], labels))
    order = list(data["label"])
    exp_name, per_name = text(lang, "chart.expectation"), text(lang, "chart.perception")
    long = pd.concat(
        [
            data.assign(series=exp_name, value=data["expectation"]),
            data.assign(series=per_name, value=data["perception"]),
        ]
    )
    tooltip = [
        alt.Tooltip("label:N", title=text(lang, "chart.indicator")),
        alt.Tooltip("expectation:Q", title=exp_name, format=".2f"),
        alt.Tooltip("perception:Q", title=per_name, format=".2f"),
        alt.Tooltip("gap:Q", title=text(lang, "chart.gap"), format="+.2f"),
        alt.Tooltip("weighted_gap:Q", title=text(lang, "chart.weighted_gap"), format="+.3f"),
        alt.Tooltip("n:Q", title=n_title(lang)),
    ]
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    rule = (
        alt.Chart(data)
        .mark_rule(strokeWidth=3, color=OKABE_ITO["grey"])
        .encode(y=y, x=alt.X("expectation:Q"), x2="perception:Q", tooltip=tooltip)
    )
    points = (
        alt.Chart(long)
        .mark_point(filled=True, size=110, opacity=1)
        .encode(
            y=y,
            x=_mean_answer_axis(lang),
            color=_expectation_perception_colour(exp_name, per_name),
            shape=alt.Shape(
                "series:N", scale=alt.Scale(domain=[exp_name, per_name], range=["diamond", "circle"]), legend=None
            ),
            tooltip=tooltip,
        )
    )
    height = rows_height(len(order), 30)
    chart = alt.layer(rule, points).properties(
        title=chart_title(lang, title_key, text(lang, "chart.gaps.subtitle")), height=height, width="container"
    )
    return finish(chart, lang)


def profile_chart(table: pd.DataFrame, labels: Mapping, *, lang: str):
    """The profile ("snake") chart: perception and expectation means down the indicators, in tree order."""
    data = table.assign(label=labelled(table["code"], labels), position=range(len(table)))
    exp_name, per_name = text(lang, "chart.expectation"), text(lang, "chart.perception")
    long = pd.concat(
        [
            data.assign(series=exp_name, value=data["expectation"]),
            data.assign(series=per_name, value=data["perception"]),
        ]
    )
    chart = (
        alt.Chart(long)
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=60, strokeDash=[1, 0]))
        .encode(
            y=alt.Y("label:N", sort=list(data["label"]), title=None, axis=alt.Axis(labelLimit=260)),
            x=_mean_answer_axis(lang),
            color=_expectation_perception_colour(exp_name, per_name),
            strokeDash=alt.StrokeDash(
                "series:N", scale=alt.Scale(domain=[exp_name, per_name], range=[[6, 3], [1, 0]]), legend=None
            ),
            order="position:Q",
            tooltip=[
                alt.Tooltip("label:N", title=text(lang, "chart.indicator")),
                alt.Tooltip("series:N", title=text(lang, "chart.series")),
                alt.Tooltip("value:Q", title=text(lang, "chart.mean_answer"), format=".2f"),
                alt.Tooltip("gap:Q", title=text(lang, "chart.gap"), format="+.2f"),
                alt.Tooltip("n:Q", title=n_title(lang)),
            ],
        )
        .properties(
            title=chart_title(lang, "chart.profile.title", text(lang, "chart.profile.subtitle")),
            height=rows_height(len(data), 30),
            width="container",
        )
    )
    return finish(chart, lang)


def _two_colour_bars(
    data: pd.DataFrame, x: alt.X, colour: str, domain: list[str], colours: list[str], tooltip: list, title, lang: str
):
    """Horizontal bars in the rows' order, each coloured by one of two categories (legend on top)."""
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=list(data["label"]), title=None),
            x=x,
            color=alt.Color(
                f"{colour}:N",
                title=None,
                scale=alt.Scale(domain=domain, range=colours),
                legend=alt.Legend(orient="top", labelLimit=400),
            ),
            tooltip=tooltip,
        )
        .properties(title=title, height=rows_height(len(data), 34), width="container")
    )
    return finish(chart, lang)


def dimension_gap_chart(dimensions: pd.DataFrame, labels: Mapping, *, lang: str, n: Mapping | None = None):
    """Gap per dimension (a `metrics.servqual` dimensions table, or a dimension-level gap table), bars
    coloured by sign."""
    data = dimensions.reset_index()
    code = "dimension" if "dimension" in data.columns and "code" not in data.columns else "code"
    below, above = text(lang, "chart.below"), text(lang, "chart.above")
    data = data.assign(
        label=labelled(data[code], labels),
        sign=np.where(data["gap"] < 0, below, above),
        n=[int((n or {}).get(c, 0)) for c in data[code]] if n is not None else data.get("n", 0),
    )
    if "weighted_gap" not in data.columns:
        data["weighted_gap"] = np.nan
    return _two_colour_bars(
        data,
        alt.X("gap:Q", title=text(lang, "chart.gap_axis")),
        "sign",
        [below, above],
        [OKABE_ITO["vermillion"], OKABE_ITO["blue"]],
        [
            alt.Tooltip("label:N", title=text(lang, "chart.dimension")),
            alt.Tooltip("gap:Q", title=text(lang, "chart.gap"), format="+.3f"),
            alt.Tooltip("weighted_gap:Q", title=text(lang, "chart.weighted_gap"), format="+.3f"),
            alt.Tooltip("n:Q", title=n_title(lang)),
        ],
        chart_title(lang, "chart.dimension_gaps.title"),
        lang,
    )


def experience_chart(table: pd.DataFrame, labels: Mapping, *, lang: str):
    """Weighted satisfaction per touchpoint of `metrics.experience_table`; the key experience stands out."""
    data = table.reset_index().rename(columns={"indicator": "code"})
    key, other = text(lang, "chart.key_experience"), text(lang, "chart.touchpoint")
    data = data.assign(label=labelled(data["code"], labels), kind=np.where(data["key_experience"], key, other))
    return _two_colour_bars(
        data,
        alt.X("weighted_satisfaction:Q", title=text(lang, "chart.weighted_satisfaction")),
        "kind",
        [key, other],
        [OKABE_ITO["vermillion"], OKABE_ITO["sky"]],
        [
            alt.Tooltip("label:N", title=text(lang, "chart.touchpoint")),
            alt.Tooltip("satisfaction:Q", title=text(lang, "exp.satisfaction"), format="+.2f"),
            alt.Tooltip("importance:Q", title=text(lang, "exp.importance"), format=".2f"),
            alt.Tooltip("weighted_satisfaction:Q", title=text(lang, "chart.weighted_satisfaction"), format="+.2f"),
            alt.Tooltip("n:Q", title=n_title(lang)),
        ],
        chart_title(lang, "chart.experience.title"),
        lang,
    )
