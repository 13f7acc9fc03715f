"""The database handle and the per-session choices shared by every page.

Session keys (st.session_state): "lang" (ui.i18n), "survey_id" (the survey
the user is working on, kept while moving between pages). The dashboards
add "dashboard_filters" (ui.filters: version, waves and segment values per
survey), "priorities_importance" and "nps_segment" (the choices of
those pages); the Report page (pages/report.py) "report_pages",
"report_lang" and "report_files" (the last report built and what from).
"""

from __future__ import annotations

import streamlit as st

from survey.importing import batches
from survey.storage import seed
from survey.storage.db import Database, open_database

SURVEY_KEY = "survey_id"


@st.cache_resource(show_spinner=False)
def database() -> Database:
    """The app's database, migrated, with the demo surveys on first start, and without the rows of imports
    killed mid-way (`batches.sweep_unfinished`; an import running in another app instance is left alone)."""
    db = open_database()
    seed.load_demo_on_first_start(db)
    batches.sweep_unfinished(db)
    return db


def keep_choice(key: str, widget: str) -> None:
    """A widget's `on_change`: keep its value under `key` (a choice that outlives the widget, kept across
    pages: a widget's own key is forgotten when its page is left)."""
    st.session_state[key] = st.session_state[widget]
