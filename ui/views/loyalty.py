"""The Loyalty page's view: the loyalty index and its items, the satisfaction–loyalty matrix, loyalty by
customer tier."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import pandas as pd
import streamlit as st

from survey.i18n import text
from ui import charts, figures
from ui.figures import LoyaltyFigures
from ui.selection import Selection
from ui.views.elements import Chart, Table


@dataclass(frozen=True, eq=False)
class LoyaltyView:
    """figures and items_chart: None without loyalty items; the matrix's chart, segment table and segment
    shares: None when the matrix cannot be drawn; the tiers' chart and table: None without a value field."""

    figures: LoyaltyFigures | None
    items_chart: Chart | None
    matrix_chart: Chart | None
    segments_table: Table | None
    segment_shares_chart: Chart | None
    tiers_chart: Chart | None
    tiers_table: Table | None

    @property
    def charts(self) -> tuple[Chart, ...]:
        shown = (self.items_chart, self.matrix_chart, self.segment_shares_chart, self.tiers_chart)
        return tuple(c for c in shown if c is not None)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(x for x in (self.segments_table, self.tiers_table) if x is not None)


def loyalty_view(sel: Selection, lang: str) -> LoyaltyView:
    if not sel.inputs.loyalty:
        return LoyaltyView(None, None, None, None, None, None, None)
    view = figures.loyalty(sel)
    labels = sel.labels(lang)
    nodes = view.index.nodes
    items = Chart("loyalty-items", charts.index_items_chart(nodes, labels, lang=lang), nodes)
    matrix_chart = segments = shares = None
    matrix = view.matrix
    if matrix is not None:
        chart = charts.loyalty_matrix_chart(view.points, matrix, lang=lang, satisfaction_source=view.source)
        matrix_chart = Chart("loyalty-matrix", chart, view.points)
        segments = _segments(matrix, lang)
        counts = pd.DataFrame({"respondents": matrix.counts, "share": matrix.shares})
        if matrix.on_cut:
            counts.loc["on_cut"] = [matrix.on_cut, matrix.on_cut_share]
        shares = Chart("loyalty-segment-shares", charts.segment_share_chart(matrix, lang=lang), counts)
    tiers_chart = tiers_table = None
    if view.tiers is not None:
        tiers_chart = Chart("loyalty-pyramid", charts.pyramid_chart(view.tiers, lang=lang), view.tiers)
        tiers_table = _tiers(view.tiers, lang)
    return LoyaltyView(view, items, matrix_chart, segments, shares, tiers_chart, tiers_table)


def _segments(matrix, lang: str) -> Table:
    t = partial(text, lang)
    rows = list(matrix.counts.index) + (["on_cut"] if matrix.on_cut else [])
    counts = [*matrix.counts.to_numpy(), *([matrix.on_cut] if matrix.on_cut else [])]
    shares = [*matrix.shares.to_numpy(), *([matrix.on_cut_share] if matrix.on_cut else [])]
    frame = pd.DataFrame(
        {
            t("chart.segment"): [t(f"segment.{s}") for s in rows],
            t("chart.respondents"): counts,
            t("chart.share"): shares,
        }
    )
    return Table("loyalty-segments", frame, {t("chart.share"): st.column_config.NumberColumn(format="percent")})


def _tiers(tiers: pd.DataFrame, lang: str) -> Table:
    t = partial(text, lang)
    tier_names = {x: t(f"tier.{x}") for x in tiers["tier"]}
    frame = pd.DataFrame(
        {
            t("chart.tier"): [tier_names[x] for x in tiers["tier"]],
            t("chart.customers"): tiers["customers"],
            t("chart.share"): tiers["share"],
            t("chart.value_share"): tiers["value_share"],
            t("card.loyalty"): tiers["loyalty"],
            t("chart.n"): tiers["n"],
        }
    )
    return Table(
        "loyalty-tiers",
        frame,
        {
            t("chart.share"): st.column_config.NumberColumn(format="percent"),
            t("chart.value_share"): st.column_config.NumberColumn(format="percent"),
            t("card.loyalty"): st.column_config.NumberColumn(format="%.1f"),
        },
    )
