"""Model: the ACSI / ECSI path model (coefficients, R², 0–100 indices), reliability and loadings."""

import streamlit as st

from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start
from ui.views import model_view

BOOTSTRAP = 200  # resamples for the path intervals

start("model.title", "model.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()

if sel.inputs.blocks is None:
    st.info(t("model.not_a_model"))
    view = model_view(sel, L)
else:
    st.caption(t("model.which", model=sel.inputs.model_name))
    boot = st.toggle(t("model.bootstrap", count=BOOTSTRAP), key="_model_bootstrap")
    with st.spinner(t("model.computing")):
        view = model_view(sel, L, bootstrap=BOOTSTRAP if boot else 0)
    if view.problem is not None:
        st.error(t("model.failed", problem=view.problem))

fit = view.figures.fit
if fit is not None:
    view.path_diagram.show(width="content")
    if not fit.converged:
        st.warning(t("model.not_converged", iterations=fit.iterations))

    st.subheader(t("model.indices"))
    view.indices_table.show()
    st.caption(t("model.indices_help", n=fit.n))

    st.subheader(t("model.paths"))
    view.paths_table.show()

    view.loadings_chart.show()

# --- reliability of every dimension ----------------------------------------------------------------------
st.subheader(t("model.reliability"))
if view.reliability_table is None:
    st.info(t("model.no_dimensions"))
else:
    view.reliability_table.show()
    st.caption(t("model.alpha_help"))
