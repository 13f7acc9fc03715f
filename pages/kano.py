"""Kano: each feature's category from its functional / dysfunctional answers, the Better–Worse chart and the
counts per category."""

import streamlit as st

from metrics.kano import CATEGORIES
from ui.analysis_figures import kano
from ui.charts.trends import better_worse_chart
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start

start("kano.title", "kano.intro", need="dashboards.read")
sel = dashboard_filters(weighting=False)  # its figures are not weighted (yet)
if sel is None:
    st.stop()
L = lang()
if not sel.inputs.kano:
    st.info(t("kano.none"))
    st.stop()

table = kano(sel)
node_labels = {n.code: n.label(L) for n in sel.defn.nodes}
# a feature is named by its functional item's label
labels = {f: node_labels.get(functional, f) for f, (functional, _d) in sel.inputs.kano.items()}
show_chart(better_worse_chart(table, labels, lang=L), "kano-better-worse")

shown = table.assign(
    feature=[labels.get(f, f) for f in table["feature"]],
    category=[t(f"kano.cat.{c}") if c else "" for c in table["category"]],
)[["feature", *CATEGORIES, "category", "better", "worse", "n"]]
headers = {"feature": t("kano.col.feature"), "category": t("kano.col.category"), "better": t("kano.col.better")}
headers |= {"worse": t("kano.col.worse"), "n": t("kano.col.n")} | {c: t(f"kano.cat.{c}") for c in CATEGORIES}
show_table(
    shown.rename(columns=headers),
    "kano-categories",
    column_config={headers[c]: st.column_config.NumberColumn(format="%.2f") for c in ("better", "worse")},
)
