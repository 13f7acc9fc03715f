"""The user's language for this session, and the text in it."""

from __future__ import annotations

import re

import streamlit as st

from survey.errors import UserError
from survey.i18n import LANGUAGE_NAMES, LANGUAGES, Term, text
from survey.storage.store import DEFAULT_WORKSPACE

LANG_KEY = "lang"  # st.session_state: "zh" or "en", kept for the whole session
DEFAULT_LANG = "zh"


def lang() -> str:
    value = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return value if value in LANGUAGES else DEFAULT_LANG


def t(key: str, **params: object) -> str:
    return text(lang(), key, **params)


_MARKDOWN = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character: Markdown may escape each
# Streamlit's Markdown turns text into links, icons and emoji after the escapes are read: a web address
# (http://, www.), an e-mail address (a@b.org), ":material/home:" and ":smile:". A WORD JOINER (U+2060,
# invisible and never a line break) after each ":" and "@" and between "www" and "." leaves no such pattern.
_LINK_OR_SHORTCODE = re.compile(r"(?<=[:@])|(?<=www)(?=\\\.)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def plain(value: object) -> str:
    """User text (a survey title, a label, a class, group or workspace name, a comment) for an element that
    reads Markdown — st.markdown / write / caption / title / header / subheader / info / warning / error /
    success, and every widget's label, help, radio option, tab and expander label, st.metric label —
    shown as typed, on one line: every ASCII punctuation character backslash-escaped (so ``![](x)``,
    ``[a](b)``, ``<img>``, ``**x**``, ``$x$``, ``:red[x]`` stay text) and web and e-mail addresses and
    ``:shortcodes:`` broken by an invisible WORD JOINER, so no link, image or icon is made of it. The
    product's own Markdown goes around it: ``f"**{t('x')}:** {plain(name)}"``. Text shown where Streamlit
    reads no Markdown (selectbox and multiselect options, st.text, st.code, tables, charts) is given as
    it is."""
    escaped = _MARKDOWN.sub(r"\\\1", " ".join(str(value).split()))
    return _LINK_OR_SHORTCODE.sub(WORD_JOINER, escaped)


def plain_lines(value: object) -> str:
    """`plain` for a text of several lines (a survey's description, a comment): each line as typed, the
    line breaks kept."""
    return "  \n".join(plain(line) for line in str(value).splitlines())


def refusal(key: str, **params: object) -> str:
    """A refusal's message (a translation id and its parameters, as the survey layer raises them) in the
    user's language, every parameter that is user text escaped (`plain`), named fields (`Term`) worded."""
    return t(key, **{k: v if isinstance(v, Term) else plain(v) for k, v in params.items()})


def workspace_name(name: str) -> str:
    """A workspace's name as the user reads it: the one the app made itself in the user's language, any
    other as its users named it."""
    return t("workspace.default") if name == DEFAULT_WORKSPACE else name


def error_text(error: UserError) -> str:
    """A `survey.errors.UserError` (any refusal or unreadable input of the survey layer) in the user's
    language, its user text shown as typed."""
    return refusal(error.message, **error.params)


def show_error(error: UserError) -> None:
    """The one way the UI shows a refusal or an unreadable input of the survey layer: an error box in the
    user's language."""
    st.error(error_text(error))


_FROM_URL_KEY = "_lang_from_url"  # st.session_state: the URL's language last taken


LANG_COOKIE = "satisfaction_lang"  # the browser's last choice of language (a year; not personal data)
_COOKIE_PENDING = "_lang_cookie"  # st.session_state: a choice made (the cookie is written on every run)


def follow_url_language() -> None:
    """Take the URL's language (``?lang=en``: a questionnaire link, a bookmark, a reload) when it names
    another one than the URL last did; else, at a session's start, the browser's last choice (its
    cookie: a reload, a new tab, a URL typed without ?lang); zh when nothing has chosen one."""
    wanted = st.query_params.get("lang")
    if wanted in LANGUAGES and st.session_state.get(_FROM_URL_KEY) != wanted:
        st.session_state[_FROM_URL_KEY] = wanted
        st.session_state[LANG_KEY] = wanted
    if LANG_KEY not in st.session_state:
        saved = _cookie_language()
        st.session_state[LANG_KEY] = saved if saved in LANGUAGES else DEFAULT_LANG
    _write_language_cookie()


def _cookie_language() -> str | None:
    try:
        return st.context.cookies.get(LANG_COOKIE)
    except Exception:  # no browser behind the session (tests, scripts)
        return None


def _write_language_cookie() -> None:
    """The language cookie, written on every run (the same element each time: an element present on one
    run only would shift the page's widgets, and an open expander would close)."""
    st.session_state.pop(_COOKIE_PENDING, None)
    chosen = st.session_state.get(LANG_KEY)
    if chosen in LANGUAGES:  # one of two fixed words: nothing of the user's reaches the script
        st.html(
            f"<script>document.cookie = '{LANG_COOKIE}={chosen}; path=/; max-age=31536000; SameSite=Strict'"
            " + (location.protocol === 'https:' ? '; Secure' : '');</script>",
            unsafe_allow_javascript=True,
            width=1,
        )


def choose_language(chosen: str) -> None:
    """The user's choice of language, for this session, in the URL (a reload or bookmark keeps it) and in
    the browser (its cookie, written on the next run: a new tab or a URL without ?lang keeps it too)."""
    st.session_state[LANG_KEY] = chosen
    st.session_state[_FROM_URL_KEY] = chosen
    st.session_state[_COOKIE_PENDING] = chosen
    st.query_params["lang"] = chosen


def _keep_choice() -> None:
    choose_language(st.session_state["_lang_choice"])


def language_selector() -> None:
    """The sidebar switch between 中文 and English; the URL names the language shown (leaving a page drops
    its query, and a bookmark of the next page should still open in English)."""
    current = lang()
    if st.query_params.get("lang") != current and (current != DEFAULT_LANG or "lang" in st.query_params):
        st.query_params["lang"] = current
    st.session_state["_lang_choice"] = current
    st.sidebar.radio(
        t("app.language"),
        LANGUAGES,
        format_func=LANGUAGE_NAMES.get,
        key="_lang_choice",
        horizontal=True,
        on_change=_keep_choice,
    )
