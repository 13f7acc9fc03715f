"""Crosstabs: any item or attribute by any attribute, with column percentages, significance letters, n per
column and a numeric item's mean per column."""

import streamlit as st

from ui.cards import number
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start
from ui.state import keep_choice
from ui.views import crosstab_fields, crosstab_options, crosstabs_view

ROW_KEY = "crosstab_row"  # st.session_state: the field shown as rows, kept across pages
COLUMN_KEY = "crosstab_column"  # st.session_state: the attribute shown as columns, kept across pages


start("xt.title", "xt.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)

# --- choose ---------------------------------------------------------------------------------------------
row_options, column_options = crosstab_options(sel)
if not column_options:
    st.info(t("xt.none"))
    st.stop()
wanted_row, wanted_column = st.session_state.get(ROW_KEY), st.session_state.get(COLUMN_KEY)
row, column = crosstab_fields(sel, wanted_row, wanted_column)
st.session_state[ROW_KEY], st.session_state[COLUMN_KEY] = row, column
st.session_state["_xt_row"], st.session_state["_xt_column"] = row, column
names = {f: labels.get(f, f) for f in (*row_options, *column_options)}
left, right = st.columns(2)
left.selectbox(
    t("xt.row"), row_options, format_func=names.get, key="_xt_row", on_change=keep_choice, args=(ROW_KEY, "_xt_row")
)
right.selectbox(
    t("xt.column"),
    column_options,
    format_func=names.get,
    key="_xt_column",
    on_change=keep_choice,
    args=(COLUMN_KEY, "_xt_column"),
)
if wanted_row is not None and wanted_row == wanted_column:
    st.warning(t("xt.same"))

# --- compute and show -----------------------------------------------------------------------------------------
view = crosstabs_view(sel, L, row=row, column=column)
if view.shares is None:
    st.info(t("xt.empty"))
    st.stop()
result = view.figures.result

view.shares.show()
st.subheader(t("xt.percent"))
view.percent_table.show()
st.caption(t("xt.letters_help"))
if result.chi2 == result.chi2:  # not NaN: at least two rows and two columns
    verdict = t("xt.significant") if result.p_value < result.alpha else t("xt.not_significant")
    st.caption(
        t("xt.chi2", chi2=number(result.chi2, ".2f"), dof=result.dof, p=number(result.p_value, ".3f"), verdict=verdict)
    )
else:
    st.caption(t("xt.chi2_none"))

st.subheader(t("xt.counts"))
view.counts_table.show()

st.subheader(t("xt.columns") if view.means is not None else t("xt.columns_n"))
if view.means is not None:
    view.means.show()
view.columns_table.show()
if view.means is not None:
    st.caption(t("xt.mean_letters_help"))
