"""Priorities: the importance–performance matrix and the indicators to concentrate on."""

import pandas as pd
import streamlit as st

from survey import analysis
from ui import charts, figures
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start

IMPORTANCE_KEY = "priorities_importance"  # st.session_state: "stated" or "derived", kept across pages

start("priorities.title", "priorities.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
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

view = figures.priorities(sel, importance)
result, ranked = view.result, view.ranked
if result is None or result.table["quadrant"].isna().all():
    st.info(t("priorities.not_enough"))
    st.stop()

show_chart(charts.ipa_matrix(result, labels, lang=L, importance=importance), "priorities-matrix")
st.caption(t("priorities.cuts", performance=f"{result.performance_cut:.1f}", importance=f"{result.importance_cut:.3f}"))

# --- where to act first ------------------------------------------------------------------------
st.subheader(t("priorities.concentrate"))
if ranked.empty:
    st.success(t("priorities.none_concentrate"))
else:
    show_table(
        pd.DataFrame(
            {
                t("priorities.rank"): range(1, len(ranked) + 1),
                t("chart.indicator"): [labels.get(c, c) for c in ranked.index],
                t("chart.performance"): ranked["performance"],
                t("priorities.col.importance"): ranked["importance"],
                t("chart.gap"): ranked["gap"],
                t("priorities.col.priority"): ranked["priority"],
                t("chart.n"): ranked["n"],
            }
        ),
        "priorities-concentrate",
        column_config={
            t("chart.performance"): st.column_config.NumberColumn(format="%.1f"),
            t("priorities.col.importance"): st.column_config.NumberColumn(format="%.3f"),
            t("chart.gap"): st.column_config.NumberColumn(format="%+.2f"),
            t("priorities.col.priority"): st.column_config.NumberColumn(format="%.3f"),
        },
    )
    st.caption(t("priorities.priority_help"))

with st.expander(t("priorities.all_indicators")):
    table = result.table
    quadrant = {q: t(f"quadrant.{q}") for q in ("concentrate", "keep_up", "low_priority", "overkill")}
    show_table(
        pd.DataFrame(
            {
                t("chart.indicator"): [labels.get(c, c) for c in table.index],
                t("chart.quadrant"): [quadrant.get(q, "") for q in table["quadrant"]],
                t("chart.performance"): table["performance"],
                t("priorities.col.importance"): table["importance"],
                t("chart.gap"): table["gap"],
                t("priorities.col.priority"): table["priority"],
                t("chart.n"): table["n"],
            }
        ),
        "priorities-all-indicators",
    )
