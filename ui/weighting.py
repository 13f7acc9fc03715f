"""The dashboards' weighting switch ("weighting: none / <scheme>").

The choice is kept per survey in st.session_state["dashboard_weighting"] ({survey id: scheme id}); the
switch shows once the survey has a scheme. The weights are computed over every response of the survey
(`ui.figures.scheme_weights`), before the filters, and travel with the responses as the column
`survey.analysis.WEIGHT_COLUMN` (`ui.figures.responses`), so every figure computed from the filtered
responses is weighted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import streamlit as st

from survey import weighting
from survey.weighting import WeightingError
from ui import figures
from ui.cards import number
from ui.i18n import error_text, plain, t
from ui.state import database

WEIGHTING_KEY = "dashboard_weighting"
NONE = 0  # the switch's "no weighting"


@dataclass(frozen=True)
class Applied:
    """The scheme the dashboards weight by: its id, name, margins (as JSON: a cache key) and the cost of the
    weights (Kish's design effect, the effective n)."""

    scheme_id: int
    name: str
    margins: str
    design_effect: float
    effective_n: float

    @property
    def key(self) -> tuple:
        return (self.scheme_id, self.name, self.margins)

    def caption(self) -> str:
        """What every weighted chart and card says under it."""
        return t(
            "wt.caption_full",
            name=plain(self.name),
            effective_n=number(self.effective_n, ".1f"),
            design_effect=number(self.design_effect, ".2f"),
        )


def margins_key(margins: dict) -> str:
    return json.dumps(margins, sort_keys=True, ensure_ascii=False)


def _keep(survey_id: int) -> None:
    st.session_state.setdefault(WEIGHTING_KEY, {})[survey_id] = st.session_state["_filter_weighting"]


def weighting_switch(workspace: int, survey_id: int, stamp: tuple, *, applies: bool = True) -> Applied | None:
    """The sidebar's weighting choice (shown once the survey has a scheme) and the scheme applied, or None
    (unweighted; a scheme that cannot weight these responses says why in the sidebar and is not applied).
    On a page whose figures are not weighted (`applies` False) the sidebar says so, the choice is kept."""
    found = weighting.schemes(database(), workspace, survey_id)
    if not found:
        return None
    if not applies:
        if st.session_state.get(WEIGHTING_KEY, {}).get(survey_id, NONE) in {x.id for x in found}:
            st.sidebar.caption(t("wt.not_here"))
        return None
    by_id = {x.id: x for x in found}
    chosen = st.session_state.setdefault(WEIGHTING_KEY, {}).get(survey_id, NONE)
    if chosen not in by_id:
        chosen = NONE
    st.session_state["_filter_weighting"] = chosen
    names = {NONE: t("wt.none"), **{x.id: x.name for x in found}}
    st.sidebar.selectbox(
        t("wt.switch"),
        [NONE, *by_id],
        format_func=names.get,
        key="_filter_weighting",
        on_change=_keep,
        args=(survey_id,),
    )
    if chosen == NONE:
        return None
    scheme = by_id[chosen]
    key = margins_key(scheme.margins)
    try:
        weights = figures.scheme_weights(workspace, survey_id, stamp, key)
    except WeightingError as err:
        st.sidebar.warning(t("wt.switch_failed", name=plain(scheme.name), reason=error_text(err)))
        return None
    return Applied(scheme.id, scheme.name, key, weights.design_effect, weights.effective_n)
