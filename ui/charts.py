"""The dashboards' charts: one function per chart, each returning an Altair chart.

Every builder takes the figures as a DataFrame (or a metrics result), the
labels to show for codes, and `lang` ("zh" / "en"), so the same chart serves
the page and, later, the exports. Every chart has a title and axis titles in
that language and a tooltip with n; colours are the Okabe–Ito palette (safe
for the common colour-vision deficiencies), with shape or fill as a second
cue where a colour carries meaning.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import altair as alt
import numpy as np
import pandas as pd

from metrics.compare import SMALL_GROUP
from survey.i18n import text

# Okabe, M., Ito, K. (2008). Color Universal Design.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
    "black": "#000000",
}
CATEGORICAL = [OKABE_ITO[c] for c in ("blue", "orange", "green", "vermillion", "purple", "sky", "yellow", "black")]
NPS_COLOURS = {"detractor": OKABE_ITO["vermillion"], "passive": OKABE_ITO["grey"], "promoter": OKABE_ITO["blue"]}
SEGMENT_COLOURS = {
    "loyalist": OKABE_ITO["blue"],
    "hostage": OKABE_ITO["purple"],
    "mercenary": OKABE_ITO["green"],
    "defector": OKABE_ITO["vermillion"],
}
SEGMENT_SHAPES = {"loyalist": "circle", "hostage": "diamond", "mercenary": "square", "defector": "triangle-down"}
QUADRANT_COLOURS = {
    "concentrate": OKABE_ITO["vermillion"],
    "keep_up": OKABE_ITO["blue"],
    "low_priority": OKABE_ITO["grey"],
    "overkill": OKABE_ITO["orange"],
}
# Chinese glyphs in charts: the first font that has them (Debian's fonts-noto-cjk), then the browser default.
FONT = "Source Sans Pro, Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


def _title(lang: str, key: str, subtitle: str | None = None, **params) -> alt.TitleParams:
    return alt.TitleParams(text(lang, key, **params), subtitle=subtitle or alt.Undefined, anchor="start")


def _finish(chart, lang: str):
    return (
        chart.configure(font=FONT)
        .configure_axis(labelFont=FONT, titleFont=FONT)
        .configure_legend(labelFont=FONT, titleFont=FONT)
    )


def _labelled(codes, labels: Mapping) -> list[str]:
    return [str(labels.get(c, c)) for c in codes]


def _rows_height(rows: int, per_row: int) -> int:
    """Total height of a chart with one band per row: Streamlit fits title, legend and axes inside it."""
    return 160 + per_row * max(rows, 3)


def _n_title(lang: str) -> str:
    return text(lang, "chart.n")


# --- gaps ------------------------------------------------------------------------------------


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
    data = table.assign(label=_labelled(table["code"], labels))
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
        alt.Tooltip("n:Q", title=_n_title(lang)),
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
    height = _rows_height(len(order), 30)
    chart = alt.layer(rule, points).properties(
        title=_title(lang, title_key, text(lang, "chart.gaps.subtitle")), height=height, width="container"
    )
    return _finish(chart, lang)


def profile_chart(table: pd.DataFrame, labels: Mapping, *, lang: str):
    """The profile ("snake") chart: perception and expectation means down the indicators, in tree order."""
    data = table.assign(label=_labelled(table["code"], labels), position=range(len(table)))
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
                alt.Tooltip("n:Q", title=_n_title(lang)),
            ],
        )
        .properties(
            title=_title(lang, "chart.profile.title", text(lang, "chart.profile.subtitle")),
            height=_rows_height(len(data), 30),
            width="container",
        )
    )
    return _finish(chart, lang)


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
        .properties(title=title, height=_rows_height(len(data), 34), width="container")
    )
    return _finish(chart, lang)


def dimension_gap_chart(dimensions: pd.DataFrame, labels: Mapping, *, lang: str, n: Mapping | None = None):
    """Gap per dimension (a `metrics.servqual` dimensions table, or a dimension-level gap table), bars
    coloured by sign."""
    data = dimensions.reset_index()
    code = "dimension" if "dimension" in data.columns and "code" not in data.columns else "code"
    below, above = text(lang, "chart.below"), text(lang, "chart.above")
    data = data.assign(
        label=_labelled(data[code], labels),
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
            alt.Tooltip("n:Q", title=_n_title(lang)),
        ],
        _title(lang, "chart.dimension_gaps.title"),
        lang,
    )


def experience_chart(table: pd.DataFrame, labels: Mapping, *, lang: str):
    """Weighted satisfaction per touchpoint of `metrics.experience_table`; the key experience stands out."""
    data = table.reset_index().rename(columns={"indicator": "code"})
    key, other = text(lang, "chart.key_experience"), text(lang, "chart.touchpoint")
    data = data.assign(label=_labelled(data["code"], labels), kind=np.where(data["key_experience"], key, other))
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
            alt.Tooltip("n:Q", title=_n_title(lang)),
        ],
        _title(lang, "chart.experience.title"),
        lang,
    )


# --- priorities --------------------------------------------------------------------------------------


def ipa_matrix(result, labels: Mapping, *, lang: str, importance: str):
    """Importance–performance matrix of a `metrics.IPAResult`: quadrants, the mean lines, labelled points."""
    data = result.table.reset_index().dropna(subset=["performance", "importance", "quadrant"])
    names = {q: text(lang, f"quadrant.{q}") for q in QUADRANT_COLOURS}
    data = data.assign(label=_labelled(data["indicator"], labels), quadrant_name=[names[q] for q in data["quadrant"]])
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
        alt.Tooltip("gap:Q", title=text(lang, "chart.gap"), format="+.2f"),
        alt.Tooltip("n:Q", title=_n_title(lang)),
    ]
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=120)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "quadrant_name:N",
                title=text(lang, "chart.quadrant"),
                scale=alt.Scale(domain=list(names.values()), range=list(QUADRANT_COLOURS.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            shape=alt.Shape(
                "quadrant_name:N",
                scale=alt.Scale(domain=list(names.values()), range=["triangle-down", "circle", "square", "diamond"]),
                legend=None,
            ),
            tooltip=tooltip,
        )
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
    chart = alt.layer(v_rule, h_rule, *quadrant_text, points, point_labels).properties(
        title=_title(lang, "chart.ipa.title", text(lang, "chart.ipa.subtitle")), height=520, width="container"
    )
    return _finish(chart, lang)


def _padded(values: pd.Series, cut: float) -> tuple[float, float]:
    lo = float(np.nanmin([values.min(), cut]))
    hi = float(np.nanmax([values.max(), cut]))
    pad = (hi - lo) * 0.12 or 1.0
    return lo - pad, hi + pad


# --- NPS ------------------------------------------------------------------------------------------------------


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
                alt.Tooltip("total:Q", title=_n_title(lang)),
            ],
        )
        .properties(title=_title(lang, "chart.nps_distribution.title", n=total), height=380, width="container")
    )
    return _finish(chart, lang)


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
    other respondents (z-test), hollow marks have fewer than 30 answers."""
    sig, not_sig = text(lang, "chart.significant_z"), text(lang, "chart.not_significant")
    data = table.assign(
        label=[f"{g} (n<{SMALL_GROUP})" if s else str(g) for g, s in zip(table["group"], table["small"])],
        mark=np.where(table["significant"], sig, not_sig),
        test=text(lang, "test.nps_z"),
    )
    tooltip = _nps_tooltip(lang, field_label)
    y = alt.Y("label:N", sort=list(data["label"]), title=field_label)
    bars, points = _interval_layers(data, y, lang, tooltip, marks={not_sig: "circle", sig: "diamond"})
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color=OKABE_ITO["black"], opacity=0.3).encode(x="x:Q")
    chart = alt.layer(zero, bars, points).properties(
        title=_title(lang, "chart.nps_segments.title", text(lang, "chart.nps_segments.subtitle"), field=field_label),
        height=_rows_height(len(data), 34),
        width="container",
    )
    return _finish(chart, lang)


def _nps_tooltip(lang: str, group_title: str) -> list:
    return [
        alt.Tooltip("label:N", title=group_title),
        alt.Tooltip("score:Q", title="NPS", format=".1f"),
        alt.Tooltip("ci_low:Q", title=text(lang, "chart.ci_low"), format=".1f"),
        alt.Tooltip("ci_high:Q", title=text(lang, "chart.ci_high"), format=".1f"),
        alt.Tooltip("difference:Q", title=text(lang, "chart.difference"), format="+.1f"),
        alt.Tooltip("p_value:Q", title=text(lang, "chart.p_value"), format=".3f"),
        alt.Tooltip("test:N", title=text(lang, "chart.test")),
        alt.Tooltip("n:Q", title=_n_title(lang)),
    ]


def nps_trend_chart(trend: pd.DataFrame, *, lang: str):
    """NPS per wave with its 95 % interval (`analysis.nps_trend`); diamonds changed significantly since the
    wave before."""
    sig, not_sig = text(lang, "chart.changed_z"), text(lang, "chart.not_significant")
    data = trend.assign(
        label=trend["wave"].astype(str),
        mark=np.where(trend["significant"], sig, not_sig),
        test=text(lang, "test.nps_z"),
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
        title=_title(lang, "chart.nps_trend.title"), height=380, width="container"
    )
    return _finish(chart, lang)


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
                alt.Tooltip("n:Q", title=_n_title(lang)),
            ],
        )
        .properties(title=_title(lang, "chart.index_trend.title"), height=380, width="container")
    )
    return _finish(chart, lang)


# --- loyalty --------------------------------------------------------------------------------------------------


def index_items_chart(nodes: pd.DataFrame, labels: Mapping, *, lang: str, title_key: str = "chart.loyalty_items.title"):
    """The 0–100 index of each item (the `nodes` of a metrics.IndexResult)."""
    data = nodes.assign(label=_labelled(nodes["code"], labels))
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
                alt.Tooltip("n:Q", title=_n_title(lang)),
            ],
        )
        .properties(title=_title(lang, title_key), height=_rows_height(len(data), 34), width="container")
    )
    return _finish(chart, lang)


def loyalty_matrix_chart(points: pd.DataFrame, result, *, lang: str, satisfaction_source: str):
    """Satisfaction–loyalty matrix (Jones & Sasser): one point per position (`LoyaltyMatrix.points`), sized
    by the respondents there, coloured and shaped by segment; the cut lines; the quadrant names.
    `result` (metrics.SegmentResult) counts everyone."""
    names = {s: text(lang, f"segment.{s}") for s in SEGMENT_COLOURS}
    counts = result.counts.to_dict()
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
                scale=alt.Scale(domain=domain, range=list(SEGMENT_COLOURS.values())),
                legend=alt.Legend(orient="bottom"),
            ),
            shape=alt.Shape(
                "segment_name:N", scale=alt.Scale(domain=domain, range=list(SEGMENT_SHAPES.values())), legend=None
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
    total = int(result.counts.sum())
    chart = alt.layer(v_rule, h_rule, *labels, dots).properties(
        title=_title(lang, "chart.loyalty_matrix.title", text(lang, "chart.loyalty_matrix.subtitle", n=total)),
        height=540,
        width="container",
    )
    return _finish(chart, lang)


def segment_share_chart(result, *, lang: str):
    """Share of respondents in each segment of the satisfaction–loyalty matrix."""
    names = {s: text(lang, f"segment.{s}") for s in SEGMENT_COLOURS}
    data = pd.DataFrame(
        {
            "segment": [names[s] for s in result.counts.index],
            "count": result.counts.to_numpy(),
            "share": result.shares.to_numpy(),
            "total": int(result.counts.sum()),
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
                scale=alt.Scale(domain=list(names.values()), range=list(SEGMENT_COLOURS.values())),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("segment:N", title=text(lang, "chart.segment")),
                alt.Tooltip("count:Q", title=text(lang, "chart.respondents")),
                alt.Tooltip("share:Q", title=text(lang, "chart.share"), format=".1%"),
                alt.Tooltip("total:Q", title=_n_title(lang)),
            ],
        )
        .properties(title=_title(lang, "chart.segment_shares.title"), height=_rows_height(4, 34), width="container")
    )
    return _finish(chart, lang)


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
        alt.Tooltip("n:Q", title=_n_title(lang)),
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
        title=_title(lang, "chart.pyramid.title", text(lang, "chart.pyramid.subtitle")), height=380, width="container"
    )
    return _finish(chart, lang)


# --- the path model ------------------------------------------------------------------------------------------------

# Where each construct of the ACSI / ECSI model sits in the path diagram (x, y), left to right.
MODEL_LAYOUT = {
    "image": (0.0, 1.0),
    "expectation": (1.2, 2.0),
    "quality": (1.2, 0.0),
    "value": (2.6, 0.0),
    "satisfaction": (3.6, 1.0),
    "complaints": (4.8, 2.0),
    "loyalty": (4.8, 0.0),
}
_DIAGRAM = {"width": 900, "height": 400, "x": (-0.7, 5.5), "y": (-0.6, 2.6), "radius": 0.34}


def path_diagram(fit, labels: Mapping, *, lang: str):
    """The inner model of a `metrics.PLSResult`: constructs with their 0–100 index and R², arrows with the
    path coefficients (wider = stronger; bootstrap interval in the tooltip when computed)."""
    constructs = list(fit.ave.index)
    pos = {c: MODEL_LAYOUT.get(c, (float(k), -0.4)) for k, c in enumerate(constructs)}
    w, h = _DIAGRAM["width"], _DIAGRAM["height"]
    (x0, x1), (y0, y1) = _DIAGRAM["x"], _DIAGRAM["y"]
    px, py = w / (x1 - x0), h / (y1 - y0)
    boot = None
    if fit.bootstrap is not None:
        boot = fit.bootstrap.set_index(["from", "to"])
    edges = []
    for _, row in fit.paths.iterrows():
        (ax, ay), (bx, by) = pos[row["from"]], pos[row["to"]]
        sx, sy = (bx - ax) * px, (by - ay) * py  # screen units (y up)
        length = math.hypot(sx, sy) or 1.0
        r = _DIAGRAM["radius"] * py
        ux, uy = sx / length, sy / length
        start = (ax + ux * r / px, ay + uy * r / py)
        end = (bx - ux * r / px, by - uy * r / py)
        low = high = math.nan
        if boot is not None and (row["from"], row["to"]) in boot.index:
            low, high = boot.loc[(row["from"], row["to"]), ["ci_low", "ci_high"]]
        edges.append(
            {
                "from": labels.get(row["from"], row["from"]),
                "to": labels.get(row["to"], row["to"]),
                "x": start[0],
                "y": start[1],
                "x2": end[0],
                "y2": end[1],
                # labels 40 % along the arrow, so the crossing arrows' labels do not meet in the middle
                "mx": start[0] + 0.4 * (end[0] - start[0]),
                "my": start[1] + 0.4 * (end[1] - start[1]),
                "coefficient": float(row["coefficient"]),
                "strength": abs(float(row["coefficient"])),
                "angle": math.degrees(math.atan2(ux, uy)),  # triangle-up rotated clockwise to the direction
                "ci_low": low,
                "ci_high": high,
                "n": fit.n,
            }
        )
    edges = pd.DataFrame(edges)
    r2 = fit.r_squared.to_dict()
    index = fit.index.to_dict() if fit.index is not None else {}
    nodes = pd.DataFrame(
        {
            "label": [labels.get(c, c) for c in constructs],
            "x": [pos[c][0] for c in constructs],
            "y": [pos[c][1] for c in constructs],
            "index": [index.get(c, math.nan) for c in constructs],
            "r2": [r2.get(c, math.nan) for c in constructs],
            "ave": [float(fit.ave[c]) for c in constructs],
            "n": fit.n,
        }
    )
    nodes["detail"] = [
        text(lang, "chart.node_detail", index=i) + (f" · R² {v:.2f}" if v == v else "")
        for i, v in zip(nodes["index"], nodes["r2"])
    ]
    xs = alt.Scale(domain=[x0, x1])
    ys = alt.Scale(domain=[y0, y1])
    edge_tip = [
        alt.Tooltip("from:N", title=text(lang, "chart.from")),
        alt.Tooltip("to:N", title=text(lang, "chart.to")),
        alt.Tooltip("coefficient:Q", title=text(lang, "chart.coefficient"), format=".3f"),
        alt.Tooltip("ci_low:Q", title=text(lang, "chart.boot_low"), format=".3f"),
        alt.Tooltip("ci_high:Q", title=text(lang, "chart.boot_high"), format=".3f"),
        alt.Tooltip("n:Q", title=_n_title(lang)),
    ]
    node_tip = [
        alt.Tooltip("label:N", title=text(lang, "chart.construct")),
        alt.Tooltip("index:Q", title=text(lang, "chart.index_axis"), format=".1f"),
        alt.Tooltip("r2:Q", title="R²", format=".3f"),
        alt.Tooltip("ave:Q", title="AVE", format=".3f"),
        alt.Tooltip("n:Q", title=_n_title(lang)),
    ]
    no_axis = {"axis": None}
    lines = (
        alt.Chart(edges)
        .mark_rule(color=OKABE_ITO["grey"])
        .encode(
            x=alt.X("x:Q", scale=xs, **no_axis),
            y=alt.Y("y:Q", scale=ys, **no_axis),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("strength:Q", scale=alt.Scale(domain=[0, 1], range=[1, 7]), legend=None),
            tooltip=edge_tip,
        )
    )
    heads = (
        alt.Chart(edges)
        .mark_point(shape="triangle-up", filled=True, size=110, color=OKABE_ITO["grey"], opacity=1)
        .encode(
            x=alt.X("x2:Q", scale=xs, **no_axis),
            y=alt.Y("y2:Q", scale=ys, **no_axis),
            angle=alt.Angle("angle:Q", scale=None),
            tooltip=edge_tip,
        )
    )
    coefficients = (
        alt.Chart(edges)
        .mark_text(fontWeight="bold", color=OKABE_ITO["black"], dy=-7)
        .encode(
            x=alt.X("mx:Q", scale=xs, **no_axis),
            y=alt.Y("my:Q", scale=ys, **no_axis),
            text=alt.Text("coefficient:Q", format=".2f"),
            tooltip=edge_tip,
        )
    )
    circles = (
        alt.Chart(nodes)
        .mark_circle(size=(2 * _DIAGRAM["radius"] * py) ** 2 * 0.8, color=OKABE_ITO["sky"], opacity=0.35)
        .encode(x=alt.X("x:Q", scale=xs, **no_axis), y=alt.Y("y:Q", scale=ys, **no_axis), tooltip=node_tip)
    )
    names = (
        alt.Chart(nodes)
        .mark_text(fontWeight="bold", fontSize=13, dy=-7)
        .encode(
            x=alt.X("x:Q", scale=xs, **no_axis), y=alt.Y("y:Q", scale=ys, **no_axis), text="label:N", tooltip=node_tip
        )
    )
    details = (
        alt.Chart(nodes)
        .mark_text(fontSize=11, dy=9)
        .encode(
            x=alt.X("x:Q", scale=xs, **no_axis), y=alt.Y("y:Q", scale=ys, **no_axis), text="detail:N", tooltip=node_tip
        )
    )
    chart = alt.layer(lines, heads, coefficients, circles, names, details).properties(
        title=_title(lang, "chart.path.title", text(lang, "chart.path.subtitle", n=fit.n)), width=w, height=h
    )
    return _finish(chart.configure_view(strokeWidth=0), lang)


def loadings_chart(fit, blocks: Mapping, labels: Mapping, *, lang: str):
    """Outer loadings of every item, grouped by construct, with the 0.7 guide line."""
    block_of = {item: labels.get(b, b) for b, items in blocks.items() for item in items}
    data = pd.DataFrame(
        {
            "item": list(fit.loadings.index),
            "loading": fit.loadings.to_numpy(),
            "weight": fit.outer_weights.reindex(fit.loadings.index).to_numpy(),
            "construct": [block_of.get(i, "") for i in fit.loadings.index],
            "n": fit.n,
        }
    )
    constructs = list(dict.fromkeys(data["construct"]))
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("item:N", sort=list(data["item"]), title=text(lang, "chart.item"), axis=alt.Axis(labelAngle=-45)),
            y=alt.Y("loading:Q", title=text(lang, "chart.loading"), scale=alt.Scale(domain=[0, 1])),
            color=alt.Color(
                "construct:N",
                title=text(lang, "chart.construct"),
                scale=alt.Scale(domain=constructs, range=CATEGORICAL[: len(constructs)]),
                legend=alt.Legend(orient="top", labelLimit=400),
            ),
            tooltip=[
                alt.Tooltip("item:N", title=text(lang, "chart.item")),
                alt.Tooltip("construct:N", title=text(lang, "chart.construct")),
                alt.Tooltip("loading:Q", title=text(lang, "chart.loading"), format=".3f"),
                alt.Tooltip("weight:Q", title=text(lang, "chart.outer_weight"), format=".3f"),
                alt.Tooltip("n:Q", title=_n_title(lang)),
            ],
        )
    )
    guide = alt.Chart(pd.DataFrame({"y": [0.7]})).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["black"]).encode(y="y:Q")
    chart = alt.layer(bars, guide).properties(title=_title(lang, "chart.loadings.title"), height=400, width="container")
    return _finish(chart, lang)
