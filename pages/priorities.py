"""Priorities: the importance–performance matrix and the indicators to concentrate on."""

import streamlit as st

from metrics.priorities import FIRM, RESAMPLES
from survey import analysis
from ui.action_plan import create_links
from ui.classroom import page_link
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start
from ui.views import priorities_view

IMPORTANCE_KEY = "priorities_importance"  # st.session_state: "stated" or "derived", kept across pages

start("priorities.title", "priorities.intro", need="dashboards.read")
sel = dashboard_filters(weighting=False)  # its figures are not weighted (yet)
if sel is None:
    st.stop()
L = lang()
options = analysis.importance_options(sel.inputs)
if not options:
    st.info(t("priorities.none"))
    st.stop()

names = {"stated": t("priorities.stated"), "derived": t("priorities.derived")}
if st.session_state.get(IMPORTANCE_KEY) not in options:
    st.session_state[IMPORTANCE_KEY] = options[0]
st.session_state["_priorities_importance"] = st.session_state[IMPORTANCE_KEY]


def _keep() -> None:
    st.session_state[IMPORTANCE_KEY] = st.session_state["_priorities_importance"]


importance = st.radio(
    t("priorities.importance"),
    options,
    format_func=names.get,
    key="_priorities_importance",
    horizontal=True,
    on_change=_keep,
)
st.caption(t(f"priorities.{importance}_help"))

view = priorities_view(sel, L, importance=importance)
if view.matrix is None:
    st.info(t("priorities.not_enough"))
    st.stop()

result = view.figures.result
view.matrix.show()
st.caption(t("priorities.cuts", performance=f"{result.performance_cut:.1f}", importance=f"{result.importance_cut:.3f}"))
st.caption(t("priorities.stability_help", resamples=RESAMPLES, firm=f"{100 * FIRM:g}"))
if not result.table["firm"].any():
    st.warning(t("priorities.all_uncertain"))
if sel.inputs.blocks is not None:  # a model survey: the same map with importance from the path model
    page_link("pages/model.py", "model", t("priorities.ipma_link"), ":material/hub:")

# --- where to act first ------------------------------------------------------------------------
st.subheader(t("priorities.concentrate"))
if view.concentrate is None:
    st.success(t("priorities.none_concentrate"))
else:
    view.concentrate.show()
    st.caption(t("priorities.priority_help"))
    create_links(sel.survey.id, list(view.figures.ranked.index[:3]), sel.labels(L))

with st.expander(t("priorities.all_indicators")):
    view.all_indicators.show()
