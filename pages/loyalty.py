"""Loyalty: the loyalty index and its items, the satisfaction–loyalty matrix, loyalty by customer tier."""

import streamlit as st

from ui.cards import card
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start
from ui.views import loyalty_view

start("loyalty.title", "loyalty.intro", need="dashboards.read")
sel = dashboard_filters(weighting=False)  # its figures are not weighted (yet)
if sel is None:
    st.stop()
L = lang()
if not sel.inputs.loyalty:
    st.info(t("loyalty.none"))
    st.stop()
view = loyalty_view(sel, L)
index = view.figures.index

left, right = st.columns([1, 3])
card(left, t("card.loyalty"), index.index, note=t("loyalty.answered", count=index.n), help_text=t("card.loyalty_help"))
with right:
    view.items_chart.show()

# --- the satisfaction–loyalty matrix ------------------------------------------------------------------
st.subheader(t("loyalty.matrix"))
matrix = view.figures.matrix
if matrix is None:
    st.info(t("loyalty.no_matrix"))
else:
    view.matrix_chart.show()
    st.caption(
        t("loyalty.matrix_help", satisfaction=f"{matrix.cut_satisfaction:.1f}", loyalty=f"{matrix.cut_loyalty:.1f}")
    )
    if matrix.on_cut:
        st.caption(t("loyalty.on_cut", count=matrix.on_cut, share=f"{100 * matrix.on_cut_share:.0f}"))
    a, b = st.columns([2, 3])
    with a:
        view.segments_table.show()
    with b:
        view.segment_shares_chart.show()

# --- by customer tier -------------------------------------------------------------------------------------------
st.subheader(t("loyalty.tiers"))
if view.tiers_table is None:
    st.info(t("loyalty.no_value_field"))
else:
    view.tiers_chart.show()
    view.tiers_table.show()
    if view.figures.tiers["tied_boundary"].any():
        st.caption(t("loyalty.tiers_tied"))
