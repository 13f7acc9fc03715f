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
