"""Loyalty: the loyalty index and its items, the satisfaction–loyalty matrix, loyalty by customer tier."""

import pandas as pd
import streamlit as st

from ui import charts, figures
from ui.cards import card
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start

start("loyalty.title", "loyalty.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
if not sel.inputs.loyalty:
    st.info(t("loyalty.none"))
    st.stop()
view = figures.loyalty(sel)
index = view.index

left, right = st.columns([1, 3])
card(left, t("card.loyalty"), index.index, note=t("loyalty.answered", count=index.n), help_text=t("card.loyalty_help"))
with right:
    show_chart(charts.index_items_chart(index.nodes, labels, lang=L), "loyalty-items")

# --- the satisfaction–loyalty matrix ------------------------------------------------------------------
st.subheader(t("loyalty.matrix"))
matrix = view.matrix
if matrix is None:
    st.info(t("loyalty.no_matrix"))
else:
    show_chart(
        charts.loyalty_matrix_chart(view.points, matrix, lang=L, satisfaction_source=view.source),
        "loyalty-matrix",
    )
    st.caption(
        t("loyalty.matrix_help", satisfaction=f"{matrix.cut_satisfaction:.1f}", loyalty=f"{matrix.cut_loyalty:.1f}")
    )
    a, b = st.columns([2, 3])
    names = {s: t(f"segment.{s}") for s in matrix.counts.index}
    with a:
        show_table(
            pd.DataFrame(
                {
                    t("chart.segment"): [names[s] for s in matrix.counts.index],
                    t("chart.respondents"): matrix.counts.to_numpy(),
                    t("chart.share"): matrix.shares.to_numpy(),
                }
            ),
            "loyalty-segments",
            column_config={t("chart.share"): st.column_config.NumberColumn(format="percent")},
        )
    with b:
        show_chart(charts.segment_share_chart(matrix, lang=L), "loyalty-segment-shares")

# --- by customer tier -------------------------------------------------------------------------------------------
st.subheader(t("loyalty.tiers"))
tiers = view.tiers
if tiers is None:
    st.info(t("loyalty.no_value_field"))
else:
    show_chart(charts.pyramid_chart(tiers, lang=L), "loyalty-pyramid")
    tier_names = {x: t(f"tier.{x}") for x in tiers["tier"]}
    show_table(
        pd.DataFrame(
            {
                t("chart.tier"): [tier_names[x] for x in tiers["tier"]],
                t("chart.customers"): tiers["customers"],
                t("chart.share"): tiers["share"],
                t("chart.value_share"): tiers["value_share"],
                t("card.loyalty"): tiers["loyalty"],
                t("chart.n"): tiers["n"],
            }
        ),
        "loyalty-tiers",
        column_config={
            t("chart.share"): st.column_config.NumberColumn(format="percent"),
            t("chart.value_share"): st.column_config.NumberColumn(format="percent"),
            t("card.loyalty"): st.column_config.NumberColumn(format="%.1f"),
        },
    )
