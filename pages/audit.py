"""Administrators: who imported, undid, deleted, edited or changed roles, and when."""

import pandas as pd
import streamlit as st

from survey.access import audit
from ui.downloads import EMPTY_CELL
from ui.i18n import t
from ui.page import start
from ui.state import database

start("audit.title", "audit.intro", need="audit.read")

actions = {"": t("audit.all_actions"), **{a: t(f"audit.action.{a}") for a in audit.ACTIONS}}
action = st.selectbox(t("audit.action"), list(actions), format_func=actions.get, key="audit_action")
with database().session() as s:
    rows = audit.entries(s, action=action or None)
if not rows:
    st.info(t("audit.empty"))
    st.stop()
table = pd.DataFrame(
    [
        {
            t("audit.at"): e.at,
            t("audit.who"): e.username,
            t("audit.action"): actions.get(e.action, e.action),
            t("signin.workspace"): e.workspace,
            t("audit.target"): e.target,
            t("audit.detail"): ", ".join(f"{k}={v}" for k, v in e.detail.items()),
        }
        for e in rows
    ]
)
st.dataframe(table, hide_index=True, width="stretch", placeholder=EMPTY_CELL)
st.caption(t("audit.shown", n=len(rows)))
