"""The Net Promoter Score charts: answers 0–10 by category, NPS per segment and per wave with their 95 % intervals
(`survey.analysis.nps_distribution`, `nps_by`, `nps_trend`)."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from metrics.compare import SMALL_GROUP
from survey.i18n import text
from survey.reporting import report
from ui.charts.style import (
    NPS_COLOURS,
    OKABE_ITO,
    chart_title,
    finish,
    n_title,
    rows_height,
)


def nps_distribution_chart(distribution: pd.DataFrame, *, lang: str):
    """Answers 0–10 (`analysis.nps_distribution`) coloured detractor / passive / promoter."""
    names = {k: text(lang, f"nps.{k}") for k in NPS_COLOURS}
    total = int(distribution["count"].sum())
    data = distribution.assign(category_name=[names[c] for c in distribution["category"]], total=total)
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("answer:O", title=text(lang, "chart.recommend_answer"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("count:Q", title=text(lang, "chart.respondents")),
            color=alt.Color(
                "category_name:N",
                title=None,
                scale=alt.Scale(domain=list(names.values()), range=list(NPS_COLOURS.values())),
                legend=alt.Legend(orient="top", labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("answer:O", title=text(lang, "chart.recommend_answer")),
                alt.Tooltip("category_name:N", title=text(lang, "chart.category")),
                alt.Tooltip("count:Q", title=text(lang, "chart.respondents")),
                alt.Tooltip("share:Q", title=text(lang, "chart.share"), format=".1%"),
                alt.Tooltip("total:Q", title=n_title(lang)),
            ],
        )
        .properties(title=chart_title(lang, "chart.nps_distribution.title", n=total), height=380, width="container")
    )
    return finish(chart, lang)


def _interval_layers(data: pd.DataFrame, y: alt.Y, lang: str, tooltip: list, *, marks: dict):
    """A score with its 95 % interval per row; hollow points mark groups under 30 answers."""
    bars = (
        alt.Chart(data)
        .mark_rule(strokeWidth=2, color=OKABE_ITO["grey"])
        .encode(y=y, x=alt.X("ci_low:Q"), x2="ci_high:Q", tooltip=tooltip)
    )
    points = (
        alt.Chart(data)
        .mark_point(size=120, strokeWidth=2)
        .encode(
            y=y,
            x=alt.X("score:Q", title=text(lang, "chart.nps_axis"), scale=alt.Scale(domain=[-100, 100])),
            shape=alt.Shape(
                "mark:N",
                title=None,
                scale=alt.Scale(domain=list(marks), range=list(marks.values())),
                legend=alt.Legend(orient="top", labelLimit=400),
            ),
            fill=alt.condition(alt.datum.small, alt.value("white"), alt.value(OKABE_ITO["blue"])),
            color=alt.value(OKABE_ITO["blue"]),
            tooltip=tooltip,
        )
    )
    return bars, points


def nps_segment_chart(table: pd.DataFrame, field_label: str, *, lang: str):
    """NPS with its 95 % interval per segment (`analysis.nps_by`); diamonds differ significantly from the
    other respondents (adjusted p), hollow marks have fewer than 30 answers (never significant)."""
    sig, not_sig = text(lang, "chart.significant_rest"), text(lang, "chart.not_significant")
    data = table.assign(
        label=[f"{g} (n<{SMALL_GROUP})" if s else str(g) for g, s in zip(table["group"], table["small"])],
        mark=np.where(table["significant"], sig, not_sig),
        test=[report.test_name(x, lang) for x in table["test"]],
        p_text=[report.p_value_text(p) for p in table["p_value"]],
    )
    tooltip = _nps_tooltip(lang, field_label)
    y = alt.Y("label:N", sort=list(data["label"]), title=field_label)
    bars, points = _interval_layers(data, y, lang, tooltip, marks={not_sig: "circle", sig: "diamond"})
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color=OKABE_ITO["black"], opacity=0.3).encode(x="x:Q")
    chart = alt.layer(zero, bars, points).properties(
        title=chart_title(
            lang, "chart.nps_segments.title", text(lang, "chart.nps_segments.subtitle"), field=field_label
        ),
        height=rows_height(len(data), 34),
        width="container",
    )
    return finish(chart, lang)


def _nps_tooltip(lang: str, group_title: str) -> list:
    return [
        alt.Tooltip("label:N", title=group_title),
        alt.Tooltip("score:Q", title="NPS", format=".1f"),
        alt.Tooltip("ci_low:Q", title=text(lang, "chart.ci_low"), format=".1f"),
        alt.Tooltip("ci_high:Q", title=text(lang, "chart.ci_high"), format=".1f"),
        alt.Tooltip("difference:Q", title=text(lang, "chart.difference"), format="+.1f"),
        alt.Tooltip("p_text:N", title=text(lang, "chart.p_value")),
        alt.Tooltip("test:N", title=text(lang, "chart.test")),
        alt.Tooltip("n:Q", title=n_title(lang)),
    ]


def nps_trend_chart(trend: pd.DataFrame, *, lang: str):
    """NPS per wave with its 95 % interval (`analysis.nps_trend`); diamonds changed significantly since the
    wave before."""
    sig, not_sig = text(lang, "chart.changed_wave"), text(lang, "chart.not_significant")
    data = trend.assign(
        label=trend["wave"].astype(str),
        mark=np.where(trend["significant"], sig, not_sig),
        test=[report.test_name(x, lang) for x in trend["test"]],
        p_text=[report.p_value_text(p) for p in trend["p_value"]],
    )
    x = alt.X("label:N", title=text(lang, "dash.wave"), sort=list(data["label"]), axis=alt.Axis(labelAngle=0))
    tooltip = _nps_tooltip(lang, text(lang, "dash.wave"))
    y = alt.Y("score:Q", title=text(lang, "chart.nps_axis"), scale=alt.Scale(zero=False))
    band = (
        alt.Chart(data)
        .mark_rule(strokeWidth=2, color=OKABE_ITO["grey"])
        .encode(x=x, y=alt.Y("ci_low:Q"), y2="ci_high:Q", tooltip=tooltip)
    )
    line = alt.Chart(data).mark_line(color=OKABE_ITO["blue"]).encode(x=x, y=y)
    points = (
        alt.Chart(data)
        .mark_point(size=120, strokeWidth=2, color=OKABE_ITO["blue"])
        .encode(
            x=x,
            y=y,
            shape=alt.Shape(
                "mark:N",
                title=None,
                scale=alt.Scale(domain=[not_sig, sig], range=["circle", "diamond"]),
                legend=alt.Legend(orient="top", labelLimit=400),
            ),
            fill=alt.condition(alt.datum.small, alt.value("white"), alt.value(OKABE_ITO["blue"])),
            tooltip=tooltip,
        )
    )
    chart = alt.layer(band, line, points).properties(
        title=chart_title(lang, "chart.nps_trend.title"), height=380, width="container"
    )
    return finish(chart, lang)
