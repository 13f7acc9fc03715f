"""Model: the ACSI / ECSI path model (coefficients, R², 0–100 indices), loadings, its quality (HTMT, α, ρ_A, ρ_C,
AVE, VIF with their thresholds and a verdict), the importance–performance map, reliability of every dimension."""

import streamlit as st

from ui.filters import dashboard_filters
from ui.i18n import lang, plain, t
from ui.model_paths import path_editor, saved_message
from ui.page import start
from ui.views import model_view

BOOTSTRAP = 200  # resamples for the path intervals

start("model.title", "model.intro", need="dashboards.read")
sel = dashboard_filters(weighting=False)  # its figures are not weighted (yet)
if sel is None:
    st.stop()
L = lang()

saved_message()
if sel.inputs.blocks is None:
    st.info(t("model.draw_none"))
    view = model_view(sel, L)
else:
    if sel.inputs.model_name == "custom":
        st.caption(t("model.which_custom"))
    else:
        st.caption(t("model.which", model=sel.inputs.model_name))
    boot = st.toggle(t("model.bootstrap", count=BOOTSTRAP), key="_model_bootstrap")
    with st.spinner(t("model.computing")):
        view = model_view(sel, L, bootstrap=BOOTSTRAP if boot else 0)
    if view.problem is not None:
        st.error(t("model.failed", problem=view.problem))

with st.expander(t("model.draw"), expanded=sel.inputs.blocks is None):
    path_editor(sel, L)

fit = view.figures.fit
if fit is not None:
    view.path_diagram.show(width="content")
    if not fit.converged:
        st.warning(t("model.not_converged", iterations=fit.iterations))

    st.subheader(t("model.indices"))
    view.indices_table.show()
    st.caption(t("model.indices_help", n=fit.n))
    if fit.index is not None and "satisfaction" in fit.index.index:
        st.caption(t("model.indices_overview"))

    st.subheader(t("model.paths"))
    view.paths_table.show()

    st.subheader(t("model.total_effects"))
    view.total_effects_table.show()
    st.caption(t("model.total_effects_help"))

    view.loadings_chart.show()

    # --- quality: verdict, grids, every figure with its threshold ------------------------------------------
    st.subheader(t("model.quality"))
    st.markdown("\n".join(f"- {plain(sentence)}" for sentence in view.verdict))  # sentences naming labels
    view.quality_chart.show()
    view.htmt_chart.show()
    st.caption(t("model.quality_help"))
    with st.expander(t("model.quality_checks")):
        view.quality_table.show()

# --- importance–performance map -------------------------------------------------------------------------
if view.ipma_chart is not None:
    st.subheader(t("model.ipma"))
    view.ipma_chart.show()
    st.markdown(f"**{t('model.ipma_priorities')}**")
    view.ipma_table.show()
    target = sel.labels(L).get(view.figures.ipma.target, view.figures.ipma.target)
    st.caption(t("model.ipma_help", target=plain(target)))

# --- reliability of every dimension ----------------------------------------------------------------------
st.subheader(t("model.reliability"))
if view.reliability_table is None:
    st.info(t("model.no_dimensions"))
else:
    view.reliability_table.show()
    st.caption(t("model.alpha_help"))
