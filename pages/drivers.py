"""Drivers: the relative importance of each indicator for overall satisfaction (or the recommend item), by
LMG or Johnson's relative weights, with an optional bootstrap interval."""

import streamlit as st

from metrics.drivers import METHODS
from survey.analysis import BOOTSTRAP, resamples_for
from ui.filters import dashboard_filters
from ui.i18n import lang, refusal, t
from ui.page import start
from ui.state import keep_choice
from ui.views import driver_targets, drivers_view

TARGET_KEY = "drivers_target"  # st.session_state: "overall" or "recommend", kept across pages
METHOD_KEY = "drivers_method"  # st.session_state: "lmg" or "johnson"


start("drv.title", "drv.intro", need="dashboards.read")
sel = dashboard_filters(weighting=False)  # its figures are not weighted (yet)
if sel is None:
    st.stop()
L = lang()

# --- choose ---------------------------------------------------------------------------------------------
targets = driver_targets(sel)
if not targets:
    st.info(t("drv.none"))
    st.stop()
if st.session_state.get(TARGET_KEY) not in targets:
    st.session_state[TARGET_KEY] = targets[0]
if st.session_state.get(METHOD_KEY) not in METHODS:
    st.session_state[METHOD_KEY] = METHODS[0]
st.session_state["_drivers_target"] = st.session_state[TARGET_KEY]
st.session_state["_drivers_method"] = st.session_state[METHOD_KEY]
target_names = {x: t(f"drv.target.{x}") for x in targets}
method_names = {m: t(f"drv.method.{m}") for m in METHODS}
left, right = st.columns(2)
left.radio(
    t("drv.target"),
    targets,
    format_func=target_names.get,
    key="_drivers_target",
    on_change=keep_choice,
    args=(TARGET_KEY, "_drivers_target"),
)
right.radio(
    t("drv.method"),
    METHODS,
    format_func=method_names.get,
    key="_drivers_method",
    on_change=keep_choice,
    args=(METHOD_KEY, "_drivers_method"),
)
method = st.session_state[METHOD_KEY]
count = resamples_for(method, len(sel.inputs.units), BOOTSTRAP)
boot = st.toggle(t("drv.bootstrap", count=count), key="_drivers_bootstrap")

# --- compute and show -------------------------------------------------------------------------------------------
with st.spinner(t("drv.computing")):
    view = drivers_view(sel, L, target=st.session_state[TARGET_KEY], method=method, bootstrap=BOOTSTRAP if boot else 0)
if view.chart is None:
    key, params = view.figures.problem
    st.error(refusal(key, **params))  # its parameters may name an item
    st.stop()
found = view.figures.drivers
st.caption(
    t(
        "drv.summary",
        r2=f"{found.result.r_squared:.3f}",
        n=found.result.n,
        percent=f"{100 * found.result.r_squared:.1f}",
    )
)
view.chart.show()
view.table.show()
if found.resamples:
    st.caption(t("drv.interval", resamples=found.resamples, seed=found.seed))
    if found.failed:
        st.caption(t("drv.interval_failed", failed=found.failed))
