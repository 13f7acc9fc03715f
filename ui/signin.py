"""The sign-in form (also the first administrator's form on first start), the permission check every staff page
makes first (`require`), the refusal, the account box.

`sign_in_form()` is shown in place of any staff page when nobody is signed in,
so a deep link signs in and lands where it pointed. Session keys: see ui.auth.
Signing in and out, the first administrator and switching workspace are actions of
survey.access.accounts (checked, audited, committed there); this module shows their
forms and keeps the session token in the browser session.
"""

from __future__ import annotations

import streamlit as st

from survey.access import accounts, audit
from survey.access.accounts import AccountError, Place, SignedIn
from survey.access.permissions import roles_with
from ui.auth import EXPIRED_KEY, TOKEN_KEY, WORKSPACE_KEY, current, current_place, remember_in_browser, write_cookie
from ui.client import client_source
from ui.i18n import plain, show_error, t, workspace_name
from ui.state import SURVEY_KEY, database

SIGNIN_FLASH = "_signin_flash"  # a message for the sign-in form (e.g. after a password change)


def actor(who: SignedIn | None = None) -> audit.Actor:
    """The signed-in user as the audit log names them."""
    who = who or current()
    return who.actor if who else audit.SYSTEM


def _signed_in_with(token: str, workspace_id: int | None = None) -> None:
    """This browser session holds the sign-in session `token` (and works in `workspace_id`, when given)."""
    st.session_state[TOKEN_KEY] = token
    remember_in_browser(token)
    if workspace_id is not None:
        st.session_state[WORKSPACE_KEY] = workspace_id


def sign_in_as(account_id: int, workspace_id: int | None = None) -> None:
    """Start a session for an account in this browser session (after joining a class)."""
    _signed_in_with(accounts.open_session(database(), account_id), workspace_id)


def sign_out() -> None:
    accounts.sign_out(database(), st.session_state.get(TOKEN_KEY))
    for key in (TOKEN_KEY, WORKSPACE_KEY, SURVEY_KEY):
        st.session_state.pop(key, None)
    remember_in_browser("")


FIRST_PAGE_KEY = "_to_first_page"  # a sign-in on the sign-in page: app.py goes on to the role's first page


def _go_on(then_first_page: bool) -> None:
    """After signing in: the page asked for (a deep link's page shows itself), or, from the sign-in page,
    the role's first page (app.py asks `first_page_after_sign_in`)."""
    st.session_state[FIRST_PAGE_KEY] = then_first_page
    st.rerun()


def first_page_after_sign_in() -> bool:
    """Whether the sign-in just made was on the sign-in page, so the app shows the role's first page
    rather than the account's password form; asked once."""
    return bool(st.session_state.pop(FIRST_PAGE_KEY, False))


def _first_admin_form(then_first_page: bool) -> None:
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
        token = accounts.create_first_administrator(database(), username, password, display)
    except AccountError as e:
        show_error(e)
        return
    _signed_in_with(token)
    _go_on(then_first_page)


def sign_in_form(*, then_first_page: bool = False) -> None:
    """Username and password; on first start the first administrator's form instead. With
    `then_first_page` (the sign-in page itself, not a deep link's page) the signed-in user goes on to
    their role's first page instead of their account's password form."""
    with database().session() as s:
        first = not accounts.has_accounts(s)
    if first:
        _first_admin_form(then_first_page)
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
    try:
        _, token = accounts.sign_in(database(), username, password, source=client_source())
    except AccountError as e:
        show_error(e)
        return
    _signed_in_with(token)
    _go_on(then_first_page)


def checked_password(username: str, password: str) -> tuple[int, str] | None:
    """(account id, username) when the password is right (audited as a sign-in); otherwise the reason is
    shown and None.

    Wrong passwords count towards the wait of this browser's address (survey.access.throttle) and go to the
    audit log as failed sign-ins.
    """
    try:
        who = accounts.verify_password(database(), username, password, source=client_source())
    except AccountError as e:
        show_error(e)
        return None
    return who.account_id, who.username


def refuse(who: SignedIn, place: Place | None, permission: str) -> None:
    """The page is not for this user: their role in this workspace lacks `permission`. Says which roles
    have it, and whom to ask."""
    if place is None:
        st.warning(t("signin.no_workspace", name=plain(who.name)))
        return
    if place.role in roles_with(permission):  # the role has it, but not in this kind of workspace
        st.error(t("signin.not_here", role=t(f"role.{place.role}"), workspace=plain(workspace_name(place.name))))
        return
    names = [t(f"role.{r}") for r in roles_with(permission)]
    roles = t("signin.role_list").join(names[:-1]) + t("signin.role_or") + names[-1] if len(names) > 1 else names[0]
    st.error(
        t("signin.not_allowed", roles=roles, role=t(f"role.{place.role}"), workspace=plain(workspace_name(place.name)))
    )


def _switch_workspace() -> None:
    who = current()
    if who is None:
        return
    try:
        place = accounts.switch_workspace(database(), who, st.session_state["_workspace_choice"])
    except AccountError:
        return  # not one of theirs (any more): they stay where they were
    st.session_state[WORKSPACE_KEY] = place.workspace_id
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
        names = {p.workspace_id: f"{workspace_name(p.name)} · {t('role.' + p.role)}" for p in places}
        st.session_state["_workspace_choice"] = place.workspace_id
        side.selectbox(
            t("signin.workspace"),
            list(names),
            format_func=names.get,
            key="_workspace_choice",
            on_change=_switch_workspace,
        )
    elif place is not None:
        side.caption(f"{plain(workspace_name(place.name))} · {t('role.' + place.role)}")
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
