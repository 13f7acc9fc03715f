"""Choosing the survey to work on; the choice follows the user across pages."""

from __future__ import annotations

import streamlit as st

from survey.storage import store
from survey.storage.store import SurveySummary
from ui.auth import workspace_id
from ui.i18n import lang, t
from ui.state import SURVEY_KEY, database


def survey_summaries(*, include_archived: bool = True) -> list[SurveySummary]:
    with database().session() as s:
        return store.list_surveys(s, workspace_id(), include_archived=include_archived)


def survey_labels(surveys: list[SurveySummary], describe=None) -> dict[int, str]:
    """id → what a survey picker shows: its title in the user's language (with `describe(summary)` after
    it, when given), and "#id" after a title another survey of the list also carries, so that two surveys
    of the same name are told apart, each opening itself (a picker's choice travels as its label)."""
    titles = [x.title(lang()) for x in surveys]
    shared = {title for title in titles if titles.count(title) > 1}
    labels = {}
    for x, title in zip(surveys, titles):
        label = f"{title} · #{x.id}" if title in shared else title
        labels[x.id] = f"{label} · {describe(x)}" if describe else label
    return labels


def choose_survey(*, include_archived: bool = False) -> SurveySummary | None:
    """A survey selector; None (with a hint) when there are no surveys."""
    surveys = survey_summaries(include_archived=include_archived)
    if not surveys:
        st.info(t("common.no_surveys"))
        return None
    by_id = {x.id: x for x in surveys}
    current = st.session_state.get(SURVEY_KEY)
    ids = list(by_id)
    chosen = st.selectbox(
        t("common.survey"),
        ids,
        index=ids.index(current) if current in by_id else 0,
        format_func=survey_labels(surveys, lambda x: f"v{x.version}").get,
    )
    st.session_state[SURVEY_KEY] = chosen
    return by_id[chosen]
