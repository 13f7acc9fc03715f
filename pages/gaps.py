"""Gaps: expectation against perception, from dimensions down to items; the customer experience table;
SERVQUAL dimension gaps; the profile chart."""

import streamlit as st

from ui.action_plan import create_links
from ui.cards import number
from ui.filters import dashboard_filters
from ui.i18n import lang, plain, t
from ui.page import start
from ui.views import gap_dimensions, gap_items, gaps_view

start("gaps.title", "gaps.intro", need="dashboards.read")
sel = dashboard_filters(weighting=False)  # its figures are not weighted (yet)
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
inputs = sel.inputs
if not inputs.gap_pairs and not inputs.experience:
    st.info(t("gaps.none"))
    st.stop()

# --- choose the level of detail --------------------------------------------------------------
dimensions = gap_dimensions(inputs)
ALL = ""
dim_names = {ALL: t("gaps.all_dimensions"), **{d: labels.get(d, d) for d in dimensions}}
c1, c2 = st.columns(2)
dimension = c1.selectbox(t("gaps.dimension"), [ALL, *dimensions], format_func=dim_names.get, key="_gaps_dimension")
view = gaps_view(sel, L, within=dimension or None)

if inputs.gap_pairs:
    indicators = view.figures.indicators
    ind_names = {ALL: t("gaps.no_indicator"), **{c: labels.get(c, c) for c in indicators["code"]}}
    indicator = c2.selectbox(
        t("gaps.indicator"), [ALL, *indicators["code"]], format_func=ind_names.get, key="_gaps_indicator"
    )

    # --- dimensions, then the indicators of the chosen one -------------------------------------
    if view.dimension_chart is not None:
        view.dimension_chart.show()
    view.indicator_chart.show()
    st.caption(t("gaps.weighted_note"))
    short = indicators[indicators["gap"] < 0]["code"]  # worst first: an action for the chosen or the worst gap
    create_links(sel.survey.id, [indicator] if indicator else list(short[:1]), labels)

    # --- the items of the chosen indicator -------------------------------------------------------
    if indicator:
        st.subheader(t("gaps.items_of", indicator=plain(labels.get(indicator, indicator))))
        gap_items(sel, indicator, L).show()

# --- the customer experience table ----------------------------------------------------------------
if view.experience_table is not None:
    st.subheader(t("gaps.experience"))
    st.caption(t("gaps.experience_help"))
    view.experience_table.show()
    if view.key_experience:
        key = view.key_experience
        st.warning(t("gaps.key_experience", touchpoints="、".join(key) if L == "zh" else ", ".join(key)))
    view.experience_chart.show()

# --- SERVQUAL dimension gaps ----------------------------------------------------------------------------
result = view.figures.servqual
if result is not None:
    st.subheader(t("gaps.servqual"))
    a, b = st.columns(2)
    a.metric(t("gaps.servqual_score"), number(result.score, "+.3f"), border=True)
    b.metric(t("gaps.servqual_weighted"), number(result.weighted_score, "+.3f"), border=True)
    view.servqual_table.show()
    st.caption(t("gaps.servqual_help"))

# --- the profile ("snake") chart ------------------------------------------------------------------------------
if view.profile_chart is not None:
    view.profile_chart.show()
