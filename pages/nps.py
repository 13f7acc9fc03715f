"""NPS: the 0–10 answers, NPS by segment with intervals, and NPS by wave."""

import pandas as pd
import streamlit as st

from metrics.compare import SMALL_GROUP
from ui import charts, figures
from ui.cards import card, number
from ui.downloads import show_chart, show_table
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start

SEGMENT_KEY = "nps_segment"  # st.session_state: the segment field NPS is broken down by, kept across pages


def _keep() -> None:
    st.session_state[SEGMENT_KEY] = st.session_state["_nps_segment"]


start("nps.title", "nps.intro", need="dashboards.read")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
if sel.inputs.recommend is None:
    st.info(t("nps.none"))
    st.stop()

fields = list(sel.inputs.segment_fields)
by = None
if fields:
    if st.session_state.get(SEGMENT_KEY) not in fields:
        st.session_state[SEGMENT_KEY] = fields[0]
    st.session_state["_nps_segment"] = st.session_state[SEGMENT_KEY]
    by = st.session_state[SEGMENT_KEY]
view = figures.nps(sel, by)
result = view.result

cols = st.columns(4)
card(
    cols[0],
    t("card.nps"),
    result.score,
    note=t("card.nps_interval", low=number(result.ci_low), high=number(result.ci_high)),
    help_text=t("card.nps_help"),
)
card(
    cols[1],
    t("nps.promoters"),
    result.promoter_share * 100 if result.n else float("nan"),
    note=t("nps.count", count=result.promoters),
)
card(
    cols[2],
    t("nps.passives"),
    result.passive_share * 100 if result.n else float("nan"),
    note=t("nps.count", count=result.passives),
)
card(
    cols[3],
    t("nps.detractors"),
    result.detractor_share * 100 if result.n else float("nan"),
    note=t("nps.count", count=result.detractors),
)

show_chart(charts.nps_distribution_chart(view.distribution, lang=L), "nps-distribution")

# --- by segment ---------------------------------------------------------------------------------------
if fields:
    st.subheader(t("nps.by_segment"))
    field_names = {f: labels.get(f, f) for f in fields}
    st.selectbox(t("nps.segment_field"), fields, format_func=field_names.get, key="_nps_segment", on_change=_keep)
    table = view.by_segment
    if table is not None and not table.empty:
        show_chart(charts.nps_segment_chart(table, field_names[by], lang=L), "nps-by-segment")
        show_table(
            pd.DataFrame(
                {
                    field_names[by]: table["group"],
                    "NPS": table["score"],
                    t("chart.ci_low"): table["ci_low"],
                    t("chart.ci_high"): table["ci_high"],
                    t("chart.n"): table["n"],
                    t("nps.col.vs_rest"): table["difference"],
                    t("chart.p_value"): table["p_value"],
                    t("nps.col.significant"): [t("common.yes") if s else "" for s in table["significant"]],
                    t("nps.col.small"): [f"n<{SMALL_GROUP}" if s else "" for s in table["small"]],
                }
            ),
            "nps-by-segment",
            column_config={
                c: st.column_config.NumberColumn(format="%+.1f")
                for c in ("NPS", t("chart.ci_low"), t("chart.ci_high"), t("nps.col.vs_rest"))
            }
            | {t("chart.p_value"): st.column_config.NumberColumn(format="%.3f")},
        )
        st.caption(t("nps.segment_note"))

# --- by wave ------------------------------------------------------------------------------------------------
trend = view.trend
if len(trend) > 1:
    st.subheader(t("nps.by_wave"))
    show_chart(charts.nps_trend_chart(trend, lang=L), "nps-by-wave")
