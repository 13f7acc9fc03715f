"""The Distributions page's view: Likert items as diverging stacked bars, and one item by wave or segment."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from metrics.compare import SMALL_GROUP
from survey import analysis
from survey.i18n import text
from ui import analysis_figures
from ui.analysis_figures import DistributionFigures
from ui.charts import analysis as charts
from ui.selection import Selection
from ui.views.elements import Chart, Table


@dataclass(frozen=True, eq=False)
class DistributionsView:
    """scale: the scale whose items are shown (None when the survey has no Likert item); sort: "order" or
    "top2"; item and by: the item compared across the values of the field `by` (the wave or a segment field;
    None when the survey has neither); the items' chart and table, and the item's by `by` (None without
    `by`)."""

    scale: str | None
    sort: str
    item: str | None
    by: str | None
    figures: DistributionFigures | None
    items_chart: Chart | None
    items_table: Table | None
    by_chart: Chart | None
    by_table: Table | None

    @property
    def charts(self) -> tuple[Chart, ...]:
        return tuple(c for c in (self.items_chart, self.by_chart) if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(x for x in (self.items_table, self.by_table) if x is not None)


def distribution_options(sel: Selection) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """(Likert scale code → its items, the fields an item can be compared by: the wave, the segment fields)."""
    return analysis.likert_scales(sel.defn), analysis_figures.crosstab_fields(sel)[1]


def distributions_view(
    sel: Selection,
    lang: str,
    *,
    scale: str | None = None,
    sort: str = "order",
    item: str | None = None,
    by: str | None = None,
) -> DistributionsView:
    """The view of the items of `scale` sorted by `sort`, and `item` by `by`; a choice the survey lacks
    falls back to its first scale, that scale's first item and the first field."""
    scales, fields = distribution_options(sel)
    sort = sort if sort in analysis.SORTS else "order"
    if not scales:
        return DistributionsView(None, sort, None, None, None, None, None, None, None)
    scale = scale if scale in scales else next(iter(scales))
    item = item if item in scales[scale] else scales[scale][0]
    by = by if by in fields else (fields[0] if fields else None)
    figures = analysis_figures.distributions(sel, scale, sort, item, by)
    defn_scale = sel.defn.scale(scale)
    points = {v: _point_name(defn_scale, v, lang) for v in defn_scale.values}
    labels = _item_labels(sel, scales[scale], lang)
    t = partial(text, lang)
    items_chart = items_table = by_chart = by_table = None
    if len(figures.items):
        bars = figures.items.assign(
            label=[labels[i] for i in figures.items["item"]], point_name=[points[p] for p in figures.items["point"]]
        )
        name = defn_scale.name_zh if lang == "zh" else defn_scale.name_en
        chart = charts.likert_chart(
            bars, list(points.values()), t("chart.item"), lang=lang, title_key="chart.likert.title", scale=name or scale
        )
        items_chart = Chart("distribution-items", chart, bars)
        items_table = _table("distribution-items", bars, t("chart.item"), points, lang)
    if figures.by_group is not None and len(figures.by_group):
        field_name = sel.labels(lang).get(by, by)
        group = figures.by_group
        bars = group.assign(
            label=[f"{g} (n<{SMALL_GROUP})" if n < SMALL_GROUP else str(g) for g, n in zip(group["group"], group["n"])],
            point_name=[points[p] for p in group["point"]],
        )
        chart = charts.likert_chart(
            bars,
            list(points.values()),
            field_name,
            lang=lang,
            title_key="chart.likert_by.title",
            item=labels[item],
            field=field_name,
        )
        by_chart = Chart("distribution-by", chart, bars)
        by_table = _table("distribution-by", bars, field_name, points, lang)
    return DistributionsView(scale, sort, item, by, figures, items_chart, items_table, by_chart, by_table)


def _point_name(scale, value: int, lang: str) -> str:
    label = scale.label(value, lang)
    return str(value) if label == str(value) else f"{value} · {label}"


def _item_labels(sel: Selection, items, lang: str) -> dict[str, str]:
    """Each item's label; an item whose label another item shares also shows its code (one bar each)."""
    labels = sel.labels(lang)
    named = {code: labels.get(code, code) for code in items}
    counts = pd.Series(list(named.values())).value_counts()
    return {code: f"{name} ({code})" if counts[name] > 1 else name for code, name in named.items()}


def _table(name: str, bars: pd.DataFrame, first: str, points: dict, lang: str) -> Table:
    """One row per bar: its label, n, the share of each point, the top-2-box with its interval."""
    t = partial(text, lang)
    rows = []
    for label, bar in bars.groupby("label", sort=False):
        row = {first: label, t("chart.n"): int(bar["n"].iloc[0])}
        row |= {t("dist.col.point", point=points[p]): s for p, s in zip(bar["point"], bar["share"])}
        row |= {
            t("dist.col.top2"): float(bar["top2"].iloc[0]),
            t("chart.ci_low"): float(bar["top2_low"].iloc[0]),
            t("chart.ci_high"): float(bar["top2_high"].iloc[0]),
        }
        rows.append(row)
    frame = pd.DataFrame(rows)
    number = st.column_config.NumberColumn(format="%.1f")
    return Table(name, frame, {c: number for c in frame.columns[2:]})
