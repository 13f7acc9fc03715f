"""Administrators: accounts, their roles in each workspace, and the workspaces."""

import pandas as pd
import streamlit as st

from survey.access import accounts, audit
from survey.access.accounts import AccountError
from survey.access.permissions import MEMBER_ROLES
from ui.i18n import refusal, t
from ui.page import start
from ui.signin import actor
from ui.state import database

start("users.title", "users.intro", need="users.manage")
me = actor()


def _fail(e: AccountError) -> None:
    st.error(refusal(e.message, **e.params))


def done(message: str) -> None:
    """Show the page again with the change, and say what was done."""
    st.session_state["_users_flash"] = message
    st.rerun()


flash = st.session_state.pop("_users_flash", None)
if flash:
    st.success(flash)


with database().session() as s:
    people = [(a.id, a.username, a.display_name, a.is_admin, a.disabled) for a in accounts.list_accounts(s)]
    workspaces = {w.id: (w.name, w.kind) for w in accounts.list_workspaces(s)}
    roles = {a[0]: accounts.memberships(s, a[0]) for a in people}

kinds = {"organisation": t("users.kind_organisation"), "class": t("users.kind_class")}
ws_names = {i: f"{name} ({kinds.get(kind, kind)})" for i, (name, kind) in workspaces.items()}
role_names = {r: t(f"role.{r}") for r in MEMBER_ROLES}

st.subheader(t("users.accounts"))
table = pd.DataFrame(
    [
        {
            t("signin.username"): username,
            t("signin.display_name"): display,
            t("users.admin"): "✓" if admin else "",
            t("users.disabled"): "✓" if disabled else "",
            t("users.roles"): "; ".join(f"{ws_names.get(w, w)}: {role_names[r]}" for w, r in roles[i].items()),
        }
        for i, username, display, admin, disabled in people
    ]
)
st.dataframe(table, hide_index=True, width="stretch")

st.subheader(t("users.create"))
with st.form("create_account", clear_on_submit=True):
    c1, c2 = st.columns(2)
    username = c1.text_input(t("signin.username"))
    display = c2.text_input(t("signin.display_name"))
    password = c1.text_input(t("users.initial_password"), type="password")
    is_admin = c2.checkbox(t("users.admin"))
    ws_choice = c1.selectbox(t("signin.workspace"), list(ws_names), format_func=ws_names.get)
    role_choice = c2.selectbox(t("users.role"), list(role_names), format_func=role_names.get)
    sent = st.form_submit_button(t("users.create"), type="primary")
if sent:
    try:
        with database().session() as s:
            account = accounts.create_account(s, username, password, display_name=display, is_admin=is_admin)
            accounts.set_role(s, account.id, ws_choice, role_choice)
            audit.record(
                s,
                me,
                "account_create",
                workspace_id=ws_choice,
                target=account.username,
                role=role_choice,
                admin=is_admin,
            )
            s.commit()
    except AccountError as e:
        _fail(e)
    else:
        done(t("users.created", username=accounts.normal_username(username)))

if people:
    st.subheader(t("users.change"))
    names = {i: f"{username} ({display})" if display else username for i, username, display, *_ in people}
    who_id = st.selectbox(t("users.account"), list(names), format_func=names.get, key="users_account")
    c1, c2, c3 = st.columns(3)
    ws_id = c1.selectbox(t("signin.workspace"), list(ws_names), format_func=ws_names.get, key="users_ws")
    options = {"": t("users.no_role"), **role_names}
    now = roles[who_id].get(ws_id, "")
    role = c2.selectbox(
        t("users.role"), list(options), index=list(options).index(now), format_func=options.get, key="users_role"
    )
    if c3.button(t("users.save_role"), key="users_save_role"):
        try:
            with database().session() as s:
                accounts.set_role(s, who_id, ws_id, role or None)
                audit.record(
                    s, me, "role_change", workspace_id=ws_id, target=names[who_id], old=now or None, new=role or None
                )
                s.commit()
        except AccountError as e:
            _fail(e)
        else:
            done(t("users.role_saved"))
    disabled = next(p[4] for p in people if p[0] == who_id)
    c1, c2 = st.columns(2)
    with c1.form("reset_password", clear_on_submit=True):
        new = st.text_input(t("account.new_password"), type="password")
        if st.form_submit_button(t("users.reset_password")):
            try:
                with database().session() as s:
                    accounts.set_password(s, who_id, new)
                    audit.record(s, me, "password_reset", target=names[who_id])
                    s.commit()
            except AccountError as e:
                _fail(e)
            else:
                st.success(t("account.password_changed"))
    label = t("users.enable") if disabled else t("users.disable")
    if c2.button(label, key="users_disable", disabled=who_id == me.account_id):
        try:
            with database().session() as s:
                accounts.set_disabled(s, me, who_id, not disabled)
                s.commit()
        except AccountError as e:
            _fail(e)
        else:
            st.rerun()

st.subheader(t("users.workspaces"))
st.dataframe(
    pd.DataFrame([{t("users.workspace_name"): n, t("users.kind"): kinds.get(k, k)} for n, k in workspaces.values()]),
    hide_index=True,
    width="stretch",
)
with st.form("create_workspace", clear_on_submit=True):
    name = st.text_input(t("users.workspace_name"))
    if st.form_submit_button(t("users.create_workspace")):
        try:
            with database().session() as s:
                ws = accounts.create_workspace(s, name)
                audit.record(s, me, "workspace_create", workspace_id=ws.id, target=ws.name)
                s.commit()
        except AccountError as e:
            _fail(e)
        else:
            st.rerun()
