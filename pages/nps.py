"""NPS: the 0–10 answers, NPS by segment with intervals, and NPS by wave."""

import streamlit as st

from metrics.compare import SMALL_GROUP
from survey import comments
from ui import figures
from ui.auth import workspace_id
from ui.cards import card, number
from ui.filters import dashboard_filters
from ui.i18n import lang, t
from ui.page import start
from ui.state import database
from ui.views import nps_view

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
view = nps_view(sel, L, by=by)
result = view.figures.result

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

followed = comments.follow_up_counts(database(), workspace_id(), sel.survey.id, sel.inputs, figures.filtered(sel))
st.caption(t("nps.follow_up", detractors=followed.detractors, contacted=followed.contacted, resolved=followed.resolved))

view.distribution.show()

# --- by segment ---------------------------------------------------------------------------------------
if fields:
    st.subheader(t("nps.by_segment"))
    field_names = {f: labels.get(f, f) for f in fields}
    st.selectbox(t("nps.segment_field"), fields, format_func=field_names.get, key="_nps_segment", on_change=_keep)
    if view.by_segment_table is not None:
        view.by_segment_chart.show()
        view.by_segment_table.show()
        st.caption(t("nps.segment_note", min_n=SMALL_GROUP))
        st.caption(view.tests_note)

# --- by wave ------------------------------------------------------------------------------------------------
if view.trend is not None:
    st.subheader(t("nps.by_wave"))
    view.trend.show()
