"""What every page does first: language switch, title, introduction."""

from __future__ import annotations

import streamlit as st

from survey.design.definition import Problem
from ui.downloads import ABOUT_KEY, WEIGHTED_KEY
from ui.i18n import language_selector, plain, refusal, t
from ui.navigation import run_through_app
from ui.signin import require
from ui.widget_texts import translate_widget_texts

# Streamlit's own "Download as CSV" in a table's toolbar writes cells as they are (a label
# "=HYPERLINK(...)" would run in a spreadsheet) and cannot be switched off (streamlit#8402): hidden on every
# page; the tables' downloads are ours (`ui.downloads.show_table`: every cell through `survey.spreadsheet`).
# Search and full screen stay.
TABLE_DOWNLOAD_HIDDEN = (
    '<style>[data-testid="stElementToolbarButton"]:has(button[aria-label^="Download as CSV"])'
    " { display: none !important; }</style>"
)


def start(title_key: str, intro_key: str | None = None, *, need: str | None = None) -> None:
    """Language switch, sign-in check (the page stops unless the user may `need`), title and introduction;
    the tables' own CSV download hidden (`TABLE_DOWNLOAD_HIDDEN`)."""
    run_through_app()
    st.html(TABLE_DOWNLOAD_HIDDEN)
    language_selector()
    translate_widget_texts()
    st.session_state.pop(ABOUT_KEY, None)  # a table downloaded here is of this page's selection only
    st.session_state.pop(WEIGHTED_KEY, None)  # set again by the dashboards' filters when weighted
    if need is not None:
        require(need)
    st.title(t(title_key))
    if intro_key:
        st.caption(t(intro_key))


def problem_text(p: Problem) -> str:
    # file.* messages and those naming a field name the place themselves; node problems name their code
    named = p.message.startswith("file.") or "field" in p.params or p.where.startswith(("nodes[", "title"))
    where = f"{plain(p.where)}: " if p.where and not named else ""
    return where + refusal(p.message, **p.params)  # its user text (a label, a file's value) as typed


def show_problems(heading_key: str, problems: list[Problem]) -> None:
    """An error box naming each problem in the user's language."""
    lines = "\n".join(f"- {problem_text(p)}" for p in problems[:50])
    more = f"\n- … (+{len(problems) - 50})" if len(problems) > 50 else ""
    st.error(f"{t(heading_key)}\n\n{lines}{more}")
