"""The dashboards' shared sidebar filters: survey, version, wave and segment fields.

Every dashboard page calls `dashboard_filters()` first. The choices are kept
in `st.session_state` (not only in the widgets, which Streamlit forgets on a
page without them), so they hold while the user moves between pages:

- "survey_id" (ui.state.SURVEY_KEY): the survey, shared with the design pages;
- "dashboard_filters" (FILTERS_KEY): per survey id, {"version": version
  number or 0 for all, "waves": [wave, ...] (empty = all), "segments":
  {field: [value, ...]} (empty = all)};
- "dashboard_weighting" (ui.weighting.WEIGHTING_KEY): per survey id, the weighting scheme chosen (0: none);
- "_filter_*": the widgets' own keys, re-seeded from the above on every run.

Options shown to the user are plain str / int values; their labels are
computed in the script run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from survey import analysis
from survey.storage import store
from survey.storage.store import SurveySummary
from ui import figures
from ui.auth import current_place, workspace_id
from ui.downloads import describe_exports, describe_weighting
from ui.i18n import lang, plain, t
from ui.selection import Selection
from ui.state import SURVEY_KEY, database
from ui.survey_picker import survey_labels, survey_summaries
from ui.weighting import weighting_switch

FILTERS_KEY = "dashboard_filters"
ALL = 0  # version option: every version


def _state(survey_id: int) -> dict:
    every = st.session_state.setdefault(FILTERS_KEY, {})
    return every.setdefault(survey_id, {"version": ALL, "waves": [], "segments": {}})


def _may(permissions: tuple[str, ...]) -> bool:
    """Whether the user's role may use one of these pages here (a hint never points to a page they cannot open)."""
    place = current_place()
    return place is not None and any(place.may(p) for p in permissions)


def _keep(widget_key: str, survey_id: int, slot: str, field: str | None = None) -> None:
    value = st.session_state[widget_key]
    state = _state(survey_id)
    if field is None:
        state[slot] = value
    else:
        state["segments"][field] = value


def _keep_survey() -> None:
    st.session_state[SURVEY_KEY] = st.session_state["_filter_survey"]


def _choose_survey(surveys: list[SurveySummary]) -> SurveySummary:
    by_id = {x.id: x for x in surveys}
    current = st.session_state.get(SURVEY_KEY)
    if current not in by_id:
        current = next((x.id for x in surveys if x.responses), surveys[0].id)
        st.session_state[SURVEY_KEY] = current
    st.session_state["_filter_survey"] = current
    names = survey_labels(surveys, lambda x: t("dash.responses_short", count=x.responses))
    st.sidebar.selectbox(
        t("common.survey"), list(by_id), format_func=names.get, key="_filter_survey", on_change=_keep_survey
    )
    return by_id[current]


def dashboard_filters(*, weighting: bool = True) -> Selection | None:
    """Sidebar filters; the selection, or None after telling the user what to do (no survey, no responses,
    nothing left after the filters). `weighting`: whether the page's figures take the survey weights of the
    weighting switch (`ui.weighting`); a page whose figures do not says so in the sidebar instead."""
    st.sidebar.subheader(t("dash.filters"))
    surveys = survey_summaries(include_archived=False)
    if not surveys:
        st.info(t("common.no_surveys" if _may(("surveys.design",)) else "dash.no_surveys_ask"))
        return None
    survey = _choose_survey(surveys)
    ws = workspace_id()
    with database().session() as s:
        stamp = store.data_version(s, ws, survey.id)
        versions = store.list_versions(s, ws, survey.id)
        state = _state(survey.id)
        numbers = [number for _, number, count in versions if count]
        if state["version"] not in numbers:
            state["version"] = ALL
        if len(numbers) > 1:
            labels = {ALL: t("dash.all_versions"), **{n: t("dash.version_n", number=n) for n in numbers}}
            st.session_state["_filter_version"] = state["version"]
            st.sidebar.selectbox(
                t("common.version"),
                [ALL, *numbers],
                format_func=labels.get,
                key="_filter_version",
                on_change=_keep,
                args=("_filter_version", survey.id, "version"),
            )
        chosen = state["version"]
        version_id = next((vid for vid, number, _ in versions if number == chosen), versions[-1][0])
        defn = store.load_definition(s, ws, version_id)
    if stamp[0] == 0:  # where to get answers: the pages that give them, or whom to ask
        st.info(t("dash.no_responses" if _may(("responses.import", "surveys.design")) else "dash.no_responses_ask"))
        return None
    inputs = analysis.analysis_inputs(defn)
    applied = weighting_switch(ws, survey.id, stamp, applies=weighting)
    source = (ws, survey.id, stamp, applied.key if applied else ())
    options = figures.filter_options(source, tuple(inputs.segment_fields))

    waves = _multiselect(t("dash.wave"), options.waves, "_filter_waves", survey.id, "waves", state["waves"])
    segments = []
    for name in inputs.segment_fields:
        values = options.segments.get(name, [])
        if not values:
            continue
        node = defn.node(name)
        label = plain(node.label(lang()) if node else name)  # a multiselect label reads Markdown
        kept = _multiselect(
            label, values, f"_filter_seg_{name}", survey.id, "segments", state["segments"].get(name, []), name
        )
        if kept:
            segments.append((name, tuple(kept)))
    selection = Selection(
        survey=survey,
        defn=defn,
        inputs=inputs,
        source=source,
        versions=(chosen,) if chosen != ALL else (),
        waves=tuple(waves),
        segments=tuple(segments),
        responses=0,
        total=stamp[0],
        weighting=applied.name if applied else "",
    )
    count = figures.response_count(selection)
    selection = replace(selection, responses=count)
    st.sidebar.caption(t("dash.filtered_count", count=count, total=stamp[0]))
    if count == 0:
        st.warning(t("dash.filter_empty"))
        return None
    title = t("export.about_survey", title=survey.title(lang()), id=survey.id)
    stamp_line = t("export.about_date", date=dt.datetime.now().strftime("%Y-%m-%d %H:%M"))
    describe_exports((title, *selection.filter_lines(lang()), stamp_line))
    describe_weighting(
        applied.caption() if applied else "", t("wt.caption", name=plain(applied.name)) if applied else ""
    )
    return selection


def _multiselect(label, values, key, survey_id, slot, stored, field=None) -> list[str]:
    if not values:
        return []
    kept = [v for v in stored if v in values]
    st.session_state[key] = kept
    st.sidebar.multiselect(
        label,
        values,
        key=key,
        placeholder=t("dash.all"),
        on_change=_keep,
        args=(key, survey_id, slot, field),
    )
    return kept
