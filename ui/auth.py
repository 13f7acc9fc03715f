"""Sign-in state: who is signed in (the session token, its cookie) and the workspace they work in.

Session keys (st.session_state): "auth_token" (the sign-in session token;
the database keeps only its hash, see survey.access.accounts), "workspace_id" (the
workspace the user works in, one of their places), "_cookie" (a cookie
change waiting to be written by the browser).

A reload or a typed URL starts a new Streamlit session: the token also lives
in a browser cookie (`COOKIE`, SameSite=Strict, path /, Secure over HTTPS,
expiring with the session limit), written by a line of JavaScript after
sign-in and read back through `st.context.cookies`. Signing out deletes the
session in the database, so a stale cookie signs nobody in.
"""

from __future__ import annotations

import streamlit as st

from survey.access import accounts
from survey.access.accounts import Place, SignedIn
from ui.state import database

TOKEN_KEY = "auth_token"
WORKSPACE_KEY = "workspace_id"
COOKIE = "satisfaction_session"
_COOKIE_KEY = "_cookie"
EXPIRED_KEY = "_session_ended"


def _cookie_token() -> str | None:
    try:
        value = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind the session (tests, scripts)
        return None
    return value if isinstance(value, str) else None


def current() -> SignedIn | None:
    """The signed-in account, or None (not signed in, or the session expired)."""
    token = st.session_state.get(TOKEN_KEY)
    if not token and st.session_state.get(_COOKIE_KEY) != "":  # not just signed out
        token = _cookie_token()
    if not token:
        return None
    who = accounts.resume(database(), token)
    if who is None:
        if st.session_state.pop(TOKEN_KEY, None):
            st.session_state[EXPIRED_KEY] = True  # the sign-in form says why
    else:
        st.session_state[TOKEN_KEY] = token
    return who


def remember_in_browser(token: str) -> None:
    """Write (or, with "", delete) the session cookie on the next run (`write_cookie`)."""
    st.session_state[_COOKIE_KEY] = token


def write_cookie() -> None:
    """The JavaScript that stores the pending cookie change in the browser; call once per run."""
    token = st.session_state.get(_COOKIE_KEY)
    if token is None:
        return
    if token:
        st.session_state.pop(_COOKIE_KEY)  # written once; "" stays as the mark of a sign-out
    age = int(accounts.SESSION_LIMIT.total_seconds()) if token else 0
    if not all(c.isalnum() or c in "-_" for c in token):
        return
    st.html(
        "<script>document.cookie = "
        f"'{COOKIE}={token}; path=/; max-age={age}; SameSite=Strict'"
        " + (location.protocol === 'https:' ? '; Secure' : '');</script>",
        unsafe_allow_javascript=True,
        width=1,
    )


def current_place(who: SignedIn | None = None) -> Place | None:
    """The workspace the signed-in user works in, with their role there."""
    who = who or current()
    if who is None:
        return None
    with database().session() as s:
        places = accounts.places(s, who)
    if not places:
        return None
    chosen = st.session_state.get(WORKSPACE_KEY)
    found = next((p for p in places if p.workspace_id == chosen), None)
    if found is None:
        found = places[0]
        st.session_state[WORKSPACE_KEY] = found.workspace_id
    return found


def workspace_id() -> int:
    """The workspace the signed-in user works in; the page stops when there is none."""
    place = current_place()
    if place is None:
        st.stop()
    return place.workspace_id
