"""Gaps: expectation against perception, from dimensions down to items; the customer experience table;
SERVQUAL dimension gaps; the profile chart."""

import pandas as pd
import streamlit as st

from ui import charts, figures
from ui.cards import number
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start

start("gaps.title", "gaps.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
inputs = sel.inputs
if not inputs.gap_pairs and not inputs.experience:
    st.info(t("gaps.none"))
    st.stop()

# --- choose the level of detail --------------------------------------------------------------
dimensions = list(dict.fromkeys(inputs.dimension_of[inputs.pair_parent[k]] for k in inputs.gap_pairs))
ALL = ""
dim_names = {ALL: t("gaps.all_dimensions"), **{d: labels.get(d, d) for d in dimensions}}
c1, c2 = st.columns(2)
dimension = c1.selectbox(t("gaps.dimension"), [ALL, *dimensions], format_func=dim_names.get, key="_gaps_dimension")
view = figures.gaps(sel, within=dimension or None)

if inputs.gap_pairs:
    indicators = view.indicators
    ind_names = {ALL: t("gaps.no_indicator"), **{c: labels.get(c, c) for c in indicators["code"]}}
    indicator = c2.selectbox(
        t("gaps.indicator"), [ALL, *indicators["code"]], format_func=ind_names.get, key="_gaps_indicator"
    )

    # --- dimensions, then the indicators of the chosen one -------------------------------------
    if len(dimensions) > 1 and not dimension:
        dims = view.dimensions
        show_chart(charts.dimension_gap_chart(dims, labels, lang=L), "gaps-by-dimension")
    title_key = "chart.gaps.title" if not dimension else "chart.gaps.within_title"
    chart = charts.gap_dumbbell(indicators, labels, lang=L, title_key=title_key)
    show_chart(chart, "gaps-by-indicator")
    st.caption(t("gaps.weighted_note"))

    # --- the items of the chosen indicator -------------------------------------------------------
    if indicator:
        node = inputs.pair_parent.get(indicator, indicator)
        items = [n for n in sel.defn.children(node) if n.kind == "item" and n.code in inputs.scales]
        means = figures.item_means(sel, tuple(n.code for n in items))
        st.subheader(t("gaps.items_of", indicator=labels.get(indicator, indicator)))
        show_table(
            pd.DataFrame(
                {
                    t("common.code"): [n.code for n in items],
                    t("chart.item"): [n.label(L) for n in items],
                    t("designer.col.role"): [t(f"role.{n.role}") for n in items],
                    t("chart.mean_answer"): [means.at[n.code, "mean"] for n in items],
                    t("chart.n"): [int(means.at[n.code, "n"]) for n in items],
                }
            ),
            "gaps-items",
            column_config={t("chart.mean_answer"): st.column_config.NumberColumn(format="%.2f")},
        )

# --- the customer experience table ----------------------------------------------------------------
table = view.experience
if table is not None:
    st.subheader(t("gaps.experience"))
    st.caption(t("gaps.experience_help"))
    show_table(
        pd.DataFrame(
            {
                t("exp.touchpoint"): [labels.get(c, c) for c in table.index],
                t("exp.actual"): table["actual"],
                t("exp.expectation"): table["expectation"],
                t("exp.satisfaction"): table["satisfaction"],
                t("exp.importance"): table["importance"],
                t("exp.weighted"): table["weighted_satisfaction"],
                t("exp.ideal"): table["ideal"],
                t("exp.gap"): table["experience_gap"],
                t("exp.key"): [t("common.yes") if k else "" for k in table["key_experience"]],
                t("chart.n"): table["n"],
            }
        ),
        "gaps-experience-table",
        column_config={
            col: st.column_config.NumberColumn(format="%.2f")
            for col in (t("exp.actual"), t("exp.expectation"), t("exp.importance"), t("exp.ideal"))
        }
        | {
            col: st.column_config.NumberColumn(format="%+.2f")
            for col in (t("exp.satisfaction"), t("exp.weighted"), t("exp.gap"))
        },
    )
    key = [labels.get(c, c) for c in table.index[table["key_experience"]]]
    if key:
        st.warning(t("gaps.key_experience", touchpoints="、".join(key) if L == "zh" else ", ".join(key)))
    show_chart(charts.experience_chart(table, labels, lang=L), "gaps-experience")

# --- SERVQUAL dimension gaps ----------------------------------------------------------------------------
result = view.servqual
if result is not None:
    st.subheader(t("gaps.servqual"))
    dims = result.dimensions
    n_by_dim = dict(zip(view.dimensions["code"], view.dimensions["n"]))
    a, b = st.columns(2)
    a.metric(t("gaps.servqual_score"), number(result.score, "+.3f"), border=True)
    b.metric(t("gaps.servqual_weighted"), number(result.weighted_score, "+.3f"), border=True)
    show_table(
        pd.DataFrame(
            {
                t("chart.dimension"): [labels.get(d, d) for d in dims.index],
                t("gaps.col.items"): dims["n_items"],
                t("chart.gap"): dims["gap"],
                t("common.weight"): dims["weight"],
                t("chart.weighted_gap"): dims["weighted_gap"],
                t("chart.n"): [int(n_by_dim.get(d, 0)) for d in dims.index],
            }
        ),
        "gaps-servqual",
        column_config={
            t("chart.gap"): st.column_config.NumberColumn(format="%+.3f"),
            t("common.weight"): st.column_config.NumberColumn(format="%.3f"),
            t("chart.weighted_gap"): st.column_config.NumberColumn(format="%+.3f"),
        },
    )
    st.caption(t("gaps.servqual_help"))

# --- the profile ("snake") chart ------------------------------------------------------------------------------
if inputs.gap_pairs:
    show_chart(charts.profile_chart(view.profile, labels, lang=L), "gaps-profile")
