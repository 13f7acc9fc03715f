"""Trends: every index, NPS and CSAT by wave with 95 % intervals, each wave tested against the one before
(Holm over the waves of one figure); waves can be combined into one."""

import streamlit as st

from survey import analysis
from ui import figures
from ui.analysis_figures import trends
from ui.charts.trends import trend_chart
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, plain, t
from ui.page import start
from ui.state import keep_choice

COMBINE_KEY = "trends_combine"  # st.session_state: the waves combined into one, kept across pages

start("trends.title", "trends.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
every = figures.filter_options(sel.source, tuple(sel.inputs.segment_fields)).waves
waves = [w for w in every if not sel.waves or w in sel.waves]
if not waves:
    st.info(t("trends.no_waves"))
    st.stop()

# --- choose: waves combined into one ------------------------------------------------------------------------
kept = [w for w in st.session_state.get(COMBINE_KEY, []) if w in waves]
st.session_state[COMBINE_KEY] = kept
st.session_state["_trends_combine"] = kept
st.multiselect(
    t("trends.combine"),
    waves,
    key="_trends_combine",
    help=t("trends.combine_help"),
    on_change=keep_choice,
    args=(COMBINE_KEY, "_trends_combine"),
)
combined = ((" + ".join(kept), tuple(kept)),) if len(kept) > 1 else ()
if len(waves) - max(len(kept) - 1, 0) < 2:
    st.info(t("trends.one_wave"))

# --- compute and show ---------------------------------------------------------------------------------------
table = trends(sel, combined)
for measure in analysis.MEASURES:
    if (table["measure"] == measure).any():
        show_chart(trend_chart(table, measure, lang=L), f"trends-{measure}")

shown = table.assign(
    measure=[t(f"trends.measure.{m}") for m in table["measure"]],
    significant=[t("common.yes") if s else "" for s in table["significant"]],
    test=[t(f"test.{x}") if x else "" for x in table["test"]],
)
show_table(
    shown.rename(columns={c: t(f"trends.col.{c}") for c in analysis.TREND_COLUMNS}),
    "trends",
    column_config={
        t(f"trends.col.{c}"): st.column_config.NumberColumn(format="%.1f")
        for c in ("value", "ci_low", "ci_high", "difference")
    }
    | {t(f"trends.col.{c}"): st.column_config.NumberColumn(format="%.3f") for c in ("p_value", "p_adjusted")},
)
item = analysis.csat_item(sel.inputs)
if item is not None:
    node = sel.defn.node(item)
    st.caption(t("trends.note", item=plain(node.label(L) if node else item)))
