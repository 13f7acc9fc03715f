"""What every dashboard chart shares: the Okabe–Ito palette, the font, titles, heights and the n tooltip.

Colours are the Okabe–Ito palette (safe for the common colour-vision
deficiencies); each family of charts takes its colours from the named maps
here, so a segment or a quadrant has one colour on every chart.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt

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
    "on_cut": OKABE_ITO["grey"],  # a score on a cut line: in no segment (metrics.ON_CUT)
}
SEGMENT_SHAPES = {
    "loyalist": "circle",
    "hostage": "diamond",
    "mercenary": "square",
    "defector": "triangle-down",
    "on_cut": "cross",
}
QUADRANT_COLOURS = {
    "concentrate": OKABE_ITO["vermillion"],
    "keep_up": OKABE_ITO["blue"],
    "low_priority": OKABE_ITO["grey"],
    "overkill": OKABE_ITO["orange"],
}
# Chinese glyphs in charts: the first font that has them (Debian's fonts-noto-cjk), then the browser default.
FONT = "Source Sans Pro, Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"


def chart_title(lang: str, key: str, subtitle: str | None = None, **params) -> alt.TitleParams:
    """A chart's title (translation `key` filled with `params`) and subtitle, left-aligned."""
    return alt.TitleParams(text(lang, key, **params), subtitle=subtitle or alt.Undefined, anchor="start")


AXIS_LABEL_LIMIT = 400  # px of an axis label before "…" (Vega's 180 cut "Learning resour…")


def finish(chart, lang: str):
    """The chart with the font that has the Chinese glyphs on its title, axes and legend."""
    return (
        chart.configure(font=FONT)
        .configure_axis(labelFont=FONT, titleFont=FONT, labelLimit=AXIS_LABEL_LIMIT)
        .configure_legend(labelFont=FONT, titleFont=FONT)
    )


def labelled(codes, labels: Mapping) -> list[str]:
    """The label of each code (the code itself when it has none)."""
    return [str(labels.get(c, c)) for c in codes]


def rows_height(rows: int, per_row: int) -> int:
    """Total height of a chart with one band per row: Streamlit fits title, legend and axes inside it."""
    return 160 + per_row * max(rows, 3)


def n_title(lang: str) -> str:
    """The title of the n in every tooltip."""
    return text(lang, "chart.n")


def quadrant_channels(names: Mapping[str, str], lang: str) -> dict:
    """The colour and shape of the four quadrants of an importance–performance chart (IPA on Priorities,
    IPMA on Model): `names` maps each quadrant (in `QUADRANT_COLOURS` order) to its name shown, in the
    field `quadrant_name`; the colour has a legend under the chart, the shape repeats it for print."""
    domain = list(names.values())
    return {
        "color": alt.Color(
            "quadrant_name:N",
            title=text(lang, "chart.quadrant"),
            scale=alt.Scale(domain=domain, range=list(QUADRANT_COLOURS.values())),
            legend=alt.Legend(orient="bottom"),
        ),
        "shape": alt.Shape(
            "quadrant_name:N",
            scale=alt.Scale(domain=domain, range=["triangle-down", "circle", "square", "diamond"]),
            legend=None,
        ),
    }
