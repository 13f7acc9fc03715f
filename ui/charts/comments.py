"""The Comments page's chart: the terms that distinguish detractors from promoters
(`survey.comments.term_tables`, z of the weighted log-odds), as horizontal bars."""

from __future__ import annotations

import altair as alt
import pandas as pd

from survey.i18n import text
from ui.charts.style import NPS_COLOURS, chart_title, finish, rows_height

TOP = 10  # terms shown on each side


def distinguishing_terms_chart(terms: pd.DataFrame, *, lang: str, top: int = TOP):
    """The `top` terms most typical of detractors (z > 0) and of promoters (z < 0), longest bar first on each
    side, coloured as the NPS categories."""
    shown = terms.dropna(subset=["z"])
    shown = pd.concat([shown[shown["z"] > 0].head(top), shown[shown["z"] < 0].tail(top)], ignore_index=True)
    names = {"detractor": text(lang, "comments.terms_detractors"), "promoter": text(lang, "comments.terms_promoters")}
    data = shown.assign(side=[names["detractor"] if z > 0 else names["promoter"] for z in shown["z"]])
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y(
                "term:N", sort=list(data["term"]), title=text(lang, "comments.term"), axis=alt.Axis(labelLimit=300)
            ),
            x=alt.X("z:Q", title=text(lang, "comments.z")),
            color=alt.Color(
                "side:N",
                title=None,
                scale=alt.Scale(domain=list(names.values()), range=[NPS_COLOURS["detractor"], NPS_COLOURS["promoter"]]),
                legend=alt.Legend(orient="top", labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("term:N", title=text(lang, "comments.term")),
                alt.Tooltip("count_a:Q", title=text(lang, "comments.count_detractors")),
                alt.Tooltip("count_b:Q", title=text(lang, "comments.count_promoters")),
                alt.Tooltip("log_odds:Q", title=text(lang, "comments.log_odds"), format=".2f"),
                alt.Tooltip("z:Q", title=text(lang, "comments.z"), format=".2f"),
            ],
        )
        .properties(
            title=chart_title(lang, "comments.terms_chart_title"), height=rows_height(len(data), 22), width="container"
        )
    )
    return finish(chart, lang)
