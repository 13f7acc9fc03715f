"""Sign in (the first administrator on first start); once signed in, your account and password."""

import streamlit as st

from survey.access import accounts
from survey.access.accounts import AccountError
from ui.auth import current, current_place
from ui.client import client_source
from ui.i18n import language_selector, plain, show_error, t, workspace_name
from ui.navigation import run_through_app
from ui.signin import SIGNIN_FLASH, sign_in_form, sign_out
from ui.state import database

run_through_app()
language_selector()
who = current()
if who is None:
    st.title(t("signin.page_title"))
    sign_in_form(then_first_page=True)
    st.stop()

st.title(t("account.title"))
place = current_place(who)
st.markdown(f"**{t('signin.username')}:** `{who.username}`")
if place is not None:
    st.markdown(f"**{t('signin.workspace')}:** {plain(workspace_name(place.name))} · {t('role.' + place.role)}")
else:
    st.info(t("signin.no_workspace", name=plain(who.name)))

st.subheader(t("account.change_password"))
with st.form("change_password", clear_on_submit=True):
    old = st.text_input(t("account.old_password"), type="password")
    new = st.text_input(t("account.new_password"), type="password")
    again = st.text_input(t("signin.password_again"), type="password")
    sent = st.form_submit_button(t("account.change_password"))
if sent:
    if new != again:
        st.error(t("account.password_mismatch"))
    else:
        try:
            accounts.change_own_password(database(), who, old, new, source=client_source())
        except AccountError as e:
            show_error(e)
        else:
            sign_out()  # every session of the account ended with the old password
            st.session_state[SIGNIN_FLASH] = t("account.password_changed")
            st.rerun()
