"""The user's language for this session, and the text in it."""

from __future__ import annotations

import re

import streamlit as st

from survey.i18n import LANGUAGE_NAMES, LANGUAGES, Term, text

LANG_KEY = "lang"  # st.session_state: "zh" or "en", kept for the whole session
DEFAULT_LANG = "zh"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return value if value in LANGUAGES else DEFAULT_LANG


def t(key: str, **params: object) -> str:
    return text(lang(), key, **params)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=])")


def plain(value: object) -> str:
    """User text (a class, group or indicator name) for an element that reads Markdown, shown as typed:
    every Markdown character escaped, so `<script>`, `**x**` or `[a](b)` stay text."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(value).split()))


def refusal(key: str, **params: object) -> str:
    """A refusal's message (a translation id and its parameters, as the survey layer raises them) in the
    user's language, every parameter that is user text escaped (`plain`), named fields (`Term`) worded."""
    return t(key, **{k: v if isinstance(v, Term) else plain(v) for k, v in params.items()})


def _keep_choice() -> None:
    st.session_state[LANG_KEY] = st.session_state["_lang_choice"]


def language_selector() -> None:
    """The sidebar switch between 中文 and English."""
    current = lang()
    st.session_state["_lang_choice"] = current
    st.sidebar.radio(
        t("app.language"),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key="_lang_choice",
        horizontal=True,
        on_change=_keep_choice,
    )
