"""The sign-in form (also the first administrator's form on first start), the permission check every staff page
makes first (`require`), the refusal, the account box.

`sign_in_form()` is shown in place of any staff page when nobody is signed in,
so a deep link signs in and lands where it pointed. Session keys: see ui.auth.
"""

from __future__ import annotations

import streamlit as st

from survey.access import accounts, audit
from survey.access.accounts import AccountError, Place, SignedIn
from survey.access.permissions import roles_with
from ui.auth import EXPIRED_KEY, TOKEN_KEY, WORKSPACE_KEY, current, current_place, remember_in_browser, write_cookie
from ui.i18n import plain, t
from ui.state import SURVEY_KEY, database

SIGNIN_FLASH = "_signin_flash"  # a message for the sign-in form (e.g. after a password change)


def actor(who: SignedIn | None = None) -> audit.Actor:
    """The signed-in user as the audit log names them."""
    who = who or current()
    return audit.Actor(who.account_id, who.username) if who else audit.SYSTEM


def sign_in_as(account_id: int, workspace_id: int | None = None) -> None:
    """Start a session for an account in this browser session (after sign-in, first admin or joining)."""
    with database().session() as s:
        token = accounts.start_session(s, account_id)
        s.commit()
    st.session_state[TOKEN_KEY] = token
    remember_in_browser(token)
    if workspace_id is not None:
        st.session_state[WORKSPACE_KEY] = workspace_id


def sign_out() -> None:
    with database().session() as s:
        accounts.end_session(s, st.session_state.get(TOKEN_KEY))
        s.commit()
    for key in (TOKEN_KEY, WORKSPACE_KEY, SURVEY_KEY):
        st.session_state.pop(key, None)
    remember_in_browser("")


def _first_admin_form() -> None:
    st.subheader(t("signin.first_admin"))
    st.caption(t("signin.first_admin_intro"))
    with st.form("first_admin"):
        username = st.text_input(t("signin.username"))
        display = st.text_input(t("signin.display_name"))
        password = st.text_input(t("signin.password"), type="password")
        again = st.text_input(t("signin.password_again"), type="password")
        sent = st.form_submit_button(t("signin.create_admin"), type="primary")
    if not sent:
        return
    if password != again:
        st.error(t("account.password_mismatch"))
        return
    try:
        with database().session() as s:
            account = accounts.create_first_admin(s, username, password, display)
            audit.record(s, audit.Actor(account.id, account.username), "first_admin", target=account.username)
            s.commit()
            account_id = account.id
    except AccountError as e:
        st.error(t(e.message, **e.params))
        return
    sign_in_as(account_id)
    st.rerun()


def sign_in_form() -> None:
    """Username and password; on first start the first administrator's form instead."""
    with database().session() as s:
        first = not accounts.has_accounts(s)
    if first:
        _first_admin_form()
        return
    st.subheader(t("signin.title"))
    flash = st.session_state.pop(SIGNIN_FLASH, None)
    if flash:
        st.success(flash)
    if st.session_state.pop(EXPIRED_KEY, False):
        st.info(t("signin.expired"))
    with st.form("sign_in"):
        username = st.text_input(t("signin.username"))
        password = st.text_input(t("signin.password"), type="password")
        sent = st.form_submit_button(t("signin.submit"), type="primary")
    st.caption(t("signin.student_hint"))
    if not sent:
        return
    account = checked_password(username, password)
    if account is not None:
        sign_in_as(account[0])
        st.rerun()


def checked_password(username: str, password: str, *, audit_success: bool = True) -> tuple[int, str] | None:
    """(account id, username) when the password is right; otherwise the reason is shown and None.

    Wrong passwords count towards the wait (survey.access.accounts) and go to the audit log as failed sign-ins.
    """
    with database().session() as s:
        try:
            account = accounts.authenticate(s, username, password)
        except AccountError as e:
            if e.message == "account.wrong_password":
                audit.record(s, None, "sign_in_failed", target=accounts.normal_username(username)[:100])
            s.commit()  # keeps the count of wrong passwords
            st.error(t(e.message, **e.params))
            return None
        if audit_success:
            audit.record(s, audit.Actor(account.id, account.username), "sign_in", target=account.username)
        s.commit()
        return account.id, account.username


def refuse(who: SignedIn, place: Place | None, permission: str) -> None:
    """The page is not for this user: their role in this workspace lacks `permission`. Says which roles
    have it, and whom to ask."""
    if place is None:
        st.warning(t("signin.no_workspace", name=who.name))
        return
    if place.role in roles_with(permission):  # the role has it, but not in this kind of workspace
        st.error(t("signin.not_here", role=t(f"role.{place.role}"), workspace=plain(place.name)))
        return
    names = [t(f"role.{r}") for r in roles_with(permission)]
    roles = t("signin.role_list").join(names[:-1]) + t("signin.role_or") + names[-1] if len(names) > 1 else names[0]
    st.error(t("signin.not_allowed", roles=roles, role=t(f"role.{place.role}"), workspace=plain(place.name)))


def _switch_workspace() -> None:
    st.session_state[WORKSPACE_KEY] = st.session_state["_workspace_choice"]
    for key in (SURVEY_KEY, "dashboard_filters"):
        st.session_state.pop(key, None)


def account_box(who: SignedIn, place: Place | None) -> None:
    """Sidebar: who is signed in (`who`, working in `place`, as app.py found them this run), the workspace
    switch (when there are several) and sign-out."""
    write_cookie()
    with database().session() as s:
        places = accounts.places(s, who)
    side = st.sidebar
    side.markdown(f"**{who.name}**")
    if len(places) > 1:
        names = {p.workspace_id: f"{p.name} · {t('role.' + p.role)}" for p in places}
        st.session_state["_workspace_choice"] = place.workspace_id
        side.selectbox(
            t("signin.workspace"),
            list(names),
            format_func=names.get,
            key="_workspace_choice",
            on_change=_switch_workspace,
        )
    elif place is not None:
        side.caption(f"{place.name} · {t('role.' + place.role)}")
    if side.button(t("signin.sign_out"), key="_sign_out"):
        sign_out()
        st.rerun()


def require(permission: str) -> Place:
    """The current place when the signed-in user has `permission` there; otherwise the page stops."""
    who = current()
    if who is None:
        sign_in_form()
        st.stop()
    place = current_place(who)
    if place is None or not place.may(permission):
        refuse(who, place, permission)
        st.stop()
    return place
