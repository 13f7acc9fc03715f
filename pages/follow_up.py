"""Follow-up: the detractors (or the answers below a chosen threshold on any item) with their comments, for
the coordinator to follow up: status (open, contacted, resolved), a note, who handled it; contact details
only where the import kept them with the respondents' consent, "anonymous" otherwise.

User text (comments, notes, contact details) is shown only as text: in a table and with `st.text`."""

import streamlit as st

from survey import comments
from survey.access.accounts import AccountError
from survey.storage import store
from ui import figures
from ui.auth import current, workspace_id
from ui.comments import excerpt
from ui.filters import dashboard_filters
from ui.i18n import lang, show_error, t
from ui.page import start
from ui.state import database

DETRACTORS = ""  # the "which answers" option: detractors on the recommend item


start("followup.title", "followup.intro", need="followup.manage")
sel = dashboard_filters()
if sel is None:
    st.stop()
L = lang()
labels = sel.labels(L)
ws, db, who = workspace_id(), database(), current()

# --- choose which answers ---------------------------------------------------------------------------------
scored = [c for c in sel.inputs.scales if c != sel.inputs.recommend]
options = ([DETRACTORS] if sel.inputs.recommend else []) + scored
if not options:
    st.info(t("followup.nothing_scored"))
    st.stop()
names = {DETRACTORS: t("followup.detractors"), **{c: labels.get(c, c) for c in scored}}
left, right = st.columns(2)
which = left.selectbox(t("followup.which"), options, format_func=names.get, key="followup_which")
below = None
if which != DETRACTORS:
    low, high = sel.inputs.scales[which]
    below = right.number_input(
        t("followup.below", low=low, high=high),
        min_value=float(low) + 1,
        max_value=float(high),
        value=float(low + (high - low) // 2),
        step=1.0,
        key=f"followup_below_{which}",
    )
status_names = {x: t(f"followup.status_{x}") for x in comments.STATUSES}
statuses = st.multiselect(
    t("followup.status"),
    list(comments.STATUSES),
    format_func=status_names.get,
    placeholder=t("dash.all"),
    key="followup_statuses",
)

# --- the list ---------------------------------------------------------------------------------------------
frame = figures.filtered(sel)
listed = comments.follow_up_list(
    db,
    ws,
    sel.survey.id,
    sel.inputs,
    frame,
    comments.comment_items(sel.defn),
    item=None if which == DETRACTORS else which,
    below=below,
    statuses=tuple(statuses),
)
counts = comments.follow_up_counts(db, ws, sel.survey.id, sel.inputs, frame)
if sel.inputs.recommend:
    st.caption(t("followup.counts", detractors=counts.detractors, contacted=counts.contacted, resolved=counts.resolved))
if listed.empty:
    st.info(t("followup.empty"))
    st.stop()
table = listed.assign(
    contact=[c or t("followup.anonymous") for c in listed["contact"]],
    status=[status_names[x] for x in listed["status"]],
)
st.dataframe(
    table.rename(
        columns={
            "response_id": t("comments.response"),
            "wave": t("dash.wave"),
            "score": t("followup.score"),
            "comment": t("comments.comment"),
            "contact": t("followup.contact"),
            "status": t("followup.status"),
            "note": t("followup.note"),
            "handled_by": t("followup.handled_by"),
            "updated_at": t("followup.updated_at"),
        }
    ),
    hide_index=True,
    width="stretch",
    column_config={t("followup.score"): st.column_config.NumberColumn(format="%g")},
)
st.caption(t("followup.contact_note"))

# --- follow one up ------------------------------------------------------------------------------------------
st.subheader(t("followup.edit"))
rows = {int(r.response_id): r for r in listed.itertuples()}
chosen = st.selectbox(
    t("followup.pick"),
    list(rows),
    format_func=lambda r: f"#{r} · {rows[r].score:g} · {excerpt(rows[r].comment) or t('followup.no_comment')}",
    key="_followup_pick",
)
row = rows[chosen]
if row.comment:
    st.text(row.comment)  # the comments in full, as text
st.text(t("followup.contact_is", contact=row.contact or t("followup.anonymous")))
with st.form(f"followup_{chosen}"):
    status = st.radio(
        t("followup.status"),
        list(comments.STATUSES),
        index=comments.STATUSES.index(row.status),
        format_func=status_names.get,
        horizontal=True,
        key=f"_followup_status_{chosen}",
    )
    note = st.text_area(t("followup.note"), value=row.note, max_chars=comments.NOTE_MAX, key=f"_followup_note_{chosen}")
    if st.form_submit_button(t("followup.save"), key=f"_followup_save_{chosen}"):
        try:
            comments.set_follow_up(db, who, ws, chosen, status=status, note=note, lang=L)
        except (AccountError, comments.CommentError) as e:
            show_error(e)
        except store.NotFound:
            st.error(t("comments.gone"))
        else:
            st.rerun()
