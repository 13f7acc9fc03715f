"""Overview: satisfaction index, NPS, loyalty index and responses, the worst gaps, segments at risk."""

import pandas as pd
import streamlit as st

from metrics.compare import SMALL_GROUP
from survey.storage import store
from ui import charts, figures
from ui.auth import workspace_id
from ui.cards import card, number, test_name
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start
from ui.state import database

start("overview.title", "overview.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
view = figures.overview(sel)
fig = view.figures

# --- which responses -------------------------------------------------------------------
if view.wave is None:
    st.caption(t("overview.all_responses", count=fig["n"]))
elif view.previous_wave is None:
    st.caption(t("overview.first_wave", wave=view.wave, count=fig["n"]))
else:
    st.caption(t("overview.wave_vs", wave=view.wave, previous=view.previous_wave, count=fig["n"]))

# --- targets (stored with the survey) --------------------------------------------------------
with database().session() as s:
    targets = store.targets(s, workspace_id(), sel.survey.id)


def _keep_target(name: str, key: str) -> None:
    with database().session() as s:
        store.set_target(s, workspace_id(), sel.survey.id, name, st.session_state[key])
        s.commit()


with st.expander(t("overview.targets")):
    st.caption(t("overview.targets_help"))
    target_cols = st.columns(3)
    for col, (name, (low, high)) in zip(target_cols, store.TARGET_FIGURES.items()):
        key = f"_target_{sel.survey.id}_{name}"
        st.session_state[key] = targets.get(name)
        col.number_input(
            t(f"card.{name}"),
            min_value=low,
            max_value=high,
            step=1.0,
            key=key,
            on_change=_keep_target,
            args=(name, key),
        )

# --- the cards ---------------------------------------------------------------------------
changes = view.changes
cols = st.columns(4)
card(
    cols[0],
    t("card.satisfaction"),
    fig["satisfaction"],
    change=changes.get("satisfaction"),
    previous_wave=view.previous_wave,
    target=targets.get("satisfaction"),
    help_text=t("card.satisfaction_help"),
)
nps_note = (
    t("card.nps_interval", low=number(fig["nps_low"], ".1f"), high=number(fig["nps_high"], ".1f"))
    if sel.inputs.recommend
    else t("card.no_recommend")
)
card(
    cols[1],
    t("card.nps"),
    fig["nps"],
    change=changes.get("nps"),
    previous_wave=view.previous_wave,
    target=targets.get("nps"),
    note=nps_note,
    help_text=t("card.nps_help"),
)
card(
    cols[2],
    t("card.loyalty"),
    fig["loyalty"],
    change=changes.get("loyalty"),
    previous_wave=view.previous_wave,
    target=targets.get("loyalty"),
    note=None if sel.inputs.loyalty else t("card.no_loyalty"),
    help_text=t("card.loyalty_help"),
)
card(
    cols[3],
    t("card.responses"),
    fig["n"],
    spec="d",
    change=changes.get("responses"),
    previous_wave=view.previous_wave,
    delta_color="off",
)

# --- worst gaps ----------------------------------------------------------------------------
left, right = st.container(), st.container()  # one under the other: the tables need the width
with left:
    st.subheader(t("overview.worst_gaps"))
    if not sel.inputs.gap_pairs:
        st.info(t("overview.no_pairs"))
    elif view.worst_gaps.empty:
        st.success(t("overview.no_shortfall"))
    else:
        worst = view.worst_gaps
        show_table(
            pd.DataFrame(
                {
                    t("chart.indicator"): [labels.get(c, c) for c in worst["code"]],
                    t("chart.expectation"): worst["expectation"],
                    t("chart.perception"): worst["perception"],
                    t("chart.gap"): worst["gap"],
                    t("chart.weighted_gap"): worst["weighted_gap"],
                    t("chart.n"): worst["n"],
                }
            ),
            "overview-worst-gaps",
            column_config={
                t("chart.indicator"): st.column_config.TextColumn(width="medium"),
                t("chart.expectation"): st.column_config.NumberColumn(format="%.2f"),
                t("chart.perception"): st.column_config.NumberColumn(format="%.2f"),
                t("chart.gap"): st.column_config.NumberColumn(format="%+.2f"),
                t("chart.weighted_gap"): st.column_config.NumberColumn(format="%+.3f"),
            },
        )
        st.caption(t("overview.gaps_note"))

# --- segments at risk ----------------------------------------------------------------------
with right:
    st.subheader(t("overview.at_risk"))
    reference = t("overview.vs_previous", wave=view.previous_wave) if view.previous_wave else t("overview.vs_rest")
    alerts = view.alerts
    if sel.inputs.segment_fields:
        st.caption(reference)
    if not sel.inputs.segment_fields:
        st.info(t("overview.no_segments"))
    elif alerts.empty:
        st.success(t("overview.no_drops"))
    else:
        measure = {"satisfaction": t("card.satisfaction"), "nps": t("card.nps"), "loyalty": t("card.loyalty")}
        show_table(
            pd.DataFrame(
                {
                    t("overview.col.segment"): [
                        f"{labels.get(f, f)}: {v}" + (f" (n<{SMALL_GROUP})" if s else "")
                        for f, v, s in zip(alerts["field"], alerts["value"], alerts["small"])
                    ],
                    t("overview.col.measure"): [measure[m] for m in alerts["measure"]],
                    t("overview.col.current"): alerts["current"],
                    t("overview.col.reference"): alerts["reference"],
                    t("chart.difference"): alerts["difference"],
                    t("chart.test"): [test_name(x) for x in alerts["test"]],
                    t("chart.p_value"): alerts["p_value"],
                    t("chart.n"): alerts["n_current"],
                }
            ),
            "overview-segments-at-risk",
            column_config={
                t("overview.col.segment"): st.column_config.TextColumn(width="medium"),
                t("overview.col.current"): st.column_config.NumberColumn(format="%.1f"),
                t("overview.col.reference"): st.column_config.NumberColumn(format="%.1f"),
                t("chart.difference"): st.column_config.NumberColumn(format="%+.1f"),
                t("chart.p_value"): st.column_config.NumberColumn(format="%.3f"),
            },
        )
        st.caption(t("overview.small_note"))

# --- trend -------------------------------------------------------------------------------------
if len(view.trend) > 1:
    show_chart(charts.index_trend_chart(view.trend, lang=L), "overview-indices-by-wave")
