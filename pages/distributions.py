"""Distributions: Likert items as diverging stacked bars, sortable by top-2-box, and one item by wave or by
segment."""

import streamlit as st

from survey.analysis import SORTS
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start
from ui.state import keep_choice
from ui.views import distribution_options, distributions_view

SCALE_KEY = "distribution_scale"  # st.session_state: the scale whose items are shown, kept across pages
SORT_KEY = "distribution_sort"  # st.session_state: "order" or "top2"
ITEM_KEY = "distribution_item"  # st.session_state: the item compared by wave or segment
BY_KEY = "distribution_by"  # st.session_state: the field it is compared by


start("dist.title", "dist.intro", need="dashboards.read")
sel = dashboard_filters(weighting=False)  # its figures are not weighted (yet)
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)

# --- choose ---------------------------------------------------------------------------------------------
scales, fields = distribution_options(sel)
if not scales:
    st.info(t("dist.none"))
    st.stop()
view = distributions_view(
    sel,
    L,
    scale=st.session_state.get(SCALE_KEY),
    sort=st.session_state.get(SORT_KEY) if st.session_state.get(SORT_KEY) in SORTS else "order",
    item=st.session_state.get(ITEM_KEY),
    by=st.session_state.get(BY_KEY),
)
for key, value in ((SCALE_KEY, view.scale), (SORT_KEY, view.sort), (ITEM_KEY, view.item), (BY_KEY, view.by)):
    st.session_state[key] = value
    st.session_state[f"_{key}"] = value
scale_names = {code: (s.name_zh if L == "zh" else s.name_en) or code for code in scales if (s := sel.defn.scale(code))}
left, right = st.columns(2)
if len(scales) > 1:
    left.selectbox(
        t("dist.scale"),
        list(scales),
        format_func=scale_names.get,
        key=f"_{SCALE_KEY}",
        on_change=keep_choice,
        args=(SCALE_KEY, f"_{SCALE_KEY}"),
    )
sort_names = {s: t(f"dist.sort.{s}") for s in SORTS}
right.radio(
    t("dist.sort"),
    SORTS,
    format_func=sort_names.get,
    key=f"_{SORT_KEY}",
    horizontal=True,
    on_change=keep_choice,
    args=(SORT_KEY, f"_{SORT_KEY}"),
)

# --- show -----------------------------------------------------------------------------------------------------
if view.items_chart is None:
    st.info(t("dist.empty"))
    st.stop()
view.items_chart.show()
view.items_table.show()
st.caption(t("dist.top2_help"))

if view.by is not None:
    st.subheader(t("dist.by_heading"))
    left, right = st.columns(2)
    left.selectbox(
        t("dist.item"),
        list(scales[view.scale]),
        format_func=lambda code: labels.get(code, code),
        key=f"_{ITEM_KEY}",
        on_change=keep_choice,
        args=(ITEM_KEY, f"_{ITEM_KEY}"),
    )
    right.selectbox(
        t("dist.by"),
        fields,
        format_func=lambda code: labels.get(code, code),
        key=f"_{BY_KEY}",
        on_change=keep_choice,
        args=(BY_KEY, f"_{BY_KEY}"),
    )
    if view.by_chart is not None:
        view.by_chart.show()
        view.by_table.show()
