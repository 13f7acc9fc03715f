"""The Comments page's word statistics, cached: `survey.comments.term_tables` tokenizes every comment (jieba
for Chinese), which a rerun for a widget should not pay again."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from survey import comments

EXCERPT = 60  # characters of a comment in a picker


def excerpt(comment: str) -> str:
    """A comment on one line, cut to `EXCERPT` characters (…), for a picker's options."""
    flat = " ".join(str(comment).split())
    return flat if len(flat) <= EXCERPT else flat[: EXCERPT - 1] + "…"


@st.cache_data(show_spinner=False, max_entries=16)
def term_tables(key: tuple, _table: pd.DataFrame) -> comments.TermTables:
    """`survey.comments.term_tables` of `_table`, cached under `key`: the selection's key (survey, data
    version, filters), the recommend item, the comment item, and the page's category and search filters:
    what `_table` is made from (themes do not change the words)."""
    return comments.term_tables(_table)
