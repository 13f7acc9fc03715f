"""The Analysis section's charts: a crosstab's column percentages and means (Crosstabs page), Likert items as
diverging stacked bars (Distributions page), drivers' relative importance (Drivers page)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from survey.i18n import text
from ui.charts.style import CATEGORICAL, OKABE_ITO, chart_title, finish, n_title, rows_height

# --- Crosstabs -------------------------------------------------------------------------------------------


def _category_colours(count: int) -> alt.Scale:
    """Okabe–Ito colours for up to 8 categories, a colour-blind safe sequential scheme beyond."""
    if count <= len(CATEGORICAL):
        return alt.Scale(range=CATEGORICAL[:count])
    return alt.Scale(scheme="viridis")


def crosstab_chart(cells: pd.DataFrame, row_name: str, column_name: str, *, lang: str):
    """Column percentages of a crosstab as 100 % stacked bars, one bar per column category.

    `cells` has one row per cell: row (the row category as shown), column (the column's heading, with its
    letter and n<30 mark), percent, count, higher (the letters of the columns it beats), n (the column's n).
    """
    rows = list(dict.fromkeys(cells["row"]))
    columns = list(dict.fromkeys(cells["column"]))
    data = cells.assign(order=[rows.index(r) for r in cells["row"]])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("column:N", title=column_name, sort=columns, axis=alt.Axis(labelAngle=0, labelLimit=200)),
            y=alt.Y("percent:Q", title=text(lang, "chart.xt.percent"), stack="zero", scale=alt.Scale(domain=[0, 100])),
            color=alt.Color(
                "row:N",
                title=row_name,
                sort=rows,
                scale=_category_colours(len(rows)),
                legend=alt.Legend(orient="right", labelLimit=300),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("column:N", title=column_name),
                alt.Tooltip("row:N", title=row_name),
                alt.Tooltip("percent:Q", title=text(lang, "chart.xt.percent"), format=".1f"),
                alt.Tooltip("count:Q", title=text(lang, "chart.respondents")),
                alt.Tooltip("higher:N", title=text(lang, "chart.xt.higher")),
                alt.Tooltip("n:Q", title=n_title(lang)),
            ],
        )
        .properties(
            title=chart_title(
                lang, "chart.xt.title", text(lang, "chart.xt.subtitle"), row=row_name, column=column_name
            ),
            height=380,
            width="container",
        )
    )
    return finish(chart, lang)


def crosstab_means_chart(means: pd.DataFrame, row_name: str, column_name: str, scale: tuple, *, lang: str):
    """A numeric item's mean per column category (`Banner.means` with the column headings in `heading`);
    hollow points have fewer than 30 answers."""
    columns = list(means["heading"])
    x = alt.X("heading:N", title=column_name, sort=columns, axis=alt.Axis(labelAngle=0, labelLimit=200))
    chart = (
        alt.Chart(means)
        .mark_point(size=140, strokeWidth=2, shape="circle", color=OKABE_ITO["blue"])
        .encode(
            x=x,
            y=alt.Y("mean:Q", title=text(lang, "chart.mean_answer"), scale=alt.Scale(domain=list(scale))),
            fill=alt.condition(alt.datum.small, alt.value("white"), alt.value(OKABE_ITO["blue"])),
            tooltip=[
                alt.Tooltip("heading:N", title=column_name),
                alt.Tooltip("mean:Q", title=text(lang, "chart.mean_answer"), format=".2f"),
                alt.Tooltip("sd:Q", title=text(lang, "xt.col.sd"), format=".2f"),
                alt.Tooltip("n:Q", title=n_title(lang)),
            ],
        )
        .properties(
            title=chart_title(
                lang, "chart.xt_means.title", text(lang, "chart.xt_means.subtitle"), row=row_name, column=column_name
            ),
            height=rows_height(3, 60),
            width="container",
        )
    )
    return finish(chart, lang)


# --- Distributions ---------------------------------------------------------------------------------------

# Likert points from the most negative to the most positive: warm colours left of zero, grey in the middle,
# blues right of it (Okabe–Ito).
# By the points on each side of the middle: the negative points lowest first, the positive ones nearest first.
_NEGATIVE = {1: ("vermillion",), 2: ("vermillion", "orange"), 3: ("vermillion", "orange", "yellow")}
_POSITIVE = {1: ("blue",), 2: ("sky", "blue"), 3: ("sky", "green", "blue")}


def likert_colours(points: int) -> list[str]:
    """The colours of a scale's points, lowest first: as many warm colours below the middle as blues above
    it, grey for the middle point of an odd scale."""
    side = points // 2
    middle = [OKABE_ITO["grey"]] if points % 2 else []
    return [OKABE_ITO[c] for c in _NEGATIVE[side]] + middle + [OKABE_ITO[c] for c in _POSITIVE[side]]


def likert_chart(bars: pd.DataFrame, point_names: list[str], axis_title: str, *, lang: str, title_key: str, **params):
    """Diverging stacked bars (`survey.analysis.likert_distribution`, with `label` naming each bar and
    `point_name` each point): one bar per label, in the frame's order, the points below the middle left of
    zero and the middle point centred on it; the tooltip has the share, the count, the top-2-box and n."""
    labels = list(dict.fromkeys(bars["label"]))
    data = bars.assign(order=bars["point"])
    y = alt.Y("label:N", title=axis_title, sort=labels, axis=alt.Axis(labelLimit=320))
    segments = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("start:Q", title=text(lang, "chart.likert.axis"), scale=alt.Scale(domain=[-100, 100])),
            x2="end:Q",
            color=alt.Color(
                "point_name:N",
                title=None,
                sort=point_names,
                scale=alt.Scale(domain=point_names, range=likert_colours(len(point_names))),
                legend=alt.Legend(orient="top", labelLimit=300, columns=len(point_names)),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("label:N", title=axis_title),
                alt.Tooltip("point_name:N", title=text(lang, "chart.likert.point")),
                alt.Tooltip("share:Q", title=text(lang, "chart.share"), format=".1f"),
                alt.Tooltip("count:Q", title=text(lang, "chart.respondents")),
                alt.Tooltip("top2:Q", title=text(lang, "chart.likert.top2"), format=".1f"),
                alt.Tooltip("n:Q", title=n_title(lang)),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color=OKABE_ITO["black"]).encode(x="x:Q")
    chart = alt.layer(segments, zero).properties(
        title=chart_title(lang, title_key, text(lang, "chart.likert.subtitle"), **params),
        height=rows_height(len(labels), 28),
        width="container",
    )
    return finish(chart, lang)


# --- Drivers ---------------------------------------------------------------------------------------------


def drivers_chart(table: pd.DataFrame, target_name: str, subtitle: str, *, lang: str):
    """Each driver's share of R² (`survey.analysis.drivers`' table with the drivers' names in `label` and n),
    largest first, with its bootstrap interval when there is one."""
    labels = list(table["label"])
    y = alt.Y("label:N", title=text(lang, "chart.indicator"), sort=labels, axis=alt.Axis(labelLimit=320))
    tooltip = [
        alt.Tooltip("label:N", title=text(lang, "chart.indicator")),
        alt.Tooltip("share:Q", title=text(lang, "chart.drv.share"), format=".1f"),
        alt.Tooltip("importance:Q", title=text(lang, "drv.col.importance"), format=".3f"),
        alt.Tooltip("ci_low:Q", title=text(lang, "chart.ci_low"), format=".1f"),
        alt.Tooltip("ci_high:Q", title=text(lang, "chart.ci_high"), format=".1f"),
        alt.Tooltip("n:Q", title=n_title(lang)),
    ]
    bars = (
        alt.Chart(table)
        .mark_bar(color=OKABE_ITO["blue"])
        .encode(y=y, x=alt.X("share:Q", title=text(lang, "chart.drv.share")), tooltip=tooltip)
    )
    layers = [bars]
    if table["ci_low"].notna().any():
        layers.append(
            alt.Chart(table)
            .mark_rule(strokeWidth=2, color=OKABE_ITO["black"])
            .encode(y=y, x="ci_low:Q", x2="ci_high:Q", tooltip=tooltip)
        )
    chart = alt.layer(*layers).properties(
        title=chart_title(lang, "chart.drv.title", subtitle, target=target_name),
        height=rows_height(len(labels), 28),
        width="container",
    )
    return finish(chart, lang)
