"""Questionnaire preview: exactly what a respondent will see; nothing is stored."""

import streamlit as st

from survey.storage import choices as stored_choices
from survey.storage import store
from ui.auth import workspace_id
from ui.i18n import lang, t
from ui.page import start
from ui.questionnaire import render
from ui.state import database
from ui.survey_picker import choose_survey

start("preview.title", "preview.intro", need="surveys.design")
ws = workspace_id()
chosen = choose_survey()
if chosen is None:
    st.stop()
with database().session() as s:
    defn = stored_choices.load_definition(s, ws, store.current_version(s, ws, chosen.id).id)

st.divider()
with st.container(border=True):
    if render(defn, lang(), key=f"preview_{chosen.id}_{chosen.version}") is not None:
        st.success(t("form.preview_ok"))
