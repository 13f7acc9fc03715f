"""Every page runs through app.py's st.navigation, also the first one a fresh server shows.

Streamlit 1.67 treats an app with a `pages/` folder as an old-style multipage
app until some session has run `st.navigation`: a deep link such as
/answer?s=… or /links then runs pages/answer.py on its own, without app.py,
with every file of pages/ listed in the sidebar (staff pages on a
respondent's phone). `PagesManager.uses_pages_directory` is Streamlit's switch
for that; a page that finds it still on turns it off and runs again, now
through app.py. The first request after a restart pays one extra run.

AppTest turns the switch on again before every run (streamlit/testing/v1/
app_test.py, with the option global.appTest set); there the page keeps running
on its own, as the tests expect, and no rerun eats a click.
"""

from __future__ import annotations

import streamlit as st
from streamlit import config
from streamlit.runtime.pages_manager import PagesManager


def run_through_app() -> None:
    """Call first on every page: reruns through app.py when Streamlit ran the page file on its own."""
    if PagesManager.uses_pages_directory and not config.get_option("global.appTest"):
        PagesManager.uses_pages_directory = False
        st.rerun()
