"""Peer review (student): score every other group's presentation on the teacher's rubric; see what the group
submitted. Any student of a group may submit or change the group's scores for another group; the last one
submitted counts.

Session keys (st.session_state): "_peer_flash" (a message for the next run).
"""

import pandas as pd
import streamlit as st

from survey import actions as action_plans
from survey import classroom
from survey.classroom import ClassError
from survey.storage import store
from ui.action_plan import group_plan_config, group_plan_table
from ui.auth import current
from ui.classroom import plain, student_group
from ui.downloads import EMPTY_CELL
from ui.i18n import lang, show_error, t
from ui.page import start
from ui.state import database

start("peer.title", "peer.intro", need="peer.review")
who, place = current(), student_group()
ws, mine = place.workspace_id, place.group_id
try:
    with database().session() as s:
        summary = classroom.class_summary(s, ws)
        given = classroom.reviews_given(s, ws, mine)
except store.NotFound:
    st.error(t("group.not_found"))
    st.stop()
names = {g.id: g.name for g in summary.groups}
criteria, submitted = given.criteria, given.scores
st.subheader(t("group.heading", group=plain(names.get(mine, "")), name=plain(summary.name)))
flash = st.session_state.pop("_peer_flash", None)
if flash:
    st.success(flash)
if not criteria:
    st.info(t("peer.no_rubric"))
    st.stop()
others = [g for g in summary.groups if g.id != mine]
if not others:
    st.info(t("peer.no_other_groups"))
    st.stop()

# --- score the other groups ----------------------------------------------------------------------------------------
st.caption(t("peer.how", total=given.max_total))
for other in others:
    before = submitted.get(other.id)
    label = t("peer.review_of", group=plain(other.name))
    if before is not None:
        label += " · " + t("peer.done_total", total=given.totals[other.id])
    with st.expander(label, expanded=before is None, icon=":material/rate_review:"):
        if other.survey_id is not None:  # the group's action plan next to its gaps, for the rubric to score
            with database().session() as s:
                gaps = classroom.group_results(s, ws, other.id).indicators
                plan = action_plans.list_actions(s, ws, other.survey_id)
            st.caption(t("actions.peer_plan", group=plain(other.name), count=len(plan)))
            st.dataframe(
                group_plan_table(gaps, plan, lang()),
                hide_index=True,
                width="stretch",
                column_config=group_plan_config(lang()),
            )
        with st.form(f"review_{other.id}"):
            scores = {}
            for k, c in enumerate(criteria):
                scores[k] = st.number_input(
                    t("peer.criterion", name=plain(c.name(lang())), max=c.max),
                    min_value=0,
                    max_value=c.max,
                    step=1,
                    value=(before or {}).get(k),
                    placeholder=t("peer.score_placeholder", max=c.max),
                    key=f"score_{other.id}_{k}",
                )
            sent = st.form_submit_button(t("peer.submit") if before is None else t("peer.update"), type="primary")
        if sent:
            try:
                with database().session() as s:
                    classroom.review_group(s, who, ws, mine, other.id, scores)
            except ClassError as e:
                show_error(e)
            else:
                st.session_state["_peer_flash"] = t("peer.saved", group=plain(other.name))
                st.rerun()

# --- what the group submitted -----------------------------------------------------------------------------------------
st.header(t("peer.submitted"))
if not submitted:
    st.caption(t("peer.submitted_none"))
else:
    reviewed = [g for g in others if g.id in submitted]
    table = pd.DataFrame({t("classes.col.group"): [g.name for g in reviewed]})
    for k, c in enumerate(criteria):
        table[t("peer.col.criterion", name=c.name(lang()), max=c.max)] = [submitted[g.id].get(k) for g in reviewed]
    table[t("peer.col.total", max=given.max_total)] = [given.totals[g.id] for g in reviewed]
    st.dataframe(table, hide_index=True, width="stretch", placeholder=EMPTY_CELL)
