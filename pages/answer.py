"""A respondent answers through a link: /answer?s=<link token>[&t=<personal token>][&f=<fixed values>][&lang=en]."""

import streamlit as st

from survey import answering, fixed_links
from ui.i18n import lang, plain, t
from ui.navigation import run_through_app
from ui.questionnaire import removed_notice, render
from ui.respondent import (
    ANSWERED_KEY,
    answered_key,
    browser_has_answered,
    language_switch,
    remember_answered,
    show_refusal,
)
from ui.state import database

NOTICES_KEY = "answer_notices"  # st.session_state: answered key → what the form took out of the answers

run_through_app()
language_switch()
link = st.query_params.get("s", "")
personal = st.query_params.get("t") or None
fixed_token = st.query_params.get("f") or None

try:
    with database().session() as s:
        linked = answering.questionnaire_for_link(s, link)
except answering.LinkNotFound:
    st.error(t("answer.unknown_link"))
    st.stop()


def fixed_by_link() -> dict[str, str]:
    """The attributes this link fills itself (hidden from the respondent); the page stops, in words, for a
    link whose fixed values do not exist."""
    with database().session() as s:
        values = fixed_links.fixed_values(s, linked.survey_id, fixed_token)
    if values is None:
        st.error(t("answer.fixed_unknown"))
        st.stop()
    return values


fixed = fixed_by_link()
defn = linked.definition
answered = st.session_state.setdefault(ANSWERED_KEY, [])
notices = st.session_state.setdefault(NOTICES_KEY, {})
if answered_key(link, personal) in answered:
    st.header(plain(defn.title(lang())))
    st.success(t("answer.thanks"))
    if notices.get(answered_key(link, personal)):
        st.info(notices[answered_key(link, personal)])
    st.caption(t("answer.thanks_more"))
    if linked.one_answer_per_token:
        remember_answered(link, personal)
    st.stop()
if linked.one_answer_per_token and browser_has_answered(link, personal):
    st.header(plain(defn.title(lang())))
    st.success(t("answer.already_answered"))
    st.stop()
if not linked.is_open:
    st.header(plain(defn.title(lang())))
    st.error(t("answer.closed"))
    st.stop()
try:
    with database().session() as s:
        answering.check_respondent(s, linked, personal)
except answering.AnswerRefused as refused:
    st.header(plain(defn.title(lang())))
    show_refusal(refused.problems, defn)
    st.stop()

submission = render(fixed_links.without_fixed(defn, fixed), lang(), key=f"answer_{linked.version_id}")
if submission is not None:
    try:
        answering.send_answer(
            database(),
            link,
            submission.answers,
            submission.attributes,
            respondent_token=personal,
            fixed_token=fixed_token,
        )
    except answering.LinkNotFound:
        st.error(t("answer.unknown_link"))
    except answering.AnswerRefused as refused:
        show_refusal(refused.problems, defn)
    else:
        answered.append(answered_key(link, personal))
        notices[answered_key(link, personal)] = removed_notice(defn, submission.removed, lang())
        st.rerun()
