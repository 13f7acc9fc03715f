"""Join a class (no sign-in needed): the class code (filled in from the QR code's /join?code=…), a group, and a
new student account or an existing one; then the student is signed in, in the class.

Session keys (st.session_state): "_join_code" (the code typed), "_join_code_from_link" (the last code a link
brought), "_join_flash" (the welcome after joining). Wrong codes are counted by the browser's address and over
everyone, in the database (`classroom.look_up_code`), so a reload or a new browser session does not start
the count again.
"""

import streamlit as st

from survey import classroom
from survey.access.accounts import AccountError
from survey.classroom import ClassError
from ui.auth import WORKSPACE_KEY, current
from ui.classroom import page_link, plain
from ui.client import client_source
from ui.i18n import language_selector, show_error, t
from ui.navigation import run_through_app
from ui.signin import checked_password, sign_in_as
from ui.state import database

run_through_app()
language_selector()
st.title(t("join.title"))
flash = st.session_state.pop("_join_flash", None)
if flash:
    st.success(flash)
    page_link("pages/group.py", "group", t("join.open_group"), ":material/groups:")
    st.stop()
st.caption(t("join.intro"))

from_link = st.query_params.get("code", "")[:40]
if from_link and st.session_state.get("_join_code_from_link") != from_link:  # a QR code scanned (again)
    st.session_state["_join_code_from_link"] = st.session_state["_join_code"] = from_link
st.session_state.setdefault("_join_code", "")
code = st.text_input(t("join.code"), key="_join_code", max_chars=40, placeholder="ABCD-EFGH-JK23")
if not code.strip():
    st.stop()
try:
    with database().session() as s:
        target = classroom.look_up_code(s, code, source=client_source())
except ClassError as e:
    show_error(e)
    st.stop()
st.subheader(plain(target.name))
if not target.joining_open:
    st.error(t("join.closed"))
    st.stop()
groups = dict(target.groups)
group_id = st.selectbox(
    t("join.group"),
    list(groups),
    format_func=groups.get,
    index=None,
    placeholder=t("join.group_choose"),
    key="_join_group",
)


def welcome(account_id: int) -> None:
    """Join the class with an existing account, sign in there (when not signed in yet), say what is next."""
    try:
        with database().session() as s:
            workspace_id = classroom.join(s, account_id, code, group_id)
    except (ClassError, AccountError) as e:
        show_error(e)
        return
    if current() is None:
        sign_in_as(account_id, workspace_id=workspace_id)
    else:
        st.session_state[WORKSPACE_KEY] = workspace_id
    st.session_state["_join_flash"] = t("join.welcome", name=plain(target.name), group=plain(groups[group_id]))
    st.session_state.pop("_join_code", None)
    st.rerun()


who = current()
if who is not None:
    st.caption(t("join.as", name=plain(who.name)))
    if st.button(t("join.submit"), type="primary", disabled=group_id is None, key="join_signed_in"):
        welcome(who.account_id)
    st.stop()

new_tab, existing_tab = st.tabs([t("join.new_account"), t("join.existing_account")])
with new_tab, st.form("join_new"):
    username = st.text_input(t("signin.username"), help=t("account.username_invalid"))
    display = st.text_input(t("join.display_name"))
    password = st.text_input(t("signin.password"), type="password")
    again = st.text_input(t("signin.password_again"), type="password")
    create = st.form_submit_button(t("join.create_and_join"), type="primary")
with existing_tab, st.form("join_existing"):
    old_username = st.text_input(t("signin.username"), key="_join_old_username")
    old_password = st.text_input(t("signin.password"), type="password", key="_join_old_password")
    sign_in = st.form_submit_button(t("join.sign_in_and_join"), type="primary")

if (create or sign_in) and group_id is None:
    st.error(t("join.group_needed"))
elif create:
    if password != again:
        st.error(t("account.password_mismatch"))
    else:
        try:  # the account and the joining are one transaction: a refused join leaves no account behind
            with database().session() as s:
                account_id, workspace_id = classroom.join_with_new_account(
                    s, code, group_id, username=username, password=password, display_name=display
                )
        except (AccountError, ClassError) as e:
            show_error(e)
        else:
            sign_in_as(account_id, workspace_id=workspace_id)
            st.session_state["_join_flash"] = t("join.welcome", name=plain(target.name), group=plain(groups[group_id]))
            st.session_state.pop("_join_code", None)
            st.rerun()
elif sign_in:
    account = checked_password(old_username, old_password)
    if account is not None:
        welcome(account[0])
