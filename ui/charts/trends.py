"""The Trends and Kano charts: one figure by wave with its 95 % intervals (`survey.analysis.trends`), and the
Better–Worse chart of the Kano features (`survey.analysis.kano_table`)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from survey.i18n import text
from ui.charts.style import OKABE_ITO, chart_title, finish


def trend_chart(table: pd.DataFrame, measure: str, *, lang: str):
    """One figure (`measure`) per wave: points joined by a line, the 95 % interval as a rule."""
    data = table[table["measure"] == measure].assign(significant_text=lambda d: d["significant"].astype(str))
    name = text(lang, f"trends.measure.{measure}")
    base = alt.Chart(data).encode(x=alt.X("wave:O", title=text(lang, "trends.col.wave"), axis=alt.Axis(labelAngle=0)))
    line = base.mark_line(point=True, color=OKABE_ITO["blue"]).encode(
        y=alt.Y("value:Q", title=name, scale=alt.Scale(zero=False)),
        tooltip=[
            alt.Tooltip("wave:O", title=text(lang, "trends.col.wave")),
            alt.Tooltip("value:Q", title=name, format=".1f"),
            alt.Tooltip("n:Q", title=text(lang, "trends.col.n")),
            alt.Tooltip("difference:Q", title=text(lang, "trends.col.difference"), format="+.1f"),
            alt.Tooltip("p_adjusted:Q", title=text(lang, "trends.col.p_adjusted"), format=".3f"),
        ],
    )
    interval = base.mark_rule(color=OKABE_ITO["blue"], opacity=0.5).encode(y="ci_low:Q", y2="ci_high:Q")
    chart = (interval + line).properties(title=chart_title(lang, "chart.trends.title", measure=name), height=260)
    return finish(chart, lang)


def better_worse_chart(table: pd.DataFrame, labels: dict, *, lang: str):
    """Each feature at (|Worse|, Better), coloured by its Kano category, with the 0.5 lines."""
    data = table.assign(
        name=[labels.get(f, f) for f in table["feature"]],
        worse_abs=table["worse"].abs(),
        category_name=[text(lang, f"kano.cat.{c}") if c else "" for c in table["category"]],
    )
    better, worse = text(lang, "chart.kano.better"), text(lang, "chart.kano.worse")
    points = (
        alt.Chart(data)
        .mark_circle(size=120)
        .encode(
            x=alt.X("worse_abs:Q", title=worse, scale=alt.Scale(domain=[0, 1])),
            y=alt.Y("better:Q", title=better, scale=alt.Scale(domain=[0, 1])),
            color=alt.Color("category_name:N", title=text(lang, "kano.col.category")),
            tooltip=[
                alt.Tooltip("name:N", title=text(lang, "kano.col.feature")),
                alt.Tooltip("category_name:N", title=text(lang, "kano.col.category")),
                alt.Tooltip("better:Q", title=better, format=".2f"),
                alt.Tooltip("worse:Q", title=text(lang, "kano.col.worse"), format=".2f"),
                alt.Tooltip("n:Q", title=text(lang, "kano.col.n")),
            ],
        )
    )
    names = points.mark_text(dy=-12).encode(text="name:N")
    half = pd.DataFrame({"v": [0.5]})
    lines = alt.Chart(half).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["grey"]).encode(x="v:Q") + alt.Chart(
        half
    ).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["grey"]).encode(y="v:Q")
    chart = (lines + points + names).properties(title=chart_title(lang, "chart.kano.title"), height=420)
    return finish(chart, lang)
