"""Administrators: who imported, undid, deleted, edited or changed roles, and when.

Every entry is reachable: filters (action, user, dates) and pages of `audit.PAGE_SIZE` entries, with the
total; the whole selection downloads as CSV or Excel (formula-safe). Failed sign-ins come folded, one entry
per address and username tried, with a count. Session keys: "audit_action", "audit_user", "audit_since",
"audit_until", "audit_page" (the widgets' own).
"""

import streamlit as st

from survey.access import audit
from survey.reporting import audit_export, exports
from ui.downloads import EMPTY_CELL
from ui.i18n import lang, t
from ui.page import start
from ui.state import database

start("audit.title", "audit.intro", need="audit.read")

with database().session() as s:
    names = audit.usernames(s)
actions = {"": t("audit.all_actions"), **{a: t(f"audit.action.{a}") for a in audit.ACTIONS}}
users = {"": t("audit.all_users"), **{n: n for n in names}}
c1, c2, c3, c4 = st.columns(4)
action = c1.selectbox(t("audit.action"), list(actions), format_func=actions.get, key="audit_action")
user = c2.selectbox(t("audit.user"), list(users), format_func=users.get, key="audit_user")
since = c3.date_input(t("audit.since"), value=None, key="audit_since")
until = c4.date_input(t("audit.until"), value=None, key="audit_until")
filters = audit.Filters(action=action or None, username=user or None, since=since, until=until)

with database().session() as s:
    pages = audit.search(s, filters, per_page=audit.PAGE_SIZE).pages
if st.session_state.get("audit_page", 1) > pages:  # a filter narrowed the selection: its last page
    st.session_state["audit_page"] = pages
number = st.number_input(t("audit.page"), min_value=1, max_value=pages, value=1, step=1, key="audit_page")
with database().session() as s:
    found = audit.search(s, filters, page=int(number))
if not found.total:
    st.info(t("audit.empty"))
    st.stop()
st.dataframe(audit_export.audit_table(found.entries, lang()), hide_index=True, width="stretch", placeholder=EMPTY_CELL)
st.caption(t("audit.page_of", total=found.total, page=found.number, pages=found.pages, per_page=audit.PAGE_SIZE))


def every_entry() -> list[audit.Entry]:
    with database().session() as s:
        return audit.every_entry(s, filters)


language = lang()
st.caption(t("audit.export"))
with st.container(horizontal=True, gap="small"):
    for label, ext, mime, write in (
        (t("export.csv"), "csv", exports.CSV_MIME, audit_export.audit_csv),
        (t("export.xlsx"), "xlsx", exports.XLSX_MIME, audit_export.audit_xlsx),
    ):
        st.download_button(
            label,
            data=lambda write=write: write(every_entry(), language),
            file_name=f"audit-log.{ext}",
            mime=mime,
            key=f"audit_download_{ext}",
            on_click="ignore",
            type="tertiary",
            icon=":material/download:",
        )
