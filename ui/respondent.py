"""The respondent's screen: language from the link, the language switch, refusals in words.

Session keys (st.session_state): "lang" (ui.i18n), "_answer_lang" (the
switch), "_answered" (the links this browser session has answered through:
"<link token>|<respondent token>", so a second click cannot send it twice).
"""

from __future__ import annotations

import streamlit as st

from survey.design.definition import Problem, SurveyDefinition
from survey.i18n import LANGUAGE_NAMES, LANGUAGES
from ui.i18n import choose_language, lang, refusal, t

ANSWERED_KEY = "_answered"
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
