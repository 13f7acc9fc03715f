"""Administrators: accounts, their roles in each workspace, and the workspaces."""

import pandas as pd
import streamlit as st

from survey.access import accounts
from survey.access.accounts import AccountError
from survey.access.permissions import MEMBER_ROLES
from ui.auth import current
from ui.downloads import EMPTY_CELL
from ui.i18n import show_error, t, workspace_name
from ui.page import start
from ui.state import database

start("users.title", "users.intro", need="users.manage")
me = current()


def _fail(e: AccountError) -> None:
    show_error(e)


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
ws_names = {i: f"{workspace_name(name)} ({kinds.get(kind, kind)})" for i, (name, kind) in workspaces.items()}
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
st.dataframe(table, hide_index=True, width="stretch", placeholder=EMPTY_CELL)

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
        accounts.add_account(
            database(),
            me,
            username,
            password,
            display_name=display,
            is_admin=is_admin,
            workspace_id=ws_choice,
            role=role_choice,
        )
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
            accounts.change_role(database(), me, who_id, ws_id, role or None)
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
                accounts.reset_password(database(), me, who_id, new)
            except AccountError as e:
                _fail(e)
            else:
                st.success(t("account.password_changed"))
    label = t("users.enable") if disabled else t("users.disable")
    if c2.button(label, key="users_disable", disabled=who_id == me.account_id):
        try:
            accounts.set_account_disabled(database(), me, who_id, not disabled)
        except AccountError as e:
            _fail(e)
        else:
            st.rerun()

st.subheader(t("users.workspaces"))
st.dataframe(
    pd.DataFrame([{t("users.workspace_name"): n, t("users.kind"): kinds.get(k, k)} for n, k in workspaces.values()]),
    hide_index=True,
    width="stretch",
    placeholder=EMPTY_CELL,
)
with st.form("create_workspace", clear_on_submit=True):
    name = st.text_input(t("users.workspace_name"))
    if st.form_submit_button(t("users.create_workspace")):
        try:
            accounts.add_workspace(database(), me, name)
        except AccountError as e:
            _fail(e)
        else:
            st.rerun()

st.subheader(t("users.throttles"))
st.caption(t("users.throttles_intro"))
throttles = accounts.current_throttles(database(), me)
if not throttles:
    st.info(t("users.throttles_none"))
else:
    kind_names = {r.id: t(f"throttle.kind.{r.kind}") for r in throttles}
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("users.throttle_kind"): kind_names[r.id],
                    t("users.throttle_key"): r.key,
                    t("users.throttle_failures"): r.failures,
                    t("users.throttle_last"): r.last_failed_at,
                    t("users.throttle_until"): r.blocked_until,
                }
                for r in throttles
            ]
        ),
        hide_index=True,
        width="stretch",
    )
    described = {r.id: f"{kind_names[r.id]}: {r.key}" for r in throttles}
    c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
    chosen = c1.selectbox(t("users.throttle_choose"), list(described), format_func=described.get, key="users_throttle")
    if c2.button(t("users.throttle_clear"), key="users_throttle_clear"):
        try:
            accounts.clear_throttle(database(), me, chosen)
        except AccountError as e:
            _fail(e)
        else:
            done(t("users.throttle_cleared", what=described[chosen]))
