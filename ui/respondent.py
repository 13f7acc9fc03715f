"""The respondent's screen: language from the link, the language switch, refusals in words.

Session keys (st.session_state): "lang" (ui.i18n), "_answer_lang" (the
switch), "_answered" (the links this browser session has answered through:
"<link token>|<respondent token>", so a second click cannot send it twice).

Where the link takes one answer per personal link, the browser also keeps a mark (a cookie per link and
personal token, `ANSWERED_COOKIE`): a reload or a later visit is told it has answered. The server's token
rule stays the real guard; the mark only words it before the form is shown again.
"""

from __future__ import annotations

import re

import streamlit as st

from survey.design.definition import Problem, SurveyDefinition
from survey.i18n import LANGUAGE_NAMES, LANGUAGES
from ui.i18n import choose_language, lang, refusal, t

ANSWERED_KEY = "_answered"
ANSWERED_COOKIE = "satisfaction_answered"  # + ".<link token>.<respondent token>": this browser has answered
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{0,64}$")  # the characters of a link token: safe in a cookie name
_SWITCH_KEY = "_answer_lang"


def _keep_choice() -> None:
    choose_language(st.session_state[_SWITCH_KEY])


def language_switch() -> None:
    """中文 | English, at the top of the page where a phone shows it (the sidebar stays closed there)."""
    st.session_state[_SWITCH_KEY] = lang()
    st.radio(
        t("app.language"),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key=_SWITCH_KEY,
        horizontal=True,
        on_change=_keep_choice,
        label_visibility="collapsed",
    )


def answered_key(link_token: str, respondent_token: str | None) -> str:
    return f"{link_token}|{respondent_token or ''}"


def show_refusal(problems: list[Problem], defn: SurveyDefinition | None = None) -> None:
    """One error box: what is wrong, each with the question's label in the respondent's language."""
    lines = []
    for p in problems:
        node = defn.node(p.where) if defn and p.where else None
        lines.append(refusal(p.message, **{**p.params, "item": node.label(lang()) if node else p.where}))
    if len(lines) == 1:
        st.error(lines[0])
    else:
        st.error(t("answer.not_saved") + "\n\n" + "\n".join(f"- {line}" for line in lines))


def _answered_cookie(link_token: str, respondent_token: str | None) -> str | None:
    if not (_TOKEN.match(link_token or "") and _TOKEN.match(respondent_token or "")):
        return None
    return f"{ANSWERED_COOKIE}.{link_token}.{respondent_token or ''}"


def browser_has_answered(link_token: str, respondent_token: str | None) -> bool:
    """Whether this browser keeps the mark of an answer sent through the link (and personal token)."""
    name = _answered_cookie(link_token, respondent_token)
    try:
        return name is not None and st.context.cookies.get(name) == "1"
    except Exception:  # no browser behind the session (tests, scripts)
        return False


def remember_answered(link_token: str, respondent_token: str | None) -> None:
    """Write the browser's mark of an answer sent through the link (a cookie for a year, this site only)."""
    name = _answered_cookie(link_token, respondent_token)
    if name is not None:  # tokens of [A-Za-z0-9_-] only: nothing else reaches the script
        st.html(
            f"<script>document.cookie = '{name}=1; path=/; max-age=31536000; SameSite=Strict'"
            " + (location.protocol === 'https:' ? '; Secure' : '');</script>",
            unsafe_allow_javascript=True,
            width=1,
        )
