"""Model: the ACSI / ECSI path model (coefficients, R², 0–100 indices), reliability and loadings."""

import pandas as pd
import streamlit as st

from ui import charts, figures
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start

BOOTSTRAP = 200  # resamples for the path intervals

start("model.title", "model.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
inputs = sel.inputs

if inputs.blocks is None:
    st.info(t("model.not_a_model"))
    fit = None
    view = figures.model(sel)
else:
    st.caption(t("model.which", model=inputs.model_name))
    boot = st.toggle(t("model.bootstrap", count=BOOTSTRAP), key="_model_bootstrap")
    with st.spinner(t("model.computing")):
        view = figures.model(sel, BOOTSTRAP if boot else 0)
    fit = view.fit
    if fit is None:
        key, params = view.problem
        if "item" in params:
            params = {**params, "item": labels.get(params["item"], params["item"])}
        st.error(t("model.failed", problem=t(key, **params)))

if fit is not None:
    show_chart(charts.path_diagram(fit, labels, lang=L), "model-path-diagram", width="content")
    if not fit.converged:
        st.warning(t("model.not_converged", iterations=fit.iterations))

    st.subheader(t("model.indices"))
    reliability = view.reliability.set_index("dimension")
    constructs = list(fit.ave.index)
    alpha = [reliability.at[c, "alpha"] if c in reliability.index else float("nan") for c in constructs]
    show_table(
        pd.DataFrame(
            {
                t("chart.construct"): [labels.get(c, c) for c in constructs],
                t("model.col.index"): fit.index.reindex(constructs).to_numpy(),
                "R²": fit.r_squared.reindex(constructs).to_numpy(),
                "AVE": fit.ave.reindex(constructs).to_numpy(),
                t("model.col.alpha"): alpha,
                t("model.col.items"): [len(inputs.blocks[c]) for c in constructs],
            }
        ),
        "model-indices",
        column_config={
            t("model.col.index"): st.column_config.NumberColumn(format="%.1f"),
            "R²": st.column_config.NumberColumn(format="%.3f"),
            "AVE": st.column_config.NumberColumn(format="%.3f"),
            t("model.col.alpha"): st.column_config.NumberColumn(format="%.3f"),
        },
    )
    st.caption(t("model.indices_help", n=fit.n))

    st.subheader(t("model.paths"))
    paths = fit.paths
    table = {
        t("chart.from"): [labels.get(c, c) for c in paths["from"]],
        t("chart.to"): [labels.get(c, c) for c in paths["to"]],
        t("chart.coefficient"): paths["coefficient"].to_numpy(),
    }
    if fit.bootstrap is not None:
        boot_table = fit.bootstrap.set_index(["from", "to"])
        keys = list(zip(paths["from"], paths["to"]))
        table[t("chart.boot_low")] = [boot_table.at[k, "ci_low"] for k in keys]
        table[t("chart.boot_high")] = [boot_table.at[k, "ci_high"] for k in keys]
    show_table(
        pd.DataFrame(table),
        "model-paths",
        column_config={
            c: st.column_config.NumberColumn(format="%.3f")
            for c in (t("chart.coefficient"), t("chart.boot_low"), t("chart.boot_high"))
        },
    )

    show_chart(charts.loadings_chart(fit, inputs.blocks, labels, lang=L), "model-loadings")

# --- reliability of every dimension ----------------------------------------------------------------------
st.subheader(t("model.reliability"))
rel = view.reliability
if rel.empty:
    st.info(t("model.no_dimensions"))
else:
    show_table(
        pd.DataFrame(
            {
                t("chart.dimension"): [labels.get(d, d) for d in rel["dimension"]],
                t("designer.col.role"): [t(f"role.{r}") for r in rel["role"]],
                t("model.col.items"): rel["items"],
                t("model.col.alpha"): rel["alpha"],
                t("model.col.acceptable"): [t("common.yes") if a else t("common.no") for a in rel["acceptable"]],
            }
        ),
        "model-reliability",
        column_config={t("model.col.alpha"): st.column_config.NumberColumn(format="%.3f")},
    )
    st.caption(t("model.alpha_help"))
