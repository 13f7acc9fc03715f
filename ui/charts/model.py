"""The path model of the Model page (`metrics.PLSResult`): the path diagram of the inner model, the outer loadings,
the quality grids (reliability, HTMT) and the importance–performance map."""

from __future__ import annotations

import math
from collections.abc import Mapping

import altair as alt
import pandas as pd

from survey.i18n import text
from ui.charts.style import (
    CATEGORICAL,
    OKABE_ITO,
    QUADRANT_COLOURS,
    chart_title,
    finish,
    n_title,
    quadrant_channels,
)

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
    py = h / (y1 - y0)
    edges = _arrows(fit, pos, labels)
    nodes = _constructs(fit, constructs, pos, labels, lang)
    xs = alt.Scale(domain=[x0, x1])
    ys = alt.Scale(domain=[y0, y1])
    edge_tip = [
        alt.Tooltip("from:N", title=text(lang, "chart.from")),
        alt.Tooltip("to:N", title=text(lang, "chart.to")),
        alt.Tooltip("coefficient:Q", title=text(lang, "chart.coefficient"), format=".3f"),
        alt.Tooltip("ci_low:Q", title=text(lang, "chart.boot_low"), format=".3f"),
        alt.Tooltip("ci_high:Q", title=text(lang, "chart.boot_high"), format=".3f"),
        alt.Tooltip("n:Q", title=n_title(lang)),
    ]
    node_tip = [
        alt.Tooltip("label:N", title=text(lang, "chart.construct")),
        alt.Tooltip("index:Q", title=text(lang, "chart.index_axis"), format=".1f"),
        alt.Tooltip("r2:Q", title="R²", format=".3f"),
        alt.Tooltip("ave:Q", title="AVE", format=".3f"),
        alt.Tooltip("n:Q", title=n_title(lang)),
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
    # each coefficient on a white plate at its arrow's middle: readable over the line and clear of the others
    plates = (
        alt.Chart(edges)
        .mark_point(shape="square", filled=True, size=34**2 / 2.2, color="white", opacity=0.92)
        .encode(x=alt.X("mx:Q", scale=xs, **no_axis), y=alt.Y("my:Q", scale=ys, **no_axis), tooltip=edge_tip)
    )
    coefficients = (
        alt.Chart(edges)
        .mark_text(fontWeight="bold", color=OKABE_ITO["black"], baseline="middle")
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
    chart = alt.layer(lines, heads, circles, names, details, plates, coefficients).properties(
        title=chart_title(lang, "chart.path.title", text(lang, "chart.path.subtitle", n=fit.n)), width=w, height=h
    )
    return finish(chart.configure_view(strokeWidth=0), lang)


def _arrows(fit, pos: Mapping, labels: Mapping) -> pd.DataFrame:
    """One row per path: where its arrow starts and ends (at the circles' rims), its label's place, its coefficient
    and bootstrap interval."""
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
    return pd.DataFrame(edges)


def _constructs(fit, constructs: list, pos: Mapping, labels: Mapping, lang: str) -> pd.DataFrame:
    """One row per construct: its place, 0–100 index, R² and AVE, and the line shown under its name."""
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
    return nodes


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
            x=alt.X(
                "item:N",
                sort=list(data["item"]),
                title=text(lang, "chart.item"),
                axis=alt.Axis(labelAngle=-45, labelOverlap=False),
            ),
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
                alt.Tooltip("n:Q", title=n_title(lang)),
            ],
        )
    )
    guide = alt.Chart(pd.DataFrame({"y": [0.7]})).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["black"]).encode(y="y:Q")
    chart = alt.layer(bars, guide).properties(
        title=chart_title(lang, "chart.loadings.title"), height=400, width="container"
    )
    return finish(chart, lang)


# pass / doubtful / fail / not computed: colour and a mark in the cell (the second cue besides colour)
QUALITY_COLOURS = {
    "pass": OKABE_ITO["green"],
    "doubtful": OKABE_ITO["orange"],
    "fail": OKABE_ITO["vermillion"],
    "na": "#DDDDDD",
}
RELIABILITY_MEASURES = ("alpha", "rho_a", "rho_c", "ave", "item_vif")


def _status_colour(lang: str) -> alt.Color:
    names = [text(lang, f"model.status.{s}") for s in QUALITY_COLOURS]
    return alt.Color(
        "status_name:N",
        title=text(lang, "chart.status"),
        scale=alt.Scale(domain=names, range=list(QUALITY_COLOURS.values())),
        legend=alt.Legend(orient="bottom"),
    )


def quality_chart(by_construct: pd.DataFrame, labels: Mapping, *, lang: str, n: int):
    """Reliability and convergent validity (`survey.analysis.quality_by_construct`): one row per construct, one
    column per measure, each cell coloured pass / doubtful / fail with its value."""
    measure_names = {
        m: text(lang, "chart.max_item_vif" if m == "item_vif" else f"model.measure.{m}") for m in RELIABILITY_MEASURES
    }
    data = by_construct.assign(
        label=[labels.get(c, c) for c in by_construct["construct"]],
        measure_name=[measure_names[m] for m in by_construct["measure"]],
        status_name=[text(lang, f"model.status.{s}") for s in by_construct["status"]],
        shown=["—" if v != v else f"{v:.2f}" for v in by_construct["value"]],
        n=n,
    )
    constructs = list(dict.fromkeys(data["label"]))
    return _grid(
        data,
        x=alt.X(
            "measure_name:N", title=None, sort=list(measure_names.values()), axis=alt.Axis(labelAngle=0, orient="top")
        ),
        y=alt.Y("label:N", title=None, sort=constructs),
        tooltip=[
            alt.Tooltip("label:N", title=text(lang, "chart.construct")),
            alt.Tooltip("measure_name:N", title=text(lang, "chart.measure")),
            alt.Tooltip("value:Q", title=text(lang, "model.col.value"), format=".3f"),
            alt.Tooltip("status_name:N", title=text(lang, "chart.status")),
            alt.Tooltip("n:Q", title=n_title(lang)),
        ],
        title=chart_title(lang, "chart.quality.title", text(lang, "chart.quality.subtitle")),
        height=max(160, 44 * len(constructs) + 60),
        lang=lang,
    )


def htmt_chart(checks: pd.DataFrame, labels: Mapping, *, lang: str, n: int):
    """The HTMT of every pair of constructs (`survey.analysis.quality_checks`, measure htmt) as the lower
    triangle of a matrix, each cell coloured pass / doubtful / fail with its value."""
    pairs = checks[checks["measure"] == "htmt"]
    data = pd.DataFrame(
        {
            "row": [labels.get(c, c) for c in pairs["second"]],
            "column": [labels.get(c, c) for c in pairs["first"]],
            "value": pairs["value"].to_numpy(),
            "status_name": [text(lang, f"model.status.{s}") for s in pairs["status"]],
            "shown": ["—" if v != v else f"{v:.2f}" for v in pairs["value"]],
            "n": n,
        }
    )
    order = list(dict.fromkeys([*data["column"], *data["row"]]))
    return _grid(
        data,
        x=alt.X("column:N", title=None, sort=order[:-1], axis=alt.Axis(labelAngle=0, orient="top")),
        y=alt.Y("row:N", title=None, sort=order[1:]),
        tooltip=[
            alt.Tooltip("row:N", title=text(lang, "chart.construct")),
            alt.Tooltip("column:N", title=text(lang, "chart.construct")),
            alt.Tooltip("value:Q", title="HTMT", format=".3f"),
            alt.Tooltip("status_name:N", title=text(lang, "chart.status")),
            alt.Tooltip("n:Q", title=n_title(lang)),
        ],
        title=chart_title(lang, "chart.htmt.title", text(lang, "chart.htmt.subtitle")),
        height=max(160, 44 * (len(order) - 1) + 60),
        lang=lang,
    )


def _grid(data: pd.DataFrame, *, x, y, tooltip, title, height: int, lang: str):
    cells = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(x=x, y=y, color=_status_colour(lang), tooltip=tooltip)
    )
    values = alt.Chart(data).mark_text(fontSize=13, fontWeight="bold").encode(x=x, y=y, text="shown:N", tooltip=tooltip)
    chart = alt.layer(cells, values).properties(title=title, height=height, width="container")
    return finish(chart, lang)


def ipma_chart(result, labels: Mapping, *, lang: str):
    """The importance–performance map of a `metrics.IPMAResult`: importance across, performance up, dashed
    lines at the means, points coloured by quadrant (as the Priorities page's IPA)."""
    table = result.table.reset_index()
    names = {q: text(lang, f"quadrant.{q}") for q in QUADRANT_COLOURS}
    target = labels.get(result.target, result.target)
    data = table.assign(
        label=[labels.get(c, c) for c in table["construct"]],
        quadrant_name=[names[q] for q in table["quadrant"]],
        n=result.fit.n,
    )
    x_title, y_title = text(lang, "chart.ipma_importance"), text(lang, "chart.ipma_performance")
    x = alt.X("importance:Q", title=x_title, scale=alt.Scale(zero=False, padding=60))
    y = alt.Y("performance:Q", title=y_title, scale=alt.Scale(zero=False, padding=30))
    tooltip = [
        alt.Tooltip("label:N", title=text(lang, "chart.construct")),
        alt.Tooltip("quadrant_name:N", title=text(lang, "chart.quadrant")),
        alt.Tooltip("importance:Q", title=x_title, format=".3f"),
        alt.Tooltip("performance:Q", title=y_title, format=".1f"),
        alt.Tooltip("gain:Q", title=text(lang, "chart.gain"), format=".1f"),
        alt.Tooltip("n:Q", title=n_title(lang)),
    ]
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=140)
        .encode(
            x=x,
            y=y,
            **quadrant_channels(names, lang),
            tooltip=tooltip,
        )
    )
    point_labels = alt.Chart(data).mark_text(align="left", dx=9, dy=-7, fontSize=12).encode(x=x, y=y, text="label:N")
    cuts = pd.DataFrame({"importance": [result.importance_cut], "performance": [result.performance_cut]})
    v_rule = alt.Chart(cuts).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["grey"]).encode(x=x)
    h_rule = alt.Chart(cuts).mark_rule(strokeDash=[4, 4], color=OKABE_ITO["grey"]).encode(y=y)
    chart = alt.layer(v_rule, h_rule, points, point_labels).properties(
        title=chart_title(lang, "chart.ipma.title", text(lang, "chart.ipma.subtitle", target=target), target=target),
        height=460,
        width="container",
    )
    return finish(chart, lang)
