"""The Loyalty page's segment charts: the satisfaction–loyalty matrix (Jones & Sasser), the segments' shares, the
customer pyramid."""

from __future__ import annotations

import altair as alt
import pandas as pd

from metrics.compare import SMALL_GROUP
from survey.i18n import text
from ui.charts.style import (
    OKABE_ITO,
    SEGMENT_COLOURS,
    SEGMENT_SHAPES,
    chart_title,
    finish,
    n_title,
    rows_height,
)


def loyalty_matrix_chart(points: pd.DataFrame, result, *, lang: str, satisfaction_source: str):
    """Satisfaction–loyalty matrix (Jones & Sasser): one point per position (`LoyaltyMatrix.points`), sized
    by the respondents there, coloured and shaped by segment; the cut lines; the quadrant names.
    `result` (metrics.SegmentResult) counts everyone; respondents on a cut line are grey crosses."""
    shown = _shown(result)
    names = {s: text(lang, f"segment.{s}") for s in shown}
    counts = result.counts.to_dict() | {"on_cut": result.on_cut}
    data = points.assign(
        segment_name=[names.get(s, "") for s in points["segment"]],
        n=[int(counts.get(s, 0)) for s in points["segment"]],
    )
    x_title = text(
        lang, "chart.satisfaction_overall" if satisfaction_source == "overall" else "chart.satisfaction_perception"
    )
    x = alt.X("satisfaction:Q", title=x_title, scale=alt.Scale(domain=[-2, 102], nice=False))
    y = alt.Y("loyalty:Q", title=text(lang, "chart.loyalty_score"), scale=alt.Scale(domain=[-2, 102], nice=False))
    domain = list(names.values())
    dots = (
        alt.Chart(data)
        .mark_point(filled=True, opacity=0.7)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "segment_name:N",
                title=text(lang, "chart.segment"),
                scale=alt.Scale(domain=domain, range=[SEGMENT_COLOURS[k] for k in shown]),
                legend=alt.Legend(orient="bottom"),
            ),
            shape=alt.Shape(
                "segment_name:N", scale=alt.Scale(domain=domain, range=[SEGMENT_SHAPES[k] for k in shown]), legend=None
            ),
            size=alt.Size(
                "respondents:Q",
                title=text(lang, "chart.respondents"),
                scale=alt.Scale(range=[30, 600]),
                legend=alt.Legend(orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip("segment_name:N", title=text(lang, "chart.segment")),
                alt.Tooltip("satisfaction:Q", title=x_title, format=".1f"),
                alt.Tooltip("loyalty:Q", title=text(lang, "chart.loyalty_score"), format=".1f"),
                alt.Tooltip("respondents:Q", title=text(lang, "chart.at_point")),
                alt.Tooltip("n:Q", title=text(lang, "chart.n_segment")),
            ],
        )
    )
    cuts = pd.DataFrame({"satisfaction": [result.cut_satisfaction], "loyalty": [result.cut_loyalty]})
    v_rule = alt.Chart(cuts).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["black"]).encode(x=x)
    h_rule = alt.Chart(cuts).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["black"]).encode(y=y)
    corners = pd.DataFrame(
        {
            "satisfaction": [-2, 102, -2, 102],
            "loyalty": [102, 102, -2, -2],
            "text": [names["hostage"], names["loyalist"], names["defector"], names["mercenary"]],
            "align": ["left", "right", "left", "right"],
            "baseline": ["top", "top", "bottom", "bottom"],
        }
    )
    labels = [
        alt.Chart(corners.iloc[[k]])
        .mark_text(
            align=corners.at[k, "align"],
            baseline=corners.at[k, "baseline"],
            dx=6 if corners.at[k, "align"] == "left" else -6,
            dy=6 if corners.at[k, "baseline"] == "top" else -6,
            fontWeight="bold",
            fontSize=13,
            color=OKABE_ITO["grey"],
        )
        .encode(x=x, y=y, text="text:N")
        for k in range(4)
    ]
    total = int(result.counts.sum()) + result.on_cut
    chart = alt.layer(v_rule, h_rule, *labels, dots).properties(
        title=chart_title(lang, "chart.loyalty_matrix.title", text(lang, "chart.loyalty_matrix.subtitle", n=total)),
        height=540,
        width="container",
    )
    return finish(chart, lang)


def segment_share_chart(result, *, lang: str):
    """Share of respondents in each segment of the satisfaction–loyalty matrix (and on a cut line, if any)."""
    shown = _shown(result)
    names = {s: text(lang, f"segment.{s}") for s in shown}
    extra = ["on_cut"] if result.on_cut else []
    data = pd.DataFrame(
        {
            "segment": [names[s] for s in [*result.counts.index, *extra]],
            "count": [*result.counts.to_numpy(), *([result.on_cut] if extra else [])],
            "share": [*result.shares.to_numpy(), *([result.on_cut_share] if extra else [])],
            "total": int(result.counts.sum()) + result.on_cut,
        }
    )
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("segment:N", sort=list(data["segment"]), title=None),
            x=alt.X("share:Q", title=text(lang, "chart.share"), axis=alt.Axis(format="%")),
            color=alt.Color(
                "segment:N",
                scale=alt.Scale(domain=list(names.values()), range=[SEGMENT_COLOURS[k] for k in shown]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("segment:N", title=text(lang, "chart.segment")),
                alt.Tooltip("count:Q", title=text(lang, "chart.respondents")),
                alt.Tooltip("share:Q", title=text(lang, "chart.share"), format=".1%"),
                alt.Tooltip("total:Q", title=n_title(lang)),
            ],
        )
        .properties(
            title=chart_title(lang, "chart.segment_shares.title"), height=rows_height(len(data), 34), width="container"
        )
    )
    return finish(chart, lang)


def _shown(result) -> list[str]:
    """The segments a chart names: the four, and "on a cut line" when somebody is on one."""
    return [s for s in SEGMENT_COLOURS if s != "on_cut" or result.on_cut]


def pyramid_chart(tiers: pd.DataFrame, *, lang: str):
    """The customer pyramid (platinum on top) coloured by each tier's loyalty index (`analysis.loyalty_by_tier`)."""
    names = {t: text(lang, f"tier.{t}") for t in ("platinum", "gold", "iron", "lead")}
    widths = {"platinum": 1, "gold": 2, "iron": 3, "lead": 4}  # drawing only: a pyramid, not to scale
    data = tiers.assign(
        name=[names[t] for t in tiers["tier"]],
        left=[-widths[t] for t in tiers["tier"]],
        right=[widths[t] for t in tiers["tier"]],
        caption=[
            text(lang, "chart.tier_caption", tier=names[t], share=s * 100, loyalty=v)
            if v == v
            else text(lang, "chart.tier_caption_empty", tier=names[t], share=s * 100 if s == s else 0.0)
            for t, s, v in zip(tiers["tier"], tiers["share"], tiers["loyalty"])
        ],
    )
    data["caption"] = [
        c + (f" (n<{SMALL_GROUP})" if n < SMALL_GROUP else "") for c, n in zip(data["caption"], data["n"])
    ]
    y = alt.Y("name:N", sort=list(names.values()), title=None, axis=None)
    tooltip = [
        alt.Tooltip("name:N", title=text(lang, "chart.tier")),
        alt.Tooltip("customers:Q", title=text(lang, "chart.customers")),
        alt.Tooltip("share:Q", title=text(lang, "chart.share"), format=".1%"),
        alt.Tooltip("value_share:Q", title=text(lang, "chart.value_share"), format=".1%"),
        alt.Tooltip("loyalty:Q", title=text(lang, "card.loyalty"), format=".1f"),
        alt.Tooltip("n:Q", title=n_title(lang)),
    ]
    bars = (
        alt.Chart(data)
        .mark_bar(height=alt.RelativeBandSize(0.9))
        .encode(
            y=y,
            x=alt.X("left:Q", axis=None, scale=alt.Scale(domain=[-4.2, 9.5])),
            x2="right:Q",
            color=alt.Color(
                "loyalty:Q",
                title=text(lang, "card.loyalty"),
                scale=alt.Scale(scheme="viridis", domain=[0, 100]),
                legend=alt.Legend(orient="bottom", direction="horizontal", gradientLength=240),
            ),
            tooltip=tooltip,
        )
    )
    captions = (
        alt.Chart(data)
        .mark_text(align="left", dx=6)
        .encode(y=y, x=alt.X("right:Q", scale=alt.Scale(domain=[-4.2, 9.5])), text="caption:N", tooltip=tooltip)
    )
    chart = alt.layer(bars, captions).properties(
        title=chart_title(lang, "chart.pyramid.title", text(lang, "chart.pyramid.subtitle")),
        height=380,
        width="container",
    )
    return finish(chart, lang)
